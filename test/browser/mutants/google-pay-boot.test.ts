import { expect } from '@open-wc/testing';
import { bootGooglePay, SCRIPT_META } from '../../../src/google-pay/boot.js';
import { configureGooglePay, GOOGLE_PAY_SCRIPT, pageNonce, setPageNonce } from '../../../src/google-pay/loader.js';

/** The boot-time `<meta name="paytool-google-pay-script">` with an https URL on Google's origin: no opt-in needed. */
describe('pay.js at boot, from Google’s origin', () => {
  const injected = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => s.src.startsWith('https://pay.google.com/'));
  let meta: HTMLMetaElement | undefined;
  afterEach(() => {
    meta?.remove();
    injected().forEach((s) => s.remove());
    configureGooglePay({ scriptUrl: GOOGLE_PAY_SCRIPT, timeoutMs: 15_000 });
    setPageNonce(undefined);
  });

  it('takes an https meta URL on Google’s origin as it is, with its nonce', async () => {
    const own = 'https://pay.google.com/gp/p/js/pay.js?channel=shop';
    meta = Object.assign(document.createElement('meta'), { name: SCRIPT_META, content: own, nonce: 'm-nonce' });
    document.head.append(meta);
    configureGooglePay({ timeoutMs: 200 }); // Google is unreachable here: let the load end soon
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    let loading: Promise<unknown> | undefined;
    try {
      loading = bootGooglePay();
    } finally {
      console.error = original;
    }
    expect(errors).to.deep.equal([]);
    expect(injected().map((s) => [s.src, s.nonce])).to.deep.equal([[own, 'm-nonce']]);
    expect(pageNonce()).to.equal('m-nonce');
    expect(await loading).to.equal(undefined); // the failed load is left to the elements to report
  });
});
