import './google-pay/boot.js'; // first: requests pay.js before anything else is evaluated
export { PaytoolButton } from './elements/paytool-button.js';
export type * from './types.js';
