/**
 * What each `payment-*` event of the elements carries (docs/protocol.md §2.3). Here, beside the
 * session that fires them, so checkout/ needs nothing from elements/; elements/events.ts re-exports them.
 */
import type { FieldIssue } from '../protocol/index.js';

/** `payment-ready` carries no data: reading any field is a type error (test/types/elements.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `Record<string, never>` would let `detail.anything` compile
export interface PaymentReadyDetail {}
export interface PaymentUnavailableDetail {
  /** `not-ready` (isReadyToPay said no), `load-failed` (pay.js could not load) or `error` (isReadyToPay failed). */
  reason: 'not-ready' | 'load-failed' | 'error';
}
/** `payment-cancel` carries no data: reading any field is a type error (test/types/elements.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `Record<string, never>` would let `detail.anything` compile
export interface PaymentCancelDetail {}
export interface PaymentSuccessDetail {
  transactionId: string;
  status: string;
  response: Record<string, unknown>;
}
export interface PaymentFailureDetail {
  transactionId: string;
  code: string;
  message: string;
  response: Record<string, unknown>;
}
export interface PaymentErrorDetail {
  /** `INVALID_DATA`, `INVALID_CONFIGURATION` or `GOOGLE_PAY_ERROR`. */
  code: string;
  message: string;
  issues?: FieldIssue[];
}
export interface PaymentRedirectDetail {
  transactionId: string;
  url: string;
  method: 'GET' | 'POST';
}

export interface PaymentEventMap {
  'payment-ready': CustomEvent<PaymentReadyDetail>;
  'payment-unavailable': CustomEvent<PaymentUnavailableDetail>;
  'payment-cancel': CustomEvent<PaymentCancelDetail>;
  'payment-success': CustomEvent<PaymentSuccessDetail>;
  'payment-failure': CustomEvent<PaymentFailureDetail>;
  'payment-error': CustomEvent<PaymentErrorDetail>;
  'payment-redirect': CustomEvent<PaymentRedirectDetail>;
}
