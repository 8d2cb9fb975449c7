import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { classifyResponse, type CheckoutRequest, type HostedRequest } from '../../src/protocol/index.js';
import { FeennexClient } from '../../src/gateways/feennex/server/client.js';
import { feennexCheckout, FEENNEX_INVOICE_STATUS_TO_CHECKOUT } from '../../src/gateways/feennex/server/checkout.js';
import type { CheckoutGateway } from '../../src/server/gateway.js';
import { payThroughGuard } from '../support/checkout.js';
import { countAbortTimers } from '../support/timers.js';
import { waitFor } from '../support/wait.js';
import { invoiceCreateInput } from '../../src/gateways/feennex/server/inputs.js';
import { FAKE_SHOP, startFakeFeennex, type FakeFeennex } from './server-feennex-fake.js';

let fake: FakeFeennex;
let gateway: CheckoutGateway;
let client: FeennexClient;

before(async () => {
  fake = await startFakeFeennex();
});
after(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  // No request here hangs: every answer comes, and is waited for as long as a busy machine needs.
  client = new FeennexClient({ baseUrl: fake.url, ...FAKE_SHOP, timeoutMs: 30_000, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 } });
  gateway = feennexCheckout(client, { callbackUrl: 'https://shop.example/feennex/callback' });
});

const token = {
  protocolVersion: 'ECv2',
  signature: 'sig',
  signedMessage: '{"encryptedMessage":"x"}',
  intermediateSigningKey: { signedKey: 'k', signatures: ['s'] },
};
const payment = (): CheckoutRequest => ({
  transactionId: randomUUID(),
  apiKey: 'pk_test',
  amount: 1000,
  currency: 'PLN',
  description: 'Order 42',
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
  token,
});
const context = { returnUrl: 'https://shop.example/checkout?step=pay' };

