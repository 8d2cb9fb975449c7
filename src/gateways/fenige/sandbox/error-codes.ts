/**
 * Fenige Payment Hub error catalogue (Fenige docs, "Possible errors"): HTTP status, message and what the
 * sandbox records for each code. Messages are Fenige's where its documentation gives one; the rest paraphrase
 * its description of the code.
 */

export type HttpStatusName =
  | 'OK'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE_ENTITY'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export const HTTP_STATUS_NAMES: Record<number, HttpStatusName> = {
  200: 'OK',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * What a payment that ends in this code leaves behind:
 * - `none`: refused before a transaction exists (configuration, connection) — nothing recorded,
 *   the body has no `requestUuid` / `transactionStatus` (as Fenige's 404 and 503 examples);
 * - `rejected`: recorded as FAILURE, body carries `transactionStatus: 'REJECTED'`;
 * - `pending`: recorded as IN_PROGRESS and settled later, body carries `transactionStatus: 'PENDING'`.
 */
export type ErrorEffect = 'none' | 'rejected' | 'pending';

export interface FenigeErrorCode {
  httpStatus: number;
  message: string;
  effect: ErrorEffect;
}

const notFound = (message: string): FenigeErrorCode => ({ httpStatus: 404, message, effect: 'none' });
const rejected = (message: string): FenigeErrorCode => ({ httpStatus: 422, message, effect: 'rejected' });
const serverError = (message: string): FenigeErrorCode => ({ httpStatus: 500, message, effect: 'rejected' });
const unavailable = (message: string): FenigeErrorCode => ({ httpStatus: 503, message, effect: 'none' });

export const FENIGE_ERROR_CODES = {
  E0122: notFound('Merchant not exists.'),
  E0132: notFound('Terminal not exists.'),
  E0135: notFound('Terminal for merchant not exists or all of them are inactive.'),
  E0137: notFound('There is no terminal marked as default.'),

  E0150: rejected('Transaction rejected'),
  E0151: rejected('Transaction rejected, currency is not supported'),
  E0152: rejected('Transaction rejected, issuer is not supported'),
  E0156: rejected('Transaction rejected, terminal does not support 3DS'),
  E0157: rejected('Transaction rejected, card does not support 3DS'),
  E01583: rejected('Transaction rejected, outside3ds object was not provided in transaction request'),
  E0159: rejected('Transaction rejected, restricted transaction amount has occurred'),
  E01596: rejected('Transaction rejected, terminal has blocked transaction with card issued in restricted country'),
  E01597: rejected('Transaction rejected, 3DS version of terminal are not compatible with 3DS version defined in request. Please contact the sales department'),
  E01598: rejected('Transaction rejected, ECI value is not available for card provider'),
  E01600: rejected('Transaction rejected, 3DS 2.X flow invoked for other card number than specified in the request'),
  E01601: rejected('Transaction rejected, terminal is blocked for provider'),
  E01602: rejected('Transaction rejected, geographic scope is not permitted for this transaction'),
  E01607: rejected('Transaction rejected, internal server error during authorization request generation'),
  E0200: rejected('Transaction rejected, card is blocked in Fenige System'),
  E0201: rejected('Transaction rejected, BIN is blocked in Fenige System'),
  E0202: rejected('Transaction rejected, Terminal is blocked in Fenige System'),
  E0203: rejected('Transaction rejected, Token is blocked in Fenige System'),
  E0204: rejected("Transaction rejected, user's personal data was found on AML (sanctions) list"),
  E0205: rejected('Transaction rejected, Bank is blocked in Fenige System'),
  E0206: rejected('Transaction rejected, too many rejected transactions and card is blocked'),
  E0207: rejected('Transaction rejected, too many declined attempts and card is blocked'),
  E0208: rejected('Transaction rejected, second transaction with merchant advice code 03 or 21 within 30 days'),
  E0209: rejected('Transaction rejected, sender or receiver name contains fraudulent phrase'),
  E0210: rejected('Transaction rejected, sender has suspicious name'),
  E0211: rejected('Transaction rejected, card country is blocked in Fenige System'),
  E11000: rejected('Transaction rejected, transaction processing time set by terminal was exceeded'),

  E0153: { httpStatus: 500, message: 'Transaction declined, problem with MIP connection', effect: 'pending' },
  E01599: serverError('Transaction declined, processing timeout'),
  E0142: serverError('Commission configuration is not added for terminal'),
  E0190: serverError('Currency rate is invalid'),
  E9000: serverError('Unknown reason'),
  E9008: serverError('MPI received 3DS initialize failed'),

  E9001: unavailable('Error acquirer connection'),
  E9002: unavailable('Error mpi connection'),
} as const satisfies Record<string, FenigeErrorCode>;

export type FenigeDeclineCode = keyof typeof FENIGE_ERROR_CODES;
