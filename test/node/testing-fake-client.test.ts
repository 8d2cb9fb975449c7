import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { openGooglePayToken } from '../../src/ecv2/open.js';
import { SANDBOX_KEYS } from '../../src/ecv2/sandbox-keys.js';
import {
  installFakeGooglePay,
  type FakeGooglePayController,
  type GooglePaymentData,
  type PaymentDataRequest,
  type PaymentsClientOptions,
} from '../../src/testing/index.js';

type Global = { google?: any };
const g = globalThis as unknown as Global;

let fake: FakeGooglePayController | undefined;
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
  delete g.google;
});

const install = (...args: Parameters<typeof installFakeGooglePay>) => (fake = installFakeGooglePay(...args));
const client = (options: PaymentsClientOptions = { environment: 'TEST' }) => new g.google.payments.api.PaymentsClient(options);

const readyRequest = () => ({
  apiVersion: 2,
  apiVersionMinor: 0,
  allowedPaymentMethods: [{ type: 'CARD', parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['MASTERCARD', 'VISA'] } }],
});

function paymentRequest(gateway = 'fenige', extra: Partial<PaymentDataRequest> = {}): PaymentDataRequest {
  const request: PaymentDataRequest = {
    ...readyRequest(),
    transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '10.00', currencyCode: 'PLN', countryCode: 'PL' },
    merchantInfo: { merchantName: 'Shop' },
    ...extra,
  };
  request.allowedPaymentMethods![0]!.tokenizationSpecification = {
    type: 'PAYMENT_GATEWAY',
    parameters: { gateway, gatewayMerchantId: `merchant-at-${gateway}` },
  };
  return request;
}

const openFor = async (gateway: string, paymentData: GooglePaymentData) =>
  JSON.parse(
    await openGooglePayToken(paymentData.paymentMethodData.tokenizationData.token, {
      recipientId: `gateway:${gateway}`,
      privateKeys: [SANDBOX_KEYS.recipientPrivateKey],
      rootKeys: SANDBOX_KEYS.rootKeys,
    }),
  );

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected a rejection'),
    (error: { statusCode: string; statusMessage?: string }) => error,
  );

describe('installFakeGooglePay', () => {
  it('merges into an existing window.google and removes only what it added', () => {
    const maps = { version: 3 };
    g.google = { maps };
    install();
    assert.equal(typeof g.google.payments.api.PaymentsClient, 'function');
    fake!.uninstall();
    assert.deepEqual(g.google, { maps });
  });

  it('leaves no window.google behind when there was none, and restores a client it replaced', () => {
    install();
    fake!.uninstall();
    assert.equal(g.google, undefined);
    const real = class RealPaymentsClient {};
    g.google = { payments: { api: { PaymentsClient: real } } };
    install();
    assert.notEqual(g.google.payments.api.PaymentsClient, real);
    fake!.uninstall();
    assert.equal(g.google.payments.api.PaymentsClient, real);
  });

  it('rejects a bad option, naming it', () => {
    assert.throws(() => installFakeGooglePay({ action: 'decline' as 'pay' }), /action must be/);
    assert.throws(() => installFakeGooglePay({ card: '12' }), /card\.pan/);
    assert.throws(() => installFakeGooglePay({ card: '9999999999999999' }), /card\.network/);
    assert.equal(g.google, undefined, 'nothing installed');
  });
});

