// Issue: 10,000 cheap requests evicted a settled entry, after which a replay with another amount was
// answered success. The memory store now never forgets a live entry to make room: it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryIdempotencyStore, IdempotencyStoreFullError } from '../../src/server/idempotency/index.js';

const answer = { httpStatus: 200, body: { status: 'APPROVED' } };

test('full of live entries, the memory store refuses a new id instead of forgetting a settled or in-flight one', async () => {
  const store = createMemoryIdempotencyStore({ maxEntries: 2 });
  await store.acquire('charging', 'h', Date.now() + 60_000);
  await store.acquire('done', 'h', Date.now() + 60_000);
  await store.settle('done', { state: 'final', bodyHash: 'h', answer });
  await assert.rejects(store.acquire('new', 'h', Date.now() + 60_000), IdempotencyStoreFullError);
  assert.equal((await store.get('charging'))?.state, 'in-flight');
  assert.equal((await store.get('done'))?.state, 'final');
  assert.equal(await store.get('new'), undefined);
  // An id it already holds is still answered, so replays keep working when full.
  assert.equal((await store.acquire('done', 'h', Date.now() + 60_000)).acquired, false);
});

test('expired entries make room; live ones never do', async () => {
  let now = 0;
  const store = createMemoryIdempotencyStore({ ttlMs: 1000, maxEntries: 2, now: () => now });
  await store.acquire('a', 'h', 10);
  now = 500;
  await store.acquire('b', 'h', 10);
  await assert.rejects(store.acquire('c', 'h', 10), IdempotencyStoreFullError);
  now = 1001; // 'a' expired, 'b' still live
  assert.deepEqual(await store.acquire('c', 'h', 10), { acquired: true });
  assert.equal(await store.get('a'), undefined);
  assert.ok(await store.get('b'));
});

test("release drops only the in-flight entry of the same body: a settled or another body's entry stays", async () => {
  const store = createMemoryIdempotencyStore();
  await store.acquire('x', 'h1', Date.now() + 60_000);
  await store.release!('x', 'other');
  assert.ok(await store.get('x'));
  await store.release!('x', 'h1');
  assert.equal(await store.get('x'), undefined);
  await store.acquire('y', 'h1', Date.now() + 60_000);
  await store.settle('y', { state: 'final', bodyHash: 'h1', answer });
  await store.release!('y', 'h1');
  assert.equal((await store.get('y'))?.state, 'final');
});
