import type { AcquireResult, IdempotencyEntry, IdempotencyStore, SettledEntry } from './store.js';

export interface MemoryIdempotencyStoreOptions {
  /** How long an entry is kept after it was last written. Default 24 hours. */
  ttlMs?: number;
  /** Most entries kept; the oldest settled ones are forgotten first. Default 10,000. */
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
    if (slots.size <= maxEntries) return;
    // Over the limit: forget the oldest settled entries first; a payment still being charged keeps
    // its lock unless every entry is in flight.
    for (const [oldest, slot] of slots) {
      if (slots.size <= maxEntries) return;
      if (slot.entry.state !== 'in-flight' || slot.expiresAt <= now()) slots.delete(oldest);
    }
    for (const oldest of slots.keys()) {
      if (slots.size <= maxEntries) return;
      slots.delete(oldest);
    }
  }

  return {
    async acquire(key: string, bodyHash: string, lockedUntil: number): Promise<AcquireResult> {
      const entry = read(key);
      if (entry) return { acquired: false, entry };
      write(key, { state: 'in-flight', bodyHash, lockedUntil });
      return { acquired: true };
    },
    async settle(key: string, entry: SettledEntry): Promise<void> {
      write(key, entry);
    },
    async get(key: string): Promise<IdempotencyEntry | undefined> {
      return read(key);
    },
  };
}
