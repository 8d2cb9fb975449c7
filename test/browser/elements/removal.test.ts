import { expect, oneEvent } from '@open-wc/testing';
import { configureGooglePay } from '../../../src/google-pay/loader.js';
import { sheetIsOpen } from '../../../src/google-pay/clients.js';
import type { PaymentElement } from '../../../src/elements/payment-element.js';
import { backend, click, expiring, freshGooglePay, mount, mountReady, testPolicy, validData } from '../helpers.js';
import { waitFor } from '../../support/wait.js';

// An element taken off the page (a single-page app leaving its checkout view) must stop: no request
// after its removal, and no event. Each test proves "nothing happened" by a twin element that runs
// the same script on the page and finishes: by then the removed one would have gone on too.

const EVENTS = ['payment-ready', 'payment-unavailable', 'payment-cancel', 'payment-success', 'payment-failure', 'payment-error', 'payment-redirect'];

/** Events `el` fires from now on, listened to on the element itself (it leaves its container). */
function eventsFrom(el: Element): string[] {
  const seen: string[] = [];
  for (const type of EVENTS) el.addEventListener(type, () => seen.push(type));
  return seen;
}

/** Every fetch the page makes to `endpoint` (and below it) from now on; `restore()` ends the spy. */
function spyRequests(endpoint: string) {
  const original = window.fetch;
  const requests: string[] = [];
  window.fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
    if (url.startsWith(endpoint)) requests.push(`${init?.method ?? 'GET'} ${url}`);
    return original(input, init);
  };
  return { requests, restore: () => (window.fetch = original) };
}

const fallbackButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="fallback-button"]')!;

describe('an element removed from the page', () => {
  it('stops asking for the outcome of a Google Pay payment: no request after removal, no event', async () => {
    freshGooglePay();
    // Accepted but pending for ever: the element asks for the status until its deadline (the
    // removed one's is far away; the twin's is short, to show what removal spared).
    const script = { pay: [{ status: 202, body: { status: 'PENDING' } }], status: [{ body: { status: 'IN_PROGRESS' } }] };
    const removedServer = await backend(script);
    const el = await mountReady('paytool-button', { endpoint: removedServer.endpoint });
    el.backendPolicy = { ...testPolicy, sheetWaitMs: 1 };
    const spy = spyRequests(removedServer.endpoint);
    try {
      click(el);
      await waitFor(() => spy.requests.some((r) => r.startsWith('GET')), 'the element asks for the status');
      el.remove();
      const events = eventsFrom(el);
      const sentBefore = spy.requests.length;

      const twinServer = await backend(script);
      const twin = await mountReady('paytool-button', { endpoint: twinServer.endpoint });
      twin.backendPolicy = { ...expiring, sheetWaitMs: 1 };
      await waitFor(() => !sheetIsOpen(), 'the first sheet closed');
      const failure = oneEvent(twin, 'payment-failure');
      click(twin);
      expect((await failure).detail.code).to.equal('OUTCOME_UNKNOWN'); // the twin asked until its deadline

      expect(spy.requests.slice(sentBefore), 'requests after removal').to.deep.equal([]);
      expect(events, 'events after removal').to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });

  it('aborts the hosted-page request in flight and sends it no more', async () => {
    freshGooglePay({ ready: false });
    // No POST is ever answered: the removed element's is in flight when it leaves; the twin's time
    // out, and it sends them again until its deadline.
    const script = { hosted: [{ hold: true, body: { redirect: { url: 'https://pay.example/hosted/1', method: 'GET' } } }] };
    const removedServer = await backend(script);
    const el = await mount('paytool-button', { endpoint: removedServer.endpoint, data: validData, attrs: 'fallback="hosted"' });
    await waitFor(() => el.state === 'unavailable', 'Google Pay is unavailable');
    await el.updateComplete;
    const spy = spyRequests(removedServer.endpoint);
    try {
      fallbackButton(el).click();
      await waitFor(() => spy.requests.length === 1, 'the hosted page is asked for');
      el.remove();
      const events = eventsFrom(el);

      const twinServer = await backend(script);
      const twin = await mount('paytool-button', { endpoint: twinServer.endpoint, data: validData, attrs: 'fallback="hosted"' });
      twin.backendPolicy = expiring;
      await waitFor(() => twin.state === 'unavailable', 'Google Pay is unavailable to the twin');
      await twin.updateComplete;
      const failure = oneEvent(twin, 'payment-failure');
      fallbackButton(twin).click();
      expect((await failure).detail.code).to.equal('OUTCOME_UNKNOWN');

      expect(spy.requests, 'requests of the removed element').to.deep.equal([`POST ${removedServer.endpoint}/hosted`]);
      expect(events, 'events after removal').to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });

  it('drops a Google Pay check still loading pay.js: no payment-unavailable nor payment-ready after removal', async () => {
    freshGooglePay();
    const pending = window.google;
    delete (window as { google?: unknown }).google; // the element must load "pay.js"
    const hanging = `/mock/hanging-script.js?id=${Math.random().toString(36).slice(2)}`;
    configureGooglePay({ scriptUrl: hanging, unsafeAllowAnyScriptOrigin: true });
    try {
      const el: PaymentElement = await mount('paytool-button', { data: validData });
      const twin = await mount('feennex-pay', { data: validData });
      await el.updateComplete;
      el.remove();
      const events = eventsFrom(el);
      const twinGaveUp = oneEvent(twin, 'payment-unavailable');
      await fetch(`${hanging}&release=1`); // the script arrives, without Google's client in it
      expect((await twinGaveUp).detail).to.deep.equal({ reason: 'load-failed' });
      expect(events).to.deep.equal([]);
      expect(el.state).to.equal('loading');
    } finally {
      window.google = pending;
      configureGooglePay({ scriptUrl: '/test/support/fake-pay.js', unsafeAllowAnyScriptOrigin: true });
      document.querySelectorAll('script[src*="/mock/"]').forEach((s) => s.remove());
    }
  });

  it('a move within the page is no removal: the payment goes on', async () => {
    freshGooglePay();
    const server = await backend({ pay: [{ hold: true, body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const success = oneEvent(el, 'payment-success');
    click(el);
    await waitFor(async () => el.state === 'processing' && (await server.log()).length === 1, 'the payment is posted');
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    try {
      elsewhere.append(el); // disconnected and connected again at once
      await server.release();
      expect((await success).detail.status).to.equal('APPROVED');
    } finally {
      elsewhere.remove();
    }
  });
});
