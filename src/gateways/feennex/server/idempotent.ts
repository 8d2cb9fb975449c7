import { FEENNEX_NO_ANSWER_CODES, FeennexError } from './errors.js';

/**
 * Creates keyed by the shop's own id (`shop_order_id`, `shop_payment_id`) cannot be applied twice:
 * Feennex answers error 6 to a duplicate. So after a lost answer the safe move is to ask the
 * status by that id and, when nothing is found yet, to send the very same create again.
 */

export interface FeennexRetryPolicy {
  /** Create attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_FEENNEX_RETRY: FeennexRetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

export type CreateOutcome<C, E> = { created: C } | { existing: E };

export interface CreateOnceOptions<C, E> {
  method: string;
  /** The shop's id of the operation, for messages. */
  id: string;
  policy: FeennexRetryPolicy;
  signal?: AbortSignal;
  create: () => Promise<C>;
  /** The operation's status by the shop's id; throws error 7 while Feennex does not know it. */
  lookup: () => Promise<E>;
  /** `false`: one create, its error reported as it is; the caller decides what a lost answer means. Default `true`. */
  recover?: boolean;
}

export async function createOnce<C, E>(options: CreateOnceOptions<C, E>): Promise<CreateOutcome<C, E>> {
  const { method, id, policy, signal, create, lookup } = options;
  if (options.recover === false) return { created: await create() };
  let sent = false;
  let lastProblem = '';
  for (let attempt = 0; attempt < Math.max(1, policy.attempts); attempt++) {
    if (attempt > 0) {
      await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)), signal).catch(() => {
        throw new FeennexError({
          errorCode: null,
          code: FEENNEX_NO_ANSWER_CODES.unknownOutcome,
          kind: 'unknown-outcome',
          method,
          message: `${method}: cancelled while the outcome of ${id} was unknown (${lastProblem}); ask its status later`,
        });
      });
    }
    try {
      return { created: await create() };
    } catch (error) {
      // Error 6 on the first attempt is a real duplicate; after a lost attempt it is our own create.
      const mayExist = error instanceof FeennexError && (error.kind === 'unknown-outcome' || error.errorCode === 8 || (error.errorCode === 6 && sent));
      if (!mayExist) throw error;
      sent = true;
      lastProblem = error.message;
    }
    try {
      return { existing: await lookup() };
    } catch (error) {
      const notYet = error instanceof FeennexError && (error.errorCode === 7 || !error.isFinal);
      if (!notYet) {
        throw new FeennexError({
          errorCode: null,
          code: FEENNEX_NO_ANSWER_CODES.unknownOutcome,
          kind: 'unknown-outcome',
          method,
          message: `${method}: the outcome of ${id} is unknown and its status could not be read (${errorText(error)})`,
          cause: error,
        });
      }
      lastProblem = errorText(error);
    }
  }
  throw new FeennexError({
    errorCode: null,
    code: FEENNEX_NO_ANSWER_CODES.unknownOutcome,
    kind: 'unknown-outcome',
    method,
    message: `${method}: the outcome of ${id} is still unknown after ${policy.attempts} attempts (${lastProblem}); ask its status later`,
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
