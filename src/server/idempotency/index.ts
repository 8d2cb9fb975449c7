export type { IdempotencyStore, IdempotencyEntry, SettledEntry, AcquireResult } from './store.js';
export { IdempotencyStoreFullError } from './store.js';
export { createMemoryIdempotencyStore, type MemoryIdempotencyStoreOptions } from './memory-store.js';
export { createRedisIdempotencyStore, type RedisCommandClient, type RedisIdempotencyStoreOptions } from './redis-store.js';
