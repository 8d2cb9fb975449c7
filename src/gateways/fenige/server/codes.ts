import type { GatewayErrorKind } from '../../gateway-error.js';
import { FENIGE_ERROR_CODES } from '../error-catalogue.js';

/**
 * What a Fenige code means for a caller. The codes themselves, with their HTTP status and
 * `GatewayErrorKind`, are the one catalogue in `../error-catalogue.ts`:
 *
 * - `invalid-request`, `declined`, `configuration`: Fenige decided; nothing was charged. Sending the
 *   same request again gives the same answer.
 * - `unavailable`: Fenige could not reach the acquirer or the MPI, so the payment almost certainly
 *   never left Fenige; the same request may be sent again (same `transactionId`).
 * - `unknown-outcome`: the payment may or may not have happened; ask `details` before telling anyone.
 */
export { FENIGE_ERROR_CODES, type FenigeCodeInfo, type FenigeErrorCode } from '../error-catalogue.js';

/** Transaction states of `details` (Fenige docs, "Transaction statuses"). `IN_PROGRESS` is the only non-final one. */
export const FENIGE_TRANSACTION_STATES: Readonly<Record<string, string>> = Object.freeze({
  IN_PROGRESS: 'The transaction is waiting to be executed.',
  FAILURE: 'The transaction failed.',
  SUCCESS: 'The transaction succeeded.',
  SUCCESS_WAITING_FOR_CLEARING: 'The transaction succeeded and waits for clearing.',
  REVERSED: 'The transaction was reversed (cancelled before clearing).',
  REFUNDED: 'The transaction was refunded.',
});

/** The one-line description of a Fenige error code or transaction state, if it is documented. */
export function describeFenigeCode(code: string): string | undefined {
  return FENIGE_ERROR_CODES[code]?.description ?? FENIGE_TRANSACTION_STATES[code];
}

/**
 * What to do about an error answer. Documented codes follow the table; anything else follows its
 * HTTP status: 429 (refused before processing) is `unavailable`, 401 and 403 are `configuration`, any
 * other 4xx but 408 is `gateway` (final, but not understood), and a 408 or 5xx is `unknown-outcome`
 * (the server may have acted before it failed).
 */
export function classifyFenigeError(code: string | undefined, httpStatus: number): GatewayErrorKind {
  const known = code ? FENIGE_ERROR_CODES[code] : undefined;
  if (known) return known.kind;
  if (httpStatus === 429) return 'unavailable';
  if (httpStatus === 401 || httpStatus === 403) return 'configuration';
  if (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408) return 'gateway';
  return 'unknown-outcome';
}
