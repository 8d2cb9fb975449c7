import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { FenigeClient, FenigeError, FenigeValidationError } from '../../src/gateways/fenige/server/index.js';
import { GatewayError } from '../../src/gateways/gateway-error.js';
import { googlePayBody, SEED, startFakeFenige, type FakeFenige } from './server-fenige-fake.js';
import { listen } from '../support/http.js';

const PASSWORD = 'pa55-wörd-never-shown';
const MERCHANT = 'e59b470b-bdb1-4043-a856-86b624c2a607';
const TX = 'd77b4fd4-5a90-4e36-84b7-a75346d04ca0';

let fake: FakeFenige;
let client: FenigeClient;

before(async () => {
  fake = await startFakeFenige();
  client = new FenigeClient({ baseUrl: `${fake.url}/api/`, login: 'user', password: PASSWORD, merchantUuid: MERCHANT, acceptLanguage: 'PL' });
});
after(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const lastRequest = () => fake.requests.at(-1)!;

async function rejection(promise: Promise<unknown>): Promise<FenigeError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FenigeError, `expected a FenigeError, got ${String(error)}`);
  return error;
}

describe('FenigeClient requests', () => {
  test('googlePay POSTs the documented body with Basic auth and returns the typed answer', async () => {
    fake.answer({ status: 200, body: { ...SEED.googlePayOk, extra: 'kept' } });
    const result = await client.googlePay(googlePayBody());
    assert.equal(result.status, 'APPROVED');
    assert.equal(result.itemId, SEED.googlePayOk.itemId);
    assert.equal(result.extra, 'kept', 'loose response schema keeps unknown fields');
    const request = lastRequest();
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/api/external-api/transactions/google-pay');
    const expectedAuth = `Basic ${Buffer.from(`user:${PASSWORD}`, 'utf8').toString('base64')}`;
    assert.equal(request.headers.authorization, expectedAuth);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['accept-language'], 'PL');
    assert.deepEqual(request.body, googlePayBody());
  });

  test('clear and reverse carry the merchantUuid; refund does not', async () => {
    fake.answer({ status: 200, body: SEED.clearOk });
    const cleared = await client.clear({ transactionId: 'e732767c-402d-42af-8a11-63fe7f8bff91', clearingAmount: 700 });
    assert.equal(cleared.completion?.estimate, '2024-06-08T23:34:37.536848384');
    assert.equal(lastRequest().path, '/api/external/clear');
    // The example's transactionId and the field table's requestUuid, both.
    assert.deepEqual(lastRequest().body, {
      transactionId: 'e732767c-402d-42af-8a11-63fe7f8bff91',
      requestUuid: 'e732767c-402d-42af-8a11-63fe7f8bff91',
      clearingAmount: 700,
      merchantUuid: MERCHANT,
    });

    fake.answer({ status: 200, body: SEED.reverseOk });
    const reversed = await client.reverse({ transactionId: 'e732767c-402d-42af-8a11-63fe7f8bff91' });
    assert.equal(reversed.reversalStatus, 'APPROVED');
    assert.equal(lastRequest().path, '/api/external/reverse');
    assert.deepEqual(lastRequest().body, { transactionId: 'e732767c-402d-42af-8a11-63fe7f8bff91', merchantUuid: MERCHANT });

    fake.answer({ status: 200, body: '' });
    assert.deepEqual(await client.refund({ transactionId: 'd77b4fd4-5a90-4e36-84b7-a75346d04ca0', amountToRefund: 100 }), {});
    assert.equal(lastRequest().path, '/api/external/transaction/refund');
    assert.deepEqual(lastRequest().body, { transactionId: 'd77b4fd4-5a90-4e36-84b7-a75346d04ca0', amountToRefund: 100 });
  });

  test('details GETs the escaped id and types the documented answer', async () => {
    fake.answer({ status: 200, body: SEED.detailsOk });
    const details = await client.details('ee58ef03-d6ed-4a07-8885-d050c439ec6c');
    assert.equal(details.transactionState, 'SUCCESS');
    assert.equal(details.amount, 100);
    assert.equal(lastRequest().method, 'GET');
    assert.equal(lastRequest().path, '/api/transactions/details/ee58ef03-d6ed-4a07-8885-d050c439ec6c');
    assert.equal(lastRequest().body, undefined);

    const requests = fake.requests.length;
    const error = await rejection(client.details('a/b?c'));
    assert.deepEqual(error.errors, { transactionId: ['must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba'] });
    assert.equal(fake.requests.length, requests, 'an id that is not a UUID never reaches a URL path');
  });

  test('transactionId is a UUID in any case, the one rule the client and the sandbox share', async () => {
    for (const bad of ['order-42', '08ea8e28-0aad-45eb-8368-f15bdadd5eb', ' 08ea8e28-0aad-45eb-8368-f15bdadd5eba']) {
      const error = await rejection(client.googlePay({ ...googlePayBody(), transactionId: bad }));
      assert.deepEqual(error.errors, { transactionId: ['must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba'] }, bad);
    }
    fake.answer({ status: 200, body: SEED.googlePayOk });
    await client.googlePay({ ...googlePayBody(), transactionId: '08EA8E28-0AAD-45EB-8368-F15BDADD5EBA' });
    assert.equal((lastRequest().body as { transactionId: string }).transactionId, '08EA8E28-0AAD-45EB-8368-F15BDADD5EBA');
  });

  test('paymelink wraps preInitData and defaults autoClear to true', async () => {
    fake.answer({ status: 200, body: SEED.paymelinkOk });
    const preInitData = {
      transactionId: 'fef48a14-f06a-44b7-b110-6ec468019375',
      currencyCode: 'PLN',
      amount: 2599,
      description: 'test',
      redirectUrl: { successUrl: 'https://default-success.url.com', failureUrl: 'https://default-failure.url.com' },
      formLanguage: 'en',
      sender: {
        firstName: 'test',
        lastName: 'test',
        address: { countryCode: 'PL', city: 'Lublin', postalCode: '20-149', street: 'test', houseNumber: '1234' },
      },
    };
    const link = await client.paymelink(preInitData);
    assert.equal(link.value, SEED.paymelinkOk.value);
    assert.equal(lastRequest().path, '/api/external/paymelink');
    assert.deepEqual(lastRequest().body, { preInitData: { autoClear: true, ...preInitData } });
    await client.paymelink({ ...preInitData, autoClear: false });
    assert.equal((lastRequest().body as { preInitData: { autoClear: boolean } }).preInitData.autoClear, false);
  });
});

