// docs/testing.md: a fixed transactionId per order blocked a retry after a decline (the id was
// spent). The page names its order with data.orderId; every attempt has its own transactionId.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { serveCheckout } from './handler-fake-gateway.js';

test('lookupOrder is asked with the page’s orderId: one order, a new transactionId per attempt', async (t) => {
  const asked: Array<{ orderId?: string; transactionId: string }> = [];
  const orders = new Map([['order-42', { amount: 2500, currency: 'PLN', description: 'Order 42' }]]);
  const { endpoint, gateway } = await serveCheckout(t, {
    lookupOrder: (query) => (asked.push(query), orders.get(query.orderId ?? '') ?? null),
  });
  const attempts = [payBody({ orderId: 'order-42' }), payBody({ orderId: 'order-42' })];
  for (const body of attempts) assert.equal((await postJson(endpoint, body)).response.status, 200);
  assert.deepEqual(
    asked.map((q) => q.orderId),
    ['order-42', 'order-42'],
  );
  assert.deepEqual(
    gateway.payCalls.map((c) => [c.request.transactionId, c.request.amount]),
    attempts.map((b) => [b.transactionId, 2500]),
  );
  assert.equal((await postJson(endpoint, payBody({ orderId: 'no such order' }))).response.status, 400, 'not a valid order id');
  assert.equal((await postJson(endpoint, payBody({ orderId: 'order-41' }))).response.status, 404);
});
