import * as z from 'zod/mini';
import type { AcquireResult, IdempotencyEntry, IdempotencyStore, SettledEntry } from './store.js';

/**
 * The three commands this store sends, as `ioredis`' `Redis` and `Cluster` declare them. Written
 * out rather than imported so that these typings compile in projects without `ioredis` installed.
 */
export interface RedisCommandClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, millisecondsToken: 'PX', milliseconds: number): Promise<unknown>;
}

/** Options of `createRedisIdempotencyStore`: your ioredis client, key prefix, TTL and timeout. */
export interface RedisIdempotencyStoreOptions {
  /** An `ioredis` client (or `Cluster`) that the merchant creates, configures and closes. */
  client: RedisCommandClient;
  /** Prefix of every key this store writes. Default `paytool:idempotency:`. */
  prefix?: string;
  /** How long an entry is kept after it was last written (Redis `PX`). Default 24 hours. */
  ttlMs?: number;
  /**
   * Longest wait for one Redis command. A lock that cannot be taken in time fails the request
   * (503, nothing charged); an answer that cannot be recorded in time is reported by the handler's
   * `store-error` event. Default 2,000 ms.
   */
  timeoutMs?: number;
}

/**
 * Takes the lock or reads who holds it, in one step: `SET NX PX` creates the in-flight entry when
 * there is none; otherwise the existing entry is returned. Atomic on the Redis server, so two
 * handler instances can never both see "no entry" for the same transactionId.
 */
const ACQUIRE_SCRIPT = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return redis.call('GET', KEYS[1])`;

/** Deletes the key only while it is an in-flight entry for this body hash; a settled entry stays. */
const RELEASE_SCRIPT = `local value = redis.call('GET', KEYS[1])
if not value then return 0 end
local ok, entry = pcall(cjson.decode, value)
if ok and type(entry) == 'table' and entry.state == 'in-flight' and entry.bodyHash == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

const answerSchema = z.object({ httpStatus: z.int(), body: z.record(z.string(), z.unknown()) });
const entrySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('in-flight'), bodyHash: z.string(), lockedUntil: z.number() }),
  z.object({ state: z.literal('final'), bodyHash: z.string(), answer: answerSchema }),
  z.object({ state: z.literal('unknown'), bodyHash: z.string() }),
]);

/**
 * The idempotency store for several handler instances (behind a load balancer, or across restarts):
 * in-flight locks and first answers live in Redis, so a transactionId is charged at most once
 * whichever instance the element's retries reach. Entries hold the request's hash and the answer
 * body, never the Google Pay token. Redis bounds memory by expiring every entry after `ttlMs`.
 */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): IdempotencyStore {
  const { client } = options ?? {};
  if (!client || typeof (client as Partial<RedisCommandClient>).eval !== 'function' || typeof (client as Partial<RedisCommandClient>).get !== 'function') {
    throw new TypeError('client must be an ioredis client (new Redis(…) or new Cluster(…))');
  }
  const prefix = options.prefix ?? 'paytool:idempotency:';
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  if (typeof prefix !== 'string') throw new TypeError('prefix must be a string');
  if (!Number.isInteger(ttlMs) || ttlMs < 1) throw new RangeError('ttlMs must be a positive whole number of milliseconds');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive whole number of milliseconds');

  const keyOf = (key: string) => prefix + key;

  function parse(key: string, text: unknown): IdempotencyEntry | undefined {
    if (text === null || text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(String(text));
    } catch {
      value = undefined;
    }
    const result = entrySchema.safeParse(value);
    // The key is a transactionId, not a secret; the value is left out of the message.
    if (!result.success) throw new Error(`The idempotency entry ${keyOf(key)} in Redis is not one this store wrote`);
    return result.data as IdempotencyEntry;
  }

  return {
    async acquire(key: string, bodyHash: string, lockedUntil: number): Promise<AcquireResult> {
      const entry: IdempotencyEntry = { state: 'in-flight', bodyHash, lockedUntil };
      const existing = await withTimeout(client.eval(ACQUIRE_SCRIPT, 1, keyOf(key), JSON.stringify(entry), ttlMs), timeoutMs, 'acquire');
      if (existing === null || existing === undefined) return { acquired: true };
      return { acquired: false, entry: parse(key, existing)! };
    },
    async release(key: string, bodyHash: string): Promise<void> {
      await withTimeout(client.eval(RELEASE_SCRIPT, 1, keyOf(key), bodyHash), timeoutMs, 'release');
    },
    async settle(key: string, entry: SettledEntry): Promise<void> {
      await withTimeout(client.set(keyOf(key), JSON.stringify(entry), 'PX', ttlMs), timeoutMs, 'settle');
    },
    async get(key: string): Promise<IdempotencyEntry | undefined> {
      return parse(key, await withTimeout(client.get(keyOf(key)), timeoutMs, 'get'));
    },
  };
}

/** Rejects with a `TimeoutError` when Redis takes longer than `ms` (the command itself may still run). */
function withTimeout<T>(promise: Promise<T>, ms: number, operation: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`Redis did not answer the idempotency ${operation} within ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
