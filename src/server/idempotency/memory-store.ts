import { IdempotencyStoreFullError, type AcquireResult, type IdempotencyEntry, type IdempotencyStore, type SettledEntry } from './store.js';

/** Options of the in-memory idempotency store: how long and how many transaction ids it remembers. */
export interface MemoryIdempotencyStoreOptions {
  /** How long an entry is kept after it was last written. Default 24 hours. */
  ttlMs?: number;
  /**
   * Most live entries. When every one is still within its `ttlMs`, a new transactionId is refused
   * (`IdempotencyStoreFullError`, answered 503) — no entry is ever forgotten early. Default 10,000.
   */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Slot {
  entry: IdempotencyEntry;
  expiresAt: number;
}

/**
 * The default store: one process, bounded memory. Several processes or restarts need a shared store
 * (e.g. Redis); the gateway's own one-transaction-per-id rule stays the last line of defence for ids
 * this store has forgotten.
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  if (!(ttlMs > 0)) throw new RangeError('ttlMs must be a positive number of milliseconds');
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');

  // A Map iterates in insertion order; every write re-inserts, so the first key is the oldest.
  const slots = new Map<string, Slot>();

  function read(key: string): IdempotencyEntry | undefined {
    const slot = slots.get(key);
    if (slot && slot.expiresAt <= now()) {
      slots.delete(key);
      return undefined;
    }
    return slot?.entry;
  }

  function write(key: string, entry: IdempotencyEntry): void {
    slots.delete(key);
    slots.set(key, { entry, expiresAt: now() + ttlMs });
  }

  /** Makes room for one more entry by dropping expired ones only; false when none has expired. */
  function makeRoom(): boolean {
    if (slots.size < maxEntries) return true;
    const time = now();
    // Every write re-inserts with the same ttl, so the first slots are the first to expire.
    for (const [key, slot] of slots) {
      if (slot.expiresAt > time) break;
      slots.delete(key);
    }
    return slots.size < maxEntries;
  }

  return {
    async acquire(key: string, bodyHash: string, lockedUntil: number): Promise<AcquireResult> {
      const entry = read(key);
      if (entry) return { acquired: false, entry };
      if (!makeRoom()) throw new IdempotencyStoreFullError(maxEntries);
      write(key, { state: 'in-flight', bodyHash, lockedUntil });
      return { acquired: true };
    },
    async settle(key: string, entry: SettledEntry): Promise<void> {
      write(key, entry);
    },
    async release(key: string, bodyHash: string): Promise<void> {
      const entry = read(key);
      if (entry?.state === 'in-flight' && entry.bodyHash === bodyHash) slots.delete(key);
    },
    async get(key: string): Promise<IdempotencyEntry | undefined> {
      return read(key);
    },
  };
}
