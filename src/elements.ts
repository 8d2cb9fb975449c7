// The elements and their API, without the boot: src/index.ts (npm, the single file) boots first
// and re-exports this; dist/paytool.js (src/script-entry.ts) boots, then imports this as its own chunk.
export { PaytoolButton } from './elements/paytool-button.js';
export { FeennexPay } from './elements/feennex-pay.js';
export { PaymentElement } from './elements/payment-element.js';
export { configureGooglePay, GOOGLE_PAY_SCRIPT, TRUSTED_TYPES_POLICY } from './google-pay/loader.js';
export { registerMessages, type Messages } from './i18n/index.js';
export { validatePaymentData } from './protocol/payment-data.js';
export { minorToDecimal } from './protocol/currency.js';
export type * from './types.js';
