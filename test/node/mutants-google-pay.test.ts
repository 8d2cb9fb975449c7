import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { bootGooglePay } from '../../src/google-pay/boot.js';
import { paymentsClient, resetPaymentsClients, sheetIsOpen, withSheet } from '../../src/google-pay/clients.js';
import { baseCardMethod, isReadyToPayRequest, paymentDataRequest } from '../../src/google-pay/request.js';
import type { GooglePaymentsApi, PaymentAuthorizationResult, GooglePaymentData, PaymentsClientOptions } from '../../src/google-pay/types.js';
import { isReadyToPayProblem, paymentDataRequestProblem } from '../../src/testing/request-validation.js';
import type { PaymentData as Data } from '../../src/protocol/index.js';

/**
 * What the elements ask Google Pay for, and the one shared PaymentsClient per environment, in Node
 * (the DOM-free part of src/google-pay; the loader and boot run in the browser suites).
 */

const data: Data = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };
const CARD_PARAMETERS = { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['MASTERCARD', 'VISA'] };

describe('the requests', () => {
  test('isReadyToPay asks for the cards both gateways take, and Google’s rules accept it', () => {
    assert.deepEqual(isReadyToPayRequest(), { apiVersion: 2, apiVersionMinor: 0, allowedPaymentMethods: [{ type: 'CARD', parameters: CARD_PARAMETERS }] });
    assert.equal(isReadyToPayProblem(isReadyToPayRequest()), undefined);
    assert.notEqual(baseCardMethod(), baseCardMethod(), 'each request gets its own method object to extend');
  });

  test('without data.sender: the exact amount, the gateway’s merchant id (apiKey by default), and the payer’s name and e-mail', () => {
    const request = paymentDataRequest(data, 'fenige');
    assert.deepEqual(request, {
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [
        {
          type: 'CARD',
          parameters: { ...CARD_PARAMETERS, billingAddressRequired: true, billingAddressParameters: { format: 'MIN' } },
          tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'fenige', gatewayMerchantId: 'pk_test_shop' } },
        },
      ],
      transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '19.99', currencyCode: 'PLN' },
      merchantInfo: {},
      emailRequired: true,
      callbackIntents: ['PAYMENT_AUTHORIZATION'],
    });
    assert.equal(paymentDataRequestProblem(request, { environment: 'TEST', hasAuthorizationCallback: true }), undefined);
  });

  test('with data.sender and the merchant’s details: nothing asked of the payer, everything passed on', () => {
    const request = paymentDataRequest(
      {
        ...data,
        amount: 500,
        currencyCode: 'JPY',
        countryCode: 'JP',
        gatewayMerchantId: 'gm-42',
        merchantName: 'Shop',
        merchantId: 'BCR2DN4T',
        sender: { firstName: 'Anna', lastName: 'Nowak' },
      },
      'feennex',
    );
    assert.deepEqual(request, {
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [
        {
          type: 'CARD',
          parameters: CARD_PARAMETERS,
          tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'feennex', gatewayMerchantId: 'gm-42' } },
        },
      ],
      transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '500', currencyCode: 'JPY', countryCode: 'JP' },
      merchantInfo: { merchantName: 'Shop', merchantId: 'BCR2DN4T' },
      callbackIntents: ['PAYMENT_AUTHORIZATION'],
    });
    assert.equal(paymentDataRequestProblem(request, { environment: 'PRODUCTION', hasAuthorizationCallback: true }), undefined);
  });
});

describe('one PaymentsClient per environment, its authorizations forwarded to the open sheet', () => {
  const constructed: PaymentsClientOptions[] = [];
  const api: GooglePaymentsApi = {
    PaymentsClient: class {
      constructor(readonly options: PaymentsClientOptions) {
        constructed.push(options);
      }
    } as unknown as GooglePaymentsApi['PaymentsClient'],
  };
  const authorizeThrough = (client: unknown, paid: GooglePaymentData) =>
    (client as { options: PaymentsClientOptions }).options.paymentDataCallbacks!.onPaymentAuthorized(paid);
  const paid = { apiVersion: 2, apiVersionMinor: 0, paymentMethodData: { type: 'CARD', tokenizationData: { type: 'PAYMENT_GATEWAY', token: 't' } } };

  afterEach(() => {
    resetPaymentsClients();
    constructed.length = 0;
  });

  test('shared per environment; the nonce only when there is one', () => {
    const test1 = paymentsClient(api, 'TEST');
    assert.equal(paymentsClient(api, 'TEST', 'n-1'), test1);
    const production = paymentsClient(api, 'PRODUCTION', 'n-2');
    assert.notEqual(production, test1);
    assert.equal(constructed.length, 2);
    assert.equal(constructed[0]!.environment, 'TEST');
    assert.equal(Object.hasOwn(constructed[0]!, 'nonce'), false);
    assert.equal(constructed[1]!.nonce, 'n-2');
    resetPaymentsClients();
    assert.notEqual(paymentsClient(api, 'TEST'), test1, 'reset forgets the shared clients');
  });

  test('the sheet’s authorization reaches the payment that opened it, and only while it is open', async () => {
    const client = paymentsClient(api, 'TEST');
    const seen: GooglePaymentData[] = [];
    const approve = async (p: GooglePaymentData): Promise<PaymentAuthorizationResult> => (seen.push(p), { transactionState: 'SUCCESS' });
    assert.equal(sheetIsOpen(), false);
    const answer = await withSheet(approve, async () => {
      assert.equal(sheetIsOpen(), true);
      return authorizeThrough(client, paid);
    });
    assert.deepEqual(answer, { transactionState: 'SUCCESS' });
    assert.deepEqual(seen, [paid]);
    assert.equal(sheetIsOpen(), false);
    assert.deepEqual(await authorizeThrough(client, paid), {
      transactionState: 'ERROR',
      error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message: 'This payment is no longer active.' },
    });
    assert.equal(seen.length, 1, 'a late authorization is not charged to a finished payment');
  });

  test('a sheet that fails still closes; a newer sheet is not closed by an older one finishing', async () => {
    await assert.rejects(
      withSheet(
        async () => ({ transactionState: 'SUCCESS' }),
        () => Promise.reject(new Error('closed')),
      ),
    );
    assert.equal(sheetIsOpen(), false);
    const newer = async (): Promise<PaymentAuthorizationResult> => ({ transactionState: 'SUCCESS' });
    await withSheet(
      async () => ({ transactionState: 'ERROR' }),
      async () => {
        void withSheet(newer, () => new Promise(() => {}));
      },
    );
    assert.equal(sheetIsOpen(), true, 'the newer sheet is still open');
    resetPaymentsClients();
    assert.equal(sheetIsOpen(), false);
  });
});

test('the boot module imports without a document (server rendering, Node) and loads nothing there', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(bootGooglePay(), undefined);
});
