import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandbox, FEENNEX_TEST_CARDS, FENIGE_TEST_CARDS, startSandbox } from '../../src/sandbox/index.js';
import { listen } from '../support/http.js';

const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

test('startSandbox listens on 127.0.0.1, a free port, with both gateways under one URL', async (t) => {
  const sb = await startSandbox();
  t.after(() => sb.close());
  assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(sb.fenige.url, `${sb.url}/fenige`);
  assert.equal(sb.feennex.url, `${sb.url}/feennex`);
  assert.deepEqual(Object.keys(sb.fenige).sort(), ['gatewayMerchantId', 'googlePayUrl', 'login', 'merchantUuid', 'password', 'url']);
  assert.notEqual(sb.fenige.gatewayMerchantId, sb.fenige.merchantUuid, 'two different ids, as at Fenige');
  assert.deepEqual(Object.keys(sb.feennex).sort(), ['secretKey', 'shopId', 'url']);

  // Fenige's documented paths answer under each url: Basic auth is checked (E8002), and Feennex signs (error_code 10).
  const fenige = await fetch(`${sb.fenige.url}/transactions/details/08ea8e28-0aad-45eb-8368-f15bdadd5eba`, {
    headers: { Authorization: basic(sb.fenige.login, 'wrong') },
  });
  assert.equal(fenige.status, 401);
  assert.equal((await fenige.json()).status, 'E8002');
  const feennex = await fetch(`${sb.feennex.url}/invoice/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ shop_id: sb.feennex.shopId, amount: '10.00', currency: '985', payway: 'card_pln', shop_order_id: '1', sign: 'x' }),
  });
  assert.equal((await feennex.json()).error_code, 10);

  assert.equal(sb.emulators.fenige.transactions().length, 0);
  assert.equal(sb.emulators.feennex.invoices().length, 0);
});

test("the sandbox index lists URLs, credentials and both gateways' test cards, as HTML or JSON", async (t) => {
  const sb = await startSandbox({ fenige: { login: 'shop-login' }, feennex: { shopId: '77' } });
  t.after(() => sb.close());
  assert.equal(sb.fenige.login, 'shop-login');
  assert.equal(sb.feennex.shopId, '77');

  const page = await fetch(`${sb.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
  const html = await page.text();
  assert.ok(!html.includes('<script'));
  for (const text of [sb.fenige.url, sb.feennex.url, 'shop-login', sb.fenige.merchantUuid, FENIGE_TEST_CARDS[0]!.pan, FEENNEX_TEST_CARDS[2]!.pan]) {
    assert.ok(html.includes(text), text);
  }

  const data = await (await fetch(sb.url, { headers: { Accept: 'application/json' } })).json();
  assert.equal(data.feennex.url, sb.feennex.url);
  assert.equal(data.testCards.fenige.length, FENIGE_TEST_CARDS.length);
  assert.equal(data.testCards.feennex.length, FEENNEX_TEST_CARDS.length);

  const missing = await fetch(`${sb.url}/nowhere`);
  assert.equal(missing.status, 404);
});

test('close() stops listening and is safe to call twice', async () => {
  const sb = await startSandbox();
  await sb.close();
  await sb.close();
  await assert.rejects(fetch(sb.url));
});

test('a port already in use rejects instead of hanging', async (t) => {
  const blocker = await listen(() => {});
  t.after(blocker.close);
  const port = Number(new URL(blocker.url).port);
  await assert.rejects(startSandbox({ port }), /EADDRINUSE/);
});

test('createSandbox mounts under a prefix on a server it does not own', async () => {
  const sandbox = createSandbox({ basePath: '/sandbox' });
  assert.equal(await sandbox.handle(new Request('http://shop.test/paytool/transactions')), undefined);
  const index = await sandbox.handle(new Request('http://shop.test/sandbox/', { headers: { Accept: 'application/json' } }));
  const data = await index!.json();
  assert.equal(data.fenige.url, 'http://shop.test/sandbox/fenige');
  assert.equal(data.feennex.url, 'http://shop.test/sandbox/feennex');
  const { testCards: _cards, ...described } = data;
  assert.deepEqual(sandbox.describe('http://shop.test/'), described);
  assert.throws(() => createSandbox({ basePath: 'sandbox' }), /basePath/);
});
