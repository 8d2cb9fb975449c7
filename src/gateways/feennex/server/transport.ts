import { FEENNEX_NO_ANSWER_CODES, FeennexError, kindOfErrorCode, kindOfLostAnswer } from './errors.js';

/** One Feennex HTTP call: POST JSON, a hard timeout, the `{ data, error_code, message, result }` envelope. */

export interface CallOptions {
  fetch: typeof fetch;
  url: string;
  method: string;
  body: Record<string, unknown>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Resolves with the envelope's `data`; anything else becomes a `FeennexError`. */
export async function callFeennex({ fetch, url, method, body, timeoutMs, signal }: CallOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const lost = (code: string, message: string, extra: { httpStatus?: number; cause?: unknown } = {}) =>
    new FeennexError({ errorCode: null, code, kind: kindOfLostAnswer(method), method, message, ...extra });

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw lost(FEENNEX_NO_ANSWER_CODES.aborted, `${method}: cancelled by the caller`, { cause: signal.reason });
    if (timeout.aborted) throw lost(FEENNEX_NO_ANSWER_CODES.timeout, `${method}: no answer within ${timeoutMs} ms`, { cause: stripRequest(cause) });
    throw lost(FEENNEX_NO_ANSWER_CODES.network, `${method}: network error`, { cause: stripRequest(cause) });
  }

  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    envelope = undefined;
  }
  const e = envelope && typeof envelope === 'object' ? (envelope as Record<string, unknown>) : undefined;
  const errorCode = typeof e?.error_code === 'number' ? e.error_code : Number.NaN;
  if (!e || !Number.isInteger(errorCode) || typeof e.result !== 'boolean') {
    // A proxy page, a 5xx or a 404 from a wrong baseUrl: no Feennex answer at all.
    const code = response.ok ? FEENNEX_NO_ANSWER_CODES.invalidResponse : `HTTP_${response.status}`;
    throw lost(code, `${method}: HTTP ${response.status} without a Feennex answer`, { httpStatus: response.status });
  }
  if (e.result === true && errorCode === 0) return e.data ?? null;
  const message = typeof e.message === 'string' && e.message ? e.message : `error ${errorCode}`;
  throw new FeennexError({
    errorCode,
    kind: kindOfErrorCode(errorCode, method),
    method,
    message: `${method}: ${message}`,
    httpStatus: response.status,
  });
}

/** Undici errors can carry the request; keep only what explains the failure. */
function stripRequest(cause: unknown): unknown {
  if (!(cause instanceof Error)) return undefined;
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return new Error(`${cause.name}: ${cause.message}${inner}`);
}
