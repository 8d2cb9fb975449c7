import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyResponse, type CheckoutRequest, type HostedRequest, type Outcome } from '../../src/protocol/index.js';
import type { CheckoutAnswer } from '../../src/server/gateway.js';
import { FenigeClient, fenigeCheckout, FenigeValidationError } from '../../src/gateways/fenige/server/index.js';
import { HOSTED_RESULT_PARAM } from '../../src/gateways/fenige/server/checkout.js';
import { payThroughGuard } from '../support/checkout.js';
import { countAbortTimers } from '../support/timers.js';
import { googlePayRequestSchema } from '../../src/gateways/fenige/server/schemas.js';
import { googlePayBody, SEED, startFakeFenige, type FakeAnswer, type FakeFenige, type RecordedRequest } from './server-fenige-fake.js';

const PASSWORD = 'checkout-secret-password';
const TX = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';

let fake: FakeFenige;
let client: FenigeClient;
/** For the cases where Fenige never answers: its timeout is short, its answers never meet it (`fake.fetch`). */
let impatient: FenigeClient;

before(async () => {
  fake = await startFakeFenige();
  // Every answer that comes is waited for: the default 30 s timeout, never reached.
  client = new FenigeClient({ baseUrl: fake.url, login: 'user', password: PASSWORD, merchantUuid: 'm-1' });
  impatient = new FenigeClient({ baseUrl: fake.url, login: 'user', password: PASSWORD, merchantUuid: 'm-1', timeoutMs: 100, fetch: fake.fetch });
});
after(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

/** Scripts the fake per endpoint: `pay` for google-pay, `details` for the details lookup, `link` for paymelink, `clear` for the clearing. */
function script(answers: { pay?: FakeAnswer; details?: FakeAnswer; link?: FakeAnswer; clear?: FakeAnswer }) {
  fake.answer((request: RecordedRequest) => {
    if (request.path.startsWith('/transactions/details/')) return answers.details ?? { status: 500 };
    if (request.path === '/external/paymelink') return answers.link ?? { status: 500 };
    if (request.path === '/external/clear') return answers.clear ?? { status: 500 };
    return answers.pay ?? { status: 500 };
  });
}

const checkoutRequest = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => {
  const seed = googlePayBody();
  return {
    transactionId: TX,
    apiKey: 'public-key',
    amount: seed.amount,
    currency: seed.currency,
    description: seed.description,
    sender: seed.sender,
    token: seed.token,
    paymentMethod: { cardNetwork: 'VISA', cardDetails: '1111' },
    ...overrides,
  };
};

const context = { browserIp: '41.11.22.1' };

function assertOutcome(answer: CheckoutAnswer, expected: Partial<Outcome> & { kind: Outcome['kind'] }) {
  const outcome = classifyResponse(answer.httpStatus, answer.body);
  assert.deepEqual({ ...outcome, ...expected }, outcome, `answer ${answer.httpStatus} ${JSON.stringify(answer.body)} classified as ${JSON.stringify(outcome)}`);
  const text = JSON.stringify(answer.body);
  assert.ok(!text.includes(PASSWORD) && !text.includes(googlePayBody().token.signature), 'no secret nor token in an answer');
}

describe('fenigeCheckout.pay', () => {
  test('APPROVED → 200 success; with capture: authorize and no itemId Fenige gets exactly the documented body', async () => {
    script({ pay: { status: 200, body: SEED.googlePayOk } });
    const answer = await fenigeCheckout(client, { capture: 'authorize', itemIdFor: () => undefined }).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 200);
    assert.deepEqual(answer.body, {
      transactionId: TX,
      status: 'APPROVED',
      itemId: SEED.googlePayOk.itemId,
      externalTransactionId: SEED.googlePayOk.externalTransactionId,
    });
    assertOutcome(answer, { kind: 'success', status: 'APPROVED' });
    assert.deepEqual(fake.requests[0]!.body, googlePayBody());
  });

  test('by default the funds are taken at once (deposit: true) and the transactionId is the itemId', async () => {
    script({ pay: { status: 200, body: SEED.googlePayOk } });
    await fenigeCheckout(client).pay(checkoutRequest(), {});
    const sent = fake.requests[0]!.body as Record<string, unknown>;
    assert.equal(sent.deposit, true);
    assert.equal(sent.itemId, TX);
    assert.equal('browserIp' in sent, false, 'no browserIp when the context has none');
  });

  test('the older deposit option still chooses, and a contradicting pair is refused', async () => {
    script({ pay: { status: 200, body: SEED.googlePayOk } });
    await fenigeCheckout(client, { deposit: false }).pay(checkoutRequest(), {});
    assert.equal((fake.requests[0]!.body as Record<string, unknown>).deposit, false);
    assert.throws(() => fenigeCheckout(client, { capture: 'deposit', deposit: false }), /contradicts deposit: false/);
    assert.throws(() => fenigeCheckout(client, { capture: 'later' as never }), /capture must be 'deposit', 'clear' or 'authorize'/);
  });

  test('E0150 rejection → 422 failure with the code, message and transactionStatus', async () => {
    script({ pay: { status: 422, body: SEED.E0150 } });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 422);
    assert.deepEqual(answer.body, { transactionId: TX, status: 'E0150', message: 'Transaction rejected', transactionStatus: 'REJECTED' });
    assertOutcome(answer, { kind: 'failure', code: 'E0150', message: 'Transaction rejected' });
    assert.equal(fake.requests.length, 1, 'a final answer needs no details lookup');
  });

  test("Fenige's E8000 → 400 failure carrying the errors map", async () => {
    script({ pay: { status: 400, body: SEED.E8000 } });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 400);
    assert.deepEqual(answer.body.errors, SEED.E8000.errors);
    assertOutcome(answer, { kind: 'failure', code: 'E8000' });
  });

  test('the body it builds from a request the handler validated is not validated in full again; a merchant calling googlePay is', async (t) => {
    script({ pay: { status: 200, body: SEED.googlePayOk } });
    let fullChecks = 0;
    const { safeParse } = googlePayRequestSchema;
    googlePayRequestSchema.safeParse = ((...args: Parameters<typeof safeParse>) => {
      fullChecks++;
      return safeParse(...args);
    }) as typeof safeParse;
    t.after(() => void (googlePayRequestSchema.safeParse = safeParse));

    assertOutcome(await fenigeCheckout(client).pay(checkoutRequest(), context), { kind: 'success', status: 'APPROVED' });
    assert.equal(fullChecks, 0, 'the adapter checks only what the handler leaves open (sender, an ECv2 token)');
    await client.googlePay(googlePayBody());
    assert.equal(fullChecks, 1, "the public method validates the merchant's body");
    await assert.rejects(client.googlePay({ ...googlePayBody(), amount: -1 }), (error: FenigeValidationError) => 'amount' in error.errors);
    assert.equal(fake.requests.length, 2, 'the invalid body was not sent');
  });

  test("within the handler's deadline the client starts no timer of its own: one timer per request", async (t) => {
    script({ pay: { status: 200, body: SEED.googlePayOk } });
    const timers = countAbortTimers(t);
    const handlerDeadline = new AbortController();
    const within = { ...context, signal: handlerDeadline.signal, deadlineAt: Date.now() + client.timeoutMs };
    assertOutcome(await fenigeCheckout(client).pay(checkoutRequest(), within), { kind: 'success', status: 'APPROVED' });
    assert.equal(timers.started, 0);
    // A handler deadline later than the client's own timeout: the client's timeout still applies.
    await fenigeCheckout(client).pay(checkoutRequest(), { ...within, deadlineAt: Date.now() + client.timeoutMs + 60_000 });
    assert.equal(timers.started, 2, 'its timeout, combined with the handler signal');
  });

  test("the status reads (the guard's) get the handler's deadline too: no timer of their own within it", async (t) => {
    script({ details: { status: 200, body: { ...SEED.detailsOk, transactionId: TX } } });
    const timers = countAbortTimers(t);
    const within = { ...context, signal: new AbortController().signal, deadlineAt: Date.now() + client.timeoutMs };
    assertOutcome(await fenigeCheckout(client).status(TX, { ...within, expected: { amount: 100, currency: 'PLN' } }), { kind: 'success', status: 'SUCCESS' });
    assert.equal(timers.started, 0);
    await fenigeCheckout(client).status(TX, { ...within, deadlineAt: Date.now() + client.timeoutMs + 60_000 });
    assert.equal(timers.started, 2, 'past the handler deadline: its own timeout, combined with the handler signal');
  });

  test("the clearing after an approval (capture: 'clear') and the hosted page's link get the handler's deadline too", async (t) => {
    script({
      pay: { status: 200, body: SEED.googlePayOk },
      details: { status: 200, body: { ...SEED.detailsOk, transactionId: TX, transactionState: 'SUCCESS_WAITING_FOR_CLEARING' } },
      clear: { status: 200, body: SEED.clearOk },
      link: { status: 200, body: SEED.paymelinkOk },
    });
    const timers = countAbortTimers(t);
    const within = { ...context, signal: new AbortController().signal, deadlineAt: Date.now() + client.timeoutMs };
    const clearErrors: unknown[] = [];
    const clearing = fenigeCheckout(client, { capture: 'clear', onClearError: (_, error) => clearErrors.push(error) });
    assertOutcome(await clearing.pay(checkoutRequest(), within), { kind: 'success', status: 'APPROVED' });
    assert.deepEqual(clearErrors, []);
    assert.deepEqual(
      fake.requests.map((r) => r.path),
      ['/external-api/transactions/google-pay', `/transactions/details/${TX}`, '/external/clear'],
    );
    const hosted: HostedRequest = { ...checkoutRequest(), returnUrl: 'https://shop.example/checkout' };
    assertOutcome(await fenigeCheckout(client).hosted(hosted, within), { kind: 'redirect' });
    assert.equal(timers.started, 0, 'within the handler deadline: no timer of their own');
    await fenigeCheckout(client).hosted(hosted, { ...within, deadlineAt: Date.now() + client.timeoutMs + 60_000 });
    assert.equal(timers.started, 2, 'past the handler deadline: its own timeout, combined with the handler signal');
  });

  test('no sender, or a plain-string token → 400 E8000 naming the field, nothing sent', async () => {
    const noSender = await fenigeCheckout(client).pay(checkoutRequest({ sender: undefined }), context);
    assert.equal(noSender.httpStatus, 400);
    assert.deepEqual(noSender.body.errors, { sender: ['is required'] });
    assertOutcome(noSender, { kind: 'failure', code: 'E8000' });

    const stringToken = await fenigeCheckout(client).pay(checkoutRequest({ token: 'examplePaymentMethodToken' }), context);
    assert.ok((stringToken.body.errors as Record<string, unknown>).token);
    assertOutcome(stringToken, { kind: 'failure', code: 'E8000' });
    assert.equal(fake.requests.length, 0);
  });

  test('a final error Fenige answers with 500 (E0142) still reaches the element as a 4xx failure', async () => {
    script({
      pay: { status: 500, body: { status: 'E0142', message: 'Commission configuration is not added for terminal', httpStatus: 'INTERNAL_SERVER_ERROR' } },
    });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 422);
    // A setup error: the payer reads a generic code, the merchant's logs get Fenige's.
    assertOutcome(answer, { kind: 'failure', code: 'GATEWAY_SETUP' });
    assert.equal(answer.detail?.code, 'E0142');
  });

  test('E9001 (acquirer unreachable) → 503 with the code: the element re-sends', async () => {
    script({ pay: { status: 503, body: SEED.E9001 } });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 503);
    assert.equal(answer.body.status, 'E9001');
    assertOutcome(answer, { kind: 'pending' });
    assert.equal(fake.requests.length, 1);
  });

  const unknownOutcomes: Array<[string, FakeAnswer, FakeAnswer, number, Outcome['kind']]> = [
    ['E0153, details SUCCESS', { status: 500, body: SEED.E0153 }, { status: 200, body: { ...SEED.detailsOk, transactionId: TX } }, 200, 'success'],
    [
      'E0153, details IN_PROGRESS',
      { status: 500, body: SEED.E0153 },
      { status: 200, body: { ...SEED.detailsOk, transactionId: TX, transactionState: 'IN_PROGRESS' } },
      202,
      'pending',
    ],
    [
      'E0153, details FAILURE',
      { status: 500, body: SEED.E0153 },
      { status: 200, body: { ...SEED.detailsOk, transactionId: TX, transactionState: 'FAILURE' } },
      422,
      'failure',
    ],
    [
      'E9000, details 404',
      { status: 500, body: { status: 'E9000', message: 'Unknown reason' } },
      { status: 404, body: { status: 'NOT_FOUND' } },
      202,
      'pending',
    ],
    ['a timeout, details hangs too', { status: 200, hang: true }, { status: 200, hang: true }, 202, 'pending'],
    [
      'a timeout, details SUCCESS_WAITING_FOR_CLEARING',
      { status: 200, hang: true },
      { status: 200, body: { ...SEED.detailsOk, transactionId: TX, transactionState: 'SUCCESS_WAITING_FOR_CLEARING' } },
      200,
      'success',
    ],
    ['an HTML 502', { status: 502, body: '<html/>', contentType: 'text/html' }, { status: 503, body: SEED.E9001 }, 202, 'pending'],
    [
      '200 with an unknown status',
      { status: 200, body: { ...SEED.googlePayOk, status: 'WHATEVER' } },
      { status: 200, body: { ...SEED.detailsOk, transactionId: TX } },
      200,
      'success',
    ],
  ];

  test('an unknown outcome: the adapter only reports it (202 PENDING, unknownOutcome), without a lookup', async () => {
    script({ pay: { status: 500, body: SEED.E0153 }, details: { status: 200, body: { ...SEED.detailsOk, transactionId: TX } } });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 202);
    assert.equal(answer.unknownOutcome, true);
    assertOutcome(answer, { kind: 'pending' });
    assert.deepEqual(
      fake.requests.map((r) => r.method),
      ['POST'],
    );
  });

  for (const [name, pay, details, httpStatus, kind] of unknownOutcomes) {
    test(`unknown outcome (${name}): the guard asks details once → ${httpStatus} ${kind}`, async () => {
      script({ pay, details });
      const answer = await payThroughGuard(fenigeCheckout(pay.hang ? impatient : client), checkoutRequest(), context);
      assert.equal(answer.httpStatus, httpStatus);
      assertOutcome(answer, { kind });
      assert.equal(answer.body.transactionId, TX);
      const lookups = fake.requests.filter((r) => r.method === 'GET');
      assert.equal(lookups.length, 1);
      assert.equal(lookups[0]!.path, `/transactions/details/${TX}`);
      assert.equal('sender' in answer.body, false, "the payer's data stays out of the answer");
    });
  }

  test('200 IN_PROGRESS → 202 pending without a lookup', async () => {
    script({ pay: { status: 200, body: { ...SEED.googlePayOk, status: 'IN_PROGRESS' } } });
    const answer = await fenigeCheckout(client).pay(checkoutRequest(), context);
    assert.equal(answer.httpStatus, 202);
    assertOutcome(answer, { kind: 'pending' });
    assert.equal(fake.requests.length, 1);
  });
});

