import { expect } from '@open-wc/testing';
import { configureGooglePay, GOOGLE_PAY_ORIGIN, GOOGLE_PAY_SCRIPT, loadGooglePay } from '../../../src/google-pay/loader.js';

/**
 * pay.js loading details the element suites do not look at: the production default, one shared
 * load, and what each failure says to a developer calling the loader.
 * Imports no element, so nothing else on this page loads pay.js.
 */

type PageGoogle = { google?: unknown };
const scripts = (src: string) => [...document.head.querySelectorAll<HTMLScriptElement>('script')].filter((s) => s.src === src);
// A script that loads and publishes nothing, as a wrong URL serving some other script would.
const PUBLISHES_NOTHING = 'data:text/javascript,void 0';

describe('pay.js loader', () => {
  afterEach(() => {
    delete (window as PageGoogle).google;
    configureGooglePay({ scriptUrl: GOOGLE_PAY_SCRIPT, timeoutMs: 15_000 });
  });

  it('the production default is Google’s own pay.js, on Google’s origin', () => {
    expect(GOOGLE_PAY_SCRIPT).to.equal('https://pay.google.com/gp/p/js/pay.js');
    expect(GOOGLE_PAY_ORIGIN).to.equal('https://pay.google.com');
    expect(() => configureGooglePay({ scriptUrl: GOOGLE_PAY_SCRIPT })).not.to.throw();
  });

  it('a script that loads but publishes no PaymentsClient is a failure, its tag removed; a second caller shares the load in flight', async () => {
    configureGooglePay({ scriptUrl: PUBLISHES_NOTHING, unsafeAllowAnyScriptOrigin: true });
    const first = loadGooglePay();
    const second = loadGooglePay();
    expect(second).to.equal(first);
    expect(scripts(PUBLISHES_NOTHING)).to.have.length(1);
    const error = await first.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.equal('pay.js loaded but google.payments.api.PaymentsClient is missing');
    expect(scripts(PUBLISHES_NOTHING)).to.have.length(0);
  });

  it('a script that fails says so, and the next call tries again', async () => {
    const missing = new URL('/test/support/no-such-pay.js', location.href).href;
    configureGooglePay({ scriptUrl: missing, unsafeAllowAnyScriptOrigin: true });
    const error = await loadGooglePay().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.equal('pay.js failed to load');
    expect(scripts(missing)).to.have.length(0);
    const again = loadGooglePay();
    expect(scripts(missing)).to.have.length(1);
    await again.catch(() => undefined);
  });

  it('a load that never ends names the timeout', async () => {
    const hanging = new URL(`/mock/hanging-script.js?id=${Math.random().toString(36).slice(2)}`, location.href).href;
    configureGooglePay({ scriptUrl: hanging, timeoutMs: 50, unsafeAllowAnyScriptOrigin: true });
    try {
      const error = await loadGooglePay().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).to.equal('pay.js did not load within 50 ms');
      expect(scripts(hanging)).to.have.length(0);
    } finally {
      await fetch(`${hanging}&release=1`);
    }
  });

  it('with the client already on the page, it is used as it is and nothing is loaded', async () => {
    const api = { PaymentsClient: class {} };
    (window as PageGoogle).google = { payments: { api } };
    configureGooglePay({ scriptUrl: PUBLISHES_NOTHING, unsafeAllowAnyScriptOrigin: true });
    expect(await loadGooglePay()).to.equal(api);
    expect(scripts(PUBLISHES_NOTHING)).to.have.length(0);
  });
});
