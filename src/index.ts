import './google-pay/boot.js'; // first: requests pay.js before anything else is evaluated
export { PaytoolButton } from './elements/paytool-button.js';
export { FeennexPay } from './elements/feennex-pay.js';
export { PaymentElement } from './elements/payment-element.js';
export { configureGooglePay, GOOGLE_PAY_SCRIPT, TRUSTED_TYPES_POLICY } from './google-pay/loader.js';
export { registerMessages, type Messages } from './i18n/index.js';
export { validatePaymentData } from './protocol/payment-data.js';
export { minorToDecimal } from './protocol/currency.js';
export type * from './types.js';
