import { FAILURE_STATUSES, PENDING_STATUSES, SUCCESS_STATUSES } from '../../../protocol/index.js';
import type { CheckoutAnswer } from '../../../server/gateway.js';
import { describeFenigeCode, FENIGE_ERROR_CODES } from './codes.js';
import { FenigeValidationError, type FenigeError } from './errors.js';
import { GATEWAY_SETUP_BODY } from '../../../server/http-answers.js';
import { transactionStateOf, type FenigeDetailsResponse } from './schemas.js';

/** Fenige's answers in the element's protocol (docs/protocol.md §4.2), for `fenigeCheckout`. */

export const isOneOf = (list: readonly string[], value: string) => list.includes(value);
export const isSuccess = (state: string) => isOneOf(SUCCESS_STATUSES, state);
export const isFailure = (state: string) => isOneOf(FAILURE_STATUSES, state);
export const isPending = (state: string) => isOneOf(PENDING_STATUSES, state);

/** Fenige's documented 404s that are about the merchant's setup, not about the transaction. */
export const SETUP_NOT_FOUND = new Set(Object.keys(FENIGE_ERROR_CODES).filter((code) => FENIGE_ERROR_CODES[code]!.httpStatus === 404));

/**
 * Codes about the merchant's own setup (credentials, terminal, configuration): the payer reads a
 * generic message, the merchant's logs and `onEvent` get Fenige's code and message.
 */
export const FENIGE_SETUP_CODES: ReadonlySet<string> = new Set(
  Object.keys(FENIGE_ERROR_CODES).filter((code) => FENIGE_ERROR_CODES[code]!.kind === 'configuration'),
);

export function failureAnswer(transactionId: string, error: FenigeError): CheckoutAnswer {
  const detail = { code: error.status, message: error.message };
  if (FENIGE_SETUP_CODES.has(error.status)) return { httpStatus: 422, body: { transactionId, ...GATEWAY_SETUP_BODY }, detail };
  // The element reads any 5xx as "unknown"; a final answer must stay a 4xx to be believed.
  const httpStatus = error.httpStatus && error.httpStatus >= 400 && error.httpStatus < 500 ? error.httpStatus : 422;
  const body: Record<string, unknown> = { transactionId, status: error.status, message: error.message };
  if (error.transactionStatus) body.transactionStatus = error.transactionStatus;
  if (error.errors) body.errors = error.errors;
  // Refused by the client's own validation: Fenige never saw it, the handler need not remember it.
  return { httpStatus, body, ...(error instanceof FenigeValidationError ? { notSent: true } : {}) };
}

export function notFinalAnswer(transactionId: string, error: FenigeError): CheckoutAnswer {
  return { httpStatus: 503, body: { transactionId, status: error.status, message: error.message } };
}

/** Fenige may or may not have charged: the handler's idempotency guard asks `details` (docs/architecture.md). */
export const unknownAnswer = (transactionId: string): CheckoutAnswer => ({
  httpStatus: 202,
  body: { transactionId, status: 'PENDING', message: 'The payment is being processed; ask again for its status.' },
  unknownOutcome: true,
});

/**
 * Only what the payer may see: the status endpoint is public to anyone holding the id. Named by
 * the merchant's `transactionId`, with Fenige's own id beside it when Fenige assigned one.
 */
export function detailsBody(details: FenigeDetailsResponse, transactionId = details.transactionId): Record<string, unknown> {
  const state = transactionStateOf(details);
  const body: Record<string, unknown> = { transactionId, status: state, transactionState: state };
  if (details.transactionId !== transactionId) body.gatewayTransactionId = details.transactionId;
  if (details.amount !== undefined) body.amount = details.amount;
  const currency = details.currency ?? details.currencyCode;
  if (currency !== undefined) body.currency = currency;
  const message = describeFenigeCode(state);
  if (message) body.message = message;
  return body;
}