describe('fenigeCheckout.status', () => {
  const states: Array<[string, Outcome['kind']]> = [
    ['SUCCESS', 'success'],
    ['SUCCESS_WAITING_FOR_CLEARING', 'success'],
    ['IN_PROGRESS', 'pending'],
    ['FAILURE', 'failure'],
    ['REVERSED', 'failure'],
    ['REFUNDED', 'failure'],
  ];
  for (const [state, kind] of states) {
    test(`${state} → 200 ${kind}, without the payer's data`, async () => {
      script({ details: { status: 200, body: { ...SEED.detailsOk, transactionState: state } } });
      const answer = await fenigeCheckout(client).status(SEED.detailsOk.transactionId, {});
      assert.equal(answer.httpStatus, 200);
      assert.deepEqual(
        { ...answer.body, message: undefined },
        { transactionId: SEED.detailsOk.transactionId, status: state, transactionState: state, amount: 100, currency: 'PLN', message: undefined },
      );
      assertOutcome(answer, { kind });
    });
  }

  test('an unknown id → 404 NOT_FOUND failure', async () => {
    script({ details: { status: 404, body: { status: 'NOT_FOUND', message: 'Transaction not found', httpStatus: 'NOT_FOUND' } } });
    const answer = await fenigeCheckout(client).status('0b3b7c9e-7f6a-4d1e-9c2b-5a8f3e1d4c60', {});
    assert.equal(answer.httpStatus, 404);
    assert.equal(answer.body.status, 'NOT_FOUND');
    assertOutcome(answer, { kind: 'failure', code: 'NOT_FOUND' });
  });

  test('a merchant-setup 404 (E0122) is a setup failure (its code in the logs), not a missing transaction', async () => {
    script({ details: { status: 404, body: SEED.E0122 } });
    const answer = await fenigeCheckout(client).status(TX, {});
    assertOutcome(answer, { kind: 'failure', code: 'GATEWAY_SETUP' });
    assert.equal(answer.detail?.code, 'E0122');
  });

  test('Fenige unavailable or silent → 503, the element asks again', async () => {
    script({ details: { status: 503, body: SEED.E9001 } });
    assertOutcome(await fenigeCheckout(client).status(TX, {}), { kind: 'pending' });
    script({ details: { status: 200, hang: true } });
    const answer = await fenigeCheckout(impatient).status(TX, {});
    assert.equal(answer.httpStatus, 503);
    assert.equal(answer.body.status, 'TIMEOUT');
    assertOutcome(answer, { kind: 'pending' });
  });
});

