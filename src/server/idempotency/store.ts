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

export type SettledEntry = Extract<IdempotencyEntry, { state: 'final' | 'unknown' }>;

export type AcquireResult = { acquired: true } | { acquired: false; entry: IdempotencyEntry };

export interface IdempotencyStore {
  /** Creates an in-flight entry for `key` unless one exists; otherwise returns the existing entry. */
  acquire(key: string, bodyHash: string, lockedUntil: number): Promise<AcquireResult>;
  /** Replaces the entry of `key` with its settled state (this releases the in-flight lock). */
  settle(key: string, entry: SettledEntry): Promise<void>;
  /** The entry of `key`, if any. */
  get(key: string): Promise<IdempotencyEntry | undefined>;
}
