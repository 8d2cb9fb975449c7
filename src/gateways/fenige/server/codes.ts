import type { GatewayErrorKind } from '../../gateway-error.js';

/**
 * Fenige Payment Hub status codes (Fenige docs, "Possible errors"; see docs/gateways/fenige.md) and what a caller should
 * do about each, as a `GatewayErrorKind`:
 *
 * - `invalid-request`, `declined`, `configuration`: Fenige decided; nothing was charged. Sending the
 *   same request again gives the same answer.
 * - `unavailable`: Fenige could not reach the acquirer or the MPI, so the payment almost certainly
 *   never left Fenige; the same request may be sent again (same `transactionId`).
 * - `unknown-outcome`: the payment may or may not have happened; ask `details` before telling anyone.
 */

export interface FenigeCodeInfo {
  /** The HTTP status Fenige documents for the code. */
  httpStatus: number;
  kind: GatewayErrorKind;
  /** One line of English, fit to show to an integrator (and, for declines, to a payer). */
  description: string;
}

const info =
  (kind: GatewayErrorKind) =>
  (httpStatus: number, description: string): FenigeCodeInfo => ({ httpStatus, kind, description });
const invalid = info('invalid-request');
const setup = info('configuration');
const declined = info('declined');

export const FENIGE_ERROR_CODES: Readonly<Record<string, FenigeCodeInfo>> = Object.freeze({
  E8000: invalid(400, 'The request is incorrect: required fields are missing or their values are not valid.'),
  E8001: setup(403, 'Fenige understood the request but refuses to authorize it.'),
  E8002: setup(401, "Fenige rejected the merchant's credentials."),

  E0122: setup(404, 'The merchant does not exist.'),
  E0132: setup(404, 'The terminal does not exist.'),
  E0135: setup(404, 'The merchant has no terminal, or all of its terminals are inactive.'),
  E0137: setup(404, 'No terminal is marked as the default one.'),

  E0150: declined(422, 'The transaction was rejected.'),
  E0151: declined(422, 'The transaction was rejected: the currency is not supported.'),
  E0152: declined(422, "The transaction was rejected: the card's issuer is not supported."),
  E0156: declined(422, 'The transaction was rejected: the terminal does not support 3-D Secure.'),
  E0157: declined(422, 'The transaction was rejected: the card does not support 3-D Secure.'),
  E01583: declined(422, 'The transaction was rejected: the outside3ds object was not provided.'),
  E0159: declined(422, 'The transaction was rejected: the amount is restricted.'),
  E01596: declined(422, 'The transaction was rejected: cards issued in this country are blocked by the terminal.'),
  E01597: declined(422, "The transaction was rejected: the terminal's 3-D Secure version does not match the request."),
  E01598: declined(422, 'The transaction was rejected: no ECI value is available for the card provider.'),
  E01600: declined(422, 'The transaction was rejected: 3-D Secure 2 ran for a different card number than requested.'),
  E01601: declined(422, 'The transaction was rejected: the terminal is blocked for this card provider.'),
  E01602: declined(422, 'The transaction was rejected: its geographic scope is not permitted.'),
  // A 422: the authorization request was never built, so nothing reached the acquirer.
  E01607: setup(422, 'The transaction was rejected: the authorization request could not be generated.'),
  E0200: declined(422, 'The transaction was rejected: the card is blocked.'),
  E0201: declined(422, "The transaction was rejected: the card's BIN is blocked."),
  E0202: declined(422, 'The transaction was rejected: the terminal is blocked.'),
  E0203: declined(422, 'The transaction was rejected: the token is blocked.'),
  E0204: declined(422, "The transaction was rejected: the payer's data is on a sanctions (AML) list."),
  E0205: declined(422, 'The transaction was rejected: the bank is blocked.'),
  E0206: declined(422, 'The transaction was rejected: too many rejected transactions, the card is blocked.'),
  E0207: declined(422, 'The transaction was rejected: too many declined attempts, the card is blocked.'),
  E0208: declined(422, 'The transaction was rejected: a second attempt within 30 days after merchant advice code 03 or 21.'),
  E0209: declined(422, "The transaction was rejected: the sender's or receiver's name contains a fraudulent phrase."),
  E0210: declined(422, "The transaction was rejected: the sender's name looks suspicious."),
  E0211: declined(422, "The transaction was rejected: the card's country is blocked."),
  // Fenige answers it with 422 (rejected), so the terminal's time limit ended the transaction.
  E11000: declined(422, "The transaction was rejected: the terminal's processing time limit was exceeded."),

  // Configuration checks that fail before any authorization is sent, although answered with 500.
  E0142: setup(500, 'No commission configuration is set up for the terminal.'),
  E0190: setup(500, 'The currency rate is invalid.'),

  // The authorization may have been sent: only `details` can tell how it ended.
  E0153: { httpStatus: 500, kind: 'unknown-outcome', description: 'The transaction is pending: the connection to the card network (MIP) failed.' },
  E01599: { httpStatus: 500, kind: 'unknown-outcome', description: 'The transaction timed out while being processed.' },
  E9000: { httpStatus: 500, kind: 'unknown-outcome', description: 'Fenige failed for an unknown reason.' },
  E9008: { httpStatus: 500, kind: 'unknown-outcome', description: 'The MPI failed to initialize 3-D Secure.' },

  E9001: { httpStatus: 503, kind: 'unavailable', description: 'Fenige could not connect to the acquirer.' },
  E9002: { httpStatus: 503, kind: 'unavailable', description: 'Fenige could not connect to the MPI (3-D Secure server).' },
});

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
