// dist/paytool.js, the script-tag entry: a few hundred bytes that request pay.js at once, then load
// the elements (dist/paytool-elements.js, src/elements.ts) while pay.js downloads. The exports are
// src/elements.ts's. Imports nothing the rest imports (see google-pay/boot.ts).
import './google-pay/boot.js'; // first: requests pay.js

const elements = await import('./elements.js');

export const {
  PaytoolButton,
  FeennexPay,
  PaymentElement,
  configureGooglePay,
  GOOGLE_PAY_SCRIPT,
  TRUSTED_TYPES_POLICY,
  registerMessages,
  validatePaymentData,
  minorToDecimal,
} = elements;
export type * from './types.js';
