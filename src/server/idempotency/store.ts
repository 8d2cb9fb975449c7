import type { CheckoutAnswer } from '../gateway.js';

/**
 * Where the checkout handler remembers each `transactionId`, so that one id is charged at most once
 * even when the element re-sends the request, the payer double-clicks or several server processes
 * answer. Entries hold a hash of the request, never the request itself: no Google Pay token is stored.
 *
 * Implementations must make `acquire` atomic (a Redis one would use `SET key value NX PX ttl`).
 */
export type IdempotencyEntry =
  /** A process is charging right now; after `lockedUntil` (ms since epoch) it is presumed dead. */
  | { state: 'in-flight'; bodyHash: string; lockedUntil: number }
  /** The gateway gave a final answer (success, failure or redirect): it is replayed as it is. */
  | { state: 'final'; bodyHash: string; answer: CheckoutAnswer }
  /** The gateway was called but its answer was pending or never came: ask its status, never pay again. */
  | { state: 'unknown'; bodyHash: string };

/** A remembered transaction whose first answer is known (final) or whose outcome is unknown and must be asked, never re-charged. */
export type SettledEntry = Extract<IdempotencyEntry, { state: 'final' | 'unknown' }>;

/** `IdempotencyStore.acquire`'s result: this request owns the transaction id, or the entry already there. */
export type AcquireResult = { acquired: true } | { acquired: false; entry: IdempotencyEntry };

/** Where the checkout handler remembers transaction ids and first answers, so a token is never charged twice; implement it for your own database. */
export interface IdempotencyStore {
  /**
   * Creates an in-flight entry for `key` unless one exists; otherwise returns the existing entry.
   * A store with no room left rejects (`IdempotencyStoreFullError`) rather than forget a payment.
   */
  acquire(key: string, bodyHash: string, lockedUntil: number): Promise<AcquireResult>;
  /**
   * Drops the in-flight entry of `key` taken with `bodyHash` (the request never reached the
   * gateway, so there is nothing to remember); any other entry stays. Optional: a store without it
   * keeps such requests until they expire.
   */
  release?(key: string, bodyHash: string): Promise<void>;
  /** Replaces the entry of `key` with its settled state (this releases the in-flight lock). */
  settle(key: string, entry: SettledEntry): Promise<void>;
  /** The entry of `key`, if any. */
  get(key: string): Promise<IdempotencyEntry | undefined>;
}

/**
 * The store has no room for another payment. Settled entries are never forgotten to make room
 * (a forgotten id could be answered differently later): the request is refused with 503 instead.
 */
export class IdempotencyStoreFullError extends Error {
  override readonly name = 'IdempotencyStoreFullError';
  constructor(maxEntries: number) {
    super(`The idempotency store holds its maximum of ${maxEntries} live entries; raise maxEntries or use a shared store such as Redis`);
  }
}
