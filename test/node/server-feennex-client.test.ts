import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { FeennexClient } from '../../src/gateways/feennex/server/client.js';
import { FeennexPayoutClient } from '../../src/gateways/feennex/server/payout-client.js';
import { FeennexError, FeennexInputError } from '../../src/gateways/feennex/server/errors.js';
import { FAKE_SHOP, startFakeFeennex, type FakeFeennex } from './server-feennex-fake.js';

let fake: FakeFeennex;
let client: FeennexClient;
/** For the requests that never get an answer: a short timeout its answers never meet (`fake.fetch`). */
let impatient: FeennexClient;
/** Payouts, transfers and the balance through the same two clients. */
let payouts: FeennexPayoutClient;
let impatientPayouts: FeennexPayoutClient;

before(async () => {
  fake = await startFakeFeennex();
});
after(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  const retry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 };
  // Answers that come are waited for (30 s, never reached); only `impatient` gives up soon.
  client = new FeennexClient({ baseUrl: fake.url, ...FAKE_SHOP, timeoutMs: 30_000, retry });
  impatient = new FeennexClient({ baseUrl: fake.url, ...FAKE_SHOP, timeoutMs: 100, retry, fetch: fake.fetch });
  payouts = new FeennexPayoutClient(client);
  impatientPayouts = new FeennexPayoutClient(impatient);
});

