// Issue: without lookupOrder the handler charged whatever amount the browser sent (README said
// MUST, the code said optional). The server is now the amount authority by construction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { fakeGateway, serveCheckout } from './handler-fake-gateway.js';

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (message: string) => warnings.push(message), error: () => {} } };
}

test('a handler without lookupOrder is refused at construction, naming lookupOrder and the unsafe opt-in', () => {
  assert.throws(
    () => createCheckoutHandler({ gateway: fakeGateway() }),
    (error: Error) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /lookupOrder/);
      assert.match(error.message, /unsafeTrustBrowserAmount/);
      return true;
    },
  );
});

test('only the literal opt-in unsafeTrustBrowserAmount: true is accepted instead of lookupOrder', () => {
  for (const value of [false, 'true', 1, undefined]) {
    assert.throws(() => createCheckoutHandler({ gateway: fakeGateway(), unsafeTrustBrowserAmount: value as never }), /lookupOrder/);
  }
  assert.throws(() => createCheckoutHandler({ gateway: fakeGateway(), lookupOrder: 'orders' as never }), /lookupOrder must be a function/);
});

test('the unsafe opt-in warns once through the logger, not per request, and then charges the browser amount', async (t) => {
  const { warnings, logger } = recordingLogger();
  const { endpoint, gateway } = await serveCheckout(t, { unsafeTrustBrowserAmount: true, logger });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /unsafeTrustBrowserAmount/);
  assert.match(warnings[0]!, /production/i);
  for (let i = 0; i < 2; i++) {
    const { response } = await postJson(endpoint, payBody({ amount: 1 }));
    assert.equal(response.status, 200);
  }
  assert.equal(warnings.length, 1);
  assert.equal(gateway.payCalls[0]!.request.amount, 1);
});

test('with lookupOrder nothing is warned and the order, not the browser, sets the amount', async (t) => {
  const { warnings, logger } = recordingLogger();
  const lookupOrder = () => ({ amount: 2599, currency: 'PLN', description: 'Order 42' });
  const { endpoint, gateway } = await serveCheckout(t, { lookupOrder, logger });
  const { response } = await postJson(endpoint, payBody({ amount: 1, description: 'tampered' }));
  assert.equal(response.status, 200);
  assert.deepEqual(warnings, []);
  assert.equal(gateway.payCalls[0]!.request.amount, 2599);
  assert.equal(gateway.payCalls[0]!.request.description, 'Order 42');
});
