import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisIdempotencyStore, type IdempotencyStore } from '../../src/server/index.js';
import { startRedis, type RunningRedis } from '../support/redis.js';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { waitFor } from '../support/wait.js';
import { fakeGateway, serveCheckout } from './handler-fake-gateway.js';

/** The Redis idempotency store against a real redis-server, alone and shared by two handler instances. */

let redis: RunningRedis;
const clients: Redis[] = [];
const connect = () => {
  const client = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
};

before(async () => {
  redis = await startRedis();
});
after(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  await redis?.stop();
});

describe('createRedisIdempotencyStore', () => {
  let client: Redis;
  let store: IdempotencyStore;
  beforeEach(async () => {
    client ??= connect();
    await client.flushdb();
    store = createRedisIdempotencyStore({ client, prefix: 'test:', ttlMs: 60_000 });
  });

  test('the first acquire takes the lock; later ones get the entry as it stands', async () => {
    const id = randomUUID();
    assert.deepEqual(await store.acquire(id, 'hash-a', 1_000), { acquired: true });
    assert.deepEqual(await store.acquire(id, 'hash-a', 2_000), { acquired: false, entry: { state: 'in-flight', bodyHash: 'hash-a', lockedUntil: 1_000 } });
    assert.deepEqual(await store.acquire(id, 'hash-b', 2_000), { acquired: false, entry: { state: 'in-flight', bodyHash: 'hash-a', lockedUntil: 1_000 } });

    const answer = { httpStatus: 200, body: { transactionId: id, status: 'APPROVED' } };
    await store.settle(id, { state: 'final', bodyHash: 'hash-a', answer });
    assert.deepEqual(await store.get(id), { state: 'final', bodyHash: 'hash-a', answer });
    assert.deepEqual(await store.acquire(id, 'hash-a', 3_000), { acquired: false, entry: { state: 'final', bodyHash: 'hash-a', answer } });
    await store.settle(id, { state: 'unknown', bodyHash: 'hash-a' });
    assert.deepEqual(await store.get(id), { state: 'unknown', bodyHash: 'hash-a' });
    assert.equal(await store.get(randomUUID()), undefined);
  });

  test('keys carry the prefix and expire after ttlMs (PX), lock and answer alike', async () => {
    const short = createRedisIdempotencyStore({ client, prefix: 'ttl:', ttlMs: 300 });
    const id = randomUUID();
    await short.acquire(id, 'h', Date.now() + 60_000);
    assert.deepEqual(await client.keys('ttl:*'), [`ttl:${id}`]);
    const pttl = await client.pttl(`ttl:${id}`);
    assert.ok(pttl > 0 && pttl <= 300, `PTTL ${pttl}`);
    await short.settle(id, { state: 'unknown', bodyHash: 'h' });
    assert.ok((await client.pttl(`ttl:${id}`)) > 0, 'settle writes a new expiry too');
    await waitFor(async () => (await short.get(id)) === undefined, 'the entry expires');
    assert.equal(await client.dbsize(), 0, 'nothing left behind');
    assert.deepEqual(await short.acquire(id, 'h', 1), { acquired: true }, 'an expired id is new again');
  });

  test('100 acquires of one id at once from two connections: exactly one takes the lock', async () => {
    const stores = [store, createRedisIdempotencyStore({ client: connect(), prefix: 'test:' })];
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => stores[i % 2]!.acquire(id, 'h', Date.now() + 10_000)));
    assert.equal(results.filter((r) => r.acquired).length, 1);
  });

  test('an entry it did not write is an error naming the key, not a guess', async () => {
    const id = randomUUID();
    await client.set(`test:${id}`, '{"state":"final","bodyHash":"h"}');
    await assert.rejects(store.get(id), new RegExp(`entry test:${id} in Redis is not one this store wrote`));
    await client.set(`test:${id}`, 'not json');
    await assert.rejects(store.acquire(id, 'h', 1), /not one this store wrote/);
  });

  test('a Redis that does not answer fails the call after timeoutMs', async () => {
    const silent = { eval: () => new Promise(() => {}), get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
    const slow = createRedisIdempotencyStore({ client: silent as never, timeoutMs: 50 });
    await assert.rejects(slow.acquire('x', 'h', 1), { name: 'TimeoutError', message: /acquire within 50 ms/ });
  });

  test('options are checked', () => {
    assert.throws(() => createRedisIdempotencyStore({} as never), /client must be an ioredis client/);
    assert.throws(() => createRedisIdempotencyStore({ client, ttlMs: 0 }), /ttlMs must be a positive/);
    assert.throws(() => createRedisIdempotencyStore({ client, timeoutMs: 1.5 }), /timeoutMs must be a positive/);
  });
});