const rejects = async (promise: Promise<unknown>, check: Partial<FeennexError>) => {
  const error = await promise.then(
    () => assert.fail('expected a FeennexError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FeennexError, String(error));
  for (const [key, value] of Object.entries(check)) assert.deepEqual(error[key as keyof FeennexError], value, key);
  return error;
};

describe('requests', () => {
  test('invoiceCreate: signed fields as strings, extras unsigned, the answer as a redirect form', async () => {
    fake.on('invoice/create', {
      data: { id: 499564464, method: 'POST', url: 'https://pay.example/3ds', data: { PaReq: 'abc', MD: 12 } },
    });
    const result = await client.invoiceCreate({
      amount: 1234,
      currency: 'PLN',
      payway: 'card_pln',
      shopOrderId: 'order-1',
      description: 'Order 1',
      successUrl: 'https://shop.example/ok',
      extras: { google_pay_token: '{"a":1}' },
    });
    assert.deepEqual(result, {
      kind: 'redirect',
      id: '499564464',
      redirect: { url: 'https://pay.example/3ds', method: 'POST', params: { PaReq: 'abc', MD: '12' } },
      raw: { id: '499564464', method: 'POST', url: 'https://pay.example/3ds', data: { PaReq: 'abc', MD: 12 } },
    });
    const [call] = fake.calls('invoice/create');
    assert.equal(call!.httpMethod, 'POST');
    assert.match(String(call!.headers['content-type']), /^application\/json/);
    assert.deepEqual(call!.body, {
      amount: '12.34',
      currency: '985',
      payway: 'card_pln',
      shop_id: '5',
      shop_order_id: 'order-1',
      sign: call!.body.sign,
      description: 'Order 1',
      success_url: 'https://shop.example/ok',
      google_pay_token: '{"a":1}',
    });
  });

  test('invoiceTry and billCreate: amounts read back as decimal strings and minor units', async () => {
    fake.on('invoice/try', { data: { payer_price: 12.5, ps_currency: 985, paymethod_name: 'Card' } });
    const preview = await client.invoiceTry({ amount: 1250, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o-2' });
    assert.deepEqual(preview.payerPrice, { decimal: '12.5', minor: 1250, currency: 'PLN', numericCurrency: '985' });
    assert.equal(preview.raw.paymethod_name, 'Card');

    fake.on('bill/create', { data: { id: 7, url: 'https://wallet.example/bill/7', lifetime: 43200, payer_price: '1000', shop_refund: '9.50' } });
    const bill = await client.billCreate({ amount: 1000, currency: 'JPY', payerCurrency: 'JPY', shopOrderId: 'o-3' });
    assert.equal(bill.kind, 'created');
    if (bill.kind !== 'created') return;
    assert.equal(bill.url, 'https://wallet.example/bill/7');
    assert.equal(bill.lifetime, '43200');
    assert.deepEqual(bill.payerPrice, { decimal: '1000', minor: 1000, currency: 'JPY', numericCurrency: '392' });
    assert.equal(bill.shopRefund, undefined, '9.50 JPY is not a JPY amount: left in raw');
    assert.deepEqual(fake.calls('bill/create')[0]!.body, {
      payer_currency: '392',
      shop_amount: '1000',
      shop_currency: '392',
      shop_id: '5',
      shop_order_id: 'o-3',
      sign: fake.calls('bill/create')[0]!.body.sign,
    });
  });

  test('payouts: withdraw and transfer fields, amount types and currencies', async () => {
    fake.on('withdraw/try', { data: { payee_receive: '99.00', ps_currency: 985, shop_write_off: '100.00', shop_currency: 985 } });
    const preview = await payouts.withdrawTry({ amount: 10000, currency: 'PLN', payway: 'card_pln' });
    assert.equal(preview.payeeAmount?.minor, 9900);
    assert.equal(preview.writeOff?.minor, 10000);
    assert.deepEqual(fake.calls('withdraw/try')[0]!.body.amount_type, 'shop_amount');

    fake.on('transfer/try', { data: { payee_amount: '10.00', write_off_amount: '10.10' } });
    const transfer = await payouts.transferTry({ amount: 1000, currency: 'EUR', amountType: 'receive_amount', shopCurrency: 'USD' });
    assert.deepEqual(transfer.payeeAmount, { decimal: '10.00', minor: 1000, currency: 'EUR', numericCurrency: '978' });
    assert.equal(transfer.writeOff?.currency, 'USD');
    const body = fake.calls('transfer/try')[0]!.body;
    assert.deepEqual([body.amount, body.amount_type, body.payee_currency, body.shop_currency], ['10.00', 'receive_amount', '978', '840']);

    fake.on('check_account', { data: { verified: true, account_info: { name: 'J. K.' } } });
    const check = await payouts.checkAccount({ account: '4111111111111111', amount: 100, currency: 'PLN', payway: 'card_pln' });
    assert.equal(check.verified, true);
    assert.deepEqual(Object.keys(fake.calls('check_account')[0]!.body).sort(), ['account', 'amount', 'payway', 'shop_id', 'sign']);
  });

  test('status reads and the balance', async () => {
    fake.on('bill/shop_order_status', { data: { id: 1, shop_order_id: 'o-9', status: 4, shop_amount: '1.00', shop_currency: 840 } });
    const order = await client.orderStatus('o-9');
    assert.equal(order.status, 4);
    assert.equal(order.shopAmount?.minor, 100);
    const body = fake.calls('bill/shop_order_status')[0]!.body;
    assert.ok(!Number.isNaN(Date.parse(String(body.now))), 'now is a timestamp');

    fake.on('withdraw/status', { data: { id: 55, status: '5', shop_payment_id: 'p-1', payee_receive: '5', ps_currency: 840 } });
    const payout = await payouts.withdrawStatus(55);
    assert.equal(payout.status, 5);
    assert.equal(payout.id, '55');
    assert.equal(fake.calls('withdraw/status')[0]!.body.withdraw_id, '55');

    fake.on('shop_balance', {
      data: {
        shop_id: 5,
        balances: [
          { currency: 985, available: '10.00', frozen: '0', hold: '1.5' },
          { currency: 1000, available: '1' },
        ],
      },
    });
    const { balances } = await payouts.shopBalance();
    assert.equal(balances[0]!.currency, 'PLN');
    assert.equal(balances[0]!.available?.minor, 1000);
    assert.equal(balances[0]!.hold?.minor, 150);
    assert.equal(balances[1]!.currency, '1000', 'a non-ISO currency is kept as sent');
  });
});

describe('errors', () => {
  test('a documented error code becomes a typed, final FeennexError', async () => {
    fake.on('invoice/try', { error: 4, message: 'Amount too small' });
    const error = await rejects(client.invoiceTry({ amount: 1, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o' }), {
      errorCode: 4,
      code: 'FEENNEX_4',
      kind: 'declined',
      method: 'invoice/try',
    });
    assert.equal(error.codeName, 'AMOUNT_TOO_SMALL');
    assert.match(error.message, /Amount too small/);
  });

  test('a bad signature (error 10) exposes the string Feennex signed, never the secret', async () => {
    const wrong = new FeennexClient({ baseUrl: fake.url, shopId: '5', secretKey: 'not-the-secret' });
    const error = await rejects(new FeennexPayoutClient(wrong).shopBalance(), { errorCode: 10, kind: 'configuration' });
    assert.equal(error.stringToSign, `${fake.calls('shop_balance')[0]!.body.now}:5`);
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes('not-the-secret'));
  });

  test('error 8 is retriable; an unknown code is handled generically', async () => {
    fake.on('withdraw/status', { error: 8 });
    await rejects(payouts.withdrawStatus(1), { errorCode: 8, kind: 'unavailable' });
    fake.on('withdraw/status', { error: 77, message: 'Something new' });
    const error = await rejects(payouts.withdrawStatus(1), { errorCode: 77, kind: 'gateway' });
    assert.equal(error.codeName, 'UNKNOWN_ERROR');
  });

  test('a read that times out or meets a non-Feennex answer is retriable, with no error code', async () => {
    fake.on('shop_balance', 'hang');
    const timedOut = await rejects(impatientPayouts.shopBalance(), { errorCode: null, code: 'TIMEOUT', kind: 'unavailable' });
    assert.match(timedOut.message, /no answer within 100 ms/, 'ended by timeoutMs');
    fake.on('shop_balance', { httpStatus: 502, text: '<html>Bad gateway</html>' });
    await rejects(payouts.shopBalance(), { errorCode: null, code: 'HTTP_502', kind: 'unavailable', httpStatus: 502 });
    fake.on('shop_balance', { data: { balances: 'none' } });
    const error = await rejects(payouts.shopBalance(), { errorCode: null });
    assert.match(error.message, /unexpected answer, data\.balances/);
  });

  test('bad input is refused before anything is sent, naming the field', async () => {
    const attempts: Array<[string, () => Promise<unknown>, RegExp]> = [
      ['amount', () => client.invoiceCreate({ amount: 12.5, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o' }), /amount/],
      ['currency', () => client.invoiceTry({ amount: 1, currency: 'pln', payway: 'card_pln', shopOrderId: 'o' }), /currency/],
      ['shopOrderId', () => client.orderStatus('a:b'), /must not contain ":"/],
      [
        'successUrl',
        () => client.invoiceCreate({ amount: 1, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o', successUrl: 'javascript:x' }),
        /successUrl/,
      ],
      ['shopCurrency', () => payouts.withdrawTry({ amount: 1, currency: 'PLN', shopCurrency: 'USD', payway: 'card_pln' }), /shopCurrency must equal currency/],
      ['unknown', () => payouts.transferTry({ amount: 1, currency: 'PLN', secret: 'x' } as never), /secret/],
    ];
    for (const [field, call, message] of attempts) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof FeennexInputError, `${field}: ${String(error)}`);
      assert.match(error.message, message, field);
    }
    assert.equal(fake.requests.length, 0);
  });

  test('the constructor refuses a bad configuration', () => {
    const baseUrl = 'https://core.feennex.com/';
    assert.throws(() => new FeennexClient({ baseUrl, shopId: 'abc', secretKey: 's' }), /shopId/);
    assert.throws(() => new FeennexClient({ baseUrl, shopId: 5, secretKey: '' }), /secretKey/);
    assert.throws(() => new FeennexClient({ shopId: 5, secretKey: 's', baseUrl: 'core.feennex.com' }), /baseUrl/);
    assert.equal(new FeennexClient({ baseUrl: 'https://core.feennex.com', shopId: 5, secretKey: 's' }).baseUrl, 'https://core.feennex.com/');
  });

  test('has no silent production default: a missing baseUrl is refused, as FenigeClient refuses it', () => {
    // @ts-expect-error baseUrl is required
    assert.throws(
      () => new FeennexClient({ shopId: 5, secretKey: 's' }),
      (e: unknown) => e instanceof TypeError && /baseUrl is required/.test(e.message) && !e.message.includes('undefined'),
    );
    assert.throws(() => new FeennexClient({ baseUrl: '', shopId: 5, secretKey: 's' }), /baseUrl is required/);
  });

  test('the secret appears nowhere: JSON, inspect, requests, errors', async () => {
    const text = JSON.stringify(client) + inspect(client, { showHidden: true, depth: 10 });
    assert.ok(!text.includes(FAKE_SHOP.secretKey));
    fake.on('shop_balance', { error: 11 });
    const error = await rejects(payouts.shopBalance(), { errorCode: 11 });
    assert.ok(!inspect(error, { depth: 10 }).includes(FAKE_SHOP.secretKey));
    assert.ok(!JSON.stringify(fake.requests).includes(FAKE_SHOP.secretKey));
  });
});

describe('creates whose answer is lost', () => {
  test('withdrawCreate: a timeout is resolved by shop_payment_status, not reported as a failure', async () => {
    const payout = { id: 901, status: 3, shop_payment_id: 'pay-1', payee_receive: '50.00', ps_currency: 985, shop_write_off: '51.00', shop_currency: 985 };
    fake.on('withdraw/create', 'hang');
    fake.on('withdraw/shop_payment_status', { data: payout });
    const result = await impatientPayouts.withdrawCreate({
      amount: 5100,
      currency: 'PLN',
      payway: 'card_pln',
      account: '4111111111111111',
      shopPaymentId: 'pay-1',
    });
    assert.equal(result.recovered, true);
    assert.equal(result.id, '901');
    assert.equal(result.status, 3);
    assert.equal(result.shopWriteOff?.minor, 5100);
    assert.equal(fake.calls('withdraw/create').length, 1, 'found at once: not re-sent');
  });

  test('withdrawCreate: after a network error the create is re-sent only while Feennex does not know it', async () => {
    fake.on('withdraw/create', (_body, calls) => (calls === 0 ? 'drop' : { data: { id: 902, status: 1, shop_payment_id: 'pay-2' } }));
    fake.on('withdraw/shop_payment_status', { error: 7, message: 'Operation not found' });
    const result = await payouts.withdrawCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', account: '4111', shopPaymentId: 'pay-2' });
    assert.deepEqual([result.recovered, result.id], [false, '902']);
    const [first, second] = fake.calls('withdraw/create');
    assert.deepEqual(first!.body, second!.body, 'the very same signed create');
  });

  test('transferCreate: a timed-out create that landed is found by transfer/shop_payment_status', async () => {
    fake.on('transfer/create', 'hang');
    fake.on('transfer/shop_payment_status', {
      data: { id: 77, shop_payment_id: 'tr-1', receive_amount: '10.00', payee_currency: 840, write_off_amount: '10.00', shop_currency: 840 },
    });
    const result = await impatientPayouts.transferCreate({ amount: 1000, currency: 'USD', payeeAccount: 'P123', shopPaymentId: 'tr-1' });
    assert.deepEqual([result.recovered, result.id, result.payeeAmount?.minor], [true, '77', 1000]);
  });

  test('invoiceCreate: error 6 on the retry of a lost create means it exists: answered from its status', async () => {
    fake.on('invoice/create', (_body, calls) => (calls === 0 ? 'hang' : { error: 6, message: 'Operation not unique' }));
    fake.on('bill/shop_order_status', (_body, calls) => (calls === 0 ? { error: 7 } : { data: { status: 2, shop_order_id: 'o-6' } }));
    const result = await impatient.invoiceCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o-6' });
    assert.equal(result.kind, 'existing');
    assert.equal(result.kind === 'existing' && result.order.status, 2);
  });

  test('error 6 on a first attempt is a real duplicate: a final error', async () => {
    fake.on('invoice/create', { error: 6, message: 'Operation not unique' });
    await rejects(client.invoiceCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', shopOrderId: 'dup' }), { errorCode: 6, kind: 'invalid-request' });
    assert.equal(fake.calls('bill/shop_order_status').length, 0);
  });

  test('error 8 on a create asks the status', async () => {
    fake.on('withdraw/create', { error: 8 });
    fake.on('withdraw/shop_payment_status', { data: { id: 5, status: 3 } });
    const result = await payouts.withdrawCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', account: '4111', shopPaymentId: 'pay-8' });
    assert.deepEqual([result.recovered, result.status], [true, 3]);
  });

  test('when nothing settles it within the bounded attempts, the outcome is reported unknown', async () => {
    fake.on('withdraw/create', 'drop');
    fake.on('withdraw/shop_payment_status', 'drop');
    const error = await rejects(payouts.withdrawCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', account: '4111', shopPaymentId: 'pay-x' }), {
      errorCode: null,
      code: 'UNKNOWN_OUTCOME',
      kind: 'unknown-outcome',
      method: 'withdraw/create',
    });
    assert.match(error.message, /pay-x is still unknown after 3 attempts/);
    assert.equal(fake.calls('withdraw/create').length, 3);
  });

  test('a final error from the status lookup does not turn an unknown create into a failure', async () => {
    fake.on('invoice/create', 'drop');
    fake.on('bill/shop_order_status', { error: 12, message: 'Shop not active' });
    await rejects(client.invoiceCreate({ amount: 100, currency: 'PLN', payway: 'card_pln', shopOrderId: 'o-12' }), {
      errorCode: null,
      kind: 'unknown-outcome',
    });
  });
});
