import { expect } from '@open-wc/testing';
import { backend, eventsOf, firstEvent, freshGooglePay, mount, statusText, validData } from '../helpers.js';

/** Pretends the payer just came back from 3-D Secure / a hosted page to this URL. */
function returnFrom(query: string): () => void {
  const original = location.href;
  history.replaceState(null, '', `${location.pathname}?${query}`);
  return () => history.replaceState(null, '', original);
}

describe('a payer returning from 3-D Secure or a hosted page', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('confirms the outcome with the backend, fires payment-success and cleans the URL', async () => {
    freshGooglePay();
    const server = await backend({
      status: [{ body: { transactionId: 'tx-1', status: 'IN_PROGRESS' } }, { body: { transactionId: 'tx-1', transactionState: 'SUCCESS' } }],
    });
    restore = returnFrom('paytool-result=success&transactionId=tx-1&order=42');
    const el = await mount('feennex-pay', { endpoint: server.endpoint, data: validData });
    const { detail } = await firstEvent(el, 'payment-success');
    expect(detail).to.deep.include({ transactionId: 'tx-1', status: 'SUCCESS' });
    expect(location.search).to.equal('?order=42');
    await el.updateComplete;
    expect(statusText(el)).to.contain('Payment successful');
    expect((await server.log()).every((r) => r.method === 'GET')).to.equal(true);
  });

  it('keeps the confirmed success when the page sets its first data afterwards', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { transactionId: 'tx-4', status: 'SUCCESS' } }] });
    restore = returnFrom('paytool-result=success&transactionId=tx-4');
    const el = await mount('feennex-pay', { endpoint: server.endpoint });
    await firstEvent(el, 'payment-success');
    el.data = validData;
    await el.updateComplete;
    expect(el.state).to.equal('success');
    el.data = { ...validData, amount: 2000 }; // a new order: ready to pay again
    await el.updateComplete;
    expect(el.state).to.not.equal('success');
  });

  it('never trusts paytool-result=success alone: a declined payment is a failure', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { transactionId: 'tx-2', status: 'REJECTED' } }] });
    restore = returnFrom('paytool-result=success&transactionId=tx-2');
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    expect((await firstEvent(el, 'payment-failure')).detail.code).to.equal('REJECTED');
  });

  it('leaves a transaction its backend does not know to another element', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ status: 404, body: { status: 'NOT_FOUND' } }] });
    restore = returnFrom('paytool-result=failure&transactionId=tx-3');
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    await firstEvent(el, 'payment-ready');
    for (let i = 0; i < 100 && el.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(el.state).to.equal('ready');
    expect(location.search).to.contain('transactionId=tx-3');
    expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready']);
  });
});
