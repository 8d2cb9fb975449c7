/**
 * Waiting in tests (node and browser alike): for a condition, never for a guessed time. The
 * deadline only bounds a wait for something that is broken; it is generous so that a busy machine
 * never reaches it.
 */

/** How long a condition may take before the test fails: far above any healthy run, even under load. */
export const WAIT_DEADLINE_MS = 30_000;

export interface WaitOptions {
  /** Fails after this long. Default `WAIT_DEADLINE_MS`. */
  timeoutMs?: number;
  /** Between two looks. Default 10 ms. */
  intervalMs?: number;
}

/**
 * Resolves with the first truthy value `probe` returns (it may be async); fails naming `what`
 * when the deadline passes first.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = WAIT_DEADLINE_MS, intervalMs = 10 } = options;
  // setTimeout, not requestAnimationFrame: browser test files run in background tabs, where frames stop.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/**
 * A real delay, only where the delay itself is the point (time passing in a sandbox, a client that
 * waits between polls, a check that nothing else happens): never to wait for an answer.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
