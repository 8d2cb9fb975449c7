import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryIdempotencyStore, type IdempotencyStore } from '../../src/server/idempotency/index.js';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { fakeGateway, serveCheckout } from './handler-fake-gateway.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the same request sent again is answered from memory: exactly one pay call, the same answer', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  const body = payBody();
  const first = await postJson(endpoint, body);
  const second = await postJson(endpoint, body);

  assert.equal(gateway.payCalls.length, 1);
  assert.equal(second.response.status, first.response.status);
  assert.deepEqual(second.body, first.body);
  assert.equal(second.response.headers.get('idempotent-replayed'), 'true');
});

test('a final decline is replayed too, never charged again', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  gateway.payWith = async (r) => ({ httpStatus: 422, body: { transactionId: r.transactionId, status: 'E0150', message: 'rejected' } });
  const body = payBody();
  await postJson(endpoint, body);
  const again = await postJson(endpoint, body);
  assert.equal(again.response.status, 422);
  assert.equal(again.body.status, 'E0150');
  assert.equal(gateway.payCalls.length, 1);
});

test('concurrent duplicates (double click, retries) wait for the one charge in flight', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  gateway.payWith = async (r) => {
    await sleep(100);
    return { httpStatus: 200, body: { transactionId: r.transactionId, status: 'APPROVED' } };
  };
  const body = payBody();
  const answers = await Promise.all(Array.from({ length: 6 }, () => postJson(endpoint, body)));

  assert.equal(gateway.payCalls.length, 1);
  for (const a of answers) {
    assert.equal(a.response.status, 200);
    assert.equal(a.body.status, 'APPROVED');
  }
});

test('the same transactionId with a different amount, token or payer is 422 TRANSACTION_ID_REUSED', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t, { allowedReturnOrigins: ['https://shop.test'] });
  const body = payBody();
  await postJson(endpoint, body);
  for (const change of [{ amount: 999 }, { token: 'other-token' }, { sender: { firstName: 'Eve', lastName: 'X' } }]) {
    const reused = await postJson(endpoint, { ...body, ...change });
    assert.equal(reused.response.status, 422);
    assert.equal(reused.body.status, 'TRANSACTION_ID_REUSED');
  }
  const asHosted = await postJson(`${endpoint}/hosted`, {
    transactionId: body.transactionId,
    apiKey: body.apiKey,
    amount: body.amount,
    currency: body.currency,
    description: body.description,
    returnUrl: 'https://shop.test/',
  });
  assert.equal(asHosted.response.status, 422);
  assert.equal(gateway.payCalls.length, 1);
  assert.equal(gateway.hostedCalls.length, 0);
});

test('a different body while the first is still in flight is refused, not merged', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  gateway.payWith = async (r) => {
    await sleep(80);
    return { httpStatus: 200, body: { transactionId: r.transactionId, status: 'APPROVED' } };
  };
  const body = payBody();
  const [first, tampered] = await Promise.all([postJson(endpoint, body), sleep(10).then(() => postJson(endpoint, { ...body, amount: 1 }))]);
  assert.equal(first.response.status, 200);
  assert.equal(tampered.response.status, 422);
  assert.equal(gateway.payCalls.length, 1);
});

test('a pending answer is not final: the retry asks the gateway status instead of paying again', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  gateway.payWith = async (r) => ({ httpStatus: 202, body: { transactionId: r.transactionId, status: 'IN_PROGRESS' } });
  const body = payBody();
  const first = await postJson(endpoint, body);
  assert.equal(first.body.status, 'IN_PROGRESS');

  const retry = await postJson(endpoint, body);
  assert.equal(retry.response.status, 200);
  assert.equal(retry.body.status, 'SUCCESS');
  assert.equal(gateway.payCalls.length, 1);
  assert.deepEqual(gateway.statusCalls, [body.transactionId]);
});

test('an error escaping the gateway is 502 PENDING (never success); the retry asks status', async (t) => {
  const { endpoint, gateway, events } = await serveCheckout(t);
  gateway.payWith = async () => {
    throw new SyntaxError('Unexpected token in JSON: "TOKEN-CIPHERTEXT"');
  };
  // The guard asks the status at once; a gateway that does not know the payment settles nothing.
  gateway.statusWith = async (id) => ({ httpStatus: 404, body: { transactionId: id, status: 'NOT_FOUND' } });
  const body = payBody();
  const first = await postJson(endpoint, body);
  assert.equal(first.response.status, 502);
  assert.equal(first.body.status, 'PENDING');
  assert.ok(!JSON.stringify(first.body).includes('TOKEN-CIPHERTEXT'));
  assert.equal(gateway.statusCalls.length, 1);

  gateway.statusWith = async (id) => ({ httpStatus: 200, body: { transactionId: id, transactionState: 'SUCCESS' } });
  const retry = await postJson(endpoint, body);
  assert.equal(retry.body.transactionState, 'SUCCESS');
  assert.equal(gateway.payCalls.length, 1);
  assert.ok(events.some((e) => e.type === 'gateway-error' && e.error === 'SyntaxError'));
});