describe('fenigeCheckout.hosted', () => {
  const hostedRequest = (): HostedRequest => ({
    transactionId: 'fef48a14-f06a-44b7-b110-6ec468019375',
    apiKey: 'public-key',
    amount: 2599,
    currency: 'PLN',
    description: 'test',
    sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
    returnUrl: 'https://shop.example/checkout?order=42#pay',
  });

  test('creates a paymelink and answers a GET redirect to it', async () => {
    script({ link: { status: 200, body: { ...SEED.paymelinkOk, transactionId: 'fef48a14-f06a-44b7-b110-6ec468019375' } } });
    const answer = await fenigeCheckout(client, { formLanguage: 'pl', autoClear: false, merchantUrl: 'https://shop.example' }).hosted(hostedRequest(), {});
    assert.equal(answer.httpStatus, 200);
    assert.deepEqual(answer.body, {
      transactionId: 'fef48a14-f06a-44b7-b110-6ec468019375',
      redirect: { url: SEED.paymelinkOk.value, method: 'GET' },
    });
    assertOutcome(answer, { kind: 'redirect', redirect: { url: SEED.paymelinkOk.value, method: 'GET' } });

    const sent = (fake.requests[0]!.body as { preInitData: Record<string, any> }).preInitData;
    assert.equal(sent.currencyCode, 'PLN');
    assert.equal(sent.formLanguage, 'pl');
    assert.equal(sent.autoClear, false);
    assert.equal(sent.merchantUrl, 'https://shop.example');
    assert.deepEqual(sent.sender, { firstName: 'Jan', lastName: 'Kowalski' });
    const success = new URL(sent.redirectUrl.successUrl);
    const failure = new URL(sent.redirectUrl.failureUrl);
    assert.equal(success.searchParams.get(HOSTED_RESULT_PARAM), 'success');
    assert.equal(failure.searchParams.get(HOSTED_RESULT_PARAM), 'failure');
    assert.equal(success.searchParams.get('transactionId'), 'fef48a14-f06a-44b7-b110-6ec468019375');
    assert.equal(success.searchParams.get('order'), '42');
    assert.equal(success.hash, '#pay');
  });

  test('a Fenige rejection is a failure, an outage a pending answer', async () => {
    script({ link: { status: 401, body: SEED.E8002 } });
    const refused = await fenigeCheckout(client).hosted(hostedRequest(), {});
    assertOutcome(refused, { kind: 'failure', code: 'GATEWAY_SETUP' });
    assert.equal(refused.detail?.code, 'E8002');
    script({ link: { status: 200, hang: true } });
    assertOutcome(await fenigeCheckout(impatient).hosted(hostedRequest(), {}), { kind: 'pending' });
  });
});
