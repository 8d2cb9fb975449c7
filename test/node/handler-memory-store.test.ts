import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryIdempotencyStore } from '../../src/server/idempotency/index.js';

const answer = { httpStatus: 200, body: { status: 'APPROVED' } };

test('over its limit the memory store forgets settled entries before an in-flight lock', async () => {
  const store = createMemoryIdempotencyStore({ maxEntries: 2 });
  assert.deepEqual(await store.acquire('charging', 'h', Date.now() + 60_000), { acquired: true });
  for (const id of ['done-1', 'done-2', 'done-3']) {
    await store.acquire(id, 'h', Date.now() + 60_000);
    await store.settle(id, { state: 'final', bodyHash: 'h', answer });
  }
  assert.equal((await store.get('charging'))?.state, 'in-flight', 'the payment being charged keeps its lock');
  assert.equal(await store.get('done-1'), undefined);
  assert.equal(await store.get('done-2'), undefined);
  assert.equal((await store.get('done-3'))?.state, 'final');
});

test('when every entry is in flight the oldest goes, so memory stays bounded', async () => {
  const store = createMemoryIdempotencyStore({ maxEntries: 2 });
  for (const id of ['a', 'b', 'c']) await store.acquire(id, 'h', Date.now() + 60_000);
  assert.equal(await store.get('a'), undefined);
  assert.equal((await store.get('c'))?.state, 'in-flight');
});
