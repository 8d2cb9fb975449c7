import { classifyResponse, type Outcome } from '../protocol/outcome.js';
import { IDEMPOTENCY_HEADER } from '../protocol/http.js';

/** How hard the element tries to learn a payment's outcome before giving up (docs/architecture.md, "Outcome unknown"). */
export interface BackendPolicy {
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** How many times the same POST may be sent (first try included). */
  maxPosts: number;
  /** Total time allowed to establish the outcome, from the first POST. */
  deadlineMs: number;
  /** First pause between attempts; it doubles up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** How long the Google Pay sheet waits for the outcome before it closes and the element goes on checking. Default 25 s. */
  sheetWaitMs?: number;
}

export const DEFAULT_POLICY: BackendPolicy = {
  requestTimeoutMs: 20_000,
  maxPosts: 3,
  deadlineMs: 90_000,
  initialDelayMs: 1_000,
  maxDelayMs: 5_000,
};

export interface BackendAnswer {
  outcome: Outcome;
  /** The last parsed JSON body (`{}` when there was none). */
  response: Record<string, unknown>;
}

interface Exchange {
  httpStatus?: number;
  body: Record<string, unknown>;
  retryAfterMs?: number;
}

async function exchange(url: string, init: RequestInit, timeoutMs: number, cancel?: AbortSignal): Promise<Exchange> {
  // The request's own timeout (headers and body), and the element's cancel (its removal from the page).
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  const cancelled = () => stop.abort();
  cancel?.addEventListener('abort', cancelled);
  try {
    return await read(await fetch(url, { ...init, credentials: 'same-origin', signal: stop.signal }));
  } catch {
    return { body: {} };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', cancelled);
  }
}

async function read(res: Response): Promise<Exchange> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: classified by its HTTP status alone
  }
  const retryAfter = Number(res.headers.get('Retry-After'));
  return { httpStatus: res.status, body, ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
}

/** Resolves after `ms`, or as soon as `cancel` fires. */
const sleep = (ms: number, cancel?: AbortSignal) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
    cancel?.addEventListener('abort', () => resolve(), { once: true });
  });

/**
 * POSTs `body` to `url` with `Idempotency-Key: {transactionId}` and follows it until the outcome is
 * known: the very same request is re-sent after network errors, timeouts and 5xx (bounded), and
 * `GET {url}/{transactionId}` is asked while the answer is pending. Success is only ever returned
 * from a success answer; when time runs out the outcome is `OUTCOME_UNKNOWN`. When `cancel` fires
 * (the element left the page) the request in flight is aborted, no other is sent, and the promise
 * rejects with the signal's reason. The one owner of this loop in the browser; its steps and
 * timings: docs/architecture.md, "Outcome unknown".
 */
export function submit(
  url: string,
  body: { transactionId: string } & Record<string, unknown>,
  policy: BackendPolicy = DEFAULT_POLICY,
  onPending?: () => void,
  cancel?: AbortSignal,
): Promise<BackendAnswer> {
  const post: RequestInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [IDEMPOTENCY_HEADER]: body.transactionId },
    body: JSON.stringify(body),
  };
  return follow(url, body.transactionId, post, policy, onPending, cancel) as Promise<BackendAnswer>;
}

/**
 * Asks `GET {url}/{transactionId}` until the payment's outcome is known — for a payer returning
 * from 3-D Secure or a hosted page. `undefined` when the backend does not know the payment;
 * `cancel` as for `submit`.
 */
export function confirm(url: string, transactionId: string, policy: BackendPolicy = DEFAULT_POLICY, onPending?: () => void, cancel?: AbortSignal) {
  return follow(url, transactionId, undefined, policy, onPending, cancel);
}

async function follow(
  url: string,
  transactionId: string,
  post: RequestInit | undefined,
  policy: BackendPolicy,
  onPending?: () => void,
  cancel?: AbortSignal,
): Promise<BackendAnswer | undefined> {
  const statusUrl = `${url.replace(/\/+$/, '')}/${encodeURIComponent(transactionId)}`;
  const deadline = Date.now() + policy.deadlineMs;
  let posts = 0;
  let delay = policy.initialDelayMs;
  let resend = !!post;
  let last: Exchange;

  for (;;) {
    const polling: boolean = !resend;
    if (resend) posts++;
    cancel?.throwIfAborted();
    last = await exchange(polling ? statusUrl : url, polling ? { headers: { Accept: 'application/json' } } : post!, policy.requestTimeoutMs, cancel);
    cancel?.throwIfAborted();
    // A status query that does not know the payment means the POST never arrived: send it again.
    const unknownToBackend: boolean = polling && last.httpStatus === 404;
    if (unknownToBackend && !post) return undefined;
    const outcome = unknownToBackend ? pending('not-received') : classifyResponse(last.httpStatus, last.body);
    if (outcome.kind !== 'pending') return { outcome, response: last.body };

    onPending?.();
    const noAnswer: boolean = last.httpStatus === undefined || last.httpStatus >= 500 || unknownToBackend;
    // A backend that does not know the payment gets the identical request again, however many
    // tries that takes before the deadline: nothing was charged, so the payer must not be told
    // "we cannot tell" about a payment that never happened.
    resend = !!post && ((noAnswer && posts < policy.maxPosts) || unknownToBackend);
    const wait = Math.min(last.retryAfterMs ?? delay, policy.maxDelayMs);
    if (Date.now() + wait >= deadline) break;
    await sleep(wait, cancel);
    delay = Math.min(delay * 2, policy.maxDelayMs);
  }
  return {
    outcome: { kind: 'failure', code: 'OUTCOME_UNKNOWN' },
    response: last.body,
  };
}

const pending = (reason: string): Outcome => ({ kind: 'pending', reason });