describe('two checkout handlers sharing Redis', () => {
  test('identical POSTs spread over both instances charge once; the answer is replayed by either', async (t) => {
    const gateway = fakeGateway();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    gateway.payWith = async (request) => {
      await gate;
      return { httpStatus: 200, body: { transactionId: request.transactionId, status: 'APPROVED' } };
    };
    const a = await serveCheckout(t, { gateway, store: createRedisIdempotencyStore({ client: connect(), prefix: 'pair:' }) });
    const b = await serveCheckout(t, { gateway, store: createRedisIdempotencyStore({ client: connect(), prefix: 'pair:' }) });
    const body = payBody();

    const first = postJson(a.endpoint, body);
    await waitFor(() => gateway.payCalls.length === 1, 'a holds the lock and is charging');
    const joined = Array.from({ length: 5 }, () => postJson(a.endpoint, body)); // same process: they wait with it
    const fromB = await Promise.all(Array.from({ length: 5 }, () => postJson(b.endpoint, body)));
    for (const answer of fromB) {
      assert.equal(answer.response.status, 409, 'the other instance sees the lock');
      assert.equal(answer.body.status, 'IN_PROGRESS');
    }
    const status = await fetch(`${b.endpoint}/${body.transactionId}`);
    assert.equal((await status.json()).status, 'IN_PROGRESS', 'a status read on b knows a is charging');
    release();
    for (const answer of [await first, ...(await Promise.all(joined))]) {
      assert.equal(answer.response.status, 200);
      assert.equal(answer.body.status, 'APPROVED');
    }
    assert.equal(gateway.payCalls.length, 1, 'one charge');

    const replay = await postJson(b.endpoint, body);
    assert.equal(replay.response.status, 200);
    assert.equal(replay.response.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(replay.body, { transactionId: body.transactionId, status: 'APPROVED' });
    assert.equal(gateway.payCalls.length, 1);
    const reused = await postJson(a.endpoint, { ...body, amount: 999 });
    assert.equal(reused.response.status, 422);
    assert.equal(reused.body.code, 'TRANSACTION_ID_REUSED');
  });

  test('a lock whose holder died: the other instance asks the gateway status, never pays again', async (t) => {
    const client = connect();
    const store = () => createRedisIdempotencyStore({ client, prefix: 'dead:' });
    const stuck = fakeGateway();
    stuck.payWith = () => new Promise(() => {}); // instance a hangs mid-charge…
    const a = await serveCheckout(t, { gateway: stuck, store: store(), timeoutMs: 2_000 });
    const gateway = fakeGateway();
    const b = await serveCheckout(t, { gateway, store: store() });
    const body = payBody();
    void postJson(a.endpoint, body).catch(() => undefined);
    await waitFor(() => stuck.payCalls.length === 1, 'a is charging');
    // …and dies: its lock runs out.
    const key = `dead:fake:-:${body.transactionId}`; // prefix, gateway, its account, the id
    const entry = JSON.parse((await client.get(key))!);
    assert.equal(entry.state, 'in-flight');
    await client.set(key, JSON.stringify({ ...entry, lockedUntil: Date.now() - 1 }));

    const answer = await postJson(b.endpoint, body);
    assert.equal(answer.response.status, 200);
    assert.equal(gateway.payCalls.length, 0, 'not charged again');
    assert.deepEqual(gateway.statusCalls, [body.transactionId]);
  });

  test('Redis down: the payment is refused with 503 and nothing is charged', async (t) => {
    const local = await startRedis();
    // Commands wait for a reconnection that never comes: the store's own timeout ends them.
    const client = new Redis(local.url, { maxRetriesPerRequest: null });
    t.after(() => client.disconnect());
    await client.ping();
    const gateway = fakeGateway();
    const shop = await serveCheckout(t, { gateway, store: createRedisIdempotencyStore({ client, timeoutMs: 500 }) });
    await local.stop();
    const answer = await postJson(shop.endpoint, payBody());
    assert.equal(answer.response.status, 503);
    assert.equal(answer.body.code, 'IDEMPOTENCY_STORE_UNAVAILABLE');
    assert.equal(gateway.payCalls.length, 0);
    assert.ok(shop.events.some((e) => e.type === 'store-error'));
  });
});
