/**
 * What each `payment-*` event of the elements carries (docs/protocol.md §2.3). Here, beside the
 * session that fires them, so checkout/ needs nothing from elements/; elements/events.ts re-exports them.
 */
import type { FieldIssue } from '../protocol/index.js';

/** `payment-ready` carries no data: reading any field is a type error (test/types/elements.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `Record<string, never>` would let `detail.anything` compile
export interface PaymentReadyDetail {}
/** `payment-unavailable`'s detail: why Google Pay cannot be offered here (show another way to pay). */
export interface PaymentUnavailableDetail {
  /** `not-ready` (isReadyToPay said no), `load-failed` (pay.js could not load) or `error` (isReadyToPay failed). */
  reason: 'not-ready' | 'load-failed' | 'error';
}
/** `payment-cancel` carries no data: reading any field is a type error (test/types/elements.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `Record<string, never>` would let `detail.anything` compile
export interface PaymentCancelDetail {}
/** `payment-success`'s detail: the backend's answer for a paid `transactionId` (fulfil the order from your server, not from this event). */
export interface PaymentSuccessDetail {
  transactionId: string;
  status: string;
  response: Record<string, unknown>;
}
/** `payment-failure`'s detail: the gateway or your backend refused the payment; `code` names why, `message` is the payer's plain text. */
export interface PaymentFailureDetail {
  transactionId: string;
  code: string;
  message: string;
  response: Record<string, unknown>;
}
/** `payment-error`'s detail, for developers: bad `data`, a configuration mistake or a Google Pay error, with the fields at fault. */
export interface PaymentErrorDetail {
  /** `INVALID_DATA`, `INVALID_CONFIGURATION` or `GOOGLE_PAY_ERROR`. */
  code: string;
  message: string;
  issues?: FieldIssue[];
}
/** `payment-redirect`'s detail: the element is about to send the payer to 3-D Secure or a hosted page (`url`, `method`). */
export interface PaymentRedirectDetail {
  transactionId: string;
  url: string;
  method: 'GET' | 'POST';
}

/** Every event `<paytool-button>` and `<feennex-pay>` dispatch, with its detail type: `addEventListener` on the elements is typed from it. */
export interface PaymentEventMap {
  'payment-ready': CustomEvent<PaymentReadyDetail>;
  'payment-unavailable': CustomEvent<PaymentUnavailableDetail>;
  'payment-cancel': CustomEvent<PaymentCancelDetail>;
  'payment-success': CustomEvent<PaymentSuccessDetail>;
  'payment-failure': CustomEvent<PaymentFailureDetail>;
  'payment-error': CustomEvent<PaymentErrorDetail>;
  'payment-redirect': CustomEvent<PaymentRedirectDetail>;
}
