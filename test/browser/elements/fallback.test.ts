import { expect, oneEvent } from '@open-wc/testing';
import { backend, firstEvent, freshGooglePay, mount, validData } from '../helpers.js';

const fallbackButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="fallback-button"]')!;

describe('fallback="hosted" (docs/protocol.md §4.5)', () => {
  it('without Google Pay shows "Pay by card", posts §4.5 and follows the redirect', async () => {
    freshGooglePay({ ready: false });
    const server = await backend({ hosted: [{ body: { transactionId: 't', redirect: { url: 'https://pay.example/hosted/1', method: 'GET' } } }] });
    const el = await mount('paytool-button', {
      endpoint: server.endpoint,
      data: validData,
      attrs: 'fallback="hosted" return-url="https://shop.example/order/42"',
    });
    await firstEvent(el, 'payment-unavailable');
    await el.updateComplete;
    expect(fallbackButton(el).hidden).to.equal(false);
    expect(fallbackButton(el).textContent!.trim()).to.equal('Pay by card');
    el.addEventListener('payment-redirect', (e) => e.preventDefault());
    const redirect = oneEvent(el, 'payment-redirect');
    fallbackButton(el).click();
    const { detail } = await redirect;
    const [post] = await server.log();
    expect(post!.path).to.match(/\/pay\/hosted$/);
    expect(post!.idempotencyKey).to.equal(post!.body!.transactionId);
    expect(post!.body).to.deep.equal({
      transactionId: post!.body!.transactionId,
      apiKey: 'pk_test_123',
      amount: 1000,
      currency: 'PLN',
      description: 'Order 42',
      returnUrl: 'https://shop.example/order/42',
    });
    expect(detail).to.deep.equal({ transactionId: post!.body!.transactionId, url: 'https://pay.example/hosted/1', method: 'GET' });
  });

  it('returns to the current page by default, and reports a backend refusal as a failure', async () => {
    freshGooglePay({ ready: false });
    const server = await backend({ hosted: [{ status: 422, body: { status: 'E8000', message: 'bad' } }] });
    const el = await mount('feennex-pay', { endpoint: server.endpoint, data: validData, attrs: 'fallback="hosted"' });
    await firstEvent(el, 'payment-unavailable');
    await el.updateComplete;
    const failure = oneEvent(el, 'payment-failure');
    fallbackButton(el).click();
    expect((await failure).detail.code).to.equal('E8000');
    expect((await server.log())[0]!.body!.returnUrl).to.equal(location.href);
  });

  it('stays hidden without the attribute or while Google Pay is available', async () => {
    freshGooglePay({ ready: false });
    const plain = await mount('paytool-button', { data: validData });
    await firstEvent(plain, 'payment-unavailable');
    await plain.updateComplete;
    expect(fallbackButton(plain).hidden).to.equal(true);
    freshGooglePay();
    const ready = await mount('paytool-button', { data: validData, attrs: 'fallback="hosted"' });
    await firstEvent(ready, 'payment-ready');
    expect(fallbackButton(ready).hidden).to.equal(true);
  });
});
