import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import { afterClick, loadAfterClick } from '../../src/checkout/lazy.js';
import { payWithGooglePay, type FlowOptions } from '../../src/checkout/google-pay-flow.js';
import { confirmReturnedPayment, payOnHostedPage } from '../../src/checkout/off-page-flows.js';
import type { BackendPolicy } from '../../src/checkout/backend-client.js';
import { paymentsClient, resetPaymentsClients } from '../../src/google-pay/clients.js';
import { paymentDataRequest } from '../../src/google-pay/request.js';
import type { GooglePaymentsApi } from '../../src/google-pay/types.js';
import type { PaymentData } from '../../src/protocol/index.js';
import { serveRecording, type ReceivedRequest } from '../support/http.js';
import { installFakeGooglePay, type FakeGooglePayController, type FakeGooglePayOptions } from '../../src/testing/index.js';

/**
 * One payment from the click to its outcome, in Node: the package's fake Google Pay client (which,
 * like Google's sheet, stays open after a decline for another card) against a merchant backend
 * answering over real HTTP. What the payer sees in the sheet and what the element reports.
 */

type Reply = { status: number; body?: unknown } | 'hang';
type Request = ReceivedRequest & { body: Record<string, unknown> };

let base = '';
let reply: (request: Request) => Reply = () => ({ status: 500 });
const requests: Request[] = [];
const held: ServerResponse[] = [];
let close = async () => {};

before(async () => {
  const server = await serveRecording((received, res) => {
    const request = { ...received, body: received.text ? JSON.parse(received.text) : {} };
    requests.push(request);
    const answer = reply(request);
    if (answer === 'hang') return void held.push(res);
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
  });
  ({ url: base, close } = server);
});
after(() => close());

// The sheet's wait (25 s by default) is a timer that outlives a payment answered sooner; it must not
// hold this process open once the tests are done.
const setTimer = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimer>) => setTimer(...args).unref()) as typeof setTimeout;

let fake: FakeGooglePayController | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
  resetPaymentsClients();
  requests.length = 0;
  for (const res of held.splice(0)) res.destroy();
});

// The machine may be busy: no test depends on a timer firing in time, except the sheet's wait,
// which the backend outlasts by holding its answer until the test releases it.
const policy: BackendPolicy = { requestTimeoutMs: 10_000, maxPosts: 2, deadlineMs: 10_000, initialDelayMs: 1, maxDelayMs: 5 };
const data: PaymentData = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const posts = () => requests.filter((r) => r.method === 'POST');

function pay(options: FakeGooglePayOptions, extra: Partial<FlowOptions> = {}) {
  fake = installFakeGooglePay(options);
  const api = (globalThis as unknown as { google: { payments: { api: GooglePaymentsApi } } }).google.payments.api;
  const events: string[] = [];
  const flowData = extra.data ?? data;
  const result = payWithGooglePay({
    client: paymentsClient(api, 'TEST'),
    request: paymentDataRequest(flowData, 'example'),
    data: flowData,
    endpoint: `${base}/pay`,
    policy,
    describe: (code) => `payer text for ${code}`,
    checkingText: 'still checking',
    onProcessing: () => events.push('processing'),
    onChecking: () => events.push('checking'),
    ...extra,
  });
  return { result, events, sheet: () => fake!.authorizationResults.map((r) => (r.transactionState === 'SUCCESS' ? 'SUCCESS' : r.error!.message)) };
}

const approveSecond = () => {
  let n = 0;
  return (r: Request): Reply =>
    r.method === 'POST' && ++n === 1 ? { status: 402, body: { status: 'DECLINED' } } : { status: 200, body: { status: 'APPROVED' } };
};

test('the after-click code is loaded once and then handed out without waiting', async () => {
  assert.equal(afterClick(), undefined);
  const code = await loadAfterClick();
  assert.equal(afterClick(), code);
  assert.equal(await loadAfterClick(), code);
  assert.equal(typeof code.postToken, 'function');
});

