import './google-pay/boot.js'; // first: requests pay.js before anything else is evaluated
export { FeennexPay } from './elements/feennex-pay.js';
export type * from './types.js';
