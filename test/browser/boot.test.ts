import { expect } from '@open-wc/testing';
import { BOOT_SCRIPT_ATTRIBUTE, bootGooglePay, HANDOVER, SCRIPT_META, UNSAFE_ANY_ORIGIN } from '../../src/google-pay/boot.js';
import { configureGooglePay, GOOGLE_PAY_SCRIPT, loadGooglePay, pageNonce, setPageNonce } from '../../src/google-pay/loader.js';

// This file imports nothing that defines the elements: bootGooglePay() runs on this page's
// markup as the entry module's first statement would.
const STAND_IN = new URL('./fixtures/pay-stand-in.js', import.meta.url).href;
const injected = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => !s.type || s.type === 'text/javascript');

describe('pay.js at boot', () => {
  const added: Element[] = [];
  const add = <T extends Element>(el: T, parent: Element = document.head) => (added.push(el), parent.append(el), el);
  afterEach(() => {
    for (const el of [...added.splice(0), ...injected()]) el.remove();
    delete (window as { google?: unknown }).google;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(HANDOVER)]; // a boot load no loader took
    configureGooglePay({ scriptUrl: GOOGLE_PAY_SCRIPT });
    setPageNonce(undefined);
  });

  it('loads nothing when the page has neither the meta nor one of our elements', async () => {
    expect(bootGooglePay()).to.equal(undefined);
    expect(injected()).to.have.length(0);
  });

  it('requests the script the meta names, with the meta’s nonce, before any element exists', async () => {
    const meta = add(Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: STAND_IN, nonce: 'n0nce' }));
    meta.setAttribute(UNSAFE_ANY_ORIGIN, ''); // the stand-in is not on Google's origin
    const loading = bootGooglePay();
    const [script] = injected();
    expect(script?.src).to.equal(STAND_IN);
    expect(script?.nonce).to.equal('n0nce');
    expect(script?.async).to.equal(true);
    await loading;
    expect(typeof (window as { google?: { payments: { api: { PaymentsClient: unknown } } } }).google?.payments.api.PaymentsClient).to.equal('function');
    expect(pageNonce(), 'the elements’ default nonce').to.equal('n0nce');
    expect(meta.isConnected).to.equal(true);
  });

  it('requests Google’s pay.js for an element in the markup, with the element’s nonce', async () => {
    const element = add(Object.assign(document.createElement('paytool-button'), { nonce: 'el-nonce' }), document.body);
    const loading = bootGooglePay();
    const [script] = injected();
    expect(script?.src).to.equal(GOOGLE_PAY_SCRIPT);
    expect(script?.nonce).to.equal('el-nonce');
    expect(script?.hasAttribute(BOOT_SCRIPT_ATTRIBUTE)).to.equal(true);
    expect(pageNonce(), 'an element’s nonce stays its own').to.equal(undefined);
    expect(element.isConnected).to.equal(true);
    expect(await loading).to.equal(undefined); // Google's host is unreachable here: the failure is left to the elements
  });

  it('the loader adopts the boot’s script: one pay.js for the boot and the elements', async () => {
    const meta = add(Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: STAND_IN, nonce: 'n0nce' }));
    meta.setAttribute(UNSAFE_ANY_ORIGIN, '');
    void bootGooglePay();
    expect(pageNonce(), 'the element asks for the page nonce before it loads pay.js').to.equal('n0nce');
    const api = await loadGooglePay();
    expect(typeof api.PaymentsClient).to.equal('function');
    expect(injected().map((s) => s.src)).to.deep.equal([STAND_IN]);
    expect(await loadGooglePay()).to.equal(api);
    expect(injected()).to.have.length(1);
  });

  it('a failed boot load is retried by the loader with a script of its own, its URL made by the boot’s Trusted Types policy', async () => {
    const tt = (window as unknown as { trustedTypes: { createPolicy: (name: string, rules: { createScriptURL(v: string): string }) => unknown } }).trustedTypes;
    const createPolicy = tt.createPolicy;
    const policies: string[] = [];
    const urls: string[] = [];
    tt.createPolicy = (name, rules) => {
      policies.push(name);
      return createPolicy.call(tt, name, { createScriptURL: (value: string) => (urls.push(value), rules.createScriptURL(value)) });
    };
    try {
      const missing = new URL('./fixtures/missing-pay.js', import.meta.url).href;
      const meta = add(Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: missing }));
      meta.setAttribute(UNSAFE_ANY_ORIGIN, '');
      await bootGooglePay();
      expect(injected(), 'the failed boot script is gone').to.have.length(0);
      let failure: unknown;
      await loadGooglePay().catch((error: unknown) => (failure = error)); // the first caller hears of the boot's failure
      expect(String(failure)).to.match(/pay\.js failed to load/);
      configureGooglePay({ scriptUrl: STAND_IN, unsafeAllowAnyScriptOrigin: true });
      const api = await loadGooglePay();
      expect(typeof api.PaymentsClient).to.equal('function');
      const [script] = injected();
      expect(script?.src).to.equal(STAND_IN);
      expect(script?.hasAttribute(BOOT_SCRIPT_ATTRIBUTE), 'the loader’s own script').to.equal(false);
      // The stand-in is neither Google's origin nor the meta's URL, so the boot's policy refuses it and the loader makes its own.
      expect(policies).to.deep.equal(['paytool-elements', 'paytool-elements']);
      expect(urls).to.deep.equal([missing, STAND_IN]);
    } finally {
      tt.createPolicy = createPolicy;
    }
  });

  it('the hand-over’s Trusted Types door opens only for Google’s origin or the meta’s URL, whoever calls it', async () => {
    add(document.createElement('paytool-button'), document.body);
    void bootGooglePay().catch(() => undefined);
    const handed = (globalThis as Record<symbol, { trust(url: string): unknown } | undefined>)[Symbol.for(HANDOVER)];
    expect(() => handed!.trust('https://attacker.example/pay.js')).to.throw(TypeError, /refusing script URL/);
    expect(String(handed!.trust('https://pay.google.com/gp/p/js/pay.js?retry=1'))).to.equal('https://pay.google.com/gp/p/js/pay.js?retry=1');
  });

  it('refuses a meta naming a script outside Google’s origin without the unsafe opt-in, and keeps Google’s script', async () => {
    add(Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: STAND_IN }));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    configureGooglePay({ timeoutMs: 2000 }); // Google's host is unreachable here: let the load end soon
    let loading: Promise<unknown> | undefined;
    try {
      loading = bootGooglePay();
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).to.match(/paytool-google-pay-script.*Google's origin.*data-unsafe-allow-any-origin/);
    expect(injected()[0]?.src).to.equal(GOOGLE_PAY_SCRIPT);
    await loading; // ends (in failure) before the next test starts its own load
    configureGooglePay({ timeoutMs: 15_000 });
  });

  it('refuses a meta URL that is not http(s), says so, and keeps Google’s script', async () => {
    add(Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: 'javascript:alert(1)' }));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      void bootGooglePay();
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).to.match(/paytool-google-pay-script.*http\(s\) URL/);
    expect(injected()[0]?.src).to.equal(GOOGLE_PAY_SCRIPT);
  });
});
