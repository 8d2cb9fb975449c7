import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryIdempotencyStore, IdempotencyStoreFullError, type IdempotencyStore } from '../../src/server/idempotency/index.js';
import { claimToken } from '../../src/server/token-claims.js';

/**
 * The memory store's lifetime rules and the one-token-one-payment claim, each alone with a clock of
 * our own (src/server/idempotency/memory-store.ts, src/server/token-claims.ts). Written for the
 * mutants StrykerJS left alive (docs/testing.md).
 */

const HOUR = 60 * 60 * 1000;
const settled = { state: 'final' as const, bodyHash: 'h', answer: { httpStatus: 200, body: { status: 'APPROVED' } } };

describe('how long the memory store remembers a payment', () => {
  test('by default a full day after its last write, and not a millisecond longer', async () => {
    let time = 0;
    const store = createMemoryIdempotencyStore({ now: () => time });
    await store.settle('k', settled);
    time = 24 * HOUR - 1;
    assert.deepEqual(await store.get('k'), settled);
    time = 24 * HOUR;
    assert.equal(await store.get('k'), undefined);
  });

  test('an entry whose time is up makes room at once, a live one never does', async () => {
    let time = 0;
    const store = createMemoryIdempotencyStore({ now: () => time, ttlMs: 1_000, maxEntries: 1 });
    await store.acquire('a', 'h', 500);
    time = 999;
    await assert.rejects(store.acquire('b', 'h', 2_000), IdempotencyStoreFullError);
    time = 1_000;
    assert.deepEqual(await store.acquire('b', 'h', 2_000), { acquired: true });
    assert.equal(await store.get('a'), undefined);
  });

  test('a store of one entry holds one payment', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 1 });
    assert.deepEqual(await store.acquire('a', 'h', 1), { acquired: true });
    await assert.rejects(store.acquire('b', 'h', 1), /maximum of 1 live entries/);
  });

  test('a lifetime or a size that cannot hold a payment is refused, naming the option', () => {
    for (const ttlMs of [0, -1, NaN]) {
      assert.throws(() => createMemoryIdempotencyStore({ ttlMs }), { name: 'RangeError', message: 'ttlMs must be a positive number of milliseconds' });
    }
    for (const maxEntries of [0, -3, 1.5, NaN]) {
      assert.throws(() => createMemoryIdempotencyStore({ maxEntries }), { name: 'RangeError', message: 'maxEntries must be a positive integer' });
    }
  });

  test('releasing an id the store never held is a no-op', async () => {
    const store = createMemoryIdempotencyStore();
    await store.release!('never-seen', 'h');
    assert.equal(await store.get('never-seen'), undefined);
  });
});

describe('a Google Pay token pays one payment', () => {
  const token = (signedMessage: unknown) => ({ protocolVersion: 'ECv2', signature: 's', signedMessage });

  test('the first transactionId claims it; a retry of that payment may present it again, another payment may not', async () => {
    const store = createMemoryIdempotencyStore();
    assert.equal((await claimToken(store, 'fenige:shop', token('{"m":1}'), 'tx-1', Date.now() + 1_000)).kind, 'claimed');
    assert.deepEqual(await claimToken(store, 'fenige:shop', token('{"m":1}'), 'tx-1', Date.now() + 1_000), { kind: 'same-payment' });
    assert.deepEqual(await claimToken(store, 'fenige:shop', token('{"m":1}'), 'tx-2', Date.now() + 1_000), { kind: 'reused' });
    assert.equal((await claimToken(store, 'fenige:shop', token('{"m":2}'), 'tx-2', Date.now() + 1_000)).kind, 'claimed');
  });

  test('a claim is per gateway account: the same bytes under another scope are another claim', async () => {
    const store = createMemoryIdempotencyStore();
    assert.equal((await claimToken(store, 'fenige:a', token('{"m":1}'), 'tx-1', Date.now() + 1_000)).kind, 'claimed');
    assert.equal((await claimToken(store, 'feennex:b', token('{"m":1}'), 'tx-2', Date.now() + 1_000)).kind, 'claimed');
  });

  test('a claim released because nothing reached the gateway frees the token for another payment', async () => {
    const store = createMemoryIdempotencyStore();
    const claim = await claimToken(store, 'fenige:shop', token('{"m":1}'), 'tx-1', Date.now() + 1_000);
    assert.equal(claim.kind, 'claimed');
    if (claim.kind === 'claimed') await claim.release();
    assert.equal((await claimToken(store, 'fenige:shop', token('{"m":1}'), 'tx-2', Date.now() + 1_000)).kind, 'claimed');

    const { release: _release, ...withoutRelease } = createMemoryIdempotencyStore();
    const plain: IdempotencyStore = withoutRelease;
    const kept = await claimToken(plain, 'fenige:shop', token('{"m":1}'), 'tx-1', Date.now() + 1_000);
    if (kept.kind === 'claimed') await kept.release();
    assert.deepEqual(await claimToken(plain, 'fenige:shop', token('{"m":1}'), 'tx-2', Date.now() + 1_000), { kind: 'reused' });
  });

  test('nothing to claim in a token without a signed message', async () => {
    const store = createMemoryIdempotencyStore();
    for (const value of [null, 'examplePaymentMethodToken', token(''), token(42), {}]) {
      assert.deepEqual(await claimToken(store, 'fenige:shop', value, 'tx-1', Date.now() + 1_000), { kind: 'none' }, JSON.stringify(value));
    }
  });

  test('the token itself is never what the store keeps', async () => {
    const keys: string[] = [];
    const memory = createMemoryIdempotencyStore();
    const spy: IdempotencyStore = { ...memory, acquire: (key, hash, until) => (keys.push(key + hash), memory.acquire(key, hash, until)) };
    await claimToken(spy, 'fenige:shop', token('SECRET-SIGNED-MESSAGE'), 'tx-1', Date.now() + 1_000);
    assert.equal(keys.length, 1);
    assert.match(keys[0]!, /^token:fenige:shop:[0-9a-f]{64}tx-1$/);
  });
});
