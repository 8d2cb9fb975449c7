import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { checkoutBody, hostedBody, newTransactionId, payerOf } from '../../src/checkout/payment-body.js';
import { toResult } from '../../src/checkout/flow-result.js';
import { absoluteHttpUrl } from '../../src/checkout/http-url.js';
import { tokenRefusalHint } from '../../src/checkout/developer-hint.js';
import { validateCheckoutRequest, validateHostedRequest } from '../../src/protocol/checkout-request.js';
import type { PaymentData } from '../../src/protocol/index.js';
import type { GooglePaymentData } from '../../src/google-pay/types.js';

/**
 * What the element sends to the merchant's backend and how it reads the answer, in Node: the
 * DOM-free modules of src/checkout (a mutant costs a second here instead of a browser start).
 * Each test names the bug it stops; see docs/testing.md "Mutation testing".
 */

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const data: PaymentData = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };
const ecv2 = {
  protocolVersion: 'ECv2',
  signature: 'MEUC',
  signedMessage: '{"encryptedMessage":"x"}',
  intermediateSigningKey: { signedKey: 'k', signatures: ['s'] },
};

function paid(extra: { token?: string; name?: string; email?: string; cardNetwork?: string; cardDetails?: string } = {}): GooglePaymentData {
  const info: NonNullable<GooglePaymentData['paymentMethodData']['info']> = {};
  if (extra.cardNetwork) info.cardNetwork = extra.cardNetwork;
  if (extra.cardDetails) info.cardDetails = extra.cardDetails;
  if (extra.name !== undefined) info.billingAddress = { name: extra.name };
  return {
    apiVersion: 2,
    apiVersionMinor: 0,
    ...(extra.email ? { email: extra.email } : {}),
    paymentMethodData: { type: 'CARD', info, tokenizationData: { type: 'PAYMENT_GATEWAY', token: extra.token ?? JSON.stringify(ecv2) } },
  };
}

describe('newTransactionId: every attempt gets a UUID the backend accepts', () => {
  const randomUUID = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
  afterEach(() => {
    if (randomUUID) Object.defineProperty(crypto, 'randomUUID', randomUUID);
    else delete (crypto as { randomUUID?: unknown }).randomUUID;
  });

  test('with crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 50 }, newTransactionId));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, UUID_V4);
  });

  test('without it (an http: page is not a secure context): still random v4 UUIDs, never a repeat', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const ids = new Set(Array.from({ length: 400 }, newTransactionId));
    assert.equal(ids.size, 400, 'two attempts must never share a transactionId');
    for (const id of ids) {
      assert.match(id, UUID_V4);
      assert.equal(validateCheckoutRequest(checkoutBody(data, id, paid())).ok, true, `${id} is refused by the backend`);
    }
  });
});

describe('payerOf: the gateways need the payer’s name', () => {
  test('data.sender wins over Google Pay’s billing name', () => {
    const sender = { firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' };
    assert.deepEqual(payerOf({ ...data, sender }, paid({ name: 'Jan Kowalski', email: 'jan@example.com' })), sender);
  });

  test('the billing name splits at its last space; the e-mail comes along', () => {
    assert.deepEqual(payerOf(data, paid({ name: '  Jan  Maria   Kowalski ', email: 'jan@example.com' })), {
      firstName: 'Jan Maria',
      lastName: 'Kowalski',
      email: 'jan@example.com',
    });
  });

  test('a one-word name fills both names; no e-mail means no e-mail field', () => {
    const sender = payerOf(data, paid({ name: 'Cher' }));
    assert.deepEqual(sender, { firstName: 'Cher', lastName: 'Cher' });
    assert.equal(Object.hasOwn(sender!, 'email'), false);
  });

  test('no name, or a blank one, is no payer (the backend then asks for data.sender)', () => {
    assert.equal(payerOf(data, paid()), undefined);
    assert.equal(payerOf(data, paid({ name: '   ', email: 'jan@example.com' })), undefined);
    assert.equal(payerOf(data), undefined);
  });
});

describe('checkoutBody: the token POST of docs/protocol.md §4.1', () => {
  const id = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';

  test('carries the order as the page set it, the parsed ECv2 token and the card; the backend’s schema accepts it', () => {
    const body = checkoutBody(
      { ...data, orderId: 'order-1042' },
      id,
      paid({ name: 'Jan Kowalski', email: 'jan@example.com', cardNetwork: 'VISA', cardDetails: '1111' }),
    );
    assert.deepEqual(body, {
      transactionId: id,
      orderId: 'order-1042',
      apiKey: 'pk_test_shop',
      amount: 1999,
      currency: 'PLN',
      description: 'Order 1042',
      sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
      token: ecv2,
      paymentMethod: { cardNetwork: 'VISA', cardDetails: '1111' },
    });
    assert.equal(validateCheckoutRequest(body).ok, true);
  });

  test('no orderId, no payer and no card info: those keys are absent (a strict backend refuses undefined members)', () => {
    const body = checkoutBody(data, id, paid());
    assert.deepEqual(Object.keys(body).sort(), ['amount', 'apiKey', 'currency', 'description', 'token', 'transactionId']);
  });

  test('card details alone still make a paymentMethod', () => {
    assert.deepEqual(checkoutBody(data, id, paid({ cardDetails: '4242' })).paymentMethod, { cardNetwork: undefined, cardDetails: '4242' });
    assert.deepEqual(checkoutBody(data, id, paid({ cardNetwork: 'MASTERCARD' })).paymentMethod, { cardNetwork: 'MASTERCARD', cardDetails: undefined });
  });

  test('a token that is not a JSON object is sent exactly as Google gave it', () => {
    for (const token of ['examplePaymentMethodToken', '"quoted"', '42', 'null', '{broken']) {
      assert.equal(checkoutBody(data, id, paid({ token })).token, token, token);
    }
  });
});

describe('hostedBody: the hosted-page POST of docs/protocol.md §4.5', () => {
  test('the order, the payer only from data.sender, and the return URL', () => {
    const id = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';
    const sender = { firstName: 'Anna', lastName: 'Nowak' };
    const body = hostedBody({ ...data, sender }, id, 'https://shop.example/return');
    assert.deepEqual(body, {
      transactionId: id,
      apiKey: 'pk_test_shop',
      amount: 1999,
      currency: 'PLN',
      description: 'Order 1042',
      sender,
      returnUrl: 'https://shop.example/return',
    });
    assert.equal(validateHostedRequest(body).ok, true);
    assert.equal(Object.hasOwn(hostedBody(data, id, 'https://shop.example/r'), 'sender'), false);
  });
});

describe('absoluteHttpUrl: the only URLs a payer is sent to', () => {
  const base = 'https://shop.example/checkout/';
  test('http(s), absolute or relative to the page', () => {
    assert.equal(absoluteHttpUrl('HTTPS://ACS.example/3ds?x=1', base), 'https://acs.example/3ds?x=1');
    assert.equal(absoluteHttpUrl('http://acs.example/', base), 'http://acs.example/');
    assert.equal(absoluteHttpUrl('../3ds', base), 'https://shop.example/3ds');
  });
  test('never javascript:, data:, other schemes or unparsable text', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://files.example/', 'xhttps://acs.example/', 'http://[bad']) {
      assert.equal(absoluteHttpUrl(url, base), undefined, url);
    }
  });
});

