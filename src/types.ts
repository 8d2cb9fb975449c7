export type { PaymentData, Sender, FieldIssue, CheckoutRequest, HostedRequest } from './protocol/index.js';
export type * from './elements/events.js';
export type { PaymentState } from './elements/payment-element.js';
export type { Environment } from './google-pay/types.js';
