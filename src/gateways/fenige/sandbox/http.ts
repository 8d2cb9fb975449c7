import { HTTP_STATUS_NAMES, type FenigeDeclineCode, FENIGE_ERROR_CODES } from './error-codes.js';

/** Response helpers producing Fenige's body shapes (Fenige docs, "Error examples in JSON format"). */

/** Headers Fenige's Spring stack sends on its answers (Fenige's examples). */
const SECURITY_HEADERS = {
  'X-XSS-Protection': '1; mode=block',
  'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Frame-Options': 'DENY',
};

export const traceId = (): string => crypto.randomUUID();

export function json(httpStatus: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: httpStatus,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...SECURITY_HEADERS, ...headers },
  });
}

const statusName = (httpStatus: number): string => HTTP_STATUS_NAMES[httpStatus] ?? String(httpStatus);

/** `{ status, message, httpStatus, traceId }` — the shape of every non-validation error. */
export function fenigeError(
  httpStatus: number,
  status: string,
  message: string,
  extra: { requestUuid?: string; transactionStatus?: string } = {},
  headers: Record<string, string> = {},
): Response {
  return json(httpStatus, { ...extra, status, message, httpStatus: statusName(httpStatus), traceId: traceId() }, headers);
}

/** The body of a documented error code; `extra` adds `requestUuid` / `transactionStatus`. */
export function declineBody(
  code: FenigeDeclineCode,
  requestUuid: string | undefined,
  messageDetail?: string,
): { httpStatus: number; body: Record<string, unknown> } {
  const entry = FENIGE_ERROR_CODES[code];
  const body: Record<string, unknown> = {};
  if (entry.effect !== 'none' && requestUuid) {
    body.requestUuid = requestUuid;
    body.transactionStatus = entry.effect === 'pending' ? 'PENDING' : 'REJECTED';
  }
  Object.assign(body, {
    status: code,
    message: messageDetail ? `${entry.message}: ${messageDetail}` : entry.message,
    httpStatus: statusName(entry.httpStatus),
    traceId: traceId(),
  });
  return { httpStatus: entry.httpStatus, body };
}

export const unauthorized = (): Response =>
  fenigeError(
    401,
    'E8002',
    'Unauthorized',
    {},
    {
      'WWW-Authenticate': 'Basic realm="Realm"',
      'Content-Type': 'application/json;charset=ISO-8859-1',
    },
  );

export const forbidden = (): Response => fenigeError(403, 'E8001', 'Forbidden', {}, { 'Content-Type': 'application/json;charset=ISO-8859-1' });

/** 400 E8000 with Spring's `errors` map: field path → messages. */
export const validationError = (errors: Record<string, string[]>): Response =>
  json(400, { errors, status: 'E8000', httpStatus: 'BAD_REQUEST', traceId: traceId() });

/**
 * Failures Fenige's documentation is silent on (unknown transaction, unknown path, lifecycle rule broken) use the same
 * `{ status, message, httpStatus, traceId }` shape; `status` is the HTTP status name for the
 * ones Fenige documents no E-code for, so no look-alike E-code is invented.
 */
export const notFound = (message: string): Response => fenigeError(404, 'NOT_FOUND', message);

export const methodNotAllowed = (allowed: readonly string[], method: string): Response =>
  fenigeError(
    405,
    'METHOD_NOT_ALLOWED',
    `Request method '${method}' is not supported`,
    {},
    {
      Allow: allowed.join(', '),
    },
  );

/** A lifecycle rule refused the operation (wrong state, window expired): 422 E0150. */
export const operationRejected = (detail: string): Response => fenigeError(422, 'E0150', `Transaction rejected: ${detail}`);

const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; response: Response };

/** Reads a JSON object body; malformed JSON is Fenige's 400 E8000 with an `errors.body` entry. */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    return {
      ok: false,
      response: fenigeError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type '${type || 'none'}' is not supported: send application/json`),
    };
  }
  const text = await readLimitedText(request);
  if (text === undefined) {
    return { ok: false, response: fenigeError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`) };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: validationError({ body: ['must be valid JSON'] }) };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, response: validationError({ body: ['must be a JSON object'] }) };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

/** The body as text, or undefined when it is larger than the limit. */
export async function readLimitedText(request: Request): Promise<string | undefined> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > MAX_BODY_BYTES) return undefined;
  const text = await request.text();
  return new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES ? undefined : text;
}
