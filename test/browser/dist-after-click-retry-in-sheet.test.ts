import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { waitFor } from '../support/wait.js';

// As dist-after-click-load-failed.test.ts (the built folder at /mock/<id>/dist/, the after-click
// chunk losing its connection until released), but the payer stays in Google Pay's sheet after the
// failure and presses Pay again, as the sheet invites: that press loads the chunk again and pays.
const id = `after-click-sheet-${Math.random().toString(36).slice(2)}`;
const GENERIC = 'The payment could not be completed. Please try again or use another card.';

const log = async (): Promise<{ method: string; path: string }[]> => (await fetch(`/mock/${id}/log`)).json();
const sheetRoot = () => document.querySelector('[data-fake-google-pay-sheet]')?.shadowRoot ?? undefined;
const payButton = () =>
  waitFor(
    () => [...(sheetRoot()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Pay' && !b.hidden && !b.disabled),
    'the sheet’s Pay button',
  );

describe('dist/paytool-after-click.js fails while the Google Pay sheet is open', () => {
  const fake = installFakeGooglePay({ sheet: true });

  before(async () => {
    await fetch(`/mock/${id}/script`, {
      method: 'POST',
      body: JSON.stringify({ withhold: ['paytool-after-click.js'], pay: [{ body: { status: 'APPROVED' } }] }),
    });
    await import(/* @vite-ignore */ `${location.origin}/mock/${id}/dist/paytool.js`);
  });

  it('a second Pay in the same sheet loads the chunk again and pays once', async () => {
    const el = document.createElement('paytool-button') as HTMLElement & Record<string, any>;
    el.endpoint = `/mock/${id}/pay`;
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'chunk lost in the sheet' };
    await ready;
    const errors: CustomEvent[] = [];
    el.addEventListener('payment-error', (event) => errors.push(event as CustomEvent));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button')!.click();

    (await payButton()).click();
    await waitFor(() => fake.authorizationResults.length === 1, 'the first authorization answered');
    expect(fake.lastAuthorizationResult).to.deep.include({ transactionState: 'ERROR' });
    expect(fake.lastAuthorizationResult?.error?.message).to.equal(GENERIC);

    await fetch(`/mock/${id}/release`, { method: 'POST' });
    const success = oneEvent(el, 'payment-success');
    (await payButton()).click();
    const { detail } = await success;
    expect(fake.lastAuthorizationResult).to.deep.equal({ transactionState: 'SUCCESS' });
    const posts = (await log()).filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    expect(errors, 'a failure the payer recovered from in the sheet is no error').to.have.length(0);
    expect(detail.status).to.equal('APPROVED');
    el.remove();
  });
});
