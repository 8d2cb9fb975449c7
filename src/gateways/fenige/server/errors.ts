import { fieldIssuesOf, GatewayError, TRANSPORT_ERROR_CODES, type GatewayErrorKind } from '../../gateway-error.js';
import { classifyFenigeError, describeFenigeCode } from './codes.js';

/**
 * `status` (= `code`) values for failures that carry no Fenige E-code. An HTTP answer without one
 * (an HTML error page from a proxy, say) gets `HTTP_<status>`.
 */
export const TRANSPORT_STATUS = TRANSPORT_ERROR_CODES;

/** What a `FenigeError` is made from: Fenige's E-code, kind, message, HTTP status, trace id and field errors. */
export interface FenigeErrorInit {
  status: string;
  kind: GatewayErrorKind;
  message: string;
  httpStatus?: number;
  httpStatusText?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
  transactionStatus?: string;
  requestUuid?: string;
  cause?: unknown;
}

/**
 * Any failed Fenige call: an error body (E8000 … E11000), an HTTP error without one, a timeout or a
 * network error. `kind` says what to do next (see `codes.ts`), `code` (= `status`) which failure it
 * was, `issues` the fields of an E8000. Never holds credentials or the token.
 */
export class FenigeError extends GatewayError {
  /** Fenige's E-code (`E0150`), or one of `TRANSPORT_STATUS`, or `HTTP_<status>`; the same as `code`. */
  readonly status: string;
  /** The body's own `httpStatus` text, e.g. `UNPROCESSABLE_ENTITY`. */
  readonly httpStatusText: string | undefined;
  readonly traceId: string | undefined;
  /** Field → messages, as in Fenige's E8000 body (`issues` holds the same as a list). */
  readonly errors: Record<string, string[]> | undefined;
  /** The body's `transactionStatus`, e.g. `REJECTED` or `PENDING`. */
  readonly transactionStatus: string | undefined;
  readonly requestUuid: string | undefined;

  constructor(init: FenigeErrorInit) {
    const { status, kind, message, httpStatus, cause, errors } = init;
    super({ gateway: 'fenige', kind, code: status, message, issues: fieldIssuesOf(errors), ...(httpStatus === undefined ? {} : { httpStatus }), cause });
    this.name = 'FenigeError';
    this.status = status;
    this.httpStatusText = init.httpStatusText;
    this.traceId = init.traceId;
    this.errors = errors;
    this.transactionStatus = init.transactionStatus;
    this.requestUuid = init.requestUuid;
  }

  /** For structured logs: every field, none of them secret. */
  override toJSON(): Record<string, unknown> {
    const { status, httpStatusText, traceId, errors, transactionStatus, requestUuid } = this;
    return { ...super.toJSON(), status, httpStatusText, traceId, errors, transactionStatus, requestUuid };
  }
}

/** The same error with another `kind`, e.g. a read's "unknown outcome", which only means "retry". */
export function reclassify(error: FenigeError, kind: GatewayErrorKind): FenigeError {
  const { status, message, httpStatus, httpStatusText, traceId, errors, transactionStatus, requestUuid, cause } = error;
  return new FenigeError({ status, kind, message, httpStatus, httpStatusText, traceId, errors, transactionStatus, requestUuid, cause });
}

/**
 * A request body this client refused to send. It mirrors Fenige's own E8000 answer (`status`
 * `E8000`, `httpStatus` 400, `errors` keyed by the dotted field path) so one `catch` handles both;
 * `instanceof FenigeValidationError` tells that nothing was sent.
 */
export class FenigeValidationError extends FenigeError {
  constructor(errors: Record<string, string[]>) {
    super({
      status: 'E8000',
      kind: 'invalid-request',
      httpStatus: 400,
      httpStatusText: 'BAD_REQUEST',
      errors,
      message: `Invalid Fenige request: ${summarizeErrors(errors)}`,
    });
    this.name = 'FenigeValidationError';
  }
}

function summarizeErrors(errors: Record<string, string[]>): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field || 'body'} ${messages.join(', ')}`)
    .join('; ');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function readErrorsMap(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
    if (list.length) errors[field] = list;
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** Turns a non-2xx answer (its status and raw body text) into a `FenigeError`. */
export function errorFromResponse(httpStatus: number, bodyText: string): FenigeError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): only the HTTP status is known.
  }
  const code = text(body.status);
  const isECode = code !== undefined && /^E\d+$/.test(code);
  const errors = readErrorsMap(body.errors);
  const described = isECode ? describeFenigeCode(code) : undefined;
  const base = text(body.message) ?? described ?? `Fenige answered HTTP ${httpStatus}`;
  return new FenigeError({
    status: isECode ? code : `HTTP_${httpStatus}`,
    kind: classifyFenigeError(isECode ? code : undefined, httpStatus),
    message: errors ? `${base}: ${summarizeErrors(errors)}` : base,
    httpStatus,
    httpStatusText: text(body.httpStatus),
    traceId: text(body.traceId),
    errors,
    transactionStatus: text(body.transactionStatus),
    requestUuid: text(body.requestUuid),
  });
}

/** Connection errors that happen before a byte of the request is sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) codes.push(...inner.flatMap(errorCodes));
  }
  return codes;
}

/**
 * Turns a failed `fetch` (no answer, or an answer whose body could not be read) into a
 * `FenigeError`. Only a connection that provably never opened is `unavailable`; anything else may
 * have delivered the request, so its outcome is unknown.
 */
export function errorFromTransport(error: unknown, reason: 'timeout' | 'aborted' | 'network', httpStatus?: number): FenigeError {
  // A redirect is never followed (the credentials and the token must reach no other host). Whatever
  // answered may have acted on a payment first, so its outcome is unknown, as after a timeout.
  if (reason === 'network' && httpStatus !== undefined && httpStatus >= 300 && httpStatus < 400) {
    const message = `Fenige answered a redirect (HTTP ${httpStatus}), which is not followed: check baseUrl`;
    return new FenigeError({ status: `HTTP_${httpStatus}`, kind: 'unknown-outcome', message, httpStatus, cause: error });
  }
  const codes = reason === 'network' ? errorCodes(error) : [];
  const neverSent = codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
  const message =
    reason === 'timeout'
      ? 'Fenige did not answer in time'
      : reason === 'aborted'
        ? 'The call to Fenige was aborted'
        : `Could not reach Fenige${codes.length ? ` (${codes[0]})` : ''}`;
  return new FenigeError({
    status: TRANSPORT_STATUS[reason],
    kind: neverSent ? 'unavailable' : 'unknown-outcome',
    message,
    httpStatus,
    cause: error,
  });
}
