import { expect, oneEvent } from '@open-wc/testing';
import { backend, click, freshGooglePay, mountReady, sender, statusText, validData } from '../helpers.js';
import { sleep, waitFor } from '../../support/wait.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a payment, click to event (docs/protocol.md §3, §4.1)', () => {
  it('asks Google Pay exactly as §3 says and posts the token as §4.1 says', async () => {
    const fake = freshGooglePay({ payer: { name: 'Jan Maria Kowalski', email: 'jan@example.com' } });
    const server = await backend({ pay: [{ body: { transactionId: 'x', status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', {
      endpoint: server.endpoint,
      data: { ...validData, merchantName: 'Shop', countryCode: 'PL' },
    });
    const success = oneEvent(el, 'payment-success');
    click(el);
    const { detail } = await success;

    expect(fake.calls.loadPaymentData).to.deep.equal([
      {
        apiVersion: 2,
        apiVersionMinor: 0,
        allowedPaymentMethods: [
          {
            type: 'CARD',
            parameters: {
              allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
              allowedCardNetworks: ['MASTERCARD', 'VISA'],
              billingAddressRequired: true,
              billingAddressParameters: { format: 'MIN' },
            },
            tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'fenige', gatewayMerchantId: 'pk_test_123' } },
          },
        ],
        transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '10.00', currencyCode: 'PLN', countryCode: 'PL' },
        merchantInfo: { merchantName: 'Shop' },
        emailRequired: true,
        callbackIntents: ['PAYMENT_AUTHORIZATION'],
      },
    ]);

    const [post] = await server.log();
    expect(post!.method).to.equal('POST');
    expect(post!.contentType).to.equal('application/json');
    expect(post!.body!.transactionId).to.match(UUID);
    expect(post!.idempotencyKey).to.equal(post!.body!.transactionId);
    const { transactionId, token, ...rest } = post!.body!;
    expect(rest).to.deep.equal({
      apiKey: 'pk_test_123',
      amount: 1000,
      currency: 'PLN',
      description: 'Order 42',
      sender: { firstName: 'Jan Maria', lastName: 'Kowalski', email: 'jan@example.com' },
      paymentMethod: { cardNetwork: 'VISA', cardDetails: '1111' },
    });
    expect(token).to.include({ protocolVersion: 'ECv2' });
    expect(token.intermediateSigningKey.signatures).to.be.an('array');

    expect(detail).to.deep.equal({ transactionId, status: 'APPROVED', response: { transactionId: 'x', status: 'APPROVED' } });
    expect(el.state).to.equal('success');
    expect(statusText(el)).to.contain('Payment successful');
    expect(fake.lastAuthorizationResult).to.deep.equal({ transactionState: 'SUCCESS' });
  });

  it('uses data.sender, data.transactionId and gatewayMerchantId when given, for <feennex-pay> too', async () => {
    const fake = freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'SUCCESS' } }] });
    const transactionId = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';
    const el = await mountReady('feennex-pay', {
      endpoint: server.endpoint,
      data: { ...validData, currencyCode: 'JPY', sender, transactionId, gatewayMerchantId: 'gm-1' },
    });
    const success = oneEvent(el, 'payment-success');
    click(el);
    expect((await success).detail.transactionId).to.equal(transactionId);
    const request = fake.calls.loadPaymentData[0] as any;
    expect(request.allowedPaymentMethods[0].tokenizationSpecification.parameters).to.deep.equal({ gateway: 'feennex', gatewayMerchantId: 'gm-1' });
    expect(request.allowedPaymentMethods[0].parameters.billingAddressRequired).to.equal(undefined);
    expect(request.emailRequired).to.equal(undefined);
    expect(request.transactionInfo.totalPrice).to.equal('1000');
    const [post] = await server.log();
    expect(post!.body!.sender).to.deep.equal(sender);
    expect(post!.idempotencyKey).to.equal(transactionId);
  });

  it('pays with the data current at click time', async () => {
    const fake = freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    el.data = { ...validData, amount: 2599, description: 'Order 43' };
    const success = oneEvent(el, 'payment-success');
    click(el);
    await success;
    expect((fake.calls.loadPaymentData[0] as any).transactionInfo.totalPrice).to.equal('25.99');
    expect((await server.log())[0]!.body).to.include({ amount: 2599, description: 'Order 43' });
  });

  it('a second click while a payment is in flight starts nothing', async () => {
    const fake = freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'APPROVED' }, hold: true }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const success = oneEvent(el, 'payment-success');
    click(el);
    click(el);
    await waitFor(async () => el.state === 'processing' && (await server.log()).length === 1, 'the first payment is posted');
    click(el);
    await server.release();
    await success;
    click(el); // after success the payment is done: no second charge either
    await sleep(50);
    expect(fake.calls.loadPaymentData).to.have.length(1);
    expect(await server.log()).to.have.length(1);
  });

  it('a cancelled sheet fires payment-cancel and leaves the element ready', async () => {
    freshGooglePay({ action: 'cancel' });
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const cancel = oneEvent(el, 'payment-cancel');
    click(el);
    expect((await cancel).detail).to.deep.equal({});
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(await server.log()).to.deep.equal([]);
  });

  it('a Google Pay developer error is an integration error, not a payment failure', async () => {
    freshGooglePay({ action: 'error' });
    const el = await mountReady();
    const error = oneEvent(el, 'payment-error');
    click(el);
    expect((await error).detail.code).to.equal('GOOGLE_PAY_ERROR');
  });

  it('disabled: no payment can start', async () => {
    const fake = freshGooglePay();
    const el = await mountReady('paytool-button', { attrs: 'disabled' });
    click(el);
    await sleep(30);
    expect(fake.calls.loadPaymentData).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="button"]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('events bubble and are composed, so the page can listen on document', async () => {
    freshGooglePay();
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    const success = oneEvent(document, 'payment-success');
    click(el);
    const event = await success;
    expect(event.bubbles && event.composed).to.equal(true);
  });
});
