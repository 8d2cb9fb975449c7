import type { GatewayErrorKind } from '../gateway-error.js';

/**
 * Fenige Payment Hub's error codes (Fenige docs, "Possible errors"; see docs/gateways/fenige.md):
 * the one table the client (what a code means for the caller), the sandbox (what it answers and
 * records) and the tests read. The element's payer-message groups in `profile.ts` are kept apart
 * (they ship to the browser) and a test checks that they name exactly these codes.
 */

/**
 * What a payment that ends in this code leaves behind:
 * - `none`: refused before a transaction exists (request, credentials, configuration, connection):
 *   nothing recorded, the body has no `requestUuid` / `transactionStatus` (as Fenige's 404 and 503 examples);
 * - `rejected`: recorded as FAILURE, the body carries `transactionStatus: 'REJECTED'`;
 * - `pending`: recorded as IN_PROGRESS and settled later, the body carries `transactionStatus: 'PENDING'`.
 */
export type FenigeErrorEffect = 'none' | 'rejected' | 'pending';

/** One Fenige error code in the catalogue: its HTTP status, `GatewayErrorKind` and description. */
export interface FenigeCodeInfo {
  /** The HTTP status Fenige documents for the code. */
  httpStatus: number;
  /** What the code means for the caller (see `GatewayErrorKind`). */
  kind: GatewayErrorKind;
  effect: FenigeErrorEffect;
  /** Fenige's own message, where its documentation gives one (a paraphrase of its description otherwise). */
  message: string;
  /** One line of plain English, fit to show to an integrator (and, for declines, to a payer). */
  description: string;
}

type Entry = (message: string, description: string) => FenigeCodeInfo;
const notFound: Entry = (message, description) => ({ httpStatus: 404, kind: 'configuration', effect: 'none', message, description });
const rejected: Entry = (message, description) => ({ httpStatus: 422, kind: 'declined', effect: 'rejected', message, description });
const setupFailure: Entry = (message, description) => ({ httpStatus: 500, kind: 'configuration', effect: 'rejected', message, description });
const unknownOutcome: Entry = (message, description) => ({ httpStatus: 500, kind: 'unknown-outcome', effect: 'rejected', message, description });
const unavailable: Entry = (message, description) => ({ httpStatus: 503, kind: 'unavailable', effect: 'none', message, description });

