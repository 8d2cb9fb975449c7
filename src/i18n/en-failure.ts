import type { Messages } from './messages.js';

/** English failure texts but the generic one (en.ts): only the after-click code imports them (failure.ts). */
export const enFailure: Omit<Messages['failure'], 'generic'> = {
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
};
