import type { Messages } from './messages.js';

export const en: Messages = {
  processing: 'Processing your payment…',
  checking: 'We are checking your payment with the bank. Please wait and do not pay again.',
  success: 'Payment successful. Thank you!',
  redirecting: 'Taking you to your bank to confirm the payment…',
  payByCard: 'Pay by card',
  invalidData: 'This payment button is not set up correctly',
  failure: {
    declined: 'The payment was declined. Please try another card.',
    currency: 'This card cannot pay in this currency. Please try another card.',
    issuer: 'Your card issuer is not supported. Please try another card.',
    threeDs: 'This card could not be verified with 3-D Secure. Please try another card.',
    amountLimit: 'This amount is outside the limits allowed for this payment.',
    blocked: 'This card cannot be used for this payment. Please try another card.',
    timeout: 'The payment took too long and was not completed. Please try again.',
    unavailable: 'The payment service is temporarily unavailable. Please try again in a moment.',
    shopSetup: 'The shop cannot take this payment right now. Please contact the shop.',
    unknownOutcome: 'We could not confirm your payment. Please do not pay again: check your e-mail or contact the shop.',
    duplicate: 'This payment was already submitted. Please refresh the page before paying again.',
    generic: 'The payment could not be completed. Please try again or use another card.',
  },
};
