import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { waitFor } from '../support/wait.js';

// The built script-tag folder as a page deploys it (docs/script-tag.md), served per scenario by the
// mock backend at /mock/<id>/dist/, where dist/paytool-after-click.js loses its connection until the
// test releases it: a payer whose network (or a half-deployed folder) loses the chunk imported after the click.
const id = `after-click-${Math.random().toString(36).slice(2)}`;
const GENERIC = 'The payment could not be completed. Please try again or use another card.';

interface Logged {
  method: string;
  path: string;
}
const log = async (): Promise<Logged[]> => (await fetch(`/mock/${id}/log`)).json();
const chunkFetches = async () => (await log()).filter((r) => r.path.endsWith('/paytool-after-click.js')).length;
const payments = async () => (await log()).filter((r) => r.method === 'POST');

describe('dist/paytool-after-click.js fails to load (LOAD_FAILED)', () => {
  const fake = installFakeGooglePay();
  let el: HTMLElement & Record<string, any>;

  before(async () => {
    await fetch(`/mock/${id}/script`, {
      method: 'POST',
      body: JSON.stringify({ withhold: ['paytool-after-click.js'], pay: [{ body: { status: 'APPROVED' } }] }),
    });
    await import(/* @vite-ignore */ `${location.origin}/mock/${id}/dist/paytool.js`);
  });
  after(() => el?.remove());

  const status = (): string => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
  const click = (): void => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button')!.click();

  it('the payer reads plain words, the developer gets payment-error LOAD_FAILED naming the chunk, and nothing is posted', async () => {
    const errors: CustomEvent[] = [];
    el = document.createElement('paytool-button') as typeof el;
    el.endpoint = `/mock/${id}/pay`;
    el.addEventListener('payment-error', (event) => errors.push(event as CustomEvent));
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'chunk lost' };
    await ready;
    // The prefetch after ready fails quietly: no event, nothing in front of the payer.
    await waitFor(async () => (await chunkFetches()) >= 1, 'the prefetch of the after-click chunk');
    expect(errors).to.have.length(0);
    expect(el.getAttribute('state')).to.equal('ready');

    const reported = oneEvent(el, 'payment-error');
    click();
    const { detail } = await reported;
    expect(detail.code).to.equal('LOAD_FAILED');
    expect(detail.message).to.match(/paytool-after-click\.js/, 'the message names what did not load');
    expect(detail.message).to.match(/nothing was charged/i);

    // In the sheet, and on the page once the sheet has closed: the generic words, no code, no stack.
    expect(fake.lastAuthorizationResult?.transactionState).to.equal('ERROR');
    expect(fake.lastAuthorizationResult?.error?.message).to.equal(GENERIC);
    await waitFor(() => el.getAttribute('state') === 'failure', 'state failure');
    expect(status()).to.equal(GENERIC);
    expect(el.shadowRoot!.textContent).not.to.match(/LOAD_FAILED|paytool-after-click|Failed to fetch|Error/);

    expect(await payments()).to.have.length(0, 'no payment request reached the backend');
    expect(errors).to.have.length(1);
  });

  it('a later click loads the chunk again and pays, with one payment request', async () => {
    const before = await chunkFetches();
    await fetch(`/mock/${id}/release`, { method: 'POST' });
    const success = oneEvent(el, 'payment-success');
    click();
    const { detail } = await success;
    expect(detail.status).to.equal('APPROVED');
    expect(await chunkFetches()).to.be.greaterThan(before, 'the click imported the chunk again');
    const posted = await payments();
    expect(posted).to.have.length(1);
    expect((posted[0] as Logged & { idempotencyKey?: string }).idempotencyKey).to.equal(detail.transactionId);
    expect(el.getAttribute('state')).to.equal('success');
  });
});