/** The smallest paymelink request, returning to `successUrl` / `failureUrl`. */
const linkTo = (successUrl: string, failureUrl: string) => ({
  transactionId: TX,
  currencyCode: 'PLN',
  amount: 1,
  description: 'd',
  formLanguage: 'en',
  redirectUrl: { successUrl, failureUrl },
});

describe('FenigeClient validation before sending', () => {
  test('a bad google-pay body names every field and sends nothing', async () => {
    const body = { ...googlePayBody(), amount: 10.5, currency: 'ZZZ', sender: { firstName: '', lastName: 'x' }, token: 'plain-token' };
    const error = await rejection(client.googlePay(body as never));
    assert.ok(error instanceof FenigeValidationError);
    assert.equal(error.status, 'E8000');
    assert.equal(error.httpStatus, 400);
    assert.ok(error.isFinal);
    assert.deepEqual(Object.keys(error.errors ?? {}).sort(), ['amount', 'currency', 'sender.firstName', 'token']);
    assert.match(error.message, /amount .*integer/);
    assert.doesNotMatch(error.message, /plain-token/);
    assert.equal(fake.requests.length, 0);
  });

  test('a misspelt field is refused, not silently dropped', async () => {
    const error = await rejection(client.refund({ transactionId: TX, amountToRefund: 1, amount: 5 } as never));
    assert.deepEqual(error.errors, { amount: ['unknown field "amount"'] });
    assert.equal(fake.requests.length, 0);
  });

  test('clear, refund and paymelink check their amounts and URLs', async () => {
    assert.deepEqual((await rejection(client.clear({ transactionId: TX, clearingAmount: 0 }))).errors, {
      clearingAmount: ['must be at least 1 (minor units)'],
    });
    const link = await rejection(client.paymelink(linkTo('javascript:alert(1)', 'https://ok.example')));
    assert.deepEqual(Object.keys(link.errors ?? {}), ['preInitData.redirectUrl.successUrl']);
    assert.ok((await rejection(client.details(''))).errors?.transactionId);
    assert.equal(fake.requests.length, 0);
  });

  test('bad options throw a TypeError naming the field, never the password', () => {
    assert.throws(
      () => new FenigeClient({ baseUrl: 'ftp://x', login: 'l', password: PASSWORD, merchantUuid: '' }),
      (e: Error) => e instanceof TypeError && /baseUrl/.test(e.message) && /merchantUuid/.test(e.message) && !e.message.includes(PASSWORD),
    );
  });
});

