import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { payBody } from '../support/checkout.js';
import { postInit, postJson } from '../support/http.js';
import { serveCheckout } from './handler-fake-gateway.js';

test('a valid token POST is forwarded once with browserIp and the Referer as returnUrl, and answered as the gateway said', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t, { allowedReturnOrigins: ['https://shop.test'] });
  const body = payBody();
  const { response, body: answer } = await postJson(endpoint, body, { Referer: 'https://shop.test/cart?step=2' });

  assert.equal(response.status, 200);
  assert.deepEqual(answer, { transactionId: body.transactionId, status: 'APPROVED' });
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(gateway.payCalls.length, 1);
  assert.deepEqual(gateway.payCalls[0]!.request, body);
  assert.equal(gateway.payCalls[0]!.context.browserIp, '127.0.0.1');
  assert.equal(gateway.payCalls[0]!.context.returnUrl, 'https://shop.test/cart?step=2');
  assert.ok(gateway.payCalls[0]!.context.signal instanceof AbortSignal);
});

test('an invalid body is refused with 400 INVALID_REQUEST (status ERROR, not a gateway code) naming each field, and never reaches the gateway', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  const { amount: _amount, ...withoutAmount } = payBody({ currency: 'XYZ', currencyCode: 'PLN' });
  const { response, body } = await postJson(endpoint, withoutAmount);

  assert.equal(response.status, 400);
  assert.equal(body.status, 'ERROR');
  assert.equal(body.code, 'INVALID_REQUEST');
  assert.match(body.message, /amount/);
  assert.deepEqual(body.errors.amount, ['is required']);
  assert.ok(body.errors.currency[0].includes('ISO 4217'));
  assert.ok(body.errors.currencyCode[0].includes('unknown field'));
  assert.ok(body.issues.some((i: { path: string }) => i.path === 'amount'));
  assert.equal(gateway.payCalls.length, 0);
});

test('non-JSON, a wrong Content-Type and an empty body are refused without echoing the body', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  const garbage = '{"token": "SECRET-TOKEN-TEXT", oops';
  const notJson = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: garbage });
  assert.equal(notJson.status, 400);
  const notJsonBody = await notJson.text();
  assert.equal(JSON.parse(notJsonBody).code, 'INVALID_JSON');
  assert.ok(!notJsonBody.includes('SECRET-TOKEN-TEXT'));

  const form = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(payBody()) });
  assert.equal(form.status, 415);
  assert.equal((await form.json()).code, 'UNSUPPORTED_MEDIA_TYPE');

  const empty = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  assert.equal(empty.status, 400);
  assert.equal(gateway.payCalls.length, 0);
});

test('bodies over the limit get 413, whether announced by Content-Length or streamed', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t, { maxBodyBytes: 1024 });
  const big = payBody({ description: 'x'.repeat(200), token: 'y'.repeat(5000) });
  const announced = await fetch(endpoint, postInit(big));
  assert.equal(announced.status, 413);
  assert.equal((await announced.json()).code, 'PAYLOAD_TOO_LARGE');

  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(200)));
      controller.close();
    },
  });
  const streamed = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: chunks,
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413);
  assert.equal(gateway.payCalls.length, 0);
});

test('an Idempotency-Key that differs from the transactionId is refused', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  const { response, body } = await postJson(endpoint, payBody(), { 'Idempotency-Key': randomUUID() });
  assert.equal(response.status, 400);
  assert.equal(body.code, 'IDEMPOTENCY_KEY_MISMATCH');
  assert.equal(gateway.payCalls.length, 0);
});

test("lookupOrder is the authority: its amount, currency and description replace the browser's, and it never sees the token", async (t) => {
  const queries: unknown[] = [];
  const { endpoint, gateway } = await serveCheckout(t, {
    lookupOrder: async (query) => {
      queries.push(query);
      return { amount: 12_345, currency: 'EUR', description: 'Order 42 (server)' };
    },
  });
  const body = payBody({ amount: 1 });
  const { response } = await postJson(endpoint, body);

  assert.equal(response.status, 200);
  const charged = gateway.payCalls[0]!.request;
  assert.equal(charged.amount, 12_345);
  assert.equal(charged.currency, 'EUR');
  assert.equal(charged.description, 'Order 42 (server)');
  assert.deepEqual(charged.token, body.token);
  assert.equal(queries.length, 1);
  assert.ok(!JSON.stringify(queries).includes('TOKEN-CIPHERTEXT'));
  assert.equal((queries[0] as { transactionId: string }).transactionId, body.transactionId);
});

