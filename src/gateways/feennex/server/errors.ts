/**
 * Feennex's `error_code` catalogue and the typed error the client throws. The descriptions are
 * plain English a merchant may show (or adapt) for a payer; they never contain request data.
 */

/**
 * - `final`: Feennex answered and the operation did not happen; repeating it unchanged will fail again.
 * - `retriable`: nothing happened yet (the operation is processing, or a read failed in transit); try again later.
 * - `unknown-outcome`: a create may or may not have been applied; ask its status before anything else.
 */
export type FeennexErrorKind = 'final' | 'retriable' | 'unknown-outcome';

export interface FeennexErrorInfo {
  name: string;
  description: string;
}

export const FEENNEX_ERROR_CODES: Readonly<Record<number, FeennexErrorInfo>> = Object.freeze({
  1: { name: 'PAYWAY_NOT_FOUND', description: 'This payment method does not exist.' },
  2: { name: 'PAYWAY_NOT_USED', description: 'This payment method is not enabled for the shop.' },
  3: { name: 'PAYWAY_NOT_AVAILABLE', description: 'This payment method is temporarily unavailable.' },
  4: { name: 'AMOUNT_TOO_SMALL', description: 'The amount is below the minimum for this payment method.' },
  5: { name: 'AMOUNT_TOO_LARGE', description: 'The amount is above the maximum for this payment method.' },
  6: { name: 'OPERATION_NOT_UNIQUE', description: 'An operation with this order or payment id already exists.' },
  7: { name: 'OPERATION_NOT_FOUND', description: 'No operation with this id was found.' },
  8: { name: 'OPERATION_PROCESSING', description: 'The operation is still being processed; try again shortly.' },
  9: { name: 'INSUFFICIENT_BALANCE', description: 'The shop balance is too low for this payout.' },
  10: { name: 'INCORRECT_PARAMETER', description: 'A request parameter is incorrect (or the signature is invalid).' },
  11: { name: 'SHOP_NOT_FOUND', description: 'The shop was not found.' },
  12: { name: 'SHOP_NOT_ACTIVE', description: 'The shop is not active.' },
  13: { name: 'ACCOUNT_NOT_FOUND', description: 'The payee account was not found.' },
  14: { name: 'INCORRECT_ACCOUNT_STATUS', description: 'The payee account cannot receive this operation in its current status.' },
  15: { name: 'IP_DENIED', description: "The request came from an IP address not allowed in the shop's settings." },
  16: { name: 'INVALID_CURRENCY_EXCHANGE', description: 'This currency exchange is not available.' },
  17: { name: 'INVALID_SHOP_CONTRACT', description: "The shop's contract does not allow this operation." },
  18: { name: 'INCORRECT_ACCOUNT_TYPE', description: 'The payee account type does not fit this operation.' },
  19: { name: 'SHOP_AGGREGATOR_REQUIRED', description: 'This operation requires an aggregator shop.' },
});

/** The catalogue entry for a code; unknown codes get a generic entry rather than an exception. */
export function describeFeennexError(code: number | null): FeennexErrorInfo {
  if (code === null) return { name: 'NO_ANSWER', description: 'Feennex could not be reached or gave no valid answer.' };
  return FEENNEX_ERROR_CODES[code] ?? { name: 'UNKNOWN_ERROR', description: `Feennex error ${code}.` };
}

/** Methods that create something: a lost answer leaves their outcome unknown. */
const CREATES = new Set(['bill/create', 'invoice/create', 'transfer/create', 'withdraw/create']);

/** How to treat an explicit `error_code` answer of `method`. */
export function kindOfErrorCode(code: number, method: string): FeennexErrorKind {
  if (code === 8) return 'retriable';
  if (code in FEENNEX_ERROR_CODES) return 'final';
  // An undocumented code on a create may hide an applied operation: make the caller look.
  return CREATES.has(method) ? 'unknown-outcome' : 'final';
}

/** How to treat a call that got no usable answer (timeout, network error, 5xx, non-JSON). */
export function kindOfLostAnswer(method: string): FeennexErrorKind {
  return CREATES.has(method) ? 'unknown-outcome' : 'retriable';
}

export interface FeennexErrorInit {
  errorCode: number | null;
  message: string;
  kind: FeennexErrorKind;
  method: string;
  httpStatus?: number;
  cause?: unknown;
}

export class FeennexError extends Error {
  override readonly name = 'FeennexError';
  /** Feennex's `error_code`; null when there was no Feennex answer (timeout, network, HTTP error). */
  readonly errorCode: number | null;
  readonly kind: FeennexErrorKind;
  /** The API method, e.g. `invoice/create`. */
  readonly method: string;
  readonly httpStatus?: number;

  constructor(init: FeennexErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.errorCode = init.errorCode;
    this.kind = init.kind;
    this.method = init.method;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
  }

  /** Catalogue name of the code, e.g. `OPERATION_NOT_UNIQUE`. */
  get codeName(): string {
    return describeFeennexError(this.errorCode).name;
  }

  /**
   * For error 10 caused by a bad signature: the text Feennex signed (`Invalid sign, string_to_sign: …`).
   * It never contains the secret, so it is safe to log and is the quickest way to find a mismatch.
   */
  get stringToSign(): string | undefined {
    return /string_to_sign:\s*(.*)$/s.exec(this.message)?.[1];
  }
}

/** A call's input failed validation before anything was sent; `issues` name the fields. */
export class FeennexInputError extends TypeError {
  override readonly name = 'FeennexInputError';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(message);
  }
}