describe('payWithGooglePay', () => {
  test('approved: the sheet hears SUCCESS, one POST carries the order and the token under a fresh id', async () => {
    reply = () => ({ status: 200, body: { status: 'APPROVED' } });
    const flow = pay({});
    const result = await flow.result;
    assert.equal(result.kind, 'success');
    assert.equal(posts().length, 1, 'the token is posted once, not again when the sheet closes');
    const [post] = posts();
    assert.ok(post && result.kind === 'success');
    assert.match(result.transactionId, UUID);
    assert.equal(post.key, result.transactionId);
    assert.equal(post.path, '/pay');
    assert.deepEqual(
      { ...post.body, token: undefined },
      {
        transactionId: result.transactionId,
        apiKey: 'pk_test_shop',
        amount: 1999,
        currency: 'PLN',
        description: 'Order 1042',
        sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.com' },
        paymentMethod: { cardNetwork: 'VISA', cardDetails: '1111' },
        token: undefined,
      },
    );
    assert.equal(post.body.token, 'examplePaymentMethodToken');
    assert.deepEqual(flow.sheet(), ['SUCCESS']);
    assert.deepEqual(flow.events, ['processing']);
  });

  test('a decline shows in the sheet, and the next card pays under a NEW transactionId', async () => {
    reply = approveSecond();
    const flow = pay({ retryCards: ['5555555555554444'] });
    const result = await flow.result;
    assert.deepEqual(flow.sheet(), ['payer text for DECLINED', 'SUCCESS']);
    const [first, second] = posts();
    assert.ok(first && second && result.kind === 'success');
    assert.notEqual(second.body.transactionId, first.body.transactionId, 'the declined id must not be reused: the backend would replay the decline');
    assert.equal(result.transactionId, second.body.transactionId);
    assert.equal(second.key, second.body.transactionId);
    assert.deepEqual(flow.events, ['processing', 'processing']);
  });

  test('after an integration error from the backend (a javascript: redirect), the next card also gets a new id', async () => {
    let n = 0;
    reply = (r) =>
      r.method === 'POST' && ++n === 1
        ? { status: 200, body: { redirect: { url: 'javascript:alert(1)', method: 'GET' } } }
        : { status: 200, body: { status: 'APPROVED' } };
    const flow = pay({ retryCards: ['5555555555554444'] });
    const result = await flow.result;
    assert.deepEqual(flow.sheet(), ['payer text for INVALID_REDIRECT', 'SUCCESS']);
    const [first, second] = posts();
    assert.notEqual(second?.body.transactionId, first?.body.transactionId);
    assert.equal(result.kind === 'success' && result.transactionId, second?.body.transactionId);
  });

  test('a transactionId fixed by the merchant is kept for the next card', async () => {
    reply = approveSecond();
    const transactionId = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';
    const flow = pay({ retryCards: ['5555555555554444'] }, { data: { ...data, transactionId } });
    const result = await flow.result;
    assert.deepEqual(
      posts().map((p) => p.body.transactionId),
      [transactionId, transactionId],
    );
    assert.equal(result.kind === 'success' && result.transactionId, transactionId);
  });

  test('declined and the payer closes the sheet: the decline is the result, not a cancel', async () => {
    reply = () => ({ status: 402, body: { status: 'DECLINED', message: 'Insufficient funds' } });
    const result = await pay({}).result;
    assert.equal(result.kind, 'failure');
    assert.equal(result.kind === 'failure' && result.code, 'DECLINED');
    assert.equal(result.kind === 'failure' && result.message, 'Insufficient funds');
  });

  test('a 3-D Secure redirect: the sheet closes with SUCCESS and the element follows it', async () => {
    reply = () => ({ status: 200, body: { redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'x' } } } });
    const flow = pay({});
    const result = await flow.result;
    assert.equal(result.kind, 'redirect');
    assert.deepEqual(flow.sheet(), ['SUCCESS']);
  });

  test('an outcome that stays unknown is never SUCCESS in the sheet', async () => {
    reply = () => ({ status: 503, body: { status: 'APPROVED' } });
    const flow = pay({}, { policy: { ...policy, deadlineMs: 0 } });
    const result = await flow.result;
    assert.equal(result.kind === 'failure' && result.code, 'OUTCOME_UNKNOWN');
    assert.deepEqual(flow.sheet(), ['payer text for OUTCOME_UNKNOWN']);
  });

  test('the sheet waits no longer than sheetWaitMs; it closes saying "checking" and the element still learns the outcome', async () => {
    reply = () => 'hang';
    const flow = pay({}, { sheetWaitMs: 1 });
    while (!fake!.authorizationResults.length) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(flow.sheet(), ['still checking']);
    held
      .shift()!
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'APPROVED' }));
    const result = await flow.result;
    assert.equal(result.kind, 'success');
    assert.equal(posts().length, 1);
  });

  test('the sheet’s wait comes from the policy when the flow sets none', async () => {
    reply = () => 'hang';
    const flow = pay({}, { policy: { ...policy, sheetWaitMs: 1 } });
    while (!fake!.authorizationResults.length) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(flow.sheet(), ['still checking']);
    held
      .shift()!
      .writeHead(402, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'DECLINED' }));
    assert.equal((await flow.result).kind, 'failure');
  });

  test('the payer closes the sheet: cancel, nothing posted', async () => {
    const result = await pay({ action: 'cancel' }).result;
    assert.deepEqual(result, { kind: 'cancel' });
    assert.equal(requests.length, 0);
  });

  test('Google Pay fails: an error naming Google’s status, nothing posted', async () => {
    const result = await pay({ action: 'error' }).result;
    assert.deepEqual(result, {
      kind: 'error',
      code: 'GOOGLE_PAY_ERROR',
      message: "Google Pay: DEVELOPER_ERROR — simulated Google Pay error (fake option action: 'error')",
    });
    assert.equal(requests.length, 0);
  });

  test('a rejection without a status: "Google Pay: error"', async () => {
    const client = { loadPaymentData: () => Promise.reject(new Error('boom')) } as unknown as FlowOptions['client'];
    const result = await pay({}, { client }).result;
    assert.deepEqual(result, { kind: 'error', code: 'GOOGLE_PAY_ERROR', message: 'Google Pay: error' });
  });

  test('a client without payment callbacks: the token is posted once the sheet has closed', async () => {
    reply = () => ({ status: 200, body: { status: 'APPROVED' } });
    const paid = {
      apiVersion: 2,
      apiVersionMinor: 0,
      paymentMethodData: { type: 'CARD', tokenizationData: { type: 'PAYMENT_GATEWAY', token: 'examplePaymentMethodToken' } },
    };
    const client = { loadPaymentData: () => Promise.resolve(paid) } as unknown as FlowOptions['client'];
    const result = await pay({}, { client }).result;
    assert.equal(result.kind, 'success');
    assert.equal(posts().length, 1);
  });
});

