import type { Redirect } from '../protocol/index.js';
import type { BackendAnswer } from './backend-client.js';

/** How one payment attempt ended, whichever way it was made. */
export type FlowResult =
  | { kind: 'cancel' }
  /** An integration error; `transactionId` when the backend was involved (the payer saw a failure). */
  | { kind: 'error'; code: string; message: string; transactionId?: string; response?: Record<string, unknown> }
  | { kind: 'success'; transactionId: string; status: string; response: Record<string, unknown> }
  | { kind: 'failure'; transactionId: string; code: string; message?: string; response: Record<string, unknown> }
  | { kind: 'redirect'; transactionId: string; redirect: Redirect; response: Record<string, unknown> };

/** True for an http(s) URL, absolute or relative to an http(s) page: the only redirects followed. */
export function isHttpUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
}

/**
 * The backend's classified answer as a result; an outcome still unknown is `OUTCOME_UNKNOWN`.
 * A redirect to anything but http(s) (`javascript:`, `data:`…) is an integration error: it is
 * never announced nor followed.
 */
export function toResult(transactionId: string, { outcome, response }: BackendAnswer): FlowResult {
  switch (outcome.kind) {
    case 'success':
      return { kind: 'success', transactionId, status: outcome.status, response };
    case 'redirect':
      if (!isHttpUrl(outcome.redirect.url)) {
        const scheme = /^\s*([a-z][\w+.-]*:)/i.exec(outcome.redirect.url)?.[1] ?? 'non-http';
        const message = `the backend answered a redirect to a ${scheme.slice(0, 20)} URL; only http(s) URLs are followed`;
        return { kind: 'error', code: 'INVALID_REDIRECT', message, transactionId, response };
      }
      return { kind: 'redirect', transactionId, redirect: outcome.redirect, response };
    case 'failure':
      return { kind: 'failure', transactionId, code: outcome.code, ...(outcome.message ? { message: outcome.message } : {}), response };
    default:
      return { kind: 'failure', transactionId, code: 'OUTCOME_UNKNOWN', response };
  }
}
