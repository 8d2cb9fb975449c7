import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { fenigeOutcomes, feennexOutcomes } from '../../src/gateways/outcomes.js';
import { backend } from './helpers-dist.js';

// What the built split holds where (see dist.test.ts): the failure-code tables and the gateways'
// outcomes are after-click code, fetched only once ready, yet a decline still reads in words.
describe('dist/paytool.js, the failure tables after the click', () => {
  before(async () => {
    installFakeGooglePay();
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js`);
  });

  const text = async (file: string) => (await fetch(`/dist/${file}`)).text();
  // A line of each table, as the minifier leaves text: its words are in the template literal.
  const tables = [...fenigeOutcomes.failureGroups.split('\n'), ...feennexOutcomes.failureGroups.split('\n'), 'unknownOutcome:OUTCOME_UNKNOWN'];

  it('keeps the failure-code tables, credential codes and merchant-id words out of the elements chunk', async () => {
    const [critical, afterClick] = await Promise.all([text('paytool-elements.js'), text('paytool-after-click.js')]);
    // Booleans, not `include`: a failure would print the whole chunk.
    for (const text of [...tables, fenigeOutcomes.merchantIdName, feennexOutcomes.merchantIdName]) {
      expect(critical.includes(text), `in the elements chunk: ${text}`).to.equal(false);
      expect(afterClick.includes(text), `in the after-click chunk: ${text}`).to.equal(true);
    }
  });

  it('words a Fenige decline from the after-click table, in the sheet and under the button', async () => {
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150', message: 'Transaction rejected' } }] });
    const el = document.createElement('paytool-button') as HTMLElement & { endpoint: string; data?: unknown };
    el.endpoint = server.endpoint;
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'split' };
    await ready;
    const failure = oneEvent(el, 'payment-failure');
    el.shadowRoot!.querySelector<HTMLElement>('[part="button"] button')!.click();
    const { detail } = await failure;
    expect(detail.code).to.equal('E0150');
    expect(detail.message).to.equal('The payment was declined. Please try another card.');
    el.remove();
  });
});
