import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  createFeennexNotificationHandler,
  feennexNotificationSign,
  verifyFeennexNotification,
  type FeennexNotification,
  type FeennexOrderRecord,
} from '../../src/gateways/feennex/server/notifications.js';
import { createMemoryFeennexSeenStore } from '../../src/gateways/feennex/server/seen-store.js';
import { signNotification } from '../support/feennex-sign.js';
import { serveFetch, type Listening } from '../support/http.js';

const SECRET = 'SecretKey01';
/** The checkout handler's order ids are UUIDs (its transactionId); a merchant calling the client itself may use its own. */
const ORDER_1 = '6b1f2e3d-4c5b-4a69-8f7e-0d1c2b3a4958';
const SHOP_ORDER = 'ORDER-2026_11.0042';
const orders = new Map<string, FeennexOrderRecord>([
  [ORDER_1, { amount: 1234, currency: 'PLN' }],
  [SHOP_ORDER, { amount: 1234, currency: 'PLN' }],
]);
const paid: FeennexNotification[] = [];
const rejected: FeennexNotification[] = [];
let failNext = false;

const handler = createFeennexNotificationHandler({
  secretKey: SECRET,
  shopId: 5,
  lookupOrder: (id) => orders.get(id),
  onPaid: (n) => {
    if (failNext) {
      failNext = false;
      throw new Error('database down');
    }
    paid.push(n);
  },
  onRejected: (n) => void rejected.push(n),
});

/** The handler mounted on node:http, as a merchant would (through the package's Node adapter). */
let server: Listening;
let url: string;
before(async () => {
  server = await serveFetch(handler);
  url = `${server.url}/feennex/callback`;
});
after(() => server.close());
beforeEach(() => {
  paid.length = 0;
  rejected.length = 0;
});

let nextPaymentId = 1000;
/** A callback as Feennex sends it, signed with the shop's secret. */
function callback(overrides: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    client_price: '12.34',
    created: '2026-11-21 10:00:00',
    description: 'Order 1',
    email: '',
    lang: 'en',
    payment_id: String(nextPaymentId++),
    payway: 'card_pln',
    processed: '2026-11-21 10:01:00',
    ps_currency: '985',
    ps_data: '{"card":"4111********1111"}',
    shop_amount: '12.34',
    shop_currency: '985',
    shop_id: '5',
    shop_order_id: ORDER_1,
    shop_refund: '0',
    status: 'success',
    user_ip: '203.0.113.7',
    ...overrides,
  };
  return { ...fields, sign: signNotification(fields, SECRET) };
}

const post = (fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(fields).toString() });

describe('signature', () => {
  test('the documented rule: no sign, no empty values, zeros kept, sorted, raw strings joined, secret appended', async () => {
    const fields = { b: '2', a: '1', empty: '', zero: '0', sign: 'x' };
    const expected = createHash('sha256')
      .update('1:2:0' + SECRET)
      .digest('hex');
    assert.equal(await feennexNotificationSign(fields, SECRET), expected);
    assert.equal(signNotification(fields, SECRET), expected, "the tests' own signer agrees");
    assert.equal(await verifyFeennexNotification({ ...fields, sign: expected }, SECRET), true);
    assert.equal(await verifyFeennexNotification({ ...fields, sign: expected.toUpperCase() }, SECRET), true);
    assert.equal(await verifyFeennexNotification({ ...fields, sign: expected.slice(0, 63) }, SECRET), false);
    const lastCharWrong = expected.slice(0, 63) + (expected.endsWith('0') ? '1' : '0');
    assert.equal(await verifyFeennexNotification({ ...fields, sign: lastCharWrong }, SECRET), false);
    assert.equal(await verifyFeennexNotification({ ...fields, a: '1.0', sign: expected }, SECRET), false);
  });
});