describe('FenigeClient error answers', () => {
  const cases: Array<[keyof typeof SEED, number, FenigeError['kind']]> = [
    ['E8000', 400, 'invalid-request'],
    ['E8002', 401, 'configuration'],
    ['E8001', 403, 'configuration'],
    ['E0122', 404, 'configuration'],
    ['E0150', 422, 'declined'],
    ['E0153', 500, 'unknown-outcome'],
    ['E9001', 503, 'unavailable'],
  ];
  for (const [code, httpStatus, kind] of cases) {
    test(`${code} (HTTP ${httpStatus}) becomes a ${kind} FenigeError with every field`, async () => {
      const body = SEED[code] as Record<string, unknown>;
      fake.answer({ status: httpStatus, body });
      const error = await rejection(client.googlePay(googlePayBody()));
      assert.equal(error.status, code);
      assert.equal(error.httpStatus, httpStatus);
      assert.equal(error.httpStatusText, body.httpStatus);
      assert.equal(error.traceId, body.traceId);
      assert.equal(error.requestUuid, body.requestUuid);
      assert.equal(error.transactionStatus, body.transactionStatus);
      assert.equal(error.kind, kind);
      assert.equal(error.code, code);
      assert.equal(error.gateway, 'fenige');
      assert.ok(error instanceof GatewayError);
      assert.equal(error.isFinal, ['invalid-request', 'configuration', 'declined'].includes(kind));
      assert.equal(error.isRetriable, kind === 'unavailable');
      assert.equal(error.isUnknownOutcome, kind === 'unknown-outcome');
      if (body.message) assert.match(error.message, new RegExp(String(body.message)));
    });
  }

  test('E8000 keeps the errors map and names the fields in its message', async () => {
    fake.answer({ status: 400, body: SEED.E8000 });
    const error = await rejection(client.googlePay(googlePayBody()));
    assert.deepEqual(error.errors, SEED.E8000.errors);
    assert.match(error.message, /expiryDate invalid card format expiration date/);
    assert.ok(!(error instanceof FenigeValidationError), 'an answer from Fenige is not a local validation error');
  });

  test('an HTML 502 from a proxy is an unknown outcome for a payment, retriable for details', async () => {
    fake.answer({ status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' });
    const pay = await rejection(client.googlePay(googlePayBody()));
    assert.equal(pay.status, 'HTTP_502');
    assert.equal(pay.kind, 'unknown-outcome');
    const read = await rejection(client.details(TX));
    assert.equal(read.status, 'HTTP_502');
    assert.equal(read.kind, 'unavailable');
  });

  test('a 2xx with a body that does not fit is INVALID_RESPONSE, outcome unknown', async () => {
    fake.answer({ status: 200, body: { transactionId: 'x' } });
    const error = await rejection(client.googlePay(googlePayBody()));
    assert.equal(error.status, 'INVALID_RESPONSE');
    assert.ok(error.isUnknownOutcome);
    assert.match(error.message, /status/);

    fake.answer({ status: 200, body: { value: 'javascript:alert(1)', transactionId: 't' } });
    const link = await rejection(client.paymelink(linkTo('https://a.example', 'https://b.example')));
    assert.equal(link.status, 'INVALID_RESPONSE');
  });

  test("details accepts the field table's `status` instead of `transactionState`, refuses neither", async () => {
    fake.answer({ status: 200, body: { transactionId: TX, status: 'IN_PROGRESS' } });
    assert.equal((await client.details(TX)).status, 'IN_PROGRESS');
    fake.answer({ status: 200, body: { transactionId: TX, amount: 1 } });
    assert.equal((await rejection(client.details(TX))).status, 'INVALID_RESPONSE');
  });
});

describe('FenigeClient transport failures', () => {
  test('a server that never answers gives TIMEOUT (unknown outcome) within the timeout', async () => {
    fake.answer({ status: 200, hang: true });
    const quick = new FenigeClient({ baseUrl: fake.url, login: 'user', password: PASSWORD, merchantUuid: MERCHANT, timeoutMs: 150 });
    const started = Date.now();
    const error = await rejection(quick.googlePay(googlePayBody()));
    const elapsed = Date.now() - started;
    assert.equal(error.status, 'TIMEOUT');
    assert.ok(error.isUnknownOutcome);
    assert.equal(error.httpStatus, undefined);
    // Its own 150 ms, not the 30 s default: the bound is far from both, so a busy machine cannot matter.
    assert.ok(elapsed >= 140 && elapsed < 15_000, `took ${elapsed} ms`);
    assert.equal(fake.requests.length, 1, 'the request did reach the server');
    assert.ok((await rejection(quick.details(TX))).isRetriable, 'a read that timed out can simply be retried');
  });

  test("the caller's signal aborts the call as ABORTED", async () => {
    fake.answer({ status: 200, hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(client.googlePay(googlePayBody(), { signal: controller.signal }));
    assert.equal(error.status, 'ABORTED');
    assert.ok(error.isUnknownOutcome);
  });

  test('a refused connection never sent anything: NETWORK_ERROR, retriable', async () => {
    const closed = await startFakeFenige();
    const url = closed.url;
    await closed.close();
    const offline = new FenigeClient({ baseUrl: url, login: 'user', password: PASSWORD, merchantUuid: MERCHANT });
    const error = await rejection(offline.googlePay(googlePayBody()));
    assert.equal(error.status, 'NETWORK_ERROR');
    assert.ok(error.isRetriable, error.message);
    assert.match(error.message, /ECONNREFUSED/);
  });

  test('a redirect is not followed: the credentials reach no other server, the outcome is unknown', async () => {
    const elsewhere = await startFakeFenige();
    elsewhere.answer({ status: 200, body: { transactionId: 't', status: 'APPROVED' } });
    const redirecting = await listen((_req, res) => res.writeHead(307, { Location: `${elsewhere.url}/client/v1/transactions/google-pay` }).end());
    try {
      const redirected = new FenigeClient({ baseUrl: redirecting.url, login: 'user', password: PASSWORD, merchantUuid: MERCHANT });
      const error = await rejection(redirected.googlePay(googlePayBody()));
      assert.equal(error.status, 'HTTP_307'); // named as the redirect it is (test/node/fenige-redirect.test.ts)
      assert.ok(error.isUnknownOutcome, 'the first server may have acted on the request');
      assert.equal(elsewhere.requests.length, 0, 'nothing was sent where the redirect pointed');
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  test('a connection dropped after the request was sent is an unknown outcome', async () => {
    const dropping = new FenigeClient({
      baseUrl: fake.url,
      login: 'user',
      password: PASSWORD,
      merchantUuid: MERCHANT,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
      },
    });
    const error = await rejection(dropping.googlePay(googlePayBody()));
    assert.equal(error.status, 'NETWORK_ERROR');
    assert.ok(error.isUnknownOutcome);
  });
});

describe('FenigeClient keeps the password secret', () => {
  test('not in JSON, util.inspect, String(), nor any error', async () => {
    const encoded = Buffer.from(`user:${PASSWORD}`).toString('base64');
    const shown = [JSON.stringify(client), inspect(client, { showHidden: true, depth: Infinity }), String(client)];
    fake.answer({ status: 401, body: SEED.E8002 });
    const error = await rejection(client.details(TX));
    shown.push(error.message, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity }));
    for (const text of shown) {
      assert.ok(!text.includes(PASSWORD) && !text.includes(encoded), `leaked in: ${text.slice(0, 200)}`);
    }
    assert.match(JSON.stringify(client), /merchantUuid/);
  });
});