describe('payOnHostedPage (fallback="hosted")', () => {
  const returnUrl = 'https://shop.example/return';

  test('POSTs the order to {endpoint}/hosted and follows the gateway page’s redirect', async () => {
    reply = () => ({ status: 200, body: { redirect: { url: 'https://pay.gateway.example/p/1', method: 'GET' } } });
    const transactionId = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';
    const result = await payOnHostedPage({ ...data, transactionId }, `${base}/pay//`, returnUrl, policy, () => {});
    assert.deepEqual(result, {
      kind: 'redirect',
      transactionId,
      redirect: { url: 'https://pay.gateway.example/p/1', method: 'GET' },
      response: { redirect: { url: 'https://pay.gateway.example/p/1', method: 'GET' } },
    });
    const [post] = posts();
    assert.equal(post?.path, '/pay/hosted');
    assert.equal(post?.key, transactionId);
    assert.deepEqual(post?.body, { transactionId, apiKey: 'pk_test_shop', amount: 1999, currency: 'PLN', description: 'Order 1042', returnUrl });
  });

  test('without a fixed id a fresh UUID is used', async () => {
    reply = () => ({ status: 200, body: { redirect: { url: 'https://pay.gateway.example/p/2', method: 'GET' } } });
    const result = await payOnHostedPage(data, `${base}/pay`, returnUrl, policy, () => {});
    assert.equal(result.kind, 'redirect');
    assert.match(result.kind === 'redirect' ? result.transactionId : '', UUID);
  });

  test('nothing is paid here: a "success" answer is OUTCOME_UNKNOWN, a refusal stays a failure', async () => {
    reply = () => ({ status: 200, body: { status: 'APPROVED' } });
    const odd = await payOnHostedPage(data, `${base}/pay`, returnUrl, policy, () => {});
    assert.equal(odd.kind === 'failure' && odd.code, 'OUTCOME_UNKNOWN');
    assert.deepEqual(odd.kind === 'failure' && odd.response, { status: 'APPROVED' });
    reply = () => ({ status: 422, body: { code: 'INVALID_REQUEST' } });
    const refused = await payOnHostedPage(data, `${base}/pay`, returnUrl, policy, () => {});
    assert.equal(refused.kind === 'failure' && refused.code, 'INVALID_REQUEST');
  });

  test('a javascript: page is an error, never a redirect', async () => {
    reply = () => ({ status: 200, body: { redirect: { url: 'javascript:alert(1)', method: 'GET' } } });
    const result = await payOnHostedPage(data, `${base}/pay`, returnUrl, policy, () => {});
    assert.equal(result.kind === 'error' && result.code, 'INVALID_REDIRECT');
  });
});

