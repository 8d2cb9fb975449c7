// The fake Google Pay client's visible sheet (option `sheet: true`), driven as a payer drives it:
// card choice, progress while the merchant authorises, a decline shown in the sheet that stays
// open for another card, closing as a cancel — and axe clean while open.
import { expect } from '@open-wc/testing';
import { installFakeGooglePay, type FakeGooglePayController, type FakeGooglePayOptions } from '../../../src/testing/index.js';
import type { PaymentAuthorizationResult, GooglePaymentData, PaymentDataRequest } from '../../../src/testing/types.js';
import { waitFor } from '../../support/wait.js';

const WALLET: FakeGooglePayOptions['wallet'] = [
  { card: '4111111111111111', label: 'approved' },
  { card: '5105105105105100', label: 'declined' },
];

const request = (authorize = true): PaymentDataRequest => ({
  apiVersion: 2,
  apiVersionMinor: 0,
  allowedPaymentMethods: [
    {
      type: 'CARD',
      parameters: { allowedAuthMethods: ['PAN_ONLY'], allowedCardNetworks: ['MASTERCARD', 'VISA'] },
      tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'fenige', gatewayMerchantId: 'merchant-1' } },
    },
  ],
  transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '129.99', currencyCode: 'PLN' },
  merchantInfo: { merchantName: 'Demo Shop' },
  ...(authorize ? { callbackIntents: ['PAYMENT_AUTHORIZATION'] } : {}),
});

type Client = { loadPaymentData(r: PaymentDataRequest): Promise<GooglePaymentData> };
const Client = () => (window as unknown as { google: { payments: { api: { PaymentsClient: new (o: object) => Client } } } }).google.payments.api.PaymentsClient;

let fake: FakeGooglePayController | undefined;
afterEach(() => {
  fake?.uninstall();
  document.querySelectorAll('[data-fake-google-pay-sheet]').forEach((node) => node.remove());
});

const sheetRoot = () => document.querySelector('[data-fake-google-pay-sheet]')?.shadowRoot ?? undefined;

const payButton = () => waitFor(() => [...(sheetRoot()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Pay' && !b.hidden), 'the Pay button');
const radio = (last4: string) =>
  waitFor(() => [...(sheetRoot()?.querySelectorAll('label') ?? [])].find((l) => l.textContent!.includes(last4))?.querySelector('input'), `the card ${last4}`);

describe('fake Google Pay: the visible sheet', () => {
  it('shows the merchant, the total and the wallet; Pay hands the chosen card to onPaymentAuthorized; SUCCESS closes it', async () => {
    fake = installFakeGooglePay({ sheet: true, wallet: WALLET });
    const seen: GooglePaymentData[] = [];
    const client = new (Client())({
      paymentDataCallbacks: { onPaymentAuthorized: async (pd: GooglePaymentData) => (seen.push(pd), { transactionState: 'SUCCESS' }) },
    });
    const paid = client.loadPaymentData(request());
    await payButton();
    const text = sheetRoot()!.textContent!;
    expect(text).to.include('Demo Shop').and.include('129.99').and.include('Visa •••• 1111').and.include('Mastercard •••• 5100').and.include('declined');
    expect(sheetRoot()!.querySelector('[role="dialog"]')!.getAttribute('aria-modal')).to.equal('true');
    (await payButton()).click();
    const result = await paid;
    expect(seen.map((pd) => pd.paymentMethodData.info.cardDetails)).to.deep.equal(['1111']);
    expect(result.paymentMethodData.info.cardDetails).to.equal('1111');
    expect(sheetRoot(), 'the sheet is gone').to.equal(undefined);
  });

  it('a decline shows its message in the sheet, which stays open; the next card pays', async () => {
    fake = installFakeGooglePay({ sheet: true, wallet: WALLET, card: '5105105105105100' });
    const answers: PaymentAuthorizationResult[] = [
      { transactionState: 'ERROR', error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message: 'Declined by your bank.' } },
      { transactionState: 'SUCCESS' },
    ];
    const seen: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = new (Client())({
      paymentDataCallbacks: {
        onPaymentAuthorized: async (pd: GooglePaymentData) => {
          seen.push(pd.paymentMethodData.info.cardDetails);
          if (seen.length === 1) await held; // the merchant is still answering
          return answers[seen.length - 1]!;
        },
      },
    });
    const paid = client.loadPaymentData(request());
    expect((await radio('5100')).checked, 'the `card` option is preselected').to.equal(true);
    (await payButton()).click();
    await waitFor(() => seen.length === 1, 'the first authorisation');
    const progress = sheetRoot()!.querySelector('[role="status"]')!;
    expect(progress.textContent).to.include('Processing');
    expect((await radio('1111')).disabled, 'no card change while the merchant answers').to.equal(true);
    release();
    const alert = await waitFor(() => sheetRoot()?.querySelector<HTMLElement>('[role="alert"]:not([hidden])'), 'the decline');
    expect(alert.textContent).to.equal('Declined by your bank.');
    (await radio('1111')).click();
    (await payButton()).click();
    const result = await paid;
    expect(seen).to.deep.equal(['5100', '1111']);
    expect(result.paymentMethodData.info.cardDetails).to.equal('1111');
    expect(fake.lastAuthorizationResult).to.deep.equal({ transactionState: 'SUCCESS' });
  });

  it('closing the sheet (Close or Escape) rejects with CANCELED and gives focus back', async () => {
    fake = installFakeGooglePay({ sheet: true });
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const client = new (Client())({ paymentDataCallbacks: { onPaymentAuthorized: async () => ({ transactionState: 'SUCCESS' as const }) } });
    for (const close of ['button', 'Escape']) {
      const paying = client.loadPaymentData(request());
      await payButton();
      if (close === 'button') sheetRoot()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
      else
        sheetRoot()!
          .querySelector('[role="dialog"]')!
          .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      const error = await paying.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.deep.include({ statusCode: 'CANCELED' });
      expect(sheetRoot()).to.equal(undefined);
      expect(document.activeElement).to.equal(opener);
    }
    opener.remove();
  });

  it('without PAYMENT_AUTHORIZATION, Pay resolves with the chosen card at once', async () => {
    fake = installFakeGooglePay({ sheet: true, wallet: WALLET });
    const client = new (Client())({});
    const paid = client.loadPaymentData(request(false));
    (await radio('5100')).click();
    (await payButton()).click();
    expect((await paid).paymentMethodData.info.cardDetails).to.equal('5100');
  });

  it('is accessible while open (axe)', async () => {
    fake = installFakeGooglePay({ sheet: true, wallet: WALLET });
    const client = new (Client())({});
    const paid = client.loadPaymentData(request(false)).catch(() => undefined);
    await payButton();
    await expect(document.querySelector('[data-fake-google-pay-sheet]')).to.be.accessible();
    sheetRoot()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    await paid;
  });

  it('refuses bad options, naming them', () => {
    expect(() => installFakeGooglePay({ sheet: 'yes' as never })).to.throw(TypeError, /sheet/);
    expect(() => installFakeGooglePay({ wallet: [{ card: '9999' }] })).to.throw(TypeError, /wallet\[0\]/);
    expect(() => installFakeGooglePay({ wallet: [{ card: '4111111111111111', label: 5 as never }] })).to.throw(TypeError, /wallet\[0\]\.label/);
  });
});