describe('fake PaymentsClient', () => {
  it('records the construction options and answers isReadyToPay as configured', async () => {
    install();
    const onPaymentAuthorized = async () => ({ transactionState: 'SUCCESS' as const });
    const paymentsClient = client({ environment: 'TEST', paymentDataCallbacks: { onPaymentAuthorized } });
    assert.equal(fake!.calls.constructed[0]!.environment, 'TEST');
    assert.equal(fake!.calls.constructed[0]!.paymentDataCallbacks!.onPaymentAuthorized, onPaymentAuthorized);

    const request = readyRequest();
    assert.deepEqual(await paymentsClient.isReadyToPay(request), { result: true });
    request.apiVersionMinor = 99;
    assert.equal(fake!.calls.isReadyToPay[0]!.apiVersionMinor, 0, 'calls hold copies taken at call time');

    fake!.setOptions({ ready: false });
    assert.deepEqual(await paymentsClient.isReadyToPay(readyRequest()), { result: false });
    fake!.setOptions({ ready: 'error' });
    assert.equal((await statusOf(paymentsClient.isReadyToPay(readyRequest()))).statusCode, 'INTERNAL_ERROR');
  });

  it('rejects a malformed isReadyToPay request like Google, naming the field', async () => {
    install();
    const error = await statusOf(client().isReadyToPay({ ...readyRequest(), apiVersion: 1 }));
    assert.deepEqual(error, { statusCode: 'DEVELOPER_ERROR', statusMessage: 'apiVersion must be 2' });
  });

  for (const gateway of ['fenige', 'feennex']) {
    it(`seals a real ECv2 token for gateway:${gateway} with the request's gatewayMerchantId`, async () => {
      install({ card: { pan: '5555555555554444', expirationMonth: 7, expirationYear: 2031 } });
      const paymentData: GooglePaymentData = await client().loadPaymentData(paymentRequest(gateway));
      assert.equal(paymentData.apiVersion, 2);
      assert.equal(paymentData.apiVersionMinor, 0);
      assert.deepEqual(paymentData.paymentMethodData.info, { cardNetwork: 'MASTERCARD', cardDetails: '4444' });
      assert.equal(paymentData.paymentMethodData.description, 'Mastercard •••• 4444');
      assert.equal(paymentData.paymentMethodData.tokenizationData.type, 'PAYMENT_GATEWAY');
      const payload = await openFor(gateway, paymentData);
      assert.equal(payload.gatewayMerchantId, `merchant-at-${gateway}`);
      assert.deepEqual(payload.paymentMethodDetails, { pan: '5555555555554444', expirationMonth: 7, expirationYear: 2031, authMethod: 'PAN_ONLY' });
      assert.ok(Number(payload.messageExpiration) > Date.now());
    });
  }

  it('gives the payer’s billing name and e-mail only when asked', async () => {
    install({ payer: { name: 'Anna Nowak', email: 'anna@example.com' } });
    const plain: GooglePaymentData = await client().loadPaymentData(paymentRequest());
    assert.equal(plain.email, undefined);
    assert.equal(plain.paymentMethodData.info.billingAddress, undefined);

    const request = paymentRequest('fenige', { emailRequired: true });
    Object.assign(request.allowedPaymentMethods![0]!.parameters!, { billingAddressRequired: true, billingAddressParameters: { format: 'MIN' } });
    const asked: GooglePaymentData = await client().loadPaymentData(request);
    assert.equal(asked.email, 'anna@example.com');
    assert.equal(asked.paymentMethodData.info.billingAddress!.name, 'Anna Nowak');
  });

  it('returns Google’s plain example token for the example gateway', async () => {
    install();
    const paymentData: GooglePaymentData = await client().loadPaymentData(paymentRequest('example'));
    assert.equal(paymentData.paymentMethodData.tokenizationData.token, 'examplePaymentMethodToken');
  });

  it('rejects with CANCELED when the payer closes the sheet, and DEVELOPER_ERROR on action error', async () => {
    install({ action: 'cancel' });
    assert.equal((await statusOf(client().loadPaymentData(paymentRequest()))).statusCode, 'CANCELED');
    fake!.setOptions({ action: 'error' });
    const error = await statusOf(client().loadPaymentData(paymentRequest()));
    assert.equal(error.statusCode, 'DEVELOPER_ERROR');
    assert.match(error.statusMessage!, /simulated/);
    assert.equal(fake!.calls.loadPaymentData.length, 2);
  });

  it('rejects malformed payment requests with DEVELOPER_ERROR naming the field', async () => {
    install();
    const cases: [PaymentDataRequest, RegExp, PaymentsClientOptions?][] = [
      [{ ...paymentRequest(), transactionInfo: undefined }, /^transactionInfo must be an object/],
      [paymentRequest('fenige', { transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '10,00', currencyCode: 'PLN' } }), /transactionInfo\.totalPrice/],
      [{ ...readyRequest(), transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '1', currencyCode: 'PLN' } }, /tokenizationSpecification/],
      [paymentRequest('fenige', { callbackIntents: ['PAYMENT_AUTHORIZATION'] }), /onPaymentAuthorized/],
      [paymentRequest(), /merchantInfo\.merchantId/, { environment: 'PRODUCTION' }],
    ];
    const noMerchant = paymentRequest();
    delete noMerchant.allowedPaymentMethods![0]!.tokenizationSpecification!.parameters!.gatewayMerchantId;
    cases.push([noMerchant, /gatewayMerchantId/]);
    for (const [request, message, options] of cases) {
      const error = await statusOf(client(options).loadPaymentData(request));
      assert.equal(error.statusCode, 'DEVELOPER_ERROR');
      assert.match(error.statusMessage!, message);
    }
  });

  it('with PAYMENT_AUTHORIZATION, resolves after onPaymentAuthorized answers SUCCESS', async () => {
    install();
    const authorized: GooglePaymentData[] = [];
    const paymentsClient = client({
      environment: 'TEST',
      paymentDataCallbacks: { onPaymentAuthorized: async (data) => (authorized.push(data), { transactionState: 'SUCCESS' }) },
    });
    const paymentData: GooglePaymentData = await paymentsClient.loadPaymentData(paymentRequest('feennex', { callbackIntents: ['PAYMENT_AUTHORIZATION'] }));
    assert.equal(authorized.length, 1);
    assert.deepEqual(authorized[0], paymentData);
    assert.equal((await openFor('feennex', authorized[0]!)).paymentMethodDetails.pan, '4111111111111111');
    assert.deepEqual(fake!.lastAuthorizationResult, { transactionState: 'SUCCESS' });
  });

  it('with PAYMENT_AUTHORIZATION, an ERROR answer is kept and the payer closes the sheet', async () => {
    install();
    const error = { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message: 'Card declined' };
    const paymentsClient = client({
      environment: 'TEST',
      paymentDataCallbacks: { onPaymentAuthorized: () => ({ transactionState: 'ERROR', error }) },
    });
    const rejection = await statusOf(paymentsClient.loadPaymentData(paymentRequest('fenige', { callbackIntents: ['PAYMENT_AUTHORIZATION'] })));
    assert.equal(rejection.statusCode, 'CANCELED');
    assert.deepEqual(fake!.lastAuthorizationResult, { transactionState: 'ERROR', error });
  });

  it('like Google, keeps the sheet open after an ERROR answer: the payer tries the retry cards in it', async () => {
    install({ card: '4000000000000002', retryCards: ['5555555555554444'] });
    const decline = { transactionState: 'ERROR' as const, error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message: 'Declined' } };
    const seen: GooglePaymentData[] = [];
    const paymentsClient = client({
      environment: 'TEST',
      paymentDataCallbacks: { onPaymentAuthorized: async (data) => (seen.push(data), seen.length === 1 ? decline : { transactionState: 'SUCCESS' }) },
    });
    const paymentData: GooglePaymentData = await paymentsClient.loadPaymentData(paymentRequest('fenige', { callbackIntents: ['PAYMENT_AUTHORIZATION'] }));
    assert.equal(fake!.calls.loadPaymentData.length, 1, 'one sheet');
    assert.deepEqual(
      seen.map((d) => d.paymentMethodData.info.cardDetails),
      ['0002', '4444'],
    );
    assert.deepEqual(paymentData, seen[1]);
    assert.equal((await openFor('fenige', paymentData)).paymentMethodDetails.pan, '5555555555554444');
    assert.deepEqual(fake!.authorizationResults, [decline, { transactionState: 'SUCCESS' }]);
  });

  it('names a retry card whose network is unknown', () => {
    assert.throws(() => installFakeGooglePay({ retryCards: ['4111111111111111', '9999999999999999'] }), /retryCards\[1\]/);
  });

  it('keeps the sheet open for delayMs and records prefetchPaymentData', async () => {
    install({ delayMs: 60 });
    const paymentsClient = client();
    paymentsClient.prefetchPaymentData(paymentRequest());
    assert.equal(fake!.calls.prefetchPaymentData.length, 1);
    const started = Date.now();
    await paymentsClient.loadPaymentData(paymentRequest());
    assert.ok(Date.now() - started >= 55, 'waited for the sheet');
  });
});
