/**
 * Remembers which notifications were processed, so a callback Feennex delivers again (a retry, a
 * replay) is answered `OK` without running the merchant's code twice. The in-memory default fits a
 * single process; with several instances pass a shared store (Redis `SET key NX EX`, a unique
 * database row…) — and keep `onPaid` itself idempotent on `payment_id` as a second line of defence.
 */
export interface FeennexSeenStore {
  /** Records `key` atomically; resolves `false` when it was already recorded (a replay). */
  add(key: string): boolean | Promise<boolean>;
  /** Forgets `key`, because processing failed and the next delivery must be processed. */
  delete(key: string): void | Promise<void>;
}

/** How long and how many callback keys the in-memory replay store remembers. */
export interface MemoryFeennexSeenStoreOptions {
  /** How long a key is remembered; default 7 days (longer than Feennex keeps re-delivering). */
  ttlMs?: number;
  /** Oldest keys are dropped beyond this; default 100 000. */
  maxEntries?: number;
  now?: () => number;
}

/** The default replay store of Feennex callbacks, in this process's memory: use a shared `FeennexSeenStore` when several instances take callbacks. */
export function createMemoryFeennexSeenStore(options: MemoryFeennexSeenStoreOptions = {}): FeennexSeenStore {
  const { ttlMs = 7 * 24 * 3600_000, maxEntries = 100_000, now = Date.now } = options;
  // Insertion order is expiry order (one ttl for all), so expired keys are always at the front.
  const expiries = new Map<string, number>();
  const sweep = (time: number) => {
    for (const [key, expiry] of expiries) {
      if (expiry > time && expiries.size <= maxEntries) break;
      expiries.delete(key);
    }
  };
  return {
    add(key) {
      const time = now();
      sweep(time);
      if (expiries.has(key)) return false;
      expiries.set(key, time + ttlMs);
      sweep(time);
      return true;
    },
    delete(key) {
      expiries.delete(key);
    },
  };
}
