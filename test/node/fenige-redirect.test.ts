// Fenige answering a 3xx (a proxy, a wrong baseUrl, a hijacked DNS name): the request carrying the
// Basic credentials and the payer's token must never be replayed to the host the redirect names,
// and the error says what happened. A payment may have been acted on before the redirect, so it is
// an unknown outcome (its status is asked; it is never reported as a failure that invites paying again).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FenigeClient } from '../../src/gateways/fenige/server/client.js';
import { FenigeError } from '../../src/gateways/fenige/server/errors.js';
import { fenigeCheckout } from '../../src/gateways/fenige/server/checkout.js';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { classifyResponse } from '../../src/protocol/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';
import { postJson, serveFetch } from '../support/http.js';
import { REDIRECT_STATUSES, redirectingGateway } from '../support/redirecting-gateway.js';

const PASSWORD = 'fenige-password-5c1e';
const MERCHANT = '7b1f2a36-5d4b-4c1e-9a0e-3f2d6c8b9a10';

/** The redirects point at a server that would answer every Fenige call with an approved payment. */
const gateway = redirectingGateway((_request, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ transactionId: randomUUID(), transactionStatus: 'APPROVED' }));
});

const transports = { 'the default Node transport': undefined, "the runtime's fetch (edge)": globalThis.fetch } as const;

function clientOf(status: number, fetchImpl: typeof fetch | undefined) {
  return new FenigeClient({
    baseUrl: gateway.at(status).url,
    login: 'shop',
    password: PASSWORD,
    merchantUuid: MERCHANT,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

const googlePayBody = () => ({
  amount: 1234,
  transactionId: randomUUID(),
  description: 'Order 7',
  currency: 'PLN',
  deposit: false,
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
  token: createTestToken({ gateway: 'fenige', gatewayMerchantId: 'pk_test', card: '4111111111111111' }),
});

async function fenigeErrorOf(promise: Promise<unknown>): Promise<FenigeError> {
  const error = await promise.then(
    () => assert.fail('expected a FenigeError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FenigeError, String(error));
  assert.doesNotMatch(`${error.message} ${JSON.stringify(error)}`, new RegExp(PASSWORD));
  return error;
}

for (const [transport, fetchImpl] of Object.entries(transports)) {
  describe(`a 3xx from Fenige through ${transport}`, () => {
    for (const status of REDIRECT_STATUSES) {
      test(`HTTP ${status} to google-pay: not followed, an unknown outcome naming the redirect, HTTP_${status} and baseUrl`, async () => {
        const error = await fenigeErrorOf(clientOf(status, fetchImpl).googlePay(googlePayBody()));
        assert.deepEqual(
          [error.kind, error.isUnknownOutcome, error.code, error.httpStatus],
          ['unknown-outcome', true, `HTTP_${status}`, status],
          error.message,
        );
        assert.match(error.message, new RegExp(`Fenige answered a redirect \\(HTTP ${status}\\), which is not followed: check baseUrl`));
        assert.doesNotMatch(error.message, /Could not reach/);
        assert.equal(gateway.at(status).received.length > 0, true, 'the call reached the configured server');
        assert.equal(gateway.elsewhere.received.length, 0, 'the token and the credentials went where the redirect pointed');
      });
    }

    test('HTTP 302 to a read (details): unavailable (nothing changed at Fenige), naming the redirect', async () => {
      const error = await fenigeErrorOf(clientOf(302, fetchImpl).details(randomUUID()));
      assert.deepEqual([error.kind, error.code, error.httpStatus], ['unavailable', 'HTTP_302', 302]);
      assert.match(error.message, /redirect \(HTTP 302\).*check baseUrl/);
      assert.equal(gateway.elsewhere.received.length, 0);
    });
  });
}

test('through the checkout handler, a redirected Fenige leaves the payment pending (asked again later), never failed', async () => {
  const handler = createCheckoutHandler({
    gateway: fenigeCheckout(clientOf(302, undefined)),
    basePath: '/payments',
    lookupOrder: () => ({ amount: 2500, currency: 'PLN', description: 'Order 7' }),
  });
  const shop = await serveFetch(handler);
  try {
    const { response, body } = await postJson(`${shop.url}/payments`, {
      transactionId: randomUUID(),
      apiKey: 'pk_test',
      amount: 2500,
      currency: 'PLN',
      description: 'Order 7',
      sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
      token: createTestToken({ gateway: 'fenige', gatewayMerchantId: 'pk_test', card: '4111111111111111' }),
    });
    assert.equal(classifyResponse(response.status, body).kind, 'pending', `${response.status} ${JSON.stringify(body)}`);
    assert.equal(gateway.elsewhere.received.length, 0);
  } finally {
    await shop.close();
  }
});
