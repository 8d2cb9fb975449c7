import { expect, oneEvent } from '@open-wc/testing';
import { backend, click, eventsOf, firstEvent, freshGooglePay, mount, mountReady, statusText, validData } from '../helpers.js';
import { sleep, waitFor } from '../../support/wait.js';

const DECLINED_CARD = '4000000000000002';
const fallbackButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="fallback-button"]')!;

/** Captures console.error for one test, so the test can read it and the run stays quiet. */
function captureConsoleError(): { lines: string[]; restore: () => void } {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console.error = original) };
}

describe('paths where money goes wrong', () => {
  it('a decline keeps the sheet open; the next card is a new attempt with a new transactionId', async () => {
    const fake = freshGooglePay({ card: DECLINED_CARD, retryCards: ['5555555555554444'] });
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150' } }, { body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const success = oneEvent(el, 'payment-success');
    click(el);
    const { detail } = await success;
    const posts = await server.log();
    expect(posts).to.have.length(2);
    expect(fake.calls.loadPaymentData).to.have.length(1); // one sheet, two cards
    const [declined, paid] = posts.map((p) => p.body!.transactionId);
    expect(paid).to.not.equal(declined);
    expect(posts.map((p) => p.idempotencyKey)).to.deep.equal([declined, paid]);
    expect(posts[1]!.body!.paymentMethod.cardDetails).to.equal('4444');
    expect(detail.transactionId).to.equal(paid);
    expect(fake.authorizationResults.map((r) => r.transactionState)).to.deep.equal(['ERROR', 'SUCCESS']);
    expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready', 'payment-success']);
  });

  it('data.orderId names the order on every attempt; each attempt still has its own transactionId', async () => {
    freshGooglePay({ card: DECLINED_CARD, retryCards: ['5555555555554444'] });
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150' } }, { body: { status: 'APPROVED' } }] });
    const el = await mountReady('feennex-pay', { endpoint: server.endpoint, data: { ...validData, orderId: 'order-42' } });
    const success = oneEvent(el, 'payment-success');
    click(el);
    await success;
    const posts = await server.log();
    expect(posts.map((p) => p.body!.orderId)).to.deep.equal(['order-42', 'order-42']);
    expect(new Set(posts.map((p) => p.body!.transactionId)).size).to.equal(2);
  });

  it('the sheet is never told SUCCESS while the outcome is unknown', async () => {
    const fake = freshGooglePay();
    // The backend holds its answer until the sheet has given up waiting: it must close on "checking".
    const server = await backend({ pay: [{ hold: true, body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    el.backendPolicy = { ...el.backendPolicy!, sheetWaitMs: 1 };
    const success = oneEvent(el, 'payment-success');
    click(el);
    await waitFor(async () => fake.authorizationResults.length === 1 && (await server.log()).length === 1, 'the sheet closed while the POST waits');
    await server.release();
    await success;
    expect(fake.authorizationResults).to.have.length(1);
    expect(fake.authorizationResults[0]!.transactionState).to.equal('ERROR');
    expect(fake.authorizationResults[0]!.error!.message).to.match(/checking/i);
  });

  it("the sheet's wait ends with the answer: its timer does not outlive the payment", async () => {
    freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const SHEET_WAIT = 54_321; // a delay no other timer of the page uses
    el.backendPolicy = { ...el.backendPolicy!, sheetWaitMs: SHEET_WAIT };
    const started: number[] = [];
    const cleared = new Set<number | undefined>();
    const { setTimeout: set, clearTimeout: clear } = window;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = set(handler, ms, ...args);
      if (ms === SHEET_WAIT) started.push(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = (id?: number) => {
      cleared.add(id);
      clear(id);
    };
    try {
      const success = oneEvent(el, 'payment-success');
      click(el);
      await success;
    } finally {
      window.setTimeout = set;
      window.clearTimeout = clear;
    }
    expect(started, 'the sheet waited for the answer').to.have.length(1);
    expect(cleared.has(started[0]), "the sheet's timer was cleared").to.equal(true);
  });

  it('a double click on "Pay by card" opens one hosted session', async () => {
    freshGooglePay({ ready: false });
    const server = await backend({ hosted: [{ delayMs: 100, body: { redirect: { url: 'https://pay.example/hosted/1', method: 'GET' } } }] });
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData, attrs: 'fallback="hosted"' });
    await firstEvent(el, 'payment-unavailable');
    await el.updateComplete;
    el.addEventListener('payment-redirect', (e) => e.preventDefault());
    const redirect = oneEvent(el, 'payment-redirect');
    fallbackButton(el).click();
    fallbackButton(el).click();
    await redirect;
    fallbackButton(el).click(); // while the page is on its way to the gateway
    await sleep(30);
    expect((await server.log()).filter((r) => r.method === 'POST')).to.have.length(1);
  });

  it('the same data set again after a success does not reset the element', async () => {
    freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const success = oneEvent(el, 'payment-success');
    click(el);
    await success;
    el.data = { ...validData }; // what React and Vue do on every render
    await el.updateComplete;
    expect(el.state).to.equal('success');
    click(el);
    await sleep(30);
    expect(await server.log()).to.have.length(1);
  });

  for (const url of ['javascript:alert(document.domain)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
    it(`a redirect to ${url.trim().slice(0, 11)}… is never announced nor followed: payment-error, then failure`, async () => {
      const fake = freshGooglePay();
      const server = await backend({ pay: [{ body: { redirect: { url, method: 'GET' } } }] });
      const el = await mountReady('paytool-button', { endpoint: server.endpoint });
      const logged = captureConsoleError();
      try {
        const error = oneEvent(el, 'payment-error');
        click(el);
        const { detail } = await error;
        expect(detail.code).to.equal('INVALID_REDIRECT');
        expect(detail.message).to.match(/not http\(s\)/);
        await el.updateComplete;
        expect(el.state).to.equal('failure');
        expect(statusText(el)).to.equal('The shop cannot take this payment right now. Please contact the shop.');
        expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready', 'payment-error']);
        expect(fake.lastAuthorizationResult!.transactionState).to.equal('ERROR');
        expect(logged.lines.join('\n')).to.contain('INVALID_REDIRECT');
      } finally {
        logged.restore();
      }
    });
  }

  const credentialRefusals = [
    { tag: 'paytool-button', status: 401, body: { status: 'E8002', message: 'Unauthorized', httpStatus: 'UNAUTHORIZED' } },
    { tag: 'feennex-pay', status: 422, body: { status: 'FEENNEX_10', code: 'FEENNEX_10', message: 'Invalid sign' } },
  ] as const;
  for (const { tag, status, body } of credentialRefusals) {
    it(`a gateway credential error (${body.status}): the payer reads plain words, the developer gets the details`, async () => {
      freshGooglePay();
      const server = await backend({ pay: [{ status, body }] });
      const el = await mountReady(tag, { endpoint: server.endpoint });
      const logged = captureConsoleError();
      try {
        const failure = oneEvent(el, 'payment-failure');
        const error = oneEvent(el, 'payment-error');
        click(el);
        const [{ detail: failed }, { detail: developer }] = await Promise.all([failure, error]);
        expect(failed.message).to.equal('The shop cannot take this payment right now. Please contact the shop.');
        await el.updateComplete;
        expect(statusText(el)).to.equal(failed.message);
        expect(statusText(el)).not.to.contain(body.message);
        expect(developer).to.deep.equal({ code: body.status, message: body.message });
        expect(logged.lines.join('\n')).to.contain(body.status);
      } finally {
        logged.restore();
      }
    });
  }

  it("another gateway's credential code is only a failure: Fenige's element does not read FEENNEX_10 as its credentials", async () => {
    freshGooglePay();
    const server = await backend({ pay: [{ status: 422, body: { status: 'FEENNEX_10', code: 'FEENNEX_10', message: 'Invalid sign' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const failure = oneEvent(el, 'payment-failure');
    click(el);
    await failure;
    expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready', 'payment-failure']);
  });

  it('invalid data: the payer sees a plain sentence, the field and reason go to payment-error and the console', async () => {
    freshGooglePay();
    const el = await mount('paytool-button');
    const logged = captureConsoleError();
    try {
      const error = oneEvent(el, 'payment-error');
      el.data = { ...validData, password: 'hunter2' } as never;
      const { detail } = await error;
      expect(detail.message).to.contain('looks like a secret');
      await el.updateComplete;
      expect(statusText(el)).to.equal('This payment button is not set up correctly.');
      expect(logged.lines.join('\n')).to.contain('looks like a secret');
      expect(logged.lines.join('\n')).not.to.contain('hunter2');
    } finally {
      logged.restore();
    }
  });
});
