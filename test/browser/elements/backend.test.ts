import { expect, oneEvent } from '@open-wc/testing';
import type { BackendPolicy } from '../../../src/checkout/backend-client.js';
import { backend, click, expiring, freshGooglePay, mountReady, statusText, testPolicy, validData } from '../helpers.js';

async function pay(script: Parameters<typeof backend>[0], tag: 'paytool-button' | 'feennex-pay' = 'paytool-button', policy: BackendPolicy = testPolicy) {
  const fake = freshGooglePay();
  const server = await backend(script);
  const el = await mountReady(tag, { endpoint: server.endpoint, data: validData });
  el.backendPolicy = policy;
  const outcome = Promise.race([oneEvent(el, 'payment-success'), oneEvent(el, 'payment-failure'), oneEvent(el, 'payment-redirect')]);
  click(el);
  const event = await outcome;
  return { el, event, log: await server.log(), fake };
}

describe('backend answers (docs/protocol.md §4.2, §4.3)', () => {
  for (const status of ['APPROVED', 'SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING']) {
    it(`2xx ${status} is a success`, async () => {
      const { event, el } = await pay({ pay: [{ body: { status } }] });
      expect(event.type).to.equal('payment-success');
      expect(event.detail.status).to.equal(status);
      expect(el.state).to.equal('success');
    });
  }

  it('a Fenige error code is a failure with that code, a payer message and the response', async () => {
    const body = {
      requestUuid: 'r',
      transactionStatus: 'REJECTED',
      status: 'E0150',
      message: 'Transaction rejected',
      httpStatus: 'UNPROCESSABLE_ENTITY',
      traceId: 't',
    };
    const { event, el, log, fake } = await pay({ pay: [{ status: 422, body }] });
    expect(event.type).to.equal('payment-failure');
    expect(event.detail).to.deep.equal({
      transactionId: log[0]!.body!.transactionId,
      code: 'E0150',
      message: 'The payment was declined. Please try another card.',
      response: body,
    });
    expect(el.state).to.equal('failure');
    expect(statusText(el)).to.equal('The payment was declined. Please try another card.');
    // the decline was shown inside the Google Pay sheet too
    expect(fake.lastAuthorizationResult).to.deep.include({ transactionState: 'ERROR' });
    expect(log).to.have.length(1);
  });

  for (const status of ['DECLINED', 'REJECTED', 'FAILURE']) {
    it(`status ${status} is a failure`, async () => {
      const { event } = await pay({ pay: [{ body: { status } }] });
      expect(event.type).to.equal('payment-failure');
      expect(event.detail.code).to.equal(status);
    });
  }

  it('PENDING then a status query that answers APPROVED', async () => {
    const { event, log } = await pay({
      pay: [{ status: 202, body: { status: 'PENDING' } }],
      status: [{ body: { status: 'IN_PROGRESS' } }, { body: { transactionId: 'x', transactionState: 'SUCCESS' } }],
    });
    expect(event.type).to.equal('payment-success');
    const id = log[0]!.body!.transactionId;
    expect(log.map((r) => `${r.method} ${r.path.replace(/^\/mock\/\w+/, '')}`)).to.deep.equal(['POST /pay', `GET /pay/${id}`, `GET /pay/${id}`]);
  });

  it('Fenige’s 500 with transactionStatus PENDING is not a failure: it asks for the status', async () => {
    const { event } = await pay({
      pay: [{ status: 500, body: { transactionStatus: 'PENDING', status: 'E0153' } }],
      status: [{ body: { transactionState: 'SUCCESS' } }],
    });
    expect(event.type).to.equal('payment-success');
  });

  it('5xx, a dropped connection and a timeout re-send the same request with the same Idempotency-Key', async () => {
    // The third POST is held until the client gives up: only its request timeout can end it.
    const script = {
      pay: [{ status: 503, body: { status: 'E9001' } }, { drop: true }, { hold: true, body: { status: 'APPROVED' } }, { body: { status: 'APPROVED' } }],
      status: [{ status: 404, body: {} }],
    };
    const { event, log } = await pay(script, 'paytool-button', { ...testPolicy, requestTimeoutMs: 2_000 });
    expect(event.type).to.equal('payment-success');
    const posts = log.filter((r) => r.method === 'POST');
    // Three POSTs went unanswered; the success came from a fourth (a machine slow enough to time out more sends more, with the same key).
    expect(posts.length).to.be.at.least(4);
    const ids = new Set(posts.map((r) => r.idempotencyKey));
    expect(ids.size).to.equal(1);
    expect([...ids][0]).to.equal(event.detail.transactionId);
    for (const post of posts) expect(post.body).to.deep.equal(posts[0]!.body);
  });

  it('never reports success it has not seen: an outcome that stays unknown is OUTCOME_UNKNOWN', async () => {
    const { event, el, log } = await pay({ pay: [{ status: 500, text: 'oops' }], status: [{ status: 500, text: 'oops' }] }, 'paytool-button', expiring);
    expect(event.type).to.equal('payment-failure');
    expect(event.detail.code).to.equal('OUTCOME_UNKNOWN');
    expect(event.detail.message).to.match(/do not pay again/i);
    expect(el.state).to.equal('failure');
    expect(log.filter((r) => r.method === 'POST').length).to.be.at.most(3);
  });

  it('a 2xx without a known status is not a success', async () => {
    const { event } = await pay({ pay: [{ body: { ok: true } }], status: [{ body: { ok: true } }] }, 'paytool-button', expiring);
    expect(event.type).to.equal('payment-failure');
    expect(event.detail.code).to.equal('OUTCOME_UNKNOWN');
  });

  it('a redirect fires a cancelable payment-redirect', async () => {
    const fake = freshGooglePay();
    const server = await backend({
      pay: [{ body: { transactionId: 't', redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'abc' } } } }],
    });
    const el = await mountReady('feennex-pay', { endpoint: server.endpoint });
    el.addEventListener('payment-redirect', (e) => e.preventDefault());
    const redirect = oneEvent(el, 'payment-redirect');
    click(el);
    const event = await redirect;
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ transactionId: (await server.log())[0]!.body!.transactionId, url: 'https://acs.example/3ds', method: 'POST' });
    expect(fake.lastAuthorizationResult).to.deep.equal({ transactionState: 'SUCCESS' });
    expect(location.href).to.contain('localhost'); // cancelled: still on the page
  });

  it('redirectUrl is a GET redirect', async () => {
    const server = await backend({ pay: [{ body: { redirectUrl: 'https://pay.example/x' } }] });
    freshGooglePay();
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    el.addEventListener('payment-redirect', (e) => e.preventDefault());
    const redirect = oneEvent(el, 'payment-redirect');
    click(el);
    expect((await redirect).detail).to.include({ url: 'https://pay.example/x', method: 'GET' });
  });
});
