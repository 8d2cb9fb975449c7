// The Redis idempotency store takes ioredis' clients as they are, though its typings do not import
// ioredis (test/node/package-hygiene.test.ts compiles them without ioredis installed).
import { Cluster, Redis } from 'ioredis';
import { createRedisIdempotencyStore } from 'paytool-elements/server';

export const single = createRedisIdempotencyStore({ client: new Redis({ lazyConnect: true }) });
export const cluster = createRedisIdempotencyStore({ client: new Cluster([{ host: '127.0.0.1', port: 6379 }], { lazyConnect: true }) });

// --- misuse ---

// @ts-expect-error a Map is not a Redis client
export const notRedis = createRedisIdempotencyStore({ client: new Map<string, string>() });