const CATALOGUE = {
  // The request itself: Spring's validation, Basic auth and authorization.
  E8000: {
    httpStatus: 400,
    kind: 'invalid-request',
    effect: 'none',
    message: 'Bad Request',
    description: 'The request is incorrect: required fields are missing or their values are not valid.',
  },
  E8001: {
    httpStatus: 403,
    kind: 'configuration',
    effect: 'none',
    message: 'Forbidden',
    description: 'Fenige understood the request but refuses to authorize it.',
  },
  E8002: { httpStatus: 401, kind: 'configuration', effect: 'none', message: 'Unauthorized', description: "Fenige rejected the merchant's credentials." },

  // The merchant's setup, found before any transaction exists.
  E0122: notFound('Merchant not exists.', 'The merchant does not exist.'),
  E0132: notFound('Terminal not exists.', 'The terminal does not exist.'),
  E0135: notFound('Terminal for merchant not exists or all of them are inactive.', 'The merchant has no terminal, or all of its terminals are inactive.'),
  E0137: notFound('There is no terminal marked as default.', 'No terminal is marked as the default one.'),

  // Rejected: recorded as FAILURE, nothing charged.
  E0150: rejected('Transaction rejected', 'The transaction was rejected.'),
  E0151: rejected('Transaction rejected, currency is not supported', 'The transaction was rejected: the currency is not supported.'),
  E0152: rejected('Transaction rejected, issuer is not supported', "The transaction was rejected: the card's issuer is not supported."),
  E0156: rejected('Transaction rejected, terminal does not support 3DS', 'The transaction was rejected: the terminal does not support 3-D Secure.'),
  E0157: rejected('Transaction rejected, card does not support 3DS', 'The transaction was rejected: the card does not support 3-D Secure.'),
  E01583: rejected(
    'Transaction rejected, outside3ds object was not provided in transaction request',
    'The transaction was rejected: the outside3ds object was not provided.',
  ),
  E0159: rejected('Transaction rejected, restricted transaction amount has occurred', 'The transaction was rejected: the amount is restricted.'),
  E01596: rejected(
    'Transaction rejected, terminal has blocked transaction with card issued in restricted country',
    'The transaction was rejected: cards issued in this country are blocked by the terminal.',
  ),
  E01597: rejected(
    'Transaction rejected, 3DS version of terminal are not compatible with 3DS version defined in request. Please contact the sales department',
    "The transaction was rejected: the terminal's 3-D Secure version does not match the request.",
  ),
  E01598: rejected(
    'Transaction rejected, ECI value is not available for card provider',
    'The transaction was rejected: no ECI value is available for the card provider.',
  ),
  E01600: rejected(
    'Transaction rejected, 3DS 2.X flow invoked for other card number than specified in the request',
    'The transaction was rejected: 3-D Secure 2 ran for a different card number than requested.',
  ),
  E01601: rejected('Transaction rejected, terminal is blocked for provider', 'The transaction was rejected: the terminal is blocked for this card provider.'),
  E01602: rejected(
    'Transaction rejected, geographic scope is not permitted for this transaction',
    'The transaction was rejected: its geographic scope is not permitted.',
  ),
  E0200: rejected('Transaction rejected, card is blocked in Fenige System', 'The transaction was rejected: the card is blocked.'),
  E0201: rejected('Transaction rejected, BIN is blocked in Fenige System', "The transaction was rejected: the card's BIN is blocked."),
  E0202: rejected('Transaction rejected, Terminal is blocked in Fenige System', 'The transaction was rejected: the terminal is blocked.'),
  E0203: rejected('Transaction rejected, Token is blocked in Fenige System', 'The transaction was rejected: the token is blocked.'),
  E0204: rejected(
    "Transaction rejected, user's personal data was found on AML (sanctions) list",
    "The transaction was rejected: the payer's data is on a sanctions (AML) list.",
  ),
  E0205: rejected('Transaction rejected, Bank is blocked in Fenige System', 'The transaction was rejected: the bank is blocked.'),
  E0206: rejected(
    'Transaction rejected, too many rejected transactions and card is blocked',
    'The transaction was rejected: too many rejected transactions, the card is blocked.',
  ),
  E0207: rejected(
    'Transaction rejected, too many declined attempts and card is blocked',
    'The transaction was rejected: too many declined attempts, the card is blocked.',
  ),
  E0208: rejected(
    'Transaction rejected, second transaction with merchant advice code 03 or 21 within 30 days',
    'The transaction was rejected: a second attempt within 30 days after merchant advice code 03 or 21.',
  ),
  E0209: rejected(
    'Transaction rejected, sender or receiver name contains fraudulent phrase',
    "The transaction was rejected: the sender's or receiver's name contains a fraudulent phrase.",
  ),
  E0210: rejected('Transaction rejected, sender has suspicious name', "The transaction was rejected: the sender's name looks suspicious."),
  E0211: rejected('Transaction rejected, card country is blocked in Fenige System', "The transaction was rejected: the card's country is blocked."),
  // Answered 422 (rejected) so the terminal's time limit ended the transaction.
  E11000: rejected(
    'Transaction rejected, transaction processing time set by terminal was exceeded',
    "The transaction was rejected: the terminal's processing time limit was exceeded.",
  ),
  // Answered 422: the authorization request was never built, so nothing reached the acquirer; a setup problem.
  E01607: {
    ...rejected(
      'Transaction rejected, internal server error during authorization request generation',
      'The transaction was rejected: the authorization request could not be generated.',
    ),
    kind: 'configuration',
  },

  // Configuration checks that fail before any authorization is sent, although answered with 500.
  E0142: setupFailure('Commission configuration is not added for terminal', 'No commission configuration is set up for the terminal.'),
  E0190: setupFailure('Currency rate is invalid', 'The currency rate is invalid.'),

  // The authorization may have been sent: only `details` can tell how it ended.
  E0153: {
    httpStatus: 500,
    kind: 'unknown-outcome',
    effect: 'pending',
    message: 'Transaction declined, problem with MIP connection',
    description: 'The transaction is pending: the connection to the card network (MIP) failed.',
  },
  E01599: unknownOutcome('Transaction declined, processing timeout', 'The transaction timed out while being processed.'),
  E9000: unknownOutcome('Unknown reason', 'Fenige failed for an unknown reason.'),
  E9008: unknownOutcome('MPI received 3DS initialize failed', 'The MPI failed to initialize 3-D Secure.'),

  // Fenige could not reach the acquirer or the MPI: nothing was sent on.
  E9001: unavailable('Error acquirer connection', 'Fenige could not connect to the acquirer.'),
  E9002: unavailable('Error mpi connection', 'Fenige could not connect to the MPI (3-D Secure server).'),
} as const satisfies Record<string, FenigeCodeInfo>;

/** A documented Fenige error code, e.g. `E0150`. */
export type FenigeErrorCode = keyof typeof CATALOGUE;

/** The codes a payment can end in (the sandbox reaches each with a test card or amount): all but the request-level E8000–E8002. */
export type FenigeDeclineCode = Exclude<FenigeErrorCode, 'E8000' | 'E8001' | 'E8002'>;

/** Every documented Fenige error code with its HTTP status, kind, effect, Fenige's message and a plain description. */
export const FENIGE_ERROR_CODES: Readonly<Record<string, FenigeCodeInfo>> & typeof CATALOGUE = Object.freeze(CATALOGUE);

/** Whether `code` is one of Fenige's documented error codes. */
export const isFenigeErrorCode = (code: string): code is FenigeErrorCode => Object.hasOwn(CATALOGUE, code);