test('a gateway slower than timeoutMs is 504 PENDING and the charge is treated as unknown', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t, { timeoutMs: 50 });
  let aborted = false;
  gateway.payWith = (_r, context) =>
    new Promise((_, reject) => {
      context.signal!.addEventListener('abort', () => {
        aborted = true;
        reject(context.signal!.reason);
      });
    });
  const body = payBody();
  const first = await postJson(endpoint, body);
  assert.equal(first.response.status, 504);
  assert.equal(first.body.status, 'PENDING');
  assert.ok(aborted);

  await postJson(endpoint, body);
  assert.equal(gateway.payCalls.length, 1);
  assert.equal(gateway.statusCalls.length, 1);
});

test('a charge in flight in another process is 409 IN_PROGRESS with Retry-After; GET status says IN_PROGRESS', async (t) => {
  const store = createMemoryIdempotencyStore();
  const slow = fakeGateway();
  let release!: () => void;
  slow.payWith = (r) =>
    new Promise((resolve) => {
      release = () => resolve({ httpStatus: 200, body: { transactionId: r.transactionId, status: 'APPROVED' } });
    });
  const processA = await serveCheckout(t, { store, gateway: slow });
  const processB = await serveCheckout(t, { store });
  const body = payBody();

  const first = postJson(processA.endpoint, body);
  await sleep(30);
  const elsewhere = await postJson(processB.endpoint, body);
  assert.equal(elsewhere.response.status, 409);
  assert.equal(elsewhere.body.status, 'IN_PROGRESS');
  assert.ok(Number(elsewhere.response.headers.get('retry-after')) >= 1);

  const status = await fetch(`${processB.endpoint}/${body.transactionId}`);
  assert.equal((await status.json()).status, 'IN_PROGRESS');
  assert.equal(processB.gateway.statusCalls.length, 0);

  release();
  assert.equal((await first).body.status, 'APPROVED');
  const replayed = await postJson(processB.endpoint, body);
  assert.equal(replayed.body.status, 'APPROVED');
  assert.equal(slow.payCalls.length + processB.gateway.payCalls.length, 1);
});

test('a lock left by a process that died mid-charge expires into a status query, never a second charge', async (t) => {
  const store = createMemoryIdempotencyStore();
  const { endpoint, gateway } = await serveCheckout(t, { store });
  const { hashBody } = await import('../../src/server/idempotency/body-hash.js');
  const live = payBody();
  const dead = payBody();
  // The handler's keys and hashes name the gateway and its account (the fake one has none).
  const scope = 'fake:-';
  await store.acquire(`${scope}:${live.transactionId}`, await hashBody({ scope, kind: 'pay', body: live }), Date.now() + 40_000);
  await store.acquire(`${scope}:${dead.transactionId}`, await hashBody({ scope, kind: 'pay', body: dead }), Date.now() - 1);

  assert.equal((await postJson(endpoint, live)).response.status, 409);
  const afterExpiry = await postJson(endpoint, dead);
  assert.equal(afterExpiry.body.status, 'SUCCESS');
  assert.equal(gateway.payCalls.length, 0);
  assert.deepEqual(gateway.statusCalls, [dead.transactionId]);
});

test('neither the store nor onEvent ever sees the token', async (t) => {
  const inner = createMemoryIdempotencyStore();
  const seen: unknown[] = [];
  const store: IdempotencyStore = {
    acquire: (...args) => (seen.push(args), inner.acquire(...args)),
    settle: (...args) => (seen.push(args), inner.settle(...args)),
    get: (key) => inner.get(key),
  };
  const { endpoint, events } = await serveCheckout(t, { store });
  const body = payBody();
  await postJson(endpoint, body);
  await postJson(endpoint, body);
  await postJson(endpoint, { ...body, amount: 5 });

  const recorded = JSON.stringify(seen) + JSON.stringify(events);
  for (const secret of ['TOKEN-CIPHERTEXT', 'secret-signature', 'keyValue']) assert.ok(!recorded.includes(secret), secret);
  assert.deepEqual(
    events.map((e) => e.source ?? e.type),
    ['charged', 'replayed', 'reused'],
  );
  assert.equal(events[0]!.amount, 1000);
});

test('a store that cannot take the lock refuses to charge (503, retryable)', async (t) => {
  const broken: IdempotencyStore = {
    acquire: async () => {
      throw new Error('redis down');
    },
    settle: async () => {},
    get: async () => undefined,
  };
  const { endpoint, gateway } = await serveCheckout(t, { store: broken });
  const { response, body } = await postJson(endpoint, payBody());
  assert.equal(response.status, 503);
  assert.equal(body.code, 'IDEMPOTENCY_STORE_UNAVAILABLE');
  assert.equal(gateway.payCalls.length, 0);
});
