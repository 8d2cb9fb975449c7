import { classifyResponse } from '../../protocol/index.js';
import type { CheckoutAnswer } from '../gateway.js';
import type { IdempotencyStore } from './store.js';

export type GuardResult =
  /** This call charged: the gateway's answer. */
  | { kind: 'charged'; answer: CheckoutAnswer }
  /** The same request was already running in this process: its answer. */
  | { kind: 'joined'; answer: CheckoutAnswer }
  /** Already charged with a final answer: that answer again, the gateway untouched. */
  | { kind: 'replayed'; answer: CheckoutAnswer }
  /** Already charged, outcome not final: the gateway's current status instead of a second charge. */
  | { kind: 'status'; answer: CheckoutAnswer }
  /** Outcome unknown and the gateway does not know the id: the identical request, sent again. */
  | { kind: 'resent'; answer: CheckoutAnswer }
  /** Another process is charging this id right now. */
  | { kind: 'in-progress'; retryAfterSeconds: number }
  /** The id was used for a different request. */
  | { kind: 'reused' };

export interface IdempotencyGuardOptions {
  /** How long a charge may hold its lock before other processes presume it died. */
  lockMs: number;
  /** Called when the store fails to record an answer; the payment itself already happened. */
  onStoreError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * The money rule: one `transactionId` is charged at most once. `charge` runs for an id never seen,
 * and again only when an earlier outcome is unknown and the gateway says it has no such
 * transaction (`resent`); everything else is answered from memory, the store or the gateway's status.
 *
 * This guard is the ONE owner of "outcome unknown → ask, never charge twice" on the server
 * (docs/architecture.md, "Outcome unknown"): gateway clients only report `kind: 'unknown-outcome'`,
 * the checkout adapters only translate it into `unknownOutcome: true`, and only this code decides to
 * ask the status, to send the request again, or to leave the payment PENDING for the next request.
 */
export function createIdempotencyGuard(store: IdempotencyStore, options: IdempotencyGuardOptions) {
  const now = options.now ?? Date.now;
  const running = new Map<string, { bodyHash: string; result: Promise<GuardResult> }>();

  async function decide(key: string, bodyHash: string, charge: () => Promise<CheckoutAnswer>, status: () => Promise<CheckoutAnswer>): Promise<GuardResult> {
    const chargeAndSettle = async (): Promise<GuardResult> => {
      let answer: CheckoutAnswer;
      try {
        answer = await charge();
        // The gateway may have charged: its status says what happened, asked once, right away.
        if (answer.unknownOutcome) answer = settledBy(await status()) ?? answer;
      } catch (error) {
        await store.settle(key, { state: 'unknown', bodyHash }).catch(options.onStoreError);
        throw error;
      }
      if (answer.notSent && store.release) {
        // Refused before it reached the gateway: nothing to remember, so it takes no room.
        await store.release(key, bodyHash).catch(options.onStoreError);
        return { kind: 'charged', answer };
      }
      const final = classifyResponse(answer.httpStatus, answer.body).kind !== 'pending';
      const stored = { httpStatus: answer.httpStatus, body: answer.body };
      const settled = final ? { state: 'final' as const, bodyHash, answer: stored } : { state: 'unknown' as const, bodyHash };
      await store.settle(key, settled).catch(options.onStoreError);
      return { kind: 'charged', answer };
    };
    const lockedUntil = now() + options.lockMs;
    const acquired = await store.acquire(key, bodyHash, lockedUntil);
    if (acquired.acquired) return chargeAndSettle();
    const { entry } = acquired;
    if (entry.bodyHash !== bodyHash) return { kind: 'reused' };
    if (entry.state === 'final') return { kind: 'replayed', answer: entry.answer };
    if (entry.state === 'in-flight' && entry.lockedUntil > now()) {
      return { kind: 'in-progress', retryAfterSeconds: Math.max(1, Math.min(5, Math.ceil((entry.lockedUntil - now()) / 1000))) };
    }
    // Pending, or a lock whose holder died mid-charge: the gateway may have charged, so ask first.
    const answer = await status();
    // The gateway has never seen this id (the first try failed before reaching it, or E9001 said
    // it was not processed): send the same request again. Both gateways keep one transaction per
    // id, so a first try that lands late is answered as a replay there, never charged twice.
    if (answer.httpStatus === 404 && !answer.unknownOutcome) {
      const again = await chargeAndSettle();
      return again.kind === 'charged' ? { kind: 'resent', answer: again.answer } : again;
    }
    return { kind: 'status', answer: settledBy(answer) ?? stillPending(answer) };
  }

  return {
    run(key: string, bodyHash: string, charge: () => Promise<CheckoutAnswer>, status: () => Promise<CheckoutAnswer>): Promise<GuardResult> {
      const current = running.get(key);
      if (current) {
        if (current.bodyHash !== bodyHash) return Promise.resolve({ kind: 'reused' });
        return current.result.then((r) => (r.kind === 'charged' || r.kind === 'resent' ? { kind: 'joined', answer: r.answer } : r));
      }
      const result = decide(key, bodyHash, charge, status).finally(() => running.delete(key));
      running.set(key, { bodyHash, result });
      return result;
    },

    /** True when `key` was ever charged or is being charged (per this process or the store). */
    async known(key: string): Promise<boolean> {
      return running.has(key) || (await store.get(key)) !== undefined;
    },

    /** True while `key` is being charged, here or (per the store) elsewhere. */
    async inFlight(key: string): Promise<boolean> {
      if (running.has(key)) return true;
      const entry = await store.get(key);
      return entry?.state === 'in-flight' && entry.lockedUntil > now();
    },
  };
}

export type IdempotencyGuard = ReturnType<typeof createIdempotencyGuard>;

/**
 * A status read as the answer to a charge whose outcome was unknown, when it settles it: a success
 * (or a redirect) as it is, a failure as a 4xx failure (a read answers 200 whatever the state).
 * Undefined when it does not: the read failed, the gateway does not know the id, or the payment is
 * still processing.
 */
function settledBy(status: CheckoutAnswer): CheckoutAnswer | undefined {
  if (status.unknownOutcome || status.httpStatus === 404) return undefined;
  const kind = classifyResponse(status.httpStatus, status.body).kind;
  if (kind === 'pending') return undefined;
  return kind === 'failure' && status.httpStatus < 400 ? { ...status, httpStatus: 422 } : status;
}

/** A status read that settles nothing, as the PENDING answer the element keeps asking about; a failed read is never a failure. */
function stillPending(status: CheckoutAnswer): CheckoutAnswer {
  if (!status.unknownOutcome && status.httpStatus !== 404) return status;
  const transactionId = status.body.transactionId;
  return {
    httpStatus: 202,
    body: {
      ...(typeof transactionId === 'string' ? { transactionId } : {}),
      status: 'PENDING',
      message: 'The payment outcome is not known yet; ask again for its status',
    },
  };
}