describe('the handler over HTTP', () => {
  test('a valid success callback is processed once and answered 200 OK', async () => {
    const fields = callback();
    const response = await post(fields);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'OK');
    assert.equal(paid.length, 1);
    assert.equal(paid[0]!.paymentId, fields.payment_id);
    assert.deepEqual(paid[0]!.shopAmount, { decimal: '12.34', minor: 1234, currency: 'PLN', numericCurrency: '985' });
    assert.equal(paid[0]!.fields.ps_data, '{"card":"4111********1111"}', 'raw strings kept');
    assert.equal('sign' in paid[0]!.fields, false);
  });

  test('a replay (same payment_id and status) is answered OK without calling the merchant again', async () => {
    const fields = callback();
    assert.equal((await post(fields)).status, 200);
    const again = await post(fields);
    assert.equal(again.status, 200);
    assert.equal(await again.text(), 'OK');
    assert.equal(paid.length, 1);
  });

  test("a callback for a merchant's own order id (not a UUID) is processed, as the client let it be sent", async () => {
    const response = await post(callback({ shop_order_id: SHOP_ORDER }));
    assert.equal(response.status, 200);
    assert.deepEqual(
      paid.map((n) => n.fields.shop_order_id),
      [SHOP_ORDER],
    );
  });

  test('a rejected callback calls onRejected', async () => {
    assert.equal((await post(callback({ status: 'rejected' }))).status, 200);
    assert.deepEqual([paid.length, rejected.length], [0, 1]);
  });

  test('forged or tampered callbacks are refused with 4xx and reach no merchant code', async () => {
    const cases: Array<[string, Record<string, string>, number]> = [
      ['tampered amount', { ...callback(), shop_amount: '0.01' }, 403],
      [
        'wrong secret',
        (() => {
          const f = callback();
          return { ...f, sign: signNotification(f, 'guess') };
        })(),
        403,
      ],
      [
        'no sign',
        (() => {
          const { sign: _s, ...f } = callback();
          return f;
        })(),
        400,
      ],
      ['other shop', callback({ shop_id: '6' }), 403],
      ['unknown status', callback({ status: 'maybe' }), 400], // refused by its shape, before the signature
      ['unknown order', callback({ shop_order_id: '0d6f9c1e-5b2a-4c1f-9e3d-7a8b9c0d1e2f' }), 404],
      ['amount differs from the order', callback({ shop_amount: '12.35', client_price: '12.35' }), 422],
      ['currency differs from the order', callback({ shop_currency: '978' }), 422],
    ];
    for (const [name, fields, status] of cases) {
      const response = await post(fields);
      assert.equal(response.status, status, name);
    }
    assert.equal((await post(callback(), 'text/plain')).status, 415);
    assert.equal((await post(callback(), 'application/json')).status, 400, 'form fields labelled JSON are not JSON');
    assert.equal((await fetch(url)).status, 405);
    assert.deepEqual([paid.length, rejected.length], [0, 0]);
  });

  test('a JSON callback (should Feennex end its "temporary" form encoding) is read the same way', async () => {
    const postJson = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const fields = callback();
    const response = await postJson(fields);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'OK');
    assert.equal(paid.length, 1);
    assert.equal(paid[0]!.shopOrderId, ORDER_1);
    assert.equal((await postJson({ ...callback(), sign: 'f'.repeat(64) })).status, 403);
    const float = await postJson({ ...callback(), shop_amount: 12.34 });
    assert.equal(float.status, 400);
    assert.match(await float.text(), /shop_amount must be a string/);
    assert.equal((await postJson([fields])).status, 400);
    assert.equal(paid.length, 1);
  });

  test("when the merchant's code fails the answer is 500 and the next delivery is processed", async () => {
    const fields = callback();
    failNext = true;
    assert.equal((await post(fields)).status, 500);
    assert.equal(paid.length, 0);
    assert.equal((await post(fields)).status, 200);
    assert.equal(paid.length, 1);
  });
});

test('the in-memory seen store forgets keys after their ttl and keeps at most maxEntries', () => {
  let time = 0;
  const store = createMemoryFeennexSeenStore({ ttlMs: 100, maxEntries: 2, now: () => time });
  assert.equal(store.add('a'), true);
  assert.equal(store.add('a'), false);
  time = 101;
  assert.equal(store.add('a'), true, 'expired');
  store.add('b');
  store.add('c');
  assert.equal(store.add('a'), true, 'the oldest was dropped beyond maxEntries');
});
