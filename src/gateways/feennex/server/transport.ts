import { callGateway } from '../../../server/gateway-fetch.js';
import { FEENNEX_NO_ANSWER_CODES, FeennexError, kindOfErrorCode, kindOfLostAnswer } from './errors.js';

/** One Feennex HTTP call: POST JSON, a hard timeout, the `{ data, error_code, message, result }` envelope. */

export interface CallOptions {
  fetch: typeof fetch;
  url: string;
  method: string;
  body: Record<string, unknown>;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /**
   * When the caller gives up (the checkout handler's deadline, ms since the epoch); `signal` aborts
   * then. When it comes before `timeoutMs` would, the call starts no timer of its own.
   */
  deadlineAt?: number | undefined;
}

/** Resolves with the envelope's `data`; anything else becomes a `FeennexError`. */
export async function callFeennex({ fetch, url, method, body, timeoutMs, signal, deadlineAt }: CallOptions): Promise<unknown> {
  // The caller's deadline comes first: its signal is the only one (no timer, no combined signal).
  const timeout = signal && deadlineAt !== undefined && deadlineAt <= Date.now() + timeoutMs ? undefined : AbortSignal.timeout(timeoutMs);
  const combined = timeout && signal ? AbortSignal.any([timeout, signal]) : (timeout ?? signal!);
  const lost = (code: string, message: string, extra: { httpStatus?: number; cause?: unknown } = {}) =>
    new FeennexError({ errorCode: null, code, kind: kindOfLostAnswer(method), method, message, ...extra });

  let httpStatus = 0;
  let text: string;
  try {
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    ({ text } = await callGateway(fetch, url, { method: 'POST', headers, body: JSON.stringify(body), signal: combined }, 'Feennex', (s) => (httpStatus = s)));
  } catch (cause) {
    // Not followed (the signed body must reach no other host). A create may have been acted on by
    // whatever answered, so for creates this is an unknown outcome: the status is asked, as after a timeout.
    if (httpStatus >= 300 && httpStatus < 400) {
      throw lost(`HTTP_${httpStatus}`, `${method}: Feennex answered a redirect (HTTP ${httpStatus}), which is not followed: check baseUrl`, { httpStatus });
    }
    // Without a timer of its own, the caller's deadline (a TimeoutError) is this call's timeout.
    const timedOut = timeout ? timeout.aborted : (signal!.reason as Error | undefined)?.name === 'TimeoutError';
    if (timedOut) throw lost(FEENNEX_NO_ANSWER_CODES.timeout, `${method}: no answer within ${timeoutMs} ms`, { cause: stripRequest(cause) });
    if (signal?.aborted) throw lost(FEENNEX_NO_ANSWER_CODES.aborted, `${method}: cancelled by the caller`, { cause: signal.reason });
    throw lost(FEENNEX_NO_ANSWER_CODES.network, `${method}: network error`, { cause: stripRequest(cause) });
  }
  const ok = httpStatus >= 200 && httpStatus < 300;

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
    const code = ok ? FEENNEX_NO_ANSWER_CODES.invalidResponse : `HTTP_${httpStatus}`;
    throw lost(code, `${method}: HTTP ${httpStatus} without a Feennex answer`, { httpStatus });
  }
  if (e.result === true && errorCode === 0) return e.data ?? null;
  const message = typeof e.message === 'string' && e.message ? e.message : `error ${errorCode}`;
  throw new FeennexError({
    errorCode,
    kind: kindOfErrorCode(errorCode, method),
    method,
    message: `${method}: ${message}`,
    httpStatus,
  });
}

/** Undici errors can carry the request; keep only what explains the failure. */
function stripRequest(cause: unknown): unknown {
  if (!(cause instanceof Error)) return undefined;
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return new Error(`${cause.name}: ${cause.message}${inner}`);
}