test('lookupOrder: no order → 404 ORDER_NOT_FOUND; a throwing lookup → 503 to retry; an invalid order → 500; none charged', async (t) => {
  const outcomes = new Map<string, () => unknown>();
  const { endpoint, gateway } = await serveCheckout(t, {
    lookupOrder: async (query) => outcomes.get(query.description)!() as never,
  });
  outcomes.set('none', () => null);
  outcomes.set('boom', () => {
    throw new Error('database down');
  });
  outcomes.set('bad', () => ({ amount: 10.5, currency: 'PLN', description: 'x' }));

  const none = await postJson(endpoint, payBody({ description: 'none' }));
  assert.equal(none.response.status, 404);
  assert.equal(none.body.code, 'ORDER_NOT_FOUND');

  const boom = await postJson(endpoint, payBody({ description: 'boom' }));
  assert.equal(boom.response.status, 503);
  assert.equal(boom.body.code, 'ORDER_LOOKUP_FAILED');
  assert.ok(!JSON.stringify(boom.body).includes('database down'));
  assert.ok(Number(boom.response.headers.get('retry-after')) > 0);

  const bad = await postJson(endpoint, payBody({ description: 'bad' }));
  assert.equal(bad.response.status, 500);
  assert.equal(bad.body.code, 'ORDER_LOOKUP_INVALID');
  assert.equal(gateway.payCalls.length, 0);
});

test('browserIp comes from the first X-Forwarded-For hop only with trustProxy', async (t) => {
  const trusting = await serveCheckout(t, { trustProxy: true });
  await postJson(trusting.endpoint, payBody(), { 'X-Forwarded-For': '41.11.22.1, 10.0.0.1' });
  assert.equal(trusting.gateway.payCalls[0]!.context.browserIp, '41.11.22.1');

  const direct = await serveCheckout(t);
  await postJson(direct.endpoint, payBody(), { 'X-Forwarded-For': '41.11.22.1' });
  assert.equal(direct.gateway.payCalls[0]!.context.browserIp, '127.0.0.1');
});

test("hosted: POST basePath/hosted answers the gateway redirect; the returnUrl option overrides the browser's", async (t) => {
  const { endpoint, gateway } = await serveCheckout(t, { returnUrl: 'https://shop.test/thanks' });
  const { amount, currency, description, apiKey, transactionId } = payBody();
  const hosted = { transactionId, apiKey, amount, currency, description, returnUrl: 'https://evil.test/' };
  const { response, body } = await postJson(`${endpoint}/hosted`, hosted);

  assert.equal(response.status, 200);
  assert.equal(body.redirect.url, `https://gateway.test/pay/${transactionId}`);
  assert.equal(gateway.hostedCalls[0]!.request.returnUrl, 'https://shop.test/thanks');
  assert.equal(gateway.hostedCalls[0]!.context.returnUrl, 'https://shop.test/thanks');

  const invalid = await postJson(`${endpoint}/hosted`, { ...hosted, transactionId: randomUUID(), returnUrl: 'javascript:alert(1)' });
  assert.equal(invalid.response.status, 400);
  assert.ok(invalid.body.errors.returnUrl);
});

test('status: GET basePath/{id} answers the gateway status of a payment it charged; a non-UUID id is 400', async (t) => {
  const { endpoint, gateway } = await serveCheckout(t);
  const body = payBody();
  await postJson(endpoint, body);
  const id = body.transactionId;
  const ok = await fetch(`${endpoint}/${id}`);
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { transactionId: id, status: 'SUCCESS' });
  assert.deepEqual(gateway.statusCalls, [id]);

  const bad = await fetch(`${endpoint}/not-a-uuid`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).errors.transactionId.length, 1);
});

test('other paths are 404, wrong methods 405 with Allow, OPTIONS 204', async (t) => {
  const { endpoint, origin } = await serveCheckout(t);
  const elsewhere = await fetch(`${origin}/somewhere`);
  assert.equal(elsewhere.status, 404);
  assert.equal((await elsewhere.json()).code, 'NOT_FOUND');

  const get = await fetch(endpoint);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
  await get.body?.cancel();

  const deleteStatus = await fetch(`${endpoint}/${randomUUID()}`, { method: 'DELETE' });
  assert.equal(deleteStatus.status, 405);
  assert.equal(deleteStatus.headers.get('allow'), 'GET, OPTIONS');
  await deleteStatus.body?.cancel();

  const options = await fetch(`${endpoint}/hosted`, { method: 'OPTIONS' });
  assert.equal(options.status, 204);
  assert.equal(options.headers.get('allow'), 'POST, OPTIONS');
});

test("the default basePath is the gateway's and a basePath without a leading slash is refused", async (t) => {
  const { handler } = await serveCheckout(t);
  assert.equal(handler.basePath, '/pay');
  const { createCheckoutHandler } = await import('../../src/server/checkout-handler.js');
  const { fakeGateway } = await import('./handler-fake-gateway.js');
  assert.throws(() => createCheckoutHandler({ gateway: fakeGateway(), basePath: 'pay' }), /basePath must start with "\/"/);
  assert.throws(() => createCheckoutHandler({ gateway: {} as never }), /gateway must be/);
});
