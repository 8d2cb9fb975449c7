/**
 * What a merchant backend's answer means (docs/protocol.md §4.2, §4.3). Shared by the element, which acts
 * on it, and the server handler, whose answers must classify as intended.
 */

export type RedirectMethod = 'GET' | 'POST';

export interface Redirect {
  url: string;
  method: RedirectMethod;
  params?: Record<string, string>;
}

export type Outcome =
  | { kind: 'success'; status: string }
  | { kind: 'failure'; code: string; message?: string }
  | { kind: 'redirect'; redirect: Redirect }
  /** Not known yet: re-send the same request or ask for its status. */
  | { kind: 'pending'; reason: string };

export const SUCCESS_STATUSES = ['APPROVED', 'SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING'] as const;
export const FAILURE_STATUSES = ['DECLINED', 'REJECTED', 'FAILURE', 'REVERSED', 'REFUNDED', 'CANCELED', 'EXPIRED'] as const;
export const PENDING_STATUSES = ['PENDING', 'IN_PROGRESS', 'PROCESSING'] as const;

const includes = (list: readonly string[], value: unknown): value is string => typeof value === 'string' && list.includes(value);

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function readRedirect(body: Record<string, unknown>): Redirect | undefined {
  const r = asRecord(body.redirect);
  const url = typeof r.url === 'string' ? r.url : typeof body.redirectUrl === 'string' ? body.redirectUrl : undefined;
  if (!url) return undefined;
  const method = String(r.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET';
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(r.params))) params[k] = String(v);
  return Object.keys(params).length ? { url, method, params } : { url, method };
}

/**
 * Classifies one HTTP answer. `httpStatus` undefined means no answer (network error, timeout).
 * Anything not clearly final is `pending`: the caller asks again, never assumes success.
 */
export function classifyResponse(httpStatus: number | undefined, body: unknown): Outcome {
  if (httpStatus === undefined) return { kind: 'pending', reason: 'network' };
  const b = asRecord(body);
  const status = typeof b.status === 'string' ? b.status : undefined;
  const state = typeof b.transactionState === 'string' ? b.transactionState : undefined;
  const message = typeof b.message === 'string' ? b.message : undefined;

  if (httpStatus >= 500 || httpStatus === 408 || httpStatus === 409 || httpStatus === 425 || httpStatus === 429) {
    return { kind: 'pending', reason: `http-${httpStatus}` };
  }
  if (b.transactionStatus === 'PENDING' || includes(PENDING_STATUSES, status) || includes(PENDING_STATUSES, state)) {
    return { kind: 'pending', reason: status ?? state ?? 'PENDING' };
  }
  if (httpStatus >= 200 && httpStatus < 300) {
    const redirect = readRedirect(b);
    if (redirect) return { kind: 'redirect', redirect };
    const final = state ?? status;
    if (includes(SUCCESS_STATUSES, final)) return { kind: 'success', status: final };
  }
  if (status && /^E\d+$/.test(status)) return { kind: 'failure', code: status, ...(message ? { message } : {}) };
  const final = state ?? status;
  if (includes(FAILURE_STATUSES, final)) return { kind: 'failure', code: final, ...(message ? { message } : {}) };
  if (httpStatus >= 400) {
    const code = typeof b.code === 'string' ? b.code : `HTTP_${httpStatus}`;
    return { kind: 'failure', code, ...(message ? { message } : {}) };
  }
  return { kind: 'pending', reason: 'unrecognised-answer' };
}
