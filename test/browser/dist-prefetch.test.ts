import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { waitFor } from '../support/wait.js';

// The built dist/paytool.js alone (see dist.test.ts): what it fetches around payment-ready.
describe('dist/paytool.js, after ready', () => {
  before(async () => {
    installFakeGooglePay();
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js`);
  });

  const fetched = (): string[] => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);

  it('prefetches the after-click chunk once ready, with no click, and adds no preconnect hints', async () => {
    const el = document.createElement('paytool-button') as HTMLElement & { data?: unknown };
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'prefetch' };
    await ready;
    await waitFor(() => fetched().includes('/dist/paytool-after-click.js'), 'the after-click chunk fetched after ready');
    // A preconnect with crossorigin never served pay.js (a no-cors script) and cost a handshake (bench/RESULTS.md).
    expect(document.querySelectorAll('link[rel="preconnect"]')).to.have.length(0);
    el.remove();
  });
});