describe('toResult: what the element does with the backend’s classified answer', () => {
  const response = { any: 'body' };
  test('success and failure keep the transactionId the payer paid with', () => {
    assert.deepEqual(toResult('t1', { outcome: { kind: 'success', status: 'APPROVED' }, response }), {
      kind: 'success',
      transactionId: 't1',
      status: 'APPROVED',
      response,
    });
    assert.deepEqual(toResult('t1', { outcome: { kind: 'failure', code: 'DECLINED', message: 'Insufficient funds' }, response }), {
      kind: 'failure',
      transactionId: 't1',
      code: 'DECLINED',
      message: 'Insufficient funds',
      response,
    });
    assert.equal(Object.hasOwn(toResult('t1', { outcome: { kind: 'failure', code: 'DECLINED' }, response }), 'message'), false);
  });

  test('an outcome still pending is OUTCOME_UNKNOWN: never success', () => {
    assert.deepEqual(toResult('t1', { outcome: { kind: 'pending', reason: 'network' }, response }), {
      kind: 'failure',
      transactionId: 't1',
      code: 'OUTCOME_UNKNOWN',
      response,
    });
  });

  test('an http(s) redirect, even relative, is followed', () => {
    const redirect = { url: '/3ds/acs', method: 'POST' as const, params: { PaReq: 'x' } };
    assert.deepEqual(toResult('t1', { outcome: { kind: 'redirect', redirect }, response }), { kind: 'redirect', transactionId: 't1', redirect, response });
  });

  test('a javascript: redirect is an integration error, never announced', () => {
    const result = toResult('t1', { outcome: { kind: 'redirect', redirect: { url: 'javascript:alert(document.cookie)', method: 'GET' } }, response });
    assert.deepEqual(result, {
      kind: 'error',
      code: 'INVALID_REDIRECT',
      message: 'the backend answered a redirect that is not http(s)',
      transactionId: 't1',
      response,
    });
  });
});

describe('tokenRefusalHint: a token sealed for the wrong merchant is explained to the developer', () => {
  test('nothing unless the backend names the token', () => {
    for (const response of [
      {},
      { errors: 'token' },
      { errors: null },
      { errors: { amount: 'too high' } },
      { errors: { token: '' } },
      { errors: { token: [1, ''] } },
    ]) {
      assert.equal(tokenRefusalHint(response, data, 'fenige merchant id'), undefined, JSON.stringify(response));
    }
  });

  test('names data.apiKey when gatewayMerchantId defaults to it', () => {
    const hint = tokenRefusalHint({ errors: { token: 'was sealed for another merchant' } }, data, 'your Fenige merchant id');
    assert.ok(hint);
    assert.equal(hint.code, 'INVALID_CONFIGURATION');
    assert.equal(
      hint.message,
      'The gateway refused the Google Pay token: token was sealed for another merchant. Google Pay sealed it for "pk_test_shop" from ' +
        'data.apiKey (gatewayMerchantId defaults to it). gatewayMerchantId must be your Fenige merchant id, the id the gateway knows you by ' +
        'for Google Pay, not "pk_test_shop"; see docs/identifiers.md. A TEST token is also refused by a production gateway account.',
    );
    assert.deepEqual(hint.issues, [
      {
        path: 'gatewayMerchantId',
        message: 'must be your Fenige merchant id, the id the gateway knows you by for Google Pay, not "pk_test_shop"; see docs/identifiers.md',
      },
    ]);
  });

  test('names data.gatewayMerchantId when the page set it; every reason, each cut at 300 characters', () => {
    const long = 'x'.repeat(400);
    const hint = tokenRefusalHint({ errors: { token: ['expired', long] } }, { ...data, gatewayMerchantId: 'gm-1' }, 'id');
    assert.ok(hint);
    assert.ok(hint.message.includes(`token expired; ${'x'.repeat(300)}. Google Pay sealed it for "gm-1" from data.gatewayMerchantId. `), hint.message);
    assert.ok(!hint.message.includes('x'.repeat(301)));
  });
});
