import { hashBody } from './idempotency/body-hash.js';
import type { IdempotencyStore } from './idempotency/store.js';

/**
 * A Google Pay token pays one payment. The handler claims each token (by a hash of its
 * `signedMessage`, never the token itself) for the first `transactionId` that presents it, in the
 * same store as the idempotency entries (memory or Redis), for the store's `ttlMs`; the same token
 * for another `transactionId` is refused before any gateway sees it.
 */

export type TokenClaim =
  /** Not an ECv2 token object: nothing to claim (the gateway refuses such a token anyway). */
  | { kind: 'none' }
  /** This request claimed the token; `release` undoes it when the request never reaches the gateway. */
  | { kind: 'claimed'; release: () => Promise<void> }
  /** The token was claimed earlier by this same transactionId (a retry). */
  | { kind: 'same-payment' }
  /** The token was already used for another transactionId. */
  | { kind: 'reused' };

export async function claimToken(store: IdempotencyStore, scope: string, token: unknown, transactionId: string, lockedUntil: number): Promise<TokenClaim> {
  const signedMessage = (token as { signedMessage?: unknown } | null)?.signedMessage;
  if (typeof signedMessage !== 'string' || !signedMessage) return { kind: 'none' };
  const key = `token:${scope}:${await hashBody(signedMessage)}`;
  const result = await store.acquire(key, transactionId, lockedUntil);
  if (result.acquired) {
    return { kind: 'claimed', release: async () => void (await store.release?.(key, transactionId)) };
  }
  return result.entry.bodyHash === transactionId ? { kind: 'same-payment' } : { kind: 'reused' };
}