describe('pay: the Google Pay invoice (assumed mapping)', () => {
  test('sends invoice/create with googlepay_<currency>, the token unsigned, result URLs and the payer e-mail', async () => {
    const request = payment();
    fake.on('invoice/create', { data: { id: 1, status: 4 } });
    const answer = await gateway.pay(request, context);
    assert.deepEqual(answer, {
      httpStatus: 200,
      body: { transactionId: request.transactionId, status: 'SUCCESS', feennexStatus: 4 },
      charged: { amount: 1000, currency: 'PLN' },
    });
    assert.deepEqual(classifyResponse(answer.httpStatus, answer.body), { kind: 'success', status: 'SUCCESS' });
    const body = fake.calls('invoice/create')[0]!.body;
    assert.equal(body.payway, 'googlepay_pln');
    assert.equal(body.shop_order_id, request.transactionId);
    assert.equal(body.amount, '10.00');
    assert.equal(body.currency, '985');
    assert.equal(body.google_pay_token, JSON.stringify(token));
    assert.equal(body.email, 'jan@example.com');
    assert.equal(body.description, 'Order 42');
    assert.equal(body.callback_url, 'https://shop.example/feennex/callback');
    const success = new URL(String(body.success_url));
    assert.equal(success.searchParams.get('paytool-result'), 'success');
    assert.equal(success.searchParams.get('transactionId'), request.transactionId);
    assert.equal(success.searchParams.get('step'), 'pay');
    assert.equal(new URL(String(body.failed_url)).searchParams.get('paytool-result'), 'failure');
  });

  test('a 3-D Secure form becomes a redirect with its fields', async () => {
    const request = payment();
    fake.on('invoice/create', { data: { id: 2, method: 'POST', url: 'https://acs.example/3ds', data: { PaReq: 'p', TermUrl: 'https://t' } } });
    const answer = await gateway.pay(request, context);
    assert.equal(answer.httpStatus, 200);
    assert.deepEqual(classifyResponse(answer.httpStatus, answer.body), {
      kind: 'redirect',
      redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'p', TermUrl: 'https://t' } },
    });
  });

  test('rejected (6) → 422 REJECTED with a code', async () => {
    fake.on('invoice/create', { data: { id: 3, status: 6 } });
    const answer = await gateway.pay(payment(), context);
    assert.equal(answer.httpStatus, 422);
    assert.deepEqual(classifyResponse(answer.httpStatus, answer.body), { kind: 'failure', code: 'REJECTED', message: 'The payment was rejected.' });
    assert.equal(answer.body.code, 'FEENNEX_PS_REJECTED');
  });

  test('a final Feennex error → 4xx FEENNEX_<code> in payer-safe words (no string_to_sign)', async () => {
    fake.on('invoice/create', { error: 5, message: 'Amount too large for payway googlepay_pln' });
    const answer = await gateway.pay(payment(), context);
    assert.equal(answer.httpStatus, 422);
    assert.equal(answer.body.status, 'FEENNEX_5');
    assert.deepEqual(classifyResponse(answer.httpStatus, answer.body), {
      kind: 'failure',
      code: 'FEENNEX_5',
      message: 'The amount is above the maximum for this payment method.',
    });
  });

  test('error 6 (the element re-sent the same transactionId) is answered from the status, for the same amount and currency', async () => {
    fake.on('invoice/create', { error: 6 });
    fake.on('bill/shop_order_status', { data: { status: 4, shop_amount: '10.00', shop_currency: '985' } });
    const answer = await gateway.pay(payment(), context);
    assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, 'success');
    assert.deepEqual(answer.charged, { amount: 1000, currency: 'PLN' });
  });

  // Issue: on error 6 the adapter reported the existing invoice's status as success without comparing it.
  test('error 6 for an invoice of another amount, another currency or an unreported amount is never a success', async () => {
    for (const held of [{ shop_amount: '0.01', shop_currency: '985' }, { shop_amount: '10.00', shop_currency: '978' }, {}]) {
      fake.on('invoice/create', { error: 6 });
      fake.on('bill/shop_order_status', { data: { status: 4, ...held } });
      const answer = await gateway.pay(payment(), context);
      assert.equal(answer.httpStatus, 422, JSON.stringify(held));
      assert.equal(answer.body.code, 'TRANSACTION_ID_REUSED');
      assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, 'failure');
      assert.equal(answer.detail?.code, 'FEENNEX_6');
      if (held.shop_amount === '0.01') assert.deepEqual(answer.charged, { amount: 1, currency: 'PLN' });
    }
  });

  test('a lost answer: the adapter sends once and reports it (unknownOutcome), without a lookup or a resend', async () => {
    const request = payment();
    fake.on('invoice/create', 'drop');
    fake.on('bill/shop_order_status', { data: { status: 4, shop_order_id: request.transactionId } });
    const answer = await gateway.pay(request, context);
    assert.deepEqual([answer.httpStatus, answer.body.status, answer.unknownOutcome], [202, 'PENDING', true]);
    assert.equal(fake.calls('invoice/create').length, 1);
    assert.equal(fake.calls('bill/shop_order_status').length, 0);
  });

  test('an unknown outcome: the guard asks the status once; still unknown → 202 PENDING', async () => {
    const request = payment();
    fake.on('invoice/create', 'drop');
    fake.on('bill/shop_order_status', 'drop');
    const answer = await payThroughGuard(gateway, request, context);
    assert.deepEqual([answer.httpStatus, answer.body.status, answer.body.transactionId], [202, 'PENDING', request.transactionId]);
    assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, 'pending');
    assert.equal(fake.calls('invoice/create').length, 1);
    assert.equal(fake.calls('bill/shop_order_status').length, 1);
  });

  test('an unknown outcome the status settles: paid for the amount asked → 200; another amount → 422, never a success', async () => {
    for (const [shopAmount, httpStatus, status] of [
      ['10.00', 200, 'SUCCESS'],
      ['0.01', 422, 'TRANSACTION_ID_REUSED'],
    ] as const) {
      const request = payment();
      fake.on('invoice/create', 'drop');
      fake.on('bill/shop_order_status', { data: { status: 4, shop_order_id: request.transactionId, shop_amount: shopAmount, shop_currency: 985 } });
      const answer = await payThroughGuard(gateway, request, context);
      assert.deepEqual([answer.httpStatus, answer.body.status], [httpStatus, status]);
    }
  });

  test('processing (error 8) with a waiting invoice → 202 PENDING', async () => {
    fake.on('invoice/create', { error: 8 });
    fake.on('bill/shop_order_status', { data: { status: 2 } });
    const answer = await gateway.pay(payment(), context);
    assert.equal(answer.httpStatus, 202);
    assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, 'pending');
  });
});

