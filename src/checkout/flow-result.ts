import type { Redirect } from '../protocol/index.js';
import type { BackendAnswer } from './backend-client.js';

/** How one payment attempt ended, whichever way it was made. */
export type FlowResult =
  | { kind: 'cancel' }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'success'; transactionId: string; status: string; response: Record<string, unknown> }
  | { kind: 'failure'; transactionId: string; code: string; message?: string; response: Record<string, unknown> }
  | { kind: 'redirect'; transactionId: string; redirect: Redirect; response: Record<string, unknown> };

/** The backend's classified answer as a result; an outcome still unknown is `OUTCOME_UNKNOWN`. */
export function toResult(transactionId: string, { outcome, response }: BackendAnswer): FlowResult {
  switch (outcome.kind) {
    case 'success':
      return { kind: 'success', transactionId, status: outcome.status, response };
    case 'redirect':
      return { kind: 'redirect', transactionId, redirect: outcome.redirect, response };
    case 'failure':
      return { kind: 'failure', transactionId, code: outcome.code, ...(outcome.message ? { message: outcome.message } : {}), response };
    default:
      return { kind: 'failure', transactionId, code: 'OUTCOME_UNKNOWN', response };
  }
}
