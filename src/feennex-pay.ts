export { FeennexPay } from './elements/feennex-pay.js';
export type * from './types.js';
