import { expect } from '@open-wc/testing';
import { configureGooglePay } from '../../src/google-pay/loader.js';
import { firstEvent, freshGooglePay, mount, validData } from './helpers.js';

declare global {
  interface Window {
    __payJsLoads?: number;
    __pendingGoogle?: unknown;
  }
}

/** Installs the fake client but hides it, so the element must load "pay.js" (test/support/fake-pay.js). */
function fakeBehindScript() {
  const fake = freshGooglePay();
  window.__pendingGoogle = window.google;
  delete window.google;
  window.__payJsLoads = 0;
  return fake;
}

const payScripts = () => [...document.querySelectorAll('script')].filter((s) => s.src.includes('/test/support/') || s.src.includes('/mock/'));

describe('pay.js loading (docs/protocol.md §3)', () => {
  afterEach(() => payScripts().forEach((s) => s.remove()));

  it('a failed load reports load-failed, and the next element tries again', async () => {
    fakeBehindScript();
    configureGooglePay({ scriptUrl: '/test/support/missing-pay.js', unsafeAllowAnyScriptOrigin: true });
    const first = await mount('paytool-button', { data: validData });
    expect((await firstEvent(first, 'payment-unavailable')).detail).to.deep.equal({ reason: 'load-failed' });
    configureGooglePay({ scriptUrl: '/test/support/fake-pay.js', unsafeAllowAnyScriptOrigin: true });
    const second = await mount('paytool-button', { data: validData });
    await firstEvent(second, 'payment-ready');
    expect(window.__payJsLoads).to.equal(1);
  });

  it('a load that hangs times out as load-failed, while the script is still on its way', async () => {
    fakeBehindScript();
    // The stand-in never answers until released: only the loader's own timeout can end the wait.
    const hanging = `/mock/hanging-script.js?id=${Math.random().toString(36).slice(2)}`;
    configureGooglePay({ scriptUrl: hanging, timeoutMs: 200, unsafeAllowAnyScriptOrigin: true });
    try {
      const el = await mount('paytool-button', { data: validData });
      expect((await firstEvent(el, 'payment-unavailable')).detail).to.deep.equal({ reason: 'load-failed' });
      expect(payScripts()).to.have.length(0); // the timed-out script tag is gone
    } finally {
      await fetch(`${hanging}&release=1`);
      configureGooglePay({ timeoutMs: 15_000 });
    }
  });

  it('takes pay.js only from Google unless the page opts in to an unsafe origin', () => {
    for (const scriptUrl of ['https://evil.example/pay.js', '/pay.js', 'http://pay.google.com/gp/p/js/pay.js', 'https://pay.google.com.evil.example/pay.js']) {
      expect(() => configureGooglePay({ scriptUrl }), scriptUrl).to.throw(TypeError, /scriptUrl must be on https:\/\/pay\.google\.com/);
    }
    expect(() => configureGooglePay({ scriptUrl: 'https://pay.google.com/gp/p/js/pay.js' })).not.to.throw();
    expect(() => configureGooglePay({ scriptUrl: '/test/support/fake-pay.js', unsafeAllowAnyScriptOrigin: true })).not.to.throw();
  });

  it('loads pay.js once for every element on the page, with the CSP nonce, and passes the nonce to PaymentsClient', async () => {
    const fake = fakeBehindScript();
    configureGooglePay({ scriptUrl: '/test/support/fake-pay.js', unsafeAllowAnyScriptOrigin: true });
    const a = await mount('paytool-button', { data: validData, attrs: 'nonce="n0nce"' });
    const b = await mount('feennex-pay', { data: validData, attrs: 'nonce="n0nce"' });
    await Promise.all([firstEvent(a, 'payment-ready'), firstEvent(b, 'payment-ready')]);
    expect(window.__payJsLoads).to.equal(1);
    const scripts = payScripts();
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.nonce).to.equal('n0nce');
    expect(fake.calls.constructed).to.deep.equal([
      { environment: 'TEST', nonce: 'n0nce', paymentDataCallbacks: (fake.calls.constructed[0] as any).paymentDataCallbacks },
    ]);
  });

  it('loads nothing when google.payments.api.PaymentsClient already exists', async () => {
    freshGooglePay();
    window.__payJsLoads = 0;
    configureGooglePay({ scriptUrl: '/test/support/fake-pay.js', unsafeAllowAnyScriptOrigin: true });
    const el = await mount('paytool-button', { data: validData });
    await firstEvent(el, 'payment-ready');
    expect(window.__payJsLoads).to.equal(0);
    expect(payScripts()).to.have.length(0);
  });
});
