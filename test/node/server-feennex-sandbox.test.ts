import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { classifyResponse } from '../../src/protocol/index.js';
import { createFeennexEmulator, type FeennexEmulator } from '../../src/gateways/feennex/sandbox/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { feennexCheckout } from '../../src/gateways/feennex/server/checkout.js';
import { FeennexClient } from '../../src/gateways/feennex/server/client.js';
import { FeennexPayoutClient } from '../../src/gateways/feennex/server/payout-client.js';
import { FEENNEX_ERROR_CODES, FeennexError } from '../../src/gateways/feennex/server/errors.js';
import { createFeennexNotificationHandler, type FeennexNotification, type FeennexOrderRecord } from '../../src/gateways/feennex/server/notifications.js';
import { serveFetch, type Listening } from '../support/http.js';
import { waitFor } from '../support/wait.js';

/**
 * The client, the checkout gateway and the callback handler against the Feennex emulator, all over
 * real HTTP on one local server: `/feennex/…` is the emulator, `/shop/…` the merchant.
 */

let server: Listening;
let origin: string;
let emulator: FeennexEmulator;
/** The emulator's clock: it stands still until a test moves it, so "processing" never races `processingMs`. */
let clock = Date.now();
/** Longer than any answer that comes takes; the late answers (`408` amounts) are held longer still. */
const CLIENT_TIMEOUT_MS = 5_000;
let client: FeennexClient;
let payouts: FeennexPayoutClient;
const orders = new Map<string, FeennexOrderRecord>();
const paid: FeennexNotification[] = [];
const rejected: FeennexNotification[] = [];

before(async () => {
  let shop: (request: Request) => Promise<Response> = async () => new Response('not ready', { status: 503 });
  server = await serveFetch(async (request) => (await emulator.handle(request)) ?? shop(request));
  origin = server.url;
  emulator = createFeennexEmulator({
    basePath: '/feennex',
    now: () => clock,
    timing: { processingMs: 200, slowAnswerMs: 12 * CLIENT_TIMEOUT_MS, callbacks: { attempts: 3, timeoutMs: 30_000, retryMs: 50 } },
  });
  client = new FeennexClient({
    baseUrl: `${origin}/feennex/`,
    ...emulator.credentials,
    // Its timer starts before the emulator's late-answer timer in this same process, and is shorter:
    // it always fires first, however busy the machine.
    timeoutMs: CLIENT_TIMEOUT_MS,
    retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 400 },
  });
  payouts = new FeennexPayoutClient(client);
  const notifications = createFeennexNotificationHandler({
    ...emulator.credentials,
    lookupOrder: (id) => orders.get(id),
    onPaid: (n) => void paid.push(n),
    onRejected: (n) => void rejected.push(n),
  });
  const checkout = createCheckoutHandler({
    gateway: feennexCheckout(client, { callbackUrl: `${origin}/shop/feennex/callback` }),
    basePath: '/shop/payments',
    lookupOrder: (query) => {
      const order = orders.get(query.transactionId);
      return order ? { ...order, description: 'Order from the shop' } : null;
    },
  });
  shop = (request) => (new URL(request.url).pathname === '/shop/feennex/callback' ? notifications(request) : checkout(request));
});
after(() => server.close());

const id = () => randomUUID();
const card = (pan: string, amount = 1234) => ({ amount, currency: 'PLN', payway: 'card_pln', account: pan });
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected a FeennexError'),
    (error: unknown) => {
      assert.ok(error instanceof FeennexError, String(error));
      return error;
    },
  );

