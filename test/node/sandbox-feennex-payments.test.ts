import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyFeennexNotification } from '../../src/gateways/feennex/server/notifications.js';
import { now, startCallbackReceiver, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';

const PLN = '985';
let order = 0;
const nextOrder = () => `pay-${++order}`;

/** The path and query of an absolute URL, for the sandbox's own fetch. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('feennex sandbox: payments', () => {
  let sandbox: Sandbox;
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  const statusOf = async (shopOrderId: string) => sandbox.call('bill/shop_order_status', { now: now(), shop_order_id: shopOrderId });
  const plnBalance = async () =>
    (await sandbox.call('shop_balance', { now: now() })).data!.balances.find((b: { currency: number }) => b.currency === 985).available;

  async function cardInvoice(amount = '25.00', payway = 'card_pln') {
    const shopOrderId = nextOrder();
    const answer = await sandbox.call('invoice/create', {
      amount,
      currency: PLN,
      payway,
      shop_order_id: shopOrderId,
      description: 'Order',
      success_url: 'https://shop.example/ok?x=1',
      failed_url: 'https://shop.example/ko',
      callback_url: receiver.url,
    });
    assert.equal(answer.error_code, 0, answer.message);
    return { shopOrderId, answer: answer.data! };
  }

  before(async () => {
    receiver = await startCallbackReceiver();
    sandbox = await startSandbox();
  });
  after(async () => {
    await sandbox.close();
    await receiver.close();
  });

  test('invoice/try previews the price in the payway currency without creating anything', async () => {
    const answer = await sandbox.call('invoice/try', { amount: '43.00', currency: PLN, payway: 'card_eur', shop_order_id: 'try-1' });
    assert.equal(answer.error_code, 0, answer.message);
    assert.deepEqual(answer.data, {
      add_ons_config: {},
      email: null,
      manual: false,
      payer_price: '10.00',
      paymethod_id: 1,
      paymethod_name: 'Bank card',
      ps_currency: 978,
    });
    assert.equal((await statusOf('try-1')).error_code, 7);
  });

  test('card invoice: hosted page, approved card, redirect to success_url, status 4, balance and callback', async () => {
    const before = await plnBalance();
    const { shopOrderId, answer } = await cardInvoice('25.00');
    assert.deepEqual(Object.keys(answer).sort(), ['data', 'id', 'method', 'url']);
    assert.equal(answer.method, 'GET');
    assert.equal((await statusOf(shopOrderId)).data!.status, 1);

    // The merchant builds a GET form from `url` and `data`; the browser lands here.
    const pageUrl = `${pathOf(answer.url)}?${new URLSearchParams(answer.data)}`;
    const page = await sandbox.fetch(pageUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<label for="pan">Card number<\/label>/);
    assert.match(html, /4111111111111111/);
    assert.equal((await statusOf(shopOrderId)).data!.status, 2, 'waiting once the payer is on the page');

    const paid = await sandbox.fetch(
      pathOf(answer.url),
      form({
        session_id: answer.data.session_id,
        action: 'pay',
        pan: '4111 1111 1111 1111',
        exp: '12/39',
        cvc: '123',
      }),
    );
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('location'), `https://shop.example/ok?x=1&shop_order_id=${shopOrderId}`);

    const status = (await statusOf(shopOrderId)).data!;
    assert.equal(status.status, 4);
    assert.equal(status.shop_amount, '25.00');
    assert.equal(status.shop_currency, 985);
    assert.equal(await plnBalance(), (Number(before) + 25).toFixed(2));

    const [callback] = (await receiver.waitFor(1)).filter((c) => c.fields.shop_order_id === shopOrderId);
    assert.equal(callback.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.keys(callback.fields).sort(), [
      'client_price',
      'created',
      'description',
      'email',
      'lang',
      'payment_id',
      'payway',
      'processed',
      'ps_currency',
      'ps_data',
      'shop_amount',
      'shop_currency',
      'shop_id',
      'shop_order_id',
      'shop_refund',
      'sign',
      'status',
      'user_ip',
    ]);
    assert.equal(callback.fields.status, 'success');
    assert.equal(callback.fields.shop_amount, '25.00');
    assert.equal(callback.fields.payment_id, String(answer.id));
    assert.ok(await verifyFeennexNotification(callback.fields, sandbox.secret), 'the callback verifies as a merchant checks it');
    assert.deepEqual(JSON.parse(callback.fields.ps_data), { card: '411111******1111', network: 'VISA' });
  });

  test('card invoice: a 3-D Secure card goes through the challenge page; Fail ends at failed_url', async () => {
    const { shopOrderId, answer } = await cardInvoice('30.00');
    const toChallenge = await sandbox.fetch(
      pathOf(answer.url),
      form({
        session_id: answer.data.session_id,
        action: 'pay',
        pan: '4000000000003220',
        exp: '01/40',
        cvc: '999',
      }),
    );
    assert.equal(toChallenge.status, 303);
    const challenge = toChallenge.headers.get('location')!;
    assert.match(challenge, /\/feennex\/3ds\/\d+\?md=[0-9a-f]+$/);
    const html = await (await sandbox.fetch(challenge)).text();
    assert.match(html, /<button type="submit" name="action" value="approve">Approve<\/button>/);
    const md = /name="md" value="([0-9a-f]+)"/.exec(html)![1];
    const failed = await sandbox.fetch(challenge.split('?')[0], form({ md, action: 'fail' }));
    assert.equal(failed.status, 303);
    assert.equal(failed.headers.get('location'), `https://shop.example/ko?shop_order_id=${shopOrderId}`);
    assert.equal((await statusOf(shopOrderId)).data!.status, 6);
  });

  test('card invoice: a declining card ends rejected; the page is final afterwards', async () => {
    const { shopOrderId, answer } = await cardInvoice('31.00');
    const declined = await sandbox.fetch(
      pathOf(answer.url),
      form({
        session_id: answer.data.session_id,
        action: 'pay',
        pan: '4000000000000002',
        exp: '01/40',
        cvc: '999',
      }),
    );
    assert.equal(declined.headers.get('location'), `https://shop.example/ko?shop_order_id=${shopOrderId}`);
    const again = await sandbox.fetch(
      pathOf(answer.url),
      form({
        session_id: answer.data.session_id,
        action: 'pay',
        pan: '4111111111111111',
        exp: '01/40',
        cvc: '999',
      }),
    );
    assert.equal(again.headers.get('location'), `https://shop.example/ko?shop_order_id=${shopOrderId}`, 'a final status is never left');
    assert.equal((await statusOf(shopOrderId)).data!.status, 6);
    const [callback] = (await receiver.waitFor(2)).filter((c) => c.fields.shop_order_id === shopOrderId);
    assert.equal(callback.fields.status, 'rejected');
  });

  test('card page: invalid input is shown accessibly; a wrong session is refused', async () => {
    const { answer } = await cardInvoice('32.00');
    const invalid = await sandbox.fetch(pathOf(answer.url), form({ session_id: answer.data.session_id, action: 'pay', pan: '4111', exp: '13/40', cvc: '1' }));
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /role="alert"[^>]*>Enter the card number/);
    const stranger = await sandbox.fetch(pathOf(answer.url), form({ session_id: 'guess', action: 'pay', pan: '4111111111111111', exp: '01/40', cvc: '123' }));
    assert.equal(stranger.status, 403);
  });

  test('wallet invoice: the documented shape { data: { session_id }, id, method, url } and an Approve page', async () => {
    const { shopOrderId, answer } = await cardInvoice('5.00', 'payeer_pln');
    assert.match(answer.data.session_id, /^[0-9a-f]{32}$/);
    const approved = await sandbox.fetch(pathOf(answer.url), form({ session_id: answer.data.session_id, action: 'approve' }));
    assert.equal(approved.headers.get('location'), `https://shop.example/ok?x=1&shop_order_id=${shopOrderId}`);
    assert.equal((await statusOf(shopOrderId)).data!.status, 4);
  });

  test('bill: created waiting, paid on the wallet page, then final', async () => {
    const shopOrderId = nextOrder();
    const created = await sandbox.call('bill/create', {
      payer_currency: '978',
      shop_amount: '43.00',
      shop_currency: PLN,
      shop_order_id: shopOrderId,
    });
    assert.equal(created.error_code, 0, created.message);
    const bill = created.data!;
    assert.equal(bill.payer_price, '10.00');
    assert.equal(bill.shop_refund, '43.00');
    assert.equal(bill.lifetime, 43200);
    assert.equal((await statusOf(shopOrderId)).data!.status, 1);
    const page = await sandbox.fetch(pathOf(bill.url));
    assert.match(await page.text(), /Pay 10\.00 EUR/);
    const paid = await sandbox.fetch(pathOf(bill.url), form({ action: 'approve' }));
    assert.equal(paid.status, 200, 'no success_url: the page shows the result');
    assert.equal((await statusOf(shopOrderId)).data!.status, 2);
  });

  test('bill: expires after its lifetime', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const timed = await startSandbox({ now: () => clock });
    try {
      const created = await timed.call('bill/create', { payer_currency: PLN, shop_amount: '1.00', shop_currency: PLN, shop_order_id: 'old' });
      assert.equal(created.data!.created, '2030-01-01 00:00:00');
      clock += 43200 * 60_000;
      const status = await timed.call('bill/shop_order_status', { now: 'x', shop_order_id: 'old' });
      assert.equal(status.data!.status, 4);
    } finally {
      await timed.close();
    }
  });

  test('a shop_order_id is unique across invoices and bills (6)', async () => {
    const { shopOrderId } = await cardInvoice('6.00');
    const bill = await sandbox.call('bill/create', { payer_currency: PLN, shop_amount: '6.00', shop_currency: PLN, shop_order_id: shopOrderId });
    assert.equal(bill.error_code, 6);
    assert.match(bill.message, new RegExp(shopOrderId));
  });

  test('the merchant panel lists invoices and bills', () => {
    const listed = sandbox.emulator.invoices();
    assert.ok(listed.some((p) => p.type === 'bill' && p.statusName === 'paid'));
    assert.ok(listed.some((p) => p.type === 'invoice' && p.statusName === 'success' && p.currency === 'PLN'));
  });
});
