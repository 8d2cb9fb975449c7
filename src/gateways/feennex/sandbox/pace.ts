import { isAmount, type Currency } from './money.js';
import { MAGIC_AMOUNTS } from './test-data.js';

/**
 * How fast a create call and its operation go, chosen by the magic amounts: `instant` (the
 * default), `slow` (processing for a while), `processing` (the call answers error 8 while the
 * operation goes on) or `timeout` (the call answers late).
 */
export type Pace = 'instant' | 'slow' | 'processing' | 'timeout';

export function paceOf(minor: number, currency: Currency): Pace {
  if (isAmount(minor, currency, MAGIC_AMOUNTS.slow)) return 'slow';
  if (isAmount(minor, currency, MAGIC_AMOUNTS.processing)) return 'processing';
  if (isAmount(minor, currency, MAGIC_AMOUNTS.timeout)) return 'timeout';
  return 'instant';
}

/** Paces whose operation stays in progress for `timing.processingMs` before it settles. */
export const settlesLater = (pace: Pace): boolean => pace === 'slow' || pace === 'processing';

/** Waits `ms`, or less if the caller went away. */
export function answerLate(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done);
  });
}