describe("on the handler's hot path", () => {
  test('the invoice it builds from a request the handler validated is not validated in full again; a merchant calling invoiceCreate is', async (t) => {
    fake.on('invoice/create', { data: { id: 1, status: 4 } });
    let fullChecks = 0;
    const { safeParse } = invoiceCreateInput;
    invoiceCreateInput.safeParse = ((...args: Parameters<typeof safeParse>) => (fullChecks++, safeParse(...args))) as typeof safeParse;
    t.after(() => void (invoiceCreateInput.safeParse = safeParse));

    assert.equal((await gateway.pay(payment(), context)).httpStatus, 200);
    assert.equal(fullChecks, 0, 'the adapter checks only what the handler leaves open (payway, order id, no ":" in signed texts)');
    await client.invoiceCreate({ amount: 1000, currency: 'PLN', payway: 'card_pln', shopOrderId: randomUUID() });
    assert.equal(fullChecks, 1, "the public method validates the merchant's input");
    // What the handler's rules leave open is still refused before anything is sent: Feennex signs ':' away.
    fake.requests.length = 0;
    const colon = await gateway.pay({ ...payment(), description: 'Order: 42' }, context);
    assert.equal(colon.body.code, 'FEENNEX_INVALID_INPUT');
    assert.match(String(colon.body.message), /description/);
    assert.equal(fake.requests.length, 0);
  });

  test("within the handler's deadline the client starts no timer of its own, for the create and the status read", async (t) => {
    fake.on('invoice/create', { data: { id: 1, status: 4 } });
    fake.on('bill/shop_order_status', { data: { status: 4, shop_amount: '10.00', shop_currency: '985' } });
    const timers = countAbortTimers(t);
    const within = { ...context, signal: new AbortController().signal, deadlineAt: Date.now() + client.timeoutMs };
    const request = payment();
    assert.equal((await gateway.pay(request, within)).httpStatus, 200);
    assert.equal((await gateway.status(request.transactionId, within)).body.status, 'SUCCESS');
    assert.equal(timers.started, 0);
    await gateway.status(request.transactionId, { ...within, deadlineAt: Date.now() + client.timeoutMs + 60_000 });
    assert.equal(timers.started, 2, 'past the handler deadline: its own timeout, combined with the handler signal');
  });

  test('the default transport on Node makes no Response for the client', async (t) => {
    fake.on('invoice/create', { data: { id: 1, status: 4 } });
    let responses = 0;
    const { Response } = globalThis;
    globalThis.Response = new Proxy(Response, { construct: (target, args) => (responses++, Reflect.construct(target, args)) });
    t.after(() => void (globalThis.Response = Response));
    assert.equal((await gateway.pay(payment(), context)).httpStatus, 200);
    assert.equal(fake.calls('invoice/create').length, 1);
    assert.equal(responses, 0);
  });

  test("the handler's deadline alone ends a call that hangs (the client has no timer then): an unknown outcome", async () => {
    fake.on('invoice/create', 'hang');
    const deadline = new AbortController();
    const pending = gateway.pay(payment(), { ...context, signal: deadline.signal, deadlineAt: Date.now() + client.timeoutMs });
    await waitFor(() => fake.calls('invoice/create').length === 1, 'the create reached Feennex');
    deadline.abort(new DOMException('The gateway did not answer in time', 'TimeoutError'));
    const answer = await pending;
    assert.equal(answer.httpStatus, 202);
    assert.equal(answer.unknownOutcome, true);
  });
});

describe('status and hosted', () => {
  test('every invoice status 1…12 maps to the documented §4.2 outcome', async () => {
    const expected: Record<number, string> = {
      1: 'pending',
      2: 'pending',
      3: 'pending',
      4: 'success',
      5: 'pending',
      6: 'failure',
      7: 'failure',
      8: 'pending',
      9: 'failure',
      10: 'success',
      11: 'pending',
      12: 'pending',
    };
    for (let status = 1; status <= 13; status++) {
      fake.on('bill/shop_order_status', { data: { status } });
      const id = randomUUID();
      const answer = await gateway.status(id, {});
      assert.equal(answer.httpStatus, 200);
      assert.equal(answer.body.transactionId, id);
      assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, expected[status] ?? 'pending', `status ${status}`);
      if (status <= 12) assert.equal(answer.body.status, FEENNEX_INVOICE_STATUS_TO_CHECKOUT[status]);
    }
  });

  test('an unknown transaction or an unreadable status is pending, never a failure', async () => {
    fake.on('bill/shop_order_status', { error: 7 });
    const missing = await gateway.status(randomUUID(), {});
    assert.equal(missing.httpStatus, 404);
    assert.equal(classifyResponse(missing.httpStatus, missing.body).kind, 'pending');
    fake.on('bill/shop_order_status', { error: 15 });
    const denied = await gateway.status(randomUUID(), {});
    assert.equal(classifyResponse(denied.httpStatus, denied.body).kind, 'pending');
  });

  test('hosted: invoice/create with the card payway → a redirect to the hosted page', async () => {
    const request: HostedRequest = { ...payment(), returnUrl: 'https://shop.example/cart' };
    delete (request as Partial<CheckoutRequest>).token;
    fake.on('invoice/create', { data: { id: 9, method: 'GET', url: 'https://pay.feennex.example/card/9', data: {} } });
    const answer = await gateway.hosted(request, {});
    assert.deepEqual(classifyResponse(answer.httpStatus, answer.body), {
      kind: 'redirect',
      redirect: { url: 'https://pay.feennex.example/card/9', method: 'GET' },
    });
    const body = fake.calls('invoice/create')[0]!.body;
    assert.equal(body.payway, 'card_pln');
    assert.equal(body.google_pay_token, undefined);
    assert.equal(new URL(String(body.success_url)).origin + new URL(String(body.success_url)).pathname, 'https://shop.example/cart');
  });
});
