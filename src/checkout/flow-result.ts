import type { Redirect } from '../protocol/index.js';
import type { BackendAnswer } from './backend-client.js';
import { absoluteHttpUrl } from './http-url.js';

/** How one payment attempt ended, whichever way it was made. */
export type FlowResult =
  | { kind: 'cancel' }
  /** An integration error; `transactionId` when the backend was involved (the payer saw a failure). */
  | { kind: 'error'; code: string; message: string; transactionId?: string; response?: Record<string, unknown> }
  | { kind: 'success'; transactionId: string; status: string; response: Record<string, unknown> }
  | { kind: 'failure'; transactionId: string; code: string; message?: string; response: Record<string, unknown> }
  | { kind: 'redirect'; transactionId: string; redirect: Redirect; response: Record<string, unknown> };

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
      if (!absoluteHttpUrl(outcome.redirect.url, 'https://relative.invalid/')) {
        return { kind: 'error', code: 'INVALID_REDIRECT', message: 'the backend answered a redirect that is not http(s)', transactionId, response };
      }
      return { kind: 'redirect', transactionId, redirect: outcome.redirect, response };
    case 'failure':
      return { kind: 'failure', transactionId, code: outcome.code, ...(outcome.message ? { message: outcome.message } : {}), response };
    default:
      return { kind: 'failure', transactionId, code: 'OUTCOME_UNKNOWN', response };
  }
}
