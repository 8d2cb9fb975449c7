import { expect, oneEvent } from '@open-wc/testing';
import { rememberStarted, startedKey, tabStorage } from '../../../src/checkout/started-payments.js';
import { backend, click, eventsOf, firstEvent, freshGooglePay, mount, mountReady, statusText, validData } from '../helpers.js';
import { sleep, waitFor } from '../../support/wait.js';

/** Pretends the payer just came back from 3-D Secure / a hosted page to this URL. */
function returnFrom(query: string): () => void {
  const original = location.href;
  history.replaceState(null, '', `${location.pathname}?${query}`);
  return () => history.replaceState(null, '', original);
}

/** What the element stores before it leaves the page for an off-page step. */
function startedHere(
  transactionId: string,
  endpoint: string,
  element = 'paytool-button',
  order = { amount: validData.amount, currency: validData.currencyCode },
) {
  rememberStarted(tabStorage(), { transactionId, element, endpoint, ...order });
}

/** Time for a request or event that must not happen to show up. */
const settle = () => sleep(50);

describe('a payer returning from 3-D Secure or a hosted page', () => {
  let restore = () => {};
  beforeEach(() => sessionStorage.clear());
  afterEach(() => restore());

  it('confirms its own payment with the backend, fires payment-success and cleans the URL', async () => {
    freshGooglePay();
    const server = await backend({
      status: [{ body: { transactionId: 'tx-1', status: 'IN_PROGRESS' } }, { body: { transactionId: 'tx-1', transactionState: 'SUCCESS' } }],
    });
    startedHere('tx-1', server.endpoint, 'feennex-pay');
    restore = returnFrom('paytool-result=success&transactionId=tx-1&order=42');
    const el = await mount('feennex-pay', { endpoint: server.endpoint, data: validData });
    const { detail } = await firstEvent(el, 'payment-success');
    expect(detail).to.deep.include({ transactionId: 'tx-1', status: 'SUCCESS' });
    expect(location.search).to.equal('?order=42');
    await el.updateComplete;
    expect(statusText(el)).to.contain('Payment successful');
    expect((await server.log()).every((r) => r.method === 'GET')).to.equal(true);
    expect(sessionStorage.getItem(startedKey('tx-1'))).to.equal(null); // a second visit of the link confirms nothing
  });

  it('remembers the payment it sends off the page, and confirms it when the payer comes back', async () => {
    freshGooglePay();
    const server = await backend({
      pay: [{ body: { redirect: { url: 'https://acs.example/3ds', method: 'POST' } } }],
      status: [{ body: { status: 'APPROVED' } }],
    });
    const payer = await mountReady('paytool-button', { endpoint: server.endpoint });
    payer.addEventListener('payment-redirect', (e) => e.preventDefault()); // stay on the test page
    const redirect = oneEvent(payer, 'payment-redirect');
    click(payer);
    const { transactionId } = (await redirect).detail;
    restore = returnFrom(`paytool-result=success&transactionId=${transactionId}`);
    const back = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    expect((await firstEvent(back, 'payment-success')).detail.transactionId).to.equal(transactionId);
  });

  it('a crafted link with someone else’s paid transaction: silent, and asks the backend nothing', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { transactionId: 'tx-victim', status: 'APPROVED' } }] });
    restore = returnFrom('paytool-result=success&transactionId=tx-victim');
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    await firstEvent(el, 'payment-ready');
    await settle();
    expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready']);
    expect(await server.log()).to.deep.equal([]);
    expect(el.state).to.equal('ready');
  });

  it('a payment started here for another amount, currency or element is not confirmed', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { status: 'APPROVED' } }] });
    startedHere('tx-amount', server.endpoint, 'paytool-button', { amount: 1, currency: 'PLN' });
    startedHere('tx-currency', server.endpoint, 'paytool-button', { amount: validData.amount, currency: 'EUR' });
    startedHere('tx-element', server.endpoint, 'feennex-pay');
    for (const id of ['tx-amount', 'tx-currency', 'tx-element']) {
      restore();
      restore = returnFrom(`paytool-result=success&transactionId=${id}`);
      const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
      await firstEvent(el, 'payment-ready');
      await settle();
      expect(
        eventsOf(el).map((e) => e.type),
        id,
      ).to.deep.equal(['payment-ready']);
    }
    expect(await server.log()).to.deep.equal([]);
  });

  it('waits for the page’s data, then keeps the confirmed success when the same data is set again', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { transactionId: 'tx-4', status: 'SUCCESS' } }] });
    startedHere('tx-4', server.endpoint, 'feennex-pay');
    restore = returnFrom('paytool-result=success&transactionId=tx-4');
    const el = await mount('feennex-pay', { endpoint: server.endpoint });
    await settle();
    expect(await server.log()).to.deep.equal([]); // no data yet: it cannot know whether the payment is its own
    el.data = validData;
    await firstEvent(el, 'payment-success');
    el.data = { ...validData };
    await el.updateComplete;
    expect(el.state).to.equal('success');
    el.data = { ...validData, amount: 2000 }; // a new order: ready to pay again
    await el.updateComplete;
    expect(el.state).to.not.equal('success');
  });

  it('never trusts paytool-result=success alone: a declined payment is a failure', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ body: { transactionId: 'tx-2', status: 'REJECTED' } }] });
    startedHere('tx-2', server.endpoint);
    restore = returnFrom('paytool-result=success&transactionId=tx-2');
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    expect((await firstEvent(el, 'payment-failure')).detail.code).to.equal('REJECTED');
  });

  it('leaves a transaction its backend does not know alone', async () => {
    freshGooglePay();
    const server = await backend({ status: [{ status: 404, body: { status: 'NOT_FOUND' } }] });
    startedHere('tx-3', server.endpoint);
    restore = returnFrom('paytool-result=failure&transactionId=tx-3');
    const el = await mount('paytool-button', { endpoint: server.endpoint, data: validData });
    await firstEvent(el, 'payment-ready');
    await waitFor(async () => el.state === 'ready' && (await server.log()).length > 0, 'the status lookup');
    expect(el.state).to.equal('ready');
    expect(location.search).to.contain('transactionId=tx-3');
    expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-ready']);
  });
});
