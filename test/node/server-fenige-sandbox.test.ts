import { createIdempotencyGuard } from '../../src/server/idempotency/guard.js';
import { createMemoryIdempotencyStore } from '../../src/server/idempotency/memory-store.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { classifyResponse, type CheckoutRequest } from '../../src/protocol/index.js';
import { createFenigeEmulator, FENIGE_SANDBOX_DEFAULTS, FENIGE_TEST_CARDS } from '../../src/gateways/fenige/sandbox/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';
import {
  createFenigePostbackHandler,
  FenigeClient,
  FenigeError,
  fenigeCheckout,
  FENIGE_ERROR_CODES,
  type FenigeGooglePayRequest,
  type FenigePostback,
  type FenigePostbackContext,
} from '../../src/gateways/fenige/server/index.js';
import { listen, serveFetch } from '../support/http.js';

/** The client over real HTTP against the sandbox's Fenige emulator, with sealed ECv2 test tokens. */

const POSTBACK_SECRET = 'sandbox-postback-secret';
const { login, password, merchantUuid, gatewayMerchantId } = FENIGE_SANDBOX_DEFAULTS;

let fenigeUrl: string;
let client: FenigeClient;
const postbacks: Array<[FenigePostback, FenigePostbackContext]> = [];
const closers: Array<() => Promise<void>> = [];

before(async () => {
  // The receiver must exist before the emulator (which posts to it) and use the client (made after).
  let receive: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  const receiver = await serveFetch((request) => receive(request));
  closers.push(receiver.close);
  const emulator = createFenigeEmulator({ pendingSettleMs: 200, postback: { url: `${receiver.url}/postback`, secret: POSTBACK_SECRET } });
  const server = await serveFetch(async (request) => (await emulator.handle(request)) ?? new Response('not found', { status: 404 }));
  closers.push(server.close);
  fenigeUrl = `${server.url}${FENIGE_SANDBOX_DEFAULTS.basePath}`;
  client = new FenigeClient({ baseUrl: fenigeUrl, login, password, merchantUuid, timeoutMs: 5_000 });
  receive = createFenigePostbackHandler({
    secret: POSTBACK_SECRET,
    confirmWithDetails: client,
    onNotification: (postback, context) => {
      postbacks.push([postback, context]);
    },
  });
});
after(() => Promise.all(closers.map((close) => close())));

