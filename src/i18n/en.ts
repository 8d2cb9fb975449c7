import type { PageMessages } from './messages.js';

/** English, as the page holds it before a payment (see `PageMessages`). */
export const en: PageMessages = {
  processing: 'Processing your payment…',
  checking: 'We are checking your payment with the bank. Please wait and do not pay again.',
  success: 'Payment successful. Thank you!',
  redirecting: 'Taking you to your bank to confirm the payment…',
  payByCard: 'Pay by card',
  invalidData: 'This payment button is not set up correctly',
  // The other failure texts are en-failure.ts: only a payment whose after-click code did not load needs this one here.
  failure: {
    generic: 'The payment could not be completed. Please try again or use another card.',
  },
};