describe('payments', () => {
  test('invoice try/create, order status, bill and balance', async () => {
    const preview = await client.invoiceTry({ amount: 1000, currency: 'EUR', payway: 'card_pln', shopOrderId: id() });
    assert.deepEqual(preview.payerPrice, { decimal: '43.00', minor: 4300, currency: 'PLN', numericCurrency: '985' });

    const shopOrderId = id();
    const created = await client.invoiceCreate({ amount: 1234, currency: 'PLN', payway: 'card_pln', shopOrderId, description: 'Card order' });
    assert.equal(created.kind, 'redirect');
    assert.ok(created.kind === 'redirect' && created.redirect.url.startsWith(`${origin}/feennex/pay/`));
    assert.ok(created.kind === 'redirect' && created.redirect.params.session_id);
    const status = await client.orderStatus(shopOrderId);
    assert.equal(status.status, 1);
    assert.deepEqual(status.shopAmount, { decimal: '12.34', minor: 1234, currency: 'PLN', numericCurrency: '985' });

    const bill = await client.billCreate({ amount: 500, currency: 'USD', payerCurrency: 'EUR', shopOrderId: id() });
    assert.equal(bill.kind, 'created');
    assert.ok(bill.kind === 'created' && bill.url.startsWith(origin));
    assert.equal(bill.kind === 'created' && bill.payerPrice?.currency, 'EUR');

    const { balances } = await payouts.shopBalance();
    assert.deepEqual(balances.find((b) => b.currency === 'PLN')?.available?.decimal, '10000.00');
  });

  test('Google Pay through the checkout handler: approved, then the signed callback reaches onPaid once', async () => {
    const transactionId = id();
    orders.set(transactionId, { amount: 2500, currency: 'PLN' });
    const response = await pay(transactionId, '4111111111111111', 2500);
    const body = await response.json();
    assert.equal(response.status, 200);
    assert.deepEqual(classifyResponse(response.status, body), { kind: 'success', status: 'SUCCESS' });

    const notification = await waitFor(() => paid.find((n) => n.shopOrderId === transactionId), 'the success callback');
    assert.equal(notification.shopAmount.minor, 2500);
    assert.match(notification.fields.ps_data ?? '', /411111/);

    const status = await fetch(`${origin}/shop/payments/${transactionId}`);
    assert.equal(classifyResponse(status.status, await status.json()).kind, 'success');

    // The very callback Feennex sent, delivered again (a replay), and then tampered with.
    const delivery = emulator.callbacks().find((d) => d.fields.shop_order_id === transactionId)!;
    assert.equal(delivery.delivered, true);
    const replay = await postCallback(delivery.fields);
    assert.deepEqual([replay.status, await replay.text()], [200, 'OK']);
    assert.equal(paid.filter((n) => n.shopOrderId === transactionId).length, 1, 'onPaid ran once');
    const tampered = await postCallback({ ...delivery.fields, shop_amount: '0.01' });
    assert.equal(tampered.status, 403);
  });

  test('Google Pay declined → 422 REJECTED and a rejected callback; a 3-D Secure card → a POST redirect', async () => {
    const declined = id();
    orders.set(declined, { amount: 1000, currency: 'PLN' });
    const response = await pay(declined, '4000000000000002', 1000);
    const body = await response.json();
    assert.equal(response.status, 422);
    assert.deepEqual(classifyResponse(response.status, body), { kind: 'failure', code: 'REJECTED', message: 'The payment was rejected.' });
    await waitFor(() => rejected.find((n) => n.shopOrderId === declined), 'the rejected callback');

    const challenged = id();
    orders.set(challenged, { amount: 1000, currency: 'PLN' });
    const redirect = await pay(challenged, '4000000000003220', 1000);
    const outcome = classifyResponse(redirect.status, await redirect.json());
    assert.equal(outcome.kind, 'redirect');
    assert.ok(outcome.kind === 'redirect' && outcome.redirect.method === 'POST' && outcome.redirect.params?.md);
  });

  test('hosted card page → a redirect to the sandbox page', async () => {
    const transactionId = id();
    orders.set(transactionId, { amount: 4200, currency: 'PLN' });
    const response = await fetch(`${origin}/shop/payments/hosted`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': transactionId },
      body: JSON.stringify({ transactionId, apiKey: 'pk', amount: 4200, currency: 'PLN', description: 'Hosted', returnUrl: `${origin}/cart` }),
    });
    const outcome = classifyResponse(response.status, await response.json());
    assert.equal(outcome.kind, 'redirect');
    assert.ok(outcome.kind === 'redirect' && outcome.redirect.url.startsWith(`${origin}/feennex/pay/`));
  });
});

describe('every error class', () => {
  test('documented codes arrive typed, with their kind', async () => {
    const order = (payway: string, amount = 1000, currency = 'PLN') => client.invoiceTry({ amount, currency, payway, shopOrderId: id() });
    const expect = async (promise: Promise<unknown>, errorCode: number) => {
      const error = await errorOf(promise);
      assert.deepEqual([error.errorCode, error.kind, error.isFinal], [errorCode, FEENNEX_ERROR_CODES[errorCode]!.kind, true], error.message);
    };
    await expect(order('unknown_pln'), 1);
    await expect(order('qiwi_pln'), 2);
    await expect(order('webmoney_pln'), 3);
    await expect(order('card_pln', 50), 4);
    await expect(order('card_pln', 1_000_001), 5);
    const duplicate = id();
    await client.invoiceCreate({ amount: 1000, currency: 'PLN', payway: 'card_pln', shopOrderId: duplicate });
    await expect(client.invoiceCreate({ amount: 1000, currency: 'PLN', payway: 'card_pln', shopOrderId: duplicate }), 6);
    await expect(client.orderStatus(id()), 7);
    await expect(payouts.withdrawCreate({ ...card('4111111111111111', 600_000), currency: 'EUR', payway: 'card_eur', shopPaymentId: id() }), 9);
    await expect(order('card_usd', 1000, 'JPY'), 16);
    for (const [account, code] of [
      ['4000000000001315', 13],
      ['4000000000001414', 14],
      ['4000000000001810', 18],
    ] as const) {
      await expect(payouts.withdrawCreate({ ...card(account), shopPaymentId: id() }), code);
    }
  });

  test('signature, shop and IP errors', async () => {
    const { secretKey } = emulator.credentials;
    const as = (shopId: string, secret = secretKey) => new FeennexPayoutClient({ baseUrl: `${origin}/feennex/`, shopId, secretKey: secret });
    const bad = await errorOf(as('5', 'wrong-secret').shopBalance());
    assert.equal(bad.errorCode, 10);
    assert.match(bad.stringToSign ?? '', /:5$/);
    assert.ok(!bad.message.includes('wrong-secret') && !bad.message.includes(secretKey));
    // An unknown shop has no key: error 10 with the string to sign, as the documented example.
    const unknown = await errorOf(as('999').shopBalance());
    assert.equal(unknown.errorCode, 10);
    assert.match(unknown.stringToSign ?? '', /:999$/);
    for (const code of [12, 15, 17, 19]) {
      const error = await errorOf(as(String(code)).shopBalance());
      assert.equal(error.errorCode, code);
    }
  });
});

