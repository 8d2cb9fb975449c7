import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestToken } from '../../src/sandbox/test-token.js';
import { verifyFeennexNotification } from '../../src/gateways/feennex/server/notifications.js';
import { now, startCallbackReceiver, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';
import { waitFor } from '../support/wait.js';

let order = 0;

describe('feennex sandbox: Google Pay invoices', () => {
  let sandbox: Sandbox;
  // The sandbox's clock stands still unless a test moves it: "still processing" and "settled
  // later" do not depend on how fast a busy machine runs the test.
  let clock = Date.now();
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  const token = (card: string | { pan: string; authMethod?: 'PAN_ONLY' | 'CRYPTOGRAM_3DS'; expirationYear?: number }, gatewayMerchantId = sandbox.shopId) =>
    createTestToken({ gateway: 'feennex', gatewayMerchantId, card });
  const pay = (googlePayToken: unknown, amount = '10.00', extra: Record<string, unknown> = {}) => {
    const shopOrderId = `gp-${++order}`;
    return sandbox
      .call('invoice/create', {
        amount,
        currency: '985',
        payway: 'googlepay_pln',
        shop_order_id: shopOrderId,
        google_pay_token: googlePayToken,
        success_url: 'https://shop.example/done',
        failed_url: 'https://shop.example/failed',
        ...extra,
      })
      .then((answer) => ({ shopOrderId, answer }));
  };
  const statusOf = async (shopOrderId: string) => (await sandbox.call('bill/shop_order_status', { now: now(), shop_order_id: shopOrderId })).data!.status;

  before(async () => {
    receiver = await startCallbackReceiver();
    sandbox = await startSandbox({ callbackUrl: receiver.url, now: () => clock });
  });
  after(async () => {
    await sandbox.close();
    await receiver.close();
  });

  test('an approving card is final at once: { id, shop_order_id, status: 4 }, no redirect', async () => {
    const { shopOrderId, answer } = await pay(token('4111111111111111'));
    assert.equal(answer.error_code, 0, answer.message);
    assert.deepEqual(answer.data, { id: answer.data!.id, shop_order_id: shopOrderId, status: 4 });
    assert.equal(await statusOf(shopOrderId), 4);
  });

  test('the token may also be sent as its JSON string', async () => {
    const { answer } = await pay(JSON.stringify(token('5555555555554444')));
    assert.equal(answer.data?.status, 4, answer.message);
  });

  test('a declining card is final at once with status 6, and the callback says rejected', async () => {
    const { shopOrderId, answer } = await pay(token('4000000000009995'));
    assert.equal(answer.data?.status, 6, answer.message);
    const callback = (await receiver.waitFor(3)).find((c) => c.fields.shop_order_id === shopOrderId)!;
    assert.equal(callback.fields.status, 'rejected');
    assert.equal(callback.fields.payway, 'googlepay_pln');
    assert.ok(await verifyFeennexNotification(callback.fields, sandbox.secret), 'the callback verifies as a merchant checks it');
    assert.deepEqual(JSON.parse(callback.fields.ps_data), { card: '400000******9995', network: 'VISA', auth_method: 'PAN_ONLY' });
  });

  test('an expired card is declined', async () => {
    const { answer } = await pay(token({ pan: '4111111111111111', expirationYear: 2020 }));
    assert.equal(answer.data?.status, 6, answer.message);
  });

  test('3-D Secure: redirect answer → challenge page → Approve → success_url, status 4', async () => {
    const { shopOrderId, answer } = await pay(token('4000000000003220'));
    const data = answer.data!;
    assert.equal(data.status, 2);
    assert.equal(data.method, 'POST');
    assert.deepEqual(Object.keys(data.data).sort(), ['md', 'pareq']);
    const challengePath = new URL(data.url).pathname;
    assert.equal(challengePath, `/feennex/3ds/${data.id}`);

    // The browser auto-submits a POST form with `data`, as the element does.
    const post = (fields: Record<string, string>) =>
      sandbox.fetch(challengePath, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const page = await post(data.data);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1>3-D Secure check<\/h1>/);
    assert.match(html, /10\.00 PLN/);
    assert.doesNotMatch(html, /<script/i);
    assert.equal(await statusOf(shopOrderId), 2);

    const approved = await post({ md: data.data.md, action: 'approve' });
    assert.equal(approved.status, 303);
    assert.equal(approved.headers.get('location'), `https://shop.example/done?shop_order_id=${shopOrderId}`);
    assert.equal(await statusOf(shopOrderId), 4);
    assert.equal((await post({ md: 'forged', action: 'fail' })).status, 403);
  });

  test('a CRYPTOGRAM_3DS token of the challenge card needs no challenge', async () => {
    const { answer } = await pay(token({ pan: '4000000000003220', authMethod: 'CRYPTOGRAM_3DS' }));
    assert.equal(answer.data?.status, 4, answer.message);
  });

  test('a token that fails a check, for another merchant, or is missing is error 10 naming google_pay_token', async () => {
    const good = token('4111111111111111');
    // A different first character of the tag (always replacing it with "A" left one token in 64 untouched).
    const tampered = { ...good, signedMessage: good.signedMessage.replace(/"tag":"(.)/, (_, first: string) => `"tag":"${first === 'A' ? 'B' : 'A'}`) };
    for (const bad of [tampered, token('4111111111111111', 'another-shop'), 'not json']) {
      const { shopOrderId, answer } = await pay(bad);
      assert.equal(answer.error_code, 10);
      assert.match(answer.message, /^Incorrect parameter google_pay_token: /);
      assert.ok(!answer.message.includes('4111111111111111'), 'never echoes card data');
      assert.equal((await sandbox.call('bill/shop_order_status', { now: now(), shop_order_id: shopOrderId })).error_code, 7, 'nothing recorded');
    }
    const missing = await sandbox.call('invoice/create', { amount: '10.00', currency: '985', payway: 'googlepay_pln', shop_order_id: 'gp-missing' });
    assert.equal(missing.message, 'Missing required parameter: google_pay_token');
  });

  test('slow (3.33): waiting, then success on a later status query, with its callback', async () => {
    const { shopOrderId, answer } = await pay(token('4111111111111111'), '3.33');
    assert.equal(answer.data?.status, 2, answer.message);
    const repeated = await pay(token('4111111111111111'), '3.33', { shop_order_id: shopOrderId });
    assert.equal(repeated.answer.error_code, 8, 'repeating while it is processing');
    clock += 250; // past processingMs (200)
    assert.equal(await statusOf(shopOrderId), 4);
    assert.equal((await pay(token('4111111111111111'), '3.33', { shop_order_id: shopOrderId })).answer.error_code, 6);
  });

  test('timeout (4.08): the answer comes late, and the status was already known', async () => {
    const started = Date.now();
    const pending = pay(token('4111111111111111'), '4.08');
    const shopOrderId = `gp-${order}`;
    await waitFor(() => sandbox.emulator.invoices().some((i) => i.shopOrderId === shopOrderId), 'the invoice');
    assert.equal(await statusOf(shopOrderId), 4, 'a client that timed out finds it by status');
    const { answer } = await pending;
    assert.ok(Date.now() - started >= 390);
    assert.equal(answer.data?.status, 4);
  });

  test('processing (8.08): error 8 now, success later', async () => {
    const { shopOrderId, answer } = await pay(token('4111111111111111'), '8.08');
    assert.equal(answer.error_code, 8);
    assert.equal(await statusOf(shopOrderId), 2);
    clock += 250; // past processingMs (200)
    assert.equal(await statusOf(shopOrderId), 4);
  });
});

describe('feennex sandbox: callback delivery', () => {
  test('retries with backoff until the merchant answers OK, and does not hold up the API answer', async () => {
    const receiver = await startCallbackReceiver(2);
    const sandbox = await startSandbox({ callbackUrl: receiver.url });
    try {
      const answer = await sandbox.call('invoice/create', {
        amount: '10.00',
        currency: '985',
        payway: 'googlepay_pln',
        shop_order_id: 'retry',
        google_pay_token: createTestToken({ gateway: 'feennex', gatewayMerchantId: '5', card: '4111111111111111' }),
      });
      assert.equal(answer.data?.status, 4, answer.message);
      const [callback] = await receiver.waitFor(1);
      assert.equal(receiver.attempts(), 3);
      assert.ok(await verifyFeennexNotification(callback.fields, sandbox.secret), 'the callback verifies as a merchant checks it');
      await waitFor(() => sandbox.emulator.callbacks()[0]?.delivered, 'the callback delivered');
      const [delivery] = sandbox.emulator.callbacks();
      assert.equal(delivery.attempts, 3);
      assert.ok(!JSON.stringify(delivery).includes(sandbox.secret));
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });

  test('gives up after the configured attempts', async () => {
    const receiver = await startCallbackReceiver(99);
    const sandbox = await startSandbox({ callbackUrl: receiver.url, timing: { callbacks: { attempts: 2, retryMs: 10, timeoutMs: 500 } } });
    try {
      await sandbox.call('invoice/create', {
        amount: '10.00',
        currency: '985',
        payway: 'googlepay_pln',
        shop_order_id: 'give-up',
        google_pay_token: createTestToken({ gateway: 'feennex', gatewayMerchantId: '5' }),
      });
      await waitFor(
        () => sandbox.emulator.callbacks()[0]?.attempts === 2 && sandbox.emulator.callbacks()[0].lastError !== undefined,
        'the second failed attempt',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(receiver.attempts(), 2, 'no third attempt');
      const [delivery] = sandbox.emulator.callbacks();
      assert.equal(delivery.delivered, false);
      assert.equal(delivery.lastError, 'HTTP 500, the body was not OK');
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });
});
