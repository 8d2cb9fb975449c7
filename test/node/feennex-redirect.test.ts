// Feennex answering a 3xx (a proxy, a wrong baseUrl, a hijacked DNS name): the signed body must
// never be replayed to the host the redirect names, and the outcome is classified as what it is.
// A create may have been acted on before the redirect (unknown outcome: its status is asked, it is
// never reported as a failure that invites paying again); a read is unavailable.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FeennexClient } from '../../src/gateways/feennex/server/client.js';
import { FeennexError } from '../../src/gateways/feennex/server/errors.js';
import { feennexCheckout } from '../../src/gateways/feennex/server/checkout.js';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { classifyResponse } from '../../src/protocol/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';
import { postJson, serveFetch } from '../support/http.js';
import { REDIRECT_STATUSES, redirectingGateway } from '../support/redirecting-gateway.js';

const SECRET = 'feennex-shop-secret-7f3a';
const SHOP_ID = '5';

/** The redirects point at a server that would happily answer every Feennex method with success. */
const gateway = redirectingGateway((request, res) => {
  const data = request.path.endsWith('shop_balance') ? { balances: [] } : { id: 1, url: 'https://pay.example/1', method: 'GET', data: {}, status: 5 };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, error_code: 0, message: 'Ok', result: true }));
});

const transports = { 'the default Node transport': undefined, "the runtime's fetch (edge)": globalThis.fetch } as const;

function clientOf(status: number, fetchImpl: typeof fetch | undefined) {
  return new FeennexClient({
    baseUrl: `${gateway.at(status).url}/api/`,
    shopId: SHOP_ID,
    secretKey: SECRET,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

async function feennexErrorOf(promise: Promise<unknown>): Promise<FeennexError> {
  const error = await promise.then(
    () => assert.fail('expected a FeennexError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FeennexError, String(error));
  assert.doesNotMatch(`${error.message} ${JSON.stringify(error)} ${String((error.cause as Error | undefined)?.message)}`, new RegExp(SECRET));
  return error;
}

/** What the redirect target received since `before` (nothing, ever), and the paths the redirecting server got. */
function paths(status: number): string[] {
  return gateway.at(status).received.map((r) => r.path.replace('/api/', ''));
}

for (const [transport, fetchImpl] of Object.entries(transports)) {
  describe(`a 3xx from Feennex through ${transport}`, () => {
    for (const status of REDIRECT_STATUSES) {
      test(`HTTP ${status} to a create: not followed, an unknown outcome resolved by a status check, never a failure`, async () => {
        const server = gateway.at(status);
        server.received.length = 0;
        const shopOrderId = randomUUID();
        const error = await feennexErrorOf(clientOf(status, fetchImpl).invoiceCreate({ amount: 1234, currency: 'PLN', payway: 'card_pln', shopOrderId }));
        assert.deepEqual([error.kind, error.isFinal, error.isUnknownOutcome], ['unknown-outcome', false, true], error.message);
        assert.match(error.message, new RegExp(`outcome of ${shopOrderId} is (still )?unknown`));
        // The create, then its status asked before the same create is sent again (and asked again).
        assert.deepEqual(paths(status), ['invoice/create', 'bill/shop_order_status', 'invoice/create', 'bill/shop_order_status']);
        assert.equal(gateway.elsewhere.received.length, 0, 'the signed body went where the redirect pointed');
      });
    }

    test('HTTP 307 to a create sent once (recover: false): an unknown outcome naming the redirect and its status', async () => {
      const error = await feennexErrorOf(
        clientOf(307, fetchImpl).invoiceCreate({ amount: 1234, currency: 'PLN', payway: 'card_pln', shopOrderId: randomUUID() }, { recover: false }),
      );
      assert.deepEqual([error.kind, error.code, error.httpStatus], ['unknown-outcome', 'HTTP_307', 307]);
      assert.match(error.message, /invoice\/create: Feennex answered a redirect \(HTTP 307\), which is not followed: check baseUrl/);
      const payout = { amount: 100, currency: 'PLN', payway: 'card_pln', account: '4111111111111111', shopPaymentId: randomUUID() };
      const payoutError = await feennexErrorOf(clientOf(308, fetchImpl).withdrawCreate(payout, { recover: false }));
      assert.deepEqual([payoutError.kind, payoutError.code, payoutError.httpStatus], ['unknown-outcome', 'HTTP_308', 308]);
      assert.equal(gateway.elsewhere.received.length, 0);
    });

    test('HTTP 302 to a read (shopBalance, withdrawStatus): unavailable, not followed', async () => {
      const client = clientOf(302, fetchImpl);
      for (const call of [client.shopBalance(), client.withdrawStatus(17)]) {
        const error = await feennexErrorOf(call);
        assert.deepEqual([error.kind, error.code, error.httpStatus], ['unavailable', 'HTTP_302', 302]);
      }
      assert.equal(gateway.elsewhere.received.length, 0);
    });
  });
}

test('through the checkout handler, a redirected Feennex leaves the payment pending (asked again later), never failed', async () => {
  const client = clientOf(302, undefined);
  const transactionId = randomUUID();
  const handler = createCheckoutHandler({
    gateway: feennexCheckout(client, { callbackUrl: 'https://shop.example/feennex/callback' }),
    basePath: '/payments',
    lookupOrder: () => ({ amount: 2500, currency: 'PLN', description: 'Order 7' }),
  });
  const shop = await serveFetch(handler);
  try {
    const { response, body } = await postJson(`${shop.url}/payments`, {
      transactionId,
      apiKey: 'pk_test',
      amount: 2500,
      currency: 'PLN',
      description: 'Order 7',
      sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
      token: createTestToken({ gateway: 'feennex', gatewayMerchantId: SHOP_ID, card: '4111111111111111' }),
    });
    assert.equal(classifyResponse(response.status, body).kind, 'pending', `${response.status} ${JSON.stringify(body)}`);
    assert.equal(gateway.elsewhere.received.length, 0);
  } finally {
    await shop.close();
  }
});