describe('payouts', () => {
  test('withdraw try/create/status and check_account', async () => {
    const preview = await payouts.withdrawTry({ amount: 10_000, currency: 'EUR', payway: 'card_eur', shopCurrency: 'PLN', amountType: 'ps_amount' });
    assert.deepEqual([preview.payeeAmount?.decimal, preview.writeOff?.decimal, preview.writeOff?.currency], ['100.00', '430.00', 'PLN']);
    const check = await payouts.checkAccount({ ...card('4111111111111111') });
    assert.equal(check.verified, true);
    const shopPaymentId = id();
    const payout = await payouts.withdrawCreate({ ...card('4111111111111111'), shopPaymentId });
    assert.deepEqual([payout.recovered, payout.status, payout.shopWriteOff?.minor], [false, 5, 1234]);
    assert.equal((await payouts.withdrawStatus(payout.id)).shopPaymentId, shopPaymentId);
    assert.equal((await payouts.withdrawShopPaymentStatus(shopPaymentId)).id, payout.id);
  });

  test('FeennexClient pays out itself, as the contract says: withdrawCreate debits the sandbox balance by the write-off', async () => {
    const available = async () => (await client.shopBalance()).balances.find((b) => b.currency === 'PLN')?.available?.minor;
    const before = await available();
    const shopPaymentId = id();
    const payout = await client.withdrawCreate({ ...card('4111111111111111', 2_500), shopPaymentId });
    assert.deepEqual([payout.recovered, payout.status, payout.shopPaymentId, payout.shopWriteOff?.minor], [false, 5, shopPaymentId, 2_500]);
    assert.equal(await available(), before! - 2_500);
    assert.equal((await client.withdrawShopPaymentStatus(shopPaymentId)).id, payout.id);
    assert.equal(emulator.payouts().filter((p) => p.shopPaymentId === shopPaymentId).length, 1);
  });

  test('a withdraw whose answer times out is resolved by its status: one payout, no failure', async () => {
    const shopPaymentId = id();
    const payout = await payouts.withdrawCreate({ ...card('5555555555554444', 408), shopPaymentId });
    assert.deepEqual([payout.recovered, payout.status, payout.shopPaymentId], [true, 5, shopPaymentId]);
    assert.equal(emulator.payouts().filter((p) => p.shopPaymentId === shopPaymentId).length, 1);
  });

  test('a withdraw answering "processing" (8) is resolved by its status, and settles later', async () => {
    const payout = await payouts.withdrawCreate({ ...card('4111111111111111', 808), shopPaymentId: id() });
    assert.deepEqual([payout.recovered, payout.status], [true, 3]);
    clock += 200; // processingMs
    assert.equal((await payouts.withdrawStatus(payout.id)).status, 5);
  });

  test('transfers: try, create, a timed-out create resolved by transfer/shop_payment_status', async () => {
    const preview = await payouts.transferTry({ amount: 1000, currency: 'PLN', payeeCurrency: 'EUR' });
    assert.deepEqual([preview.payeeAmount?.decimal, preview.payeeAmount?.currency], ['2.33', 'EUR']);
    const direct = await payouts.transferCreate({ amount: 1000, currency: 'PLN', payeeAccount: 'payee@sandbox.test', shopPaymentId: id() });
    assert.equal(direct.recovered, false);
    const shopPaymentId = id();
    const late = await payouts.transferCreate({ amount: 408, currency: 'PLN', payeeAccount: 'payee@sandbox.test', shopPaymentId });
    assert.deepEqual([late.recovered, late.shopPaymentId, late.writeOffAmount?.minor], [true, shopPaymentId, 408]);
    assert.equal(emulator.payouts().filter((p) => p.shopPaymentId === shopPaymentId).length, 1);
  });
});

function pay(transactionId: string, pan: string, amount: number): Promise<Response> {
  const { shopId } = emulator.credentials;
  return fetch(`${origin}/shop/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': transactionId },
    body: JSON.stringify({
      transactionId,
      apiKey: 'pk_test',
      amount,
      currency: 'PLN',
      description: 'Google Pay order',
      sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
      token: createTestToken({ gateway: 'feennex', gatewayMerchantId: shopId, card: pan }),
    }),
  });
}

const postCallback = (fields: Readonly<Record<string, string>>) =>
  fetch(`${origin}/shop/feennex/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