const payment = (card: string, overrides: Partial<FenigeGooglePayRequest> = {}): FenigeGooglePayRequest => ({
  amount: 1000,
  transactionId: randomUUID(),
  description: 'Order 42',
  currency: 'PLN',
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
  token: createTestToken({ gateway: 'fenige', gatewayMerchantId, card }) as FenigeGooglePayRequest['token'],
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<FenigeError> {
  const error = await promise.then(
    () => assert.fail('expected a FenigeError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FenigeError, String(error));
  return error;
}

describe('FenigeClient against the sandbox', () => {
  test('pay, details, partial clear, refund, and a refund above the amount', async () => {
    const body = payment('4111111111111111');
    const paid = await client.googlePay(body);
    assert.equal(paid.status, 'APPROVED');
    assert.equal(paid.transactionId, body.transactionId);
    assert.equal((await client.details(body.transactionId)).transactionState, 'SUCCESS_WAITING_FOR_CLEARING');

    const cleared = await client.clear({ transactionId: body.transactionId, clearingAmount: 700 });
    assert.equal(cleared.status, 'S0004');
    const details = await client.details(body.transactionId);
    assert.equal(details.transactionState, 'SUCCESS');
    assert.equal(details.amount, 1000);

    const refunded = await client.refund({ transactionId: body.transactionId, amountToRefund: 200 });
    assert.equal(refunded.refundStatus, 'APPROVED');
    const tooMuch = await failure(client.refund({ transactionId: body.transactionId, amountToRefund: 600 }));
    assert.equal(tooMuch.status, 'E8000');
    assert.ok(tooMuch.errors?.amountToRefund, JSON.stringify(tooMuch.errors));
    assert.ok(tooMuch.isFinal);
  });

  test('reverse before clearing, then a second reverse is rejected (E0150, final)', async () => {
    const body = payment('5555555555554444');
    await client.googlePay(body);
    const reversed = await client.reverse({ transactionId: body.transactionId });
    assert.equal(reversed.reversalStatus, 'APPROVED');
    assert.equal((await client.details(body.transactionId)).transactionState, 'REVERSED');
    const again = await failure(client.reverse({ transactionId: body.transactionId }));
    assert.equal(again.status, 'E0150');
    assert.ok(again.isFinal);
  });

  test('an identical re-send gets the first answer; the same id for another request is rejected', async () => {
    const body = payment('4111111111111111');
    const first = await client.googlePay(body);
    assert.deepEqual(await client.googlePay(body), first);
    const other = await failure(client.googlePay({ ...body, amount: 999 }));
    assert.equal(other.status, 'E0150');
  });

  test('paymelink returns a link to the hosted page that opens', async () => {
    const link = await client.paymelink({
      transactionId: randomUUID(),
      currencyCode: 'PLN',
      amount: 2599,
      description: 'test',
      formLanguage: 'en',
      redirectUrl: { successUrl: 'https://shop.example/ok', failureUrl: 'https://shop.example/ko' },
    });
    assert.ok(link.value.startsWith(fenigeUrl), link.value);
    const page = await fetch(link.value);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /html/);
    await page.body?.cancel();
    assert.equal((await client.details(link.transactionId)).transactionState, 'IN_PROGRESS');
  });

  test('wrong password → E8002; a foreign merchantUuid → E8001; unknown transaction → 404', async () => {
    const wrong = new FenigeClient({ baseUrl: fenigeUrl, login, password: 'not-it', merchantUuid });
    const unauthorized = await failure(wrong.details(randomUUID()));
    assert.equal(unauthorized.status, 'E8002');
    assert.equal(unauthorized.httpStatus, 401);
    assert.doesNotMatch(JSON.stringify(unauthorized) + unauthorized.message, /not-it/);

    const foreign = new FenigeClient({ baseUrl: fenigeUrl, login, password, merchantUuid: randomUUID() });
    const body = payment('4111111111111111');
    await client.googlePay(body);
    assert.equal((await failure(foreign.clear({ transactionId: body.transactionId, clearingAmount: 1 }))).status, 'E8001');

    const missing = await failure(client.details(randomUUID()));
    assert.equal(missing.httpStatus, 404);
  });

  test('every documented test card ends in its code, classified as the code table says', async () => {
    for (const card of FENIGE_TEST_CARDS) {
      const attempt = client.googlePay(payment(card.pan));
      if (card.outcome === 'APPROVED') {
        assert.equal((await attempt).status, 'APPROVED', card.pan);
        continue;
      }
      const error = await failure(attempt);
      const info = FENIGE_ERROR_CODES[card.outcome]!;
      assert.equal(error.status, card.outcome, card.pan);
      assert.equal(error.httpStatus, info.httpStatus, card.outcome);
      assert.equal(error.kind, info.kind, card.outcome);
      assert.ok(error.traceId, `${card.outcome} has a traceId`);
    }
  });
});

describe('fenigeCheckout against the sandbox', () => {
  const checkoutRequest = (card: string): CheckoutRequest => {
    const { token, ...rest } = payment(card);
    return { ...rest, apiKey: 'public-key', token } as CheckoutRequest;
  };

  const cases: Array<[string, string, number, string]> = [
    ['approved', '4111111111111111', 200, 'success'],
    ['rejected (E0150)', '4000000000001505', 422, 'failure'],
    ['AML list (E0204)', '4000000000002040', 422, 'failure'],
    ['acquirer unreachable (E9001)', '4000000000090011', 503, 'pending'],
    ['unknown reason (E9000), settled by details as FAILURE', '4000000000090003', 422, 'failure'],
  ];
  for (const [name, card, httpStatus, kind] of cases) {
    test(`${name} → ${httpStatus} ${kind}`, async () => {
      // Behind the handler's idempotency guard, which asks the status when the outcome is unknown.
      const gateway = fenigeCheckout(client);
      const request = checkoutRequest(card);
      const guard = createIdempotencyGuard(createMemoryIdempotencyStore(), { lockMs: 60_000 });
      const expected = { amount: request.amount, currency: request.currency };
      const result = await guard.run(
        request.transactionId,
        'body-hash',
        () => gateway.pay(request, { browserIp: '127.0.0.1' }),
        () => gateway.status(request.transactionId, { expected }),
      );
      assert.ok('answer' in result, result.kind);
      const { answer } = result;
      assert.equal(answer.httpStatus, httpStatus, JSON.stringify(answer.body));
      assert.equal(classifyResponse(answer.httpStatus, answer.body).kind, kind);
    });
  }

  test('E0153: pending while Fenige settles it, then the re-sent request is approved', async () => {
    const request = checkoutRequest('4000000000001539');
    const gateway = fenigeCheckout(client);
    const first = await gateway.pay(request, {});
    assert.equal(first.httpStatus, 202);
    assert.equal(classifyResponse(first.httpStatus, first.body).kind, 'pending');
    const meanwhile = await gateway.status(request.transactionId, {});
    assert.equal(classifyResponse(meanwhile.httpStatus, meanwhile.body).kind, 'pending');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const again = await gateway.pay(request, {});
    assert.equal(classifyResponse(again.httpStatus, again.body).kind, 'success', JSON.stringify(again.body));
    const status = await gateway.status(request.transactionId, {});
    assert.equal(status.body.transactionState, 'SUCCESS', 'the handler takes the funds at once by default (capture: deposit)');
  });

  test('an unknown id → 404 NOT_FOUND', async () => {
    const answer = await fenigeCheckout(client).status(randomUUID(), {});
    assert.equal(answer.httpStatus, 404);
    assert.equal(answer.body.status, 'NOT_FOUND');
  });

  test("the sandbox's postback passes the receiver's checksum check and is confirmed with details", async () => {
    const request = checkoutRequest('4111111111111111');
    await fenigeCheckout(client).pay(request, {});
    for (let i = 0; i < 50 && !postbacks.some(([p]) => p.transactionId === request.transactionId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const received = postbacks.find(([p]) => p.transactionId === request.transactionId);
    assert.ok(received, 'postback received and verified');
    assert.equal(received[0].transactionState, 'SUCCESS');
    assert.equal(received[1].details?.transactionState, 'SUCCESS', 'confirmed with details');
  });
});

test('a Fenige that never answers → TIMEOUT, unknown outcome, within the timeout', async () => {
  const silent = await listen(() => {});
  try {
    const quick = new FenigeClient({ baseUrl: silent.url, login, password, merchantUuid, timeoutMs: 200 });
    const started = Date.now();
    const error = await failure(quick.googlePay(payment('4111111111111111')));
    assert.equal(error.status, 'TIMEOUT');
    assert.ok(error.isUnknownOutcome);
    assert.ok(Date.now() - started < 15_000, 'its own 200 ms, not the 30 s default');
    const answer = await fenigeCheckout(quick).pay({ ...payment('4111111111111111'), apiKey: 'k' } as CheckoutRequest, {});
    assert.equal(answer.httpStatus, 202, 'pay times out, details times out: still pending');
  } finally {
    await silent.close();
  }
});
