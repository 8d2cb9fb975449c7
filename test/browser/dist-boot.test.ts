import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';

// The built dist/paytool.js alone (see dist.test.ts), on a page whose markup names pay.js in the
// meta: the entry requests pay.js before the elements' code has run (it is not even fetched yet),
// and the elements adopt that load instead of adding a second script.
const PAY_JS = '/test/support/fake-pay.js';
const payScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => new URL(s.src).pathname === PAY_JS);

describe('dist/paytool.js, pay.js first', () => {
  /** Whether <paytool-button> was defined when the pay.js script went into the page, one entry per such script. */
  const definedAtRequest: boolean[] = [];

  before(async () => {
    installFakeGooglePay();
    // fake-pay.js publishes this client when it runs, as pay.js would.
    (window as { __pendingGoogle?: unknown }).__pendingGoogle = (window as { google?: unknown }).google;
    delete (window as { google?: unknown }).google;
    const meta = Object.assign(document.createElement('meta'), { name: 'paytool-google-pay-script', content: PAY_JS });
    meta.setAttribute('data-unsafe-allow-any-origin', '');
    document.head.append(meta);
    // A microtask after the insertion: with one file, the whole module (defining the elements) has run by then.
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        if (node instanceof HTMLScriptElement && node.src && new URL(node.src).pathname === PAY_JS)
          definedAtRequest.push(customElements.get('paytool-button') !== undefined);
      }
    }).observe(document.head, { childList: true });
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js`);
  });

  it('requests pay.js before the elements are defined, then loads them from the sibling chunk', () => {
    expect(definedAtRequest).to.deep.equal([false]);
    expect(customElements.get('paytool-button')).to.not.equal(undefined);
    const fetched = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    expect(fetched).to.include('/dist/paytool-elements.js');
    expect(fetched.indexOf(PAY_JS), 'pay.js is requested before the elements chunk').to.be.lessThan(fetched.indexOf('/dist/paytool-elements.js'));
  });

  it('the element becomes ready on the boot’s pay.js: one script for the page', async () => {
    const el = document.createElement('paytool-button') as HTMLElement & { data?: unknown };
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'boot' };
    await ready;
    expect(payScripts()).to.have.length(1);
    expect(definedAtRequest).to.have.length(1);
    el.remove();
  });
});
