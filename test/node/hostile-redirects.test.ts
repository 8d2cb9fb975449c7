// Attacks through URLs, ids and slow bodies (issue: the hosted page was an open redirect, a
// `javascript:` redirect from the gateway was forwarded, any random id cost a gateway call, slow
// bodies were held for minutes, E8002 reached the payer).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createCheckoutHandler, FenigeClient, type CheckoutHandlerOptions } from '../../src/server/index.js';
import { createTestToken } from '../../src/sandbox/index.js';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { useSandboxShops } from '../support/sandbox-shop.js';
import { fakeGateway, serveCheckout, TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

const sandbox = useSandboxShops();

async function fenigeShop(options: Partial<CheckoutHandlerOptions> = {}, password = sandbox.sb.fenige.password) {
  const gateway = new FenigeClient({ baseUrl: sandbox.sb.fenige.url, login: sandbox.sb.fenige.login, password, merchantUuid: sandbox.sb.fenige.merchantUuid });
  return sandbox.shop({ ...TRUST_BROWSER_AMOUNT, gateway }, options);
}

const hostedBody = (returnUrl: string) => ({ transactionId: randomUUID(), apiKey: 'pk', amount: 1000, currency: 'PLN', description: 'Order 42', returnUrl });
const paymelinks = () => sandbox.sb.emulators.fenige.transactions().filter((t) => t.source === 'paymelink').length;

describe('open redirect through the hosted page', () => {
  test('a return URL on another site is refused naming returnUrl, and no hosted payment is created', async () => {
    const { endpoint } = await fenigeShop();
    const before = paymelinks();
    for (const returnUrl of ['https://evil.example/phish', 'http://127.0.0.1.evil.example/', 'https://user:pw@evil.example/']) {
      const answer = await postJson(`${endpoint}/hosted`, hostedBody(returnUrl));
      assert.equal(answer.response.status, 400, returnUrl);
      assert.equal(answer.body.code, 'RETURN_URL_NOT_ALLOWED');
      assert.ok(answer.body.errors.returnUrl);
    }
    assert.equal(paymelinks(), before);
  });

  test("a return URL on the shop's own origin is taken; the payer comes back there", async () => {
    const { endpoint, origin } = await fenigeShop();
    const before = paymelinks();
    const answer = await postJson(`${endpoint}/hosted`, hostedBody(`${origin}/checkout?cart=1`));
    assert.equal(answer.response.status, 200);
    assert.equal(paymelinks(), before + 1);
    assert.match(answer.body.redirect.url, /^http:\/\/127\.0\.0\.1/);
  });

  test('with allowedReturnOrigins only those origins count — a forged Host header does not widen it', async () => {
    const { endpoint } = await fenigeShop({ allowedReturnOrigins: ['https://shop.example'] });
    const ok = await postJson(`${endpoint}/hosted`, hostedBody('https://shop.example/thanks'));
    assert.equal(ok.response.status, 200);
    const forged = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify(hostedBody('http://evil.example/'));
      const req = httpRequest(`${endpoint}/hosted`, { method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(forged, 400);
    assert.throws(
      () => createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway: fakeGateway(), allowedReturnOrigins: ['javascript:alert(1)'] }),
      /allowedReturnOrigins/,
    );
  });
});

describe('only http(s) redirects leave the server', () => {
  for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x']) {
    test(`a gateway answer redirecting to ${url.slice(0, 16)}… is an error, never forwarded`, async (t) => {
      const gateway = fakeGateway();
      gateway.hosted = async (request) => ({ httpStatus: 200, body: { transactionId: request.transactionId, redirect: { url, method: 'GET' } } });
      gateway.payWith = async (request) => ({ httpStatus: 200, body: { transactionId: request.transactionId, redirectUrl: url } });
      const { endpoint, origin, events } = await serveCheckout(t, { gateway });
      for (const answer of [await postJson(endpoint, payBody()), await postJson(`${endpoint}/hosted`, hostedBody(`${origin}/back`))]) {
        assert.equal(answer.response.status, 422);
        assert.equal(answer.body.code, 'GATEWAY_INVALID_REDIRECT');
        assert.ok(!JSON.stringify(answer.body).includes(url));
      }
      assert.ok(events.every((e) => !JSON.stringify(e).includes(url)));
    });
  }
});

describe('smaller doors', () => {
  test('GET {endpoint}/{id} for an id this shop never charged is 404 without a gateway call', async (t) => {
    const { endpoint, gateway } = await serveCheckout(t);
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${endpoint}/${randomUUID()}`);
      assert.equal(response.status, 404);
      assert.equal((await response.json()).code, 'NOT_FOUND');
    }
    assert.equal(gateway.statusCalls.length, 0);
  });

  test('a body that stops arriving is answered 408 at the read deadline, the connection closed', async (t) => {
    const { endpoint, gateway } = await serveCheckout(t, { bodyTimeoutMs: 50 });
    // The client sends half a body and then nothing: only the server's deadline can end this.
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '5000' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      });
      req.on('error', reject);
      req.write('{"transactionId":');
    });
    assert.equal(answer.status, 408);
    assert.equal(answer.connection, 'close');
    assert.equal(JSON.parse(answer.body).code, 'REQUEST_TIMEOUT');
    assert.equal(gateway.payCalls.length, 0);
  });

  test('a gateway credential error (E8002) reaches the payer as a generic code; the details go to onEvent and the logger', async () => {
    const { endpoint, events, errors } = await fenigeShop({}, 'wrong-password');
    const body = payBody({ apiKey: 'pk', token: createTestToken({ gateway: 'fenige', gatewayMerchantId: sandbox.sb.fenige.merchantUuid }) });
    const answer = await postJson(endpoint, body);
    assert.equal(answer.response.status, 422);
    assert.deepEqual(Object.keys(answer.body).sort(), ['code', 'message', 'status', 'transactionId']);
    assert.equal(answer.body.code, 'GATEWAY_SETUP');
    assert.ok(!/E8002|unauthori[sz]ed|credential/i.test(JSON.stringify(answer.body)));
    assert.equal(events.find((e) => e.type === 'payment')!.code, 'E8002');
    assert.match(errors.join('\n'), /E8002/);
    assert.ok(!errors.join('\n').includes('wrong-password'));
  });
});