describe('confirmReturnedPayment (back from 3-D Secure or a hosted page)', () => {
  const id = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';

  test('asks GET {endpoint}/{id} and reports the outcome, announcing the wait', async () => {
    let n = 0;
    reply = () => (++n === 1 ? { status: 200, body: { status: 'PROCESSING' } } : { status: 200, body: { status: 'APPROVED' } });
    const checking: string[] = [];
    const result = await confirmReturnedPayment(`${base}/pay`, id, policy, () => checking.push('checking'));
    assert.deepEqual(result, { kind: 'success', transactionId: id, status: 'APPROVED', response: { status: 'APPROVED' } });
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.path}`),
      [`GET /pay/${id}`, `GET /pay/${id}`],
    );
    assert.deepEqual(checking, ['checking']);
  });

  test('an id the backend does not know: undefined, nothing posted', async () => {
    reply = () => ({ status: 404 });
    assert.equal(await confirmReturnedPayment(`${base}/pay`, id, policy, () => {}), undefined);
    assert.deepEqual(
      requests.map((r) => r.method),
      ['GET'],
    );
  });

  test('a declined payment is a failure; a redirect on the way back is OUTCOME_UNKNOWN, never followed', async () => {
    reply = () => ({ status: 200, body: { status: 'DECLINED' } });
    const declined = await confirmReturnedPayment(`${base}/pay`, id, policy, () => {});
    assert.equal(declined?.kind === 'failure' && declined.code, 'DECLINED');
    reply = () => ({ status: 200, body: { redirect: { url: 'https://acs.example/again', method: 'GET' } } });
    const again = await confirmReturnedPayment(`${base}/pay`, id, policy, () => {});
    assert.deepEqual(again, {
      kind: 'failure',
      transactionId: id,
      code: 'OUTCOME_UNKNOWN',
      response: { redirect: { url: 'https://acs.example/again', method: 'GET' } },
    });
  });
});
