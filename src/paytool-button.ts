export { PaytoolButton } from './elements/paytool-button.js';
export type * from './types.js';
