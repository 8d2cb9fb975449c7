import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { backend } from './helpers-dist.js';
import { waitFor } from '../support/wait.js';

// This file imports nothing from src/elements: the elements come from the built dist/paytool.js
// alone, exactly as a plain <script type="module"> page loads them. A bundling mistake (for
// example decorators left untransformed) only shows up here.
describe('dist/paytool.js, self-contained', () => {
  before(async () => {
    installFakeGooglePay();
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js`);
  });

  it('registers both elements with the API of docs/protocol.md', () => {
    for (const tag of ['paytool-button', 'feennex-pay']) {
      const el = document.createElement(tag) as HTMLElement & Record<string, unknown>;
      expect(customElements.get(tag), tag).to.not.be.oneOf([null, undefined]);
      expect(el.environment).to.equal('TEST');
      expect(el.fallback).to.equal('none');
      expect(el.disabled).to.equal(false);
    }
    expect((document.createElement('paytool-button') as any).endpoint).to.equal('/paytool/transactions');
    expect((document.createElement('feennex-pay') as any).endpoint).to.equal('/feennex/payments');
  });

  it('pays: data → Google Pay → POST → payment-success, events composed', async () => {
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = document.createElement('paytool-button') as any;
    el.endpoint = server.endpoint;
    const ready = oneEvent(document, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'dist' };
    await ready;
    expect(el.getAttribute('state')).to.equal('ready');
    const success = oneEvent(document, 'payment-success');
    el.shadowRoot.querySelector('[part="button"] button').click();
    const { detail } = await success;
    expect(detail.status).to.equal('APPROVED');
    const [post] = await server.log();
    expect(post.idempotencyKey).to.equal(detail.transactionId);
    el.remove();
  });

  it('invalid data: state invalid and payment-error naming the field', async () => {
    const el = document.createElement('feennex-pay') as any;
    document.body.append(el);
    const error = oneEvent(el, 'payment-error');
    el.data = { apiKey: 'pk', amount: 1000, currency: 'PLN', description: 'typo' };
    const { detail } = await error;
    expect(detail.code).to.equal('INVALID_DATA');
    expect(detail.issues.map((i: any) => i.path)).to.have.members(['currencyCode', 'currency']);
    el.remove();
  });

  it('loads a payer language from its sibling chunk, none of them in paytool.js itself', async () => {
    const entry = await (await fetch('/dist/paytool.js')).text();
    expect(entry).not.to.include('Mit Karte bezahlen');
    expect(entry).not.to.include('Zapłać kartą');
    const el = document.createElement('paytool-button') as any;
    el.setAttribute('locale', 'de');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 0, currencyCode: 'PLN', description: 'dist' };
    const status = (): string => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
    await waitFor(() => status().startsWith('Diese Zahlungsschaltfläche ist nicht richtig eingerichtet'), 'the German status');
    const chunks = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    expect(chunks).to.include('/dist/paytool-de.js');
    el.remove();
  });

  it('two copies of the script on one page do not throw', async () => {
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js?copy=2`);
    expect(customElements.get('paytool-button')).to.not.be.oneOf([null, undefined]);
  });
});
