import type { TestContext } from 'node:test';

/** Counts the timers a gateway client starts (`AbortSignal.timeout`, `AbortSignal.any`) until the test ends. */
export function countAbortTimers(t: TestContext): { readonly started: number } {
  const counter = { started: 0 };
  const { timeout, any } = AbortSignal;
  AbortSignal.timeout = (ms) => (counter.started++, timeout.call(AbortSignal, ms));
  AbortSignal.any = (signals) => (counter.started++, any.call(AbortSignal, signals));
  t.after(() => Object.assign(AbortSignal, { timeout, any }));
  return counter;
}
