import { expect } from '@open-wc/testing';
import { bootGooglePay, SCRIPT_META, UNSAFE_ANY_ORIGIN } from '../../src/google-pay/boot.js';
import { configureGooglePay, GOOGLE_PAY_SCRIPT, pageNonce, setPageNonce } from '../../src/google-pay/loader.js';

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

  it('requests pay.js for an element in the markup, with the element’s nonce', async () => {
    const element = add(Object.assign(document.createElement('paytool-button'), { nonce: 'el-nonce' }), document.body);
    configureGooglePay({ scriptUrl: STAND_IN, unsafeAllowAnyScriptOrigin: true });
    await bootGooglePay();
    const [script] = injected();
    expect(script?.src).to.equal(STAND_IN);
    expect(script?.nonce).to.equal('el-nonce');
    expect(pageNonce(), 'an element’s nonce stays its own').to.equal(undefined);
    expect(element.isConnected).to.equal(true);
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
