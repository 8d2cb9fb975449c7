import type { CheckoutSession } from '../checkout/session.js';
import type { Validation } from '../protocol/index.js';
import type { ReadinessStatus } from './readiness.js';

/** The element's state, also its `state` attribute for CSS: from `loading` through `ready` and `processing` to `success` or `failure`. */
export type PaymentState = 'loading' | 'ready' | 'unavailable' | 'invalid' | 'processing' | 'success' | 'failure';

/** The element's `state`, from its payments, its `data` and Google Pay's readiness, in that order of precedence. */
export function stateOf(session: CheckoutSession, validation: Validation<unknown> | undefined, google: ReadinessStatus): PaymentState {
  const { phase } = session;
  if (session.running) return 'processing';
  if (phase === 'success' || phase === 'failure') return phase;
  if (validation && !validation.ok) return 'invalid';
  if (google === 'error') return 'unavailable';
  if (google !== 'complete' || !validation) return 'loading';
  return 'ready';
}
