import { expect, oneEvent } from '@open-wc/testing';
import { firstEvent, freshGooglePay, googleButton, mount, mountReady, validData } from '../helpers.js';
import { sleep } from '../../support/wait.js';

describe('rendering and readiness (docs/protocol.md §2, §3)', () => {
  beforeEach(() => freshGooglePay());

  it('shows Google’s button in its shadow root once isReadyToPay says yes', async () => {
    const fake = freshGooglePay();
    const el = await mountReady('paytool-button', {
      attrs: 'button-type="buy" button-color="white" button-radius="8" button-size-mode="fill" locale="pl"',
    });
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('state')).to.equal('ready');
    expect(googleButton(el)).to.not.be.oneOf([null, undefined]);
    expect(fake.calls.isReadyToPay).to.deep.equal([
      {
        apiVersion: 2,
        apiVersionMinor: 0,
        allowedPaymentMethods: [
          { type: 'CARD', parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['MASTERCARD', 'VISA'] } },
        ],
      },
    ]);
    const [options] = fake.calls.createButton as Array<Record<string, unknown>>;
    expect(options).to.include({ buttonType: 'buy', buttonColor: 'white', buttonRadius: 8, buttonSizeMode: 'fill', buttonLocale: 'pl' });
    expect(options!.allowedPaymentMethods).to.deep.equal(fake.calls.isReadyToPay[0]!.allowedPaymentMethods);
    expect(options!.buttonRootNode).to.equal(el.shadowRoot);
  });

  it('creates one PaymentsClient per environment, with { environment }', async () => {
    const fake = freshGooglePay();
    await mountReady();
    await mountReady('feennex-pay');
    await mountReady('paytool-button', { attrs: 'environment="PRODUCTION"', data: { ...validData, merchantId: 'BCR2DN4T' } });
    const environments = (fake.calls.constructed as Array<{ environment: string }>).map((o) => o.environment);
    expect(environments).to.deep.equal(['TEST', 'PRODUCTION']);
  });

  it('reports payment-unavailable when isReadyToPay says no', async () => {
    freshGooglePay({ ready: false });
    const el = await mount('paytool-button', { data: validData });
    const { detail } = await firstEvent(el, 'payment-unavailable');
    expect(detail).to.deep.equal({ reason: 'not-ready' });
    await el.updateComplete;
    expect(el.state).to.equal('unavailable');
    expect(googleButton(el)).to.equal(null);
  });

  it('reports payment-unavailable when isReadyToPay fails', async () => {
    freshGooglePay({ ready: 'error' });
    const el = await mount('paytool-button', { data: validData });
    const { detail } = await firstEvent(el, 'payment-unavailable');
    expect(detail).to.deep.equal({ reason: 'error' });
  });

  it('waits in state loading until data is set, as in Fenige’s DOMContentLoaded example', async () => {
    const el = await mount();
    await sleep(50);
    expect(el.state).to.equal('loading');
    const ready = oneEvent(el, 'payment-ready');
    el.data = validData;
    await ready;
    expect(el.state).to.equal('ready');
  });

  it('accepts data as JSON text in the data attribute', async () => {
    const el = await mount('paytool-button', { attrs: `data='${JSON.stringify(validData)}'` });
    await firstEvent(el, 'payment-ready');
    expect(el.state).to.equal('ready');
  });

  it('neither rebuilds the button nor fires payment-ready when data is set again', async () => {
    const fake = freshGooglePay();
    const el = await mountReady();
    const events: string[] = [];
    for (const type of ['payment-ready', 'payment-error', 'payment-unavailable']) el.addEventListener(type, () => events.push(type));
    const button = googleButton(el);
    el.data = { ...validData }; // same content, new object: what React and Vue do on every render
    await el.updateComplete;
    el.data = { ...validData, amount: 2500 };
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(fake.calls.createButton).to.have.length(1);
    expect(googleButton(el)).to.equal(button);
  });

  it('fires only on readiness changes: valid → invalid → valid', async () => {
    const el = await mountReady();
    const error = oneEvent(el, 'payment-error');
    el.data = { ...validData, amount: -5 };
    expect((await error).detail.code).to.equal('INVALID_DATA');
    await el.updateComplete;
    expect(el.state).to.equal('invalid');
    const ready = oneEvent(el, 'payment-ready');
    el.data = validData;
    await ready;
    expect(el.state).to.equal('ready');
  });

  it('defaults: endpoints per element, TEST environment, no fallback', async () => {
    const paytool = await mount('paytool-button');
    const feennex = await mount('feennex-pay');
    expect(paytool.endpoint).to.equal('/paytool/transactions');
    expect(feennex.endpoint).to.equal('/feennex/payments');
    expect(paytool.environment).to.equal('TEST');
    expect(paytool.fallback).to.equal('none');
    expect(paytool.disabled).to.equal(false);
  });

  it('keeps a polite live region for status messages', async () => {
    const el = await mountReady();
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
  });
});
