import { describeIssues, GatewayError, TRANSPORT_ERROR_CODES, type GatewayErrorKind } from '../../gateway-error.js';
import type { FieldIssue } from '../../../protocol/index.js';

/**
 * Feennex's `error_code` catalogue and the typed error the client throws. The descriptions are
 * plain English a merchant may show (or adapt) for a payer; they never contain request data. Each
 * code's `kind` is what it means for the caller (see `GatewayErrorKind`).
 */

export interface FeennexErrorInfo {
  name: string;
  description: string;
  kind: GatewayErrorKind;
}

/** Feennex's error catalogue (`error_code` 1–19): name, English description and `GatewayErrorKind` of each; `describeFeennexError` reads it. */
export const FEENNEX_ERROR_CODES: Readonly<Record<number, FeennexErrorInfo>> = Object.freeze({
  1: { name: 'PAYWAY_NOT_FOUND', description: 'This payment method does not exist.', kind: 'configuration' },
  2: { name: 'PAYWAY_NOT_USED', description: 'This payment method is not enabled for the shop.', kind: 'configuration' },
  3: { name: 'PAYWAY_NOT_AVAILABLE', description: 'This payment method is temporarily unavailable.', kind: 'configuration' },
  4: { name: 'AMOUNT_TOO_SMALL', description: 'The amount is below the minimum for this payment method.', kind: 'declined' },
  5: { name: 'AMOUNT_TOO_LARGE', description: 'The amount is above the maximum for this payment method.', kind: 'declined' },
  6: { name: 'OPERATION_NOT_UNIQUE', description: 'An operation with this order or payment id already exists.', kind: 'invalid-request' },
  7: { name: 'OPERATION_NOT_FOUND', description: 'No operation with this id was found.', kind: 'invalid-request' },
  8: { name: 'OPERATION_PROCESSING', description: 'The operation is still being processed; try again shortly.', kind: 'unavailable' },
  9: { name: 'INSUFFICIENT_BALANCE', description: 'The shop balance is too low for this payout.', kind: 'declined' },
  10: { name: 'INCORRECT_PARAMETER', description: 'A request parameter is incorrect (or the signature is invalid).', kind: 'configuration' },
  11: { name: 'SHOP_NOT_FOUND', description: 'The shop was not found.', kind: 'configuration' },
  12: { name: 'SHOP_NOT_ACTIVE', description: 'The shop is not active.', kind: 'configuration' },
  13: { name: 'ACCOUNT_NOT_FOUND', description: 'The payee account was not found.', kind: 'invalid-request' },
  14: { name: 'INCORRECT_ACCOUNT_STATUS', description: 'The payee account cannot receive this operation in its current status.', kind: 'declined' },
  15: { name: 'IP_DENIED', description: "The request came from an IP address not allowed in the shop's settings.", kind: 'configuration' },
  16: { name: 'INVALID_CURRENCY_EXCHANGE', description: 'This currency exchange is not available.', kind: 'configuration' },
  17: { name: 'INVALID_SHOP_CONTRACT', description: "The shop's contract does not allow this operation.", kind: 'configuration' },
  18: { name: 'INCORRECT_ACCOUNT_TYPE', description: 'The payee account type does not fit this operation.', kind: 'invalid-request' },
  19: { name: 'SHOP_AGGREGATOR_REQUIRED', description: 'This operation requires an aggregator shop.', kind: 'configuration' },
});

/** The catalogue entry for a code; unknown codes get a generic entry rather than an exception. */
export function describeFeennexError(code: number | null): FeennexErrorInfo {
  if (code === null) return { name: 'NO_ANSWER', description: 'Feennex could not be reached or gave no valid answer.', kind: 'unknown-outcome' };
  return FEENNEX_ERROR_CODES[code] ?? { name: 'UNKNOWN_ERROR', description: `Feennex error ${code}.`, kind: 'gateway' };
}

/** Methods that create something: a lost answer leaves their outcome unknown. */
const CREATES = new Set(['bill/create', 'invoice/create', 'transfer/create', 'withdraw/create']);

/** How to treat an explicit `error_code` answer of `method`. */
export function kindOfErrorCode(code: number, method: string): GatewayErrorKind {
  const known = FEENNEX_ERROR_CODES[code];
  if (known) return known.kind;
  // An undocumented code on a create may hide an applied operation: make the caller look.
  return CREATES.has(method) ? 'unknown-outcome' : 'gateway';
}

/** How to treat a call that got no usable answer (timeout, network error, 5xx, non-JSON). */
export function kindOfLostAnswer(method: string): GatewayErrorKind {
  return CREATES.has(method) ? 'unknown-outcome' : 'unavailable';
}

/** `code` of a `FeennexError`: `FEENNEX_<error_code>`, or what happened when there was no Feennex answer. */
export const FEENNEX_NO_ANSWER_CODES = Object.freeze({
  ...TRANSPORT_ERROR_CODES,
  /** A create whose outcome stayed unknown after the client's own retries and status checks. */
  unknownOutcome: 'UNKNOWN_OUTCOME',
  /** The call's input failed validation; nothing was sent. */
  invalidInput: 'FEENNEX_INVALID_INPUT',
} as const);

/** What a `FeennexError` is made from: Feennex's `error_code`, message, kind and the method called. */
export interface FeennexErrorInit {
  errorCode: number | null;
  message: string;
  kind: GatewayErrorKind;
  method: string;
  /** Required when `errorCode` is null: one of `FEENNEX_NO_ANSWER_CODES` or `HTTP_<status>`. */
  code?: string;
  issues?: readonly FieldIssue[];
  httpStatus?: number;
  cause?: unknown;
}

/**
 * Any failed Feennex call: an error envelope (`error_code`), no usable answer (timeout, network,
 * HTTP error), a create whose outcome stayed unknown, or input refused before sending
 * (`FeennexInputError`). `kind` says what to do next; never holds the secret key or a token.
 */
export class FeennexError extends GatewayError {
  /** Feennex's `error_code`; null when there was no Feennex answer (timeout, network, HTTP error). */
  readonly errorCode: number | null;
  /** The API method, e.g. `invoice/create`. */
  readonly method: string;

  constructor(init: FeennexErrorInit) {
    const { errorCode, kind, message, method, issues, httpStatus, cause } = init;
    const code = errorCode === null ? (init.code ?? 'NO_ANSWER') : `FEENNEX_${errorCode}`;
    super({ gateway: 'feennex', kind, code, message, ...(issues ? { issues } : {}), ...(httpStatus === undefined ? {} : { httpStatus }), cause });
    this.name = 'FeennexError';
    this.errorCode = errorCode;
    this.method = method;
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

  /** For structured logs: every field, none of them secret. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errorCode: this.errorCode, method: this.method };
  }
}

/** A call's input failed validation before anything was sent (`kind` `invalid-request`); `issues` name the fields. */
export class FeennexInputError extends FeennexError {
  constructor(message: string, issues: readonly FieldIssue[], method = 'input') {
    super({
      errorCode: null,
      code: FEENNEX_NO_ANSWER_CODES.invalidInput,
      kind: 'invalid-request',
      method,
      message: message || `Invalid input: ${describeIssues(issues)}`,
      issues,
    });
    this.name = 'FeennexInputError';
  }
}
