import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decimalToMinor,
  describeUnknownKey,
  isKnownCurrency,
  minorToDecimal,
  validateCheckoutRequest,
  validateHostedRequest,
  validatePaymentData,
  type FieldIssue,
} from '../../src/protocol/index.js';
import { DID_YOU_MEAN } from '../../src/protocol/payment-data.js';

/**
 * The field rules the browser and the merchant's backend share (src/protocol/payment-data.ts), seen
 * from the server: what a request body the handler receives may carry before any gateway is called.
 * Written for the mutants StrykerJS left alive when only node suites ran (docs/testing.md).
 */

const body = {
  transactionId: '6f1c2a57-3d5e-4b8a-9c0d-2e4f6a8b0c1d',
  apiKey: 'pk_test_shop',
  amount: 1999,
  currency: 'PLN',
  description: 'Order 1042',
  token: 'examplePaymentMethodToken',
};

function refused(result: ReturnType<typeof validateCheckoutRequest>): FieldIssue[] {
  assert.equal(result.ok, false, 'expected the body to be refused');
  return result.ok ? [] : result.issues;
}
const pathsOf = (value: Record<string, unknown>) => refused(validateCheckoutRequest(value)).map((issue) => issue.path);
const messageOf = (value: Record<string, unknown>, path: string) => refused(validateCheckoutRequest(value)).find((issue) => issue.path === path)?.message;

describe('the amount a backend accepts', () => {
  test('one minor unit and the largest safe integer are payable; zero, fractions and beyond are not', () => {
    assert.equal(validateCheckoutRequest({ ...body, amount: 1 }).ok, true);
    assert.equal(validateCheckoutRequest({ ...body, amount: Number.MAX_SAFE_INTEGER }).ok, true);
    assert.match(messageOf({ ...body, amount: 0 }, 'amount') ?? '', /at least 1/);
    assert.match(messageOf({ ...body, amount: -5 }, 'amount') ?? '', /at least 1/);
    assert.match(messageOf({ ...body, amount: 12.5 }, 'amount') ?? '', /integer number of minor units/);
    assert.match(messageOf({ ...body, amount: Number.MAX_SAFE_INTEGER + 1 }, 'amount') ?? '', /at most 9007199254740991/);
    assert.match(messageOf({ ...body, amount: Infinity }, 'amount') ?? '', /must be a number/);
    assert.match(messageOf({ ...body, amount: '1999' }, 'amount') ?? '', /must be a number/);
  });

  test('each wrong amount gets exactly one message, the one that says what is wrong', () => {
    for (const amount of [0, 12.5, Infinity, -Infinity, NaN, 2 ** 60]) {
      const issues = refused(validateCheckoutRequest({ ...body, amount })).filter((issue) => issue.path === 'amount');
      assert.equal(issues.length, 1, `amount ${amount}: ${JSON.stringify(issues)}`);
    }
  });
});

describe('text fields a backend accepts', () => {
  test('the description: 1 to 255 characters, each bound named', () => {
    assert.equal(validateCheckoutRequest({ ...body, description: 'x' }).ok, true);
    assert.equal(validateCheckoutRequest({ ...body, description: 'x'.repeat(255) }).ok, true);
    assert.equal(messageOf({ ...body, description: '' }, 'description'), 'must not be empty (a description of the purchase)');
    assert.equal(messageOf({ ...body, description: 'x'.repeat(256) }, 'description'), 'must be at most 255 characters');
    assert.equal(messageOf({ ...body, description: 42 }, 'description'), 'must be a string (a description of the purchase)');
  });

  test('the API key: at most 200 characters', () => {
    assert.equal(validateCheckoutRequest({ ...body, apiKey: 'k'.repeat(200) }).ok, true);
    assert.equal(messageOf({ ...body, apiKey: 'k'.repeat(201) }, 'apiKey'), 'must be at most 200 characters');
    assert.equal(messageOf({ ...body, apiKey: '' }, 'apiKey'), "must not be empty (the merchant's public API key)");
  });

  test('the transactionId is a UUID, whole, in either case', () => {
    assert.equal(validateCheckoutRequest({ ...body, transactionId: body.transactionId.toUpperCase() }).ok, true);
    for (const transactionId of [`${body.transactionId}0`, `x${body.transactionId}`, '6f1c2a57-3d5e-4b8a-9c0d', 'not-a-uuid']) {
      assert.deepEqual(pathsOf({ ...body, transactionId }), ['transactionId'], transactionId);
    }
    assert.equal(messageOf({ ...body, transactionId: 7 }, 'transactionId'), 'must be a string (a UUID)');
  });

  test('the order id: 1 to 64 of letters, digits, "_", "-" and "."', () => {
    assert.equal(validateCheckoutRequest({ ...body, orderId: 'A'.repeat(64) }).ok, true);
    assert.equal(validateCheckoutRequest({ ...body, orderId: 'order_2026-11.30' }).ok, true);
    for (const orderId of ['', 'A'.repeat(65), 'order 1', 'order:1', 'x/y']) {
      assert.deepEqual(pathsOf({ ...body, orderId }), ['orderId'], orderId);
    }
  });

  test('the currency: a known ISO 4217 code in upper case', () => {
    assert.equal(validateCheckoutRequest({ ...body, currency: 'JPY' }).ok, true);
    for (const currency of ['pln', 'XYZ', 'PLNX', ' PLN', 'PL']) {
      assert.deepEqual(pathsOf({ ...body, currency }), ['currency'], currency);
    }
    assert.equal(isKnownCurrency('EUR'), true);
    assert.equal(isKnownCurrency('eur'), false);
    assert.equal(isKnownCurrency('EURO'), false);
  });
});

describe('the payer a backend accepts', () => {
  const sender = { firstName: 'Anna', lastName: 'Nowak', email: 'anna@shop.example' };

  test('names and e-mail are checked field by field', () => {
    assert.equal(validateCheckoutRequest({ ...body, sender }).ok, true);
    assert.equal(validateCheckoutRequest({ ...body, sender: { firstName: 'A', lastName: 'N' } }).ok, true);
    assert.deepEqual(pathsOf({ ...body, sender: { ...sender, firstName: 'a'.repeat(101) } }), ['sender.firstName']);
    assert.deepEqual(pathsOf({ ...body, sender: { ...sender, lastName: '' } }), ['sender.lastName']);
    for (const email of ['anna', 'anna@shop', 'an na@shop.example', '@shop.example', 'anna@.']) {
      assert.deepEqual(pathsOf({ ...body, sender: { ...sender, email } }), ['sender.email'], email);
    }
    const long = `${'a'.repeat(250)}@x.pl`;
    assert.equal(messageOf({ ...body, sender: { ...sender, email: long } }, 'sender.email'), 'must be at most 254 characters');
  });

  test('an unknown payer field is named, a secret-looking one without its value', () => {
    assert.deepEqual(refused(validateCheckoutRequest({ ...body, sender: { ...sender, phone: '1' } })), [
      { path: 'sender.phone', message: 'unknown field "phone"' },
    ]);
    assert.equal(messageOf({ ...body, sender: 'Anna' }, 'sender'), 'must be an object { firstName, lastName, email? }');
  });
});

describe('unknown and secret fields', () => {
  test('a secret-looking key is refused with a warning that never repeats its value', () => {
    for (const key of ['password', 'pass', 'clientSecret', 'privateKey', 'login', 'signature', 'sign']) {
      const issues = refused(validateCheckoutRequest({ ...body, [key]: 'hunter2' }));
      assert.equal(issues.length, 1, key);
      assert.equal(issues[0]!.path, key);
      assert.match(issues[0]!.message, /looks like a secret and must never be put in a web page/, key);
      assert.doesNotMatch(issues[0]!.message, /hunter2/);
    }
    assert.equal(describeUnknownKey('signer'), 'unknown field "signer"');
  });

  test('a word that only ends in "sign" is no secret; a sign or signature named in any case or separator is', () => {
    for (const key of ['design', 'Design', 'buttonDesign', 'resign', 'ensign']) assert.equal(describeUnknownKey(key), `unknown field "${key}"`);
    for (const key of ['SIGN', 'apiSign', 'requestSignature', 'x_sign', 'x-signature', 'hmac.sign', 'designSignature']) {
      assert.match(describeUnknownKey(key), /looks like a secret/, key);
    }
  });

  test('secret words are matched as words (camelCase, snake_case, kebab-case), not as substrings of innocent keys', () => {
    for (const key of ['passenger', 'passengerName', 'bypassCache', 'compass', 'secretary', 'privateLabel', 'loginsCount', 'surpass']) {
      assert.equal(describeUnknownKey(key), `unknown field "${key}"`, key);
    }
    const secrets = ['password', 'PASSWORD', 'userPassword', 'password2', 'passwd', 'pwd', 'pass', 'x-pass', 'passphrase', 'secret', 'apiSecret'];
    secrets.push('apisecret', 'APISecret', 'client_secret', 'secretKey', 'privateKey', 'private_key', 'PRIVATE-KEY', 'login', 'userLogin');
    for (const key of secrets) assert.match(describeUnknownKey(key), /looks like a secret/, key);
  });

  test('a long key is shortened in the message; a typo gets its intended field', () => {
    const key = 'k'.repeat(41);
    assert.equal(describeUnknownKey(key), `unknown field "${'k'.repeat(40)}…"`);
    assert.equal(describeUnknownKey('k'.repeat(40)), `unknown field "${'k'.repeat(40)}"`);
    assert.equal(describeUnknownKey('price'), 'unknown field "price" — did you mean "amount"?');
    assert.equal(describeUnknownKey('toString'), 'unknown field "toString"');
    assert.equal(describeUnknownKey(`secret_${'x'.repeat(60)}`).startsWith(`"secret_${'x'.repeat(33)}" looks like a secret`), true);
  });

  test('the summary names every refused field, the body as a whole by its name', () => {
    const result = validateCheckoutRequest({ ...body, amount: 0, currency: 'XYZ' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /^Invalid request body: amount must be at least 1 \(minor units\); currency must be a known ISO 4217/);
    const empty = validateCheckoutRequest({ ...body, amount: undefined });
    assert.equal(empty.ok ? '' : empty.message, 'Invalid request body: amount is required');
  });
});

describe('what each refused field says', () => {
  const data = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };
  const messageFor = (extra: Record<string, unknown>, path: string) => {
    const result = validatePaymentData({ ...data, ...extra });
    return result.ok ? undefined : result.issues.find((issue) => issue.path === path)?.message;
  };

  test('a developer reads what the field must be, in words', () => {
    assert.equal(messageFor({ currencyCode: 985 }, 'currencyCode'), 'must be a string: an ISO 4217 code such as PLN');
    assert.equal(messageFor({ transactionId: 'nope' }, 'transactionId'), 'must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba');
    assert.equal(messageFor({ orderId: 7 }, 'orderId'), 'must be a string (your own order id)');
    assert.equal(messageFor({ orderId: 'a b' }, 'orderId'), 'must be 1 to 64 letters, digits, "_", "-" or "." (your own order id)');
    assert.equal(messageFor({ countryCode: 48 }, 'countryCode'), 'must be a string: ISO 3166-1 alpha-2 such as PL');
    assert.equal(messageFor({ countryCode: 'xPL' }, 'countryCode'), 'must be an ISO 3166-1 alpha-2 code in upper case, such as PL');
    assert.equal(messageFor({ countryCode: 'PLx' }, 'countryCode'), 'must be an ISO 3166-1 alpha-2 code in upper case, such as PL');
    assert.equal(messageFor({ gatewayMerchantId: '' }, 'gatewayMerchantId'), 'must not be empty (the gateway merchant id)');
    assert.equal(messageFor({ merchantName: '' }, 'merchantName'), 'must not be empty (the merchant name shown by Google Pay)');
    assert.equal(messageFor({ merchantId: '' }, 'merchantId'), 'must not be empty (the Google Pay merchant id)');
    const sender = { firstName: '', lastName: '', email: 5 };
    assert.equal(messageFor({ sender }, 'sender.firstName'), "must not be empty (the payer's first name)");
    assert.equal(messageFor({ sender }, 'sender.lastName'), "must not be empty (the payer's last name)");
    assert.equal(messageFor({ sender }, 'sender.email'), 'must be a string (an e-mail address)');
    assert.equal(messageFor({ sender: { firstName: 'A', lastName: 'N', email: 'a@b.pl x' } }, 'sender.email'), 'must be an e-mail address');
    assert.equal(messageFor({ sender: { firstName: 'A', lastName: 'N', email: `${'a'.repeat(247)}@b.pl` } }, 'sender.email'), undefined);
    assert.equal(messageFor({}, 'amount'), undefined);
    const whole = validatePaymentData([data]);
    assert.equal(whole.ok ? '' : whole.issues[0]!.message, 'must be an object { apiKey, amount, currencyCode, description } (or its JSON text)');
  });

  test('every common typo points at a field the data really has, and the typo itself is refused', () => {
    const data = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };
    const unknownAt = (input: Record<string, unknown>, key: string) => {
      const result = validatePaymentData(input);
      return !result.ok && result.issues.some((issue) => issue.path === key && issue.message.startsWith('unknown field'));
    };
    assert.ok(Object.keys(DID_YOU_MEAN).length >= 10);
    for (const [typo, field] of Object.entries(DID_YOU_MEAN)) {
      assert.equal(describeUnknownKey(typo), `unknown field "${typo}" — did you mean "${field}"?`);
      assert.equal(unknownAt({ ...data, [typo]: 'x' }, typo), true, `${typo} is refused`);
      assert.equal(unknownAt({ ...data, [field]: 'x' }, field), false, `${typo} → ${field}: a field of the data`);
    }
    assert.equal(DID_YOU_MEAN.currency, 'currencyCode');
    assert.equal(DID_YOU_MEAN.merchantUuid, 'gatewayMerchantId');
  });
});

describe('the hosted-page request', () => {
  test('takes only an absolute http(s) return URL', () => {
    const { token: _token, ...hosted } = body;
    assert.equal(validateHostedRequest({ ...hosted, returnUrl: 'https://shop.example/thanks' }).ok, true);
    for (const returnUrl of ['javascript:alert(1)', '/thanks', 'ftp://shop.example/']) {
      const result = validateHostedRequest({ ...hosted, returnUrl });
      assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), ['returnUrl'], returnUrl);
    }
  });
});

describe('the element data as a backend would re-check it', () => {
  const data = { apiKey: 'pk_test_shop', amount: 1999, currencyCode: 'PLN', description: 'Order 1042' };

  test('JSON text, null and broken text', () => {
    assert.deepEqual(validatePaymentData(JSON.stringify(data)), { ok: true, value: data });
    const broken = validatePaymentData('{"amount":');
    assert.deepEqual(broken.ok ? [] : broken.issues, [{ path: '', message: 'is not valid JSON' }]);
    assert.equal(broken.ok ? '' : broken.message, 'Invalid data: is not valid JSON');
    for (const missing of [null, undefined]) {
      const result = validatePaymentData(missing);
      assert.equal(result.ok ? '' : result.message, 'Invalid data: is required: set el.data = { apiKey, amount, currencyCode, description }');
    }
  });

  test('the optional display fields have their own limits', () => {
    assert.equal(validatePaymentData({ ...data, merchantName: 'm'.repeat(100), countryCode: 'PL' }).ok, true);
    const result = validatePaymentData({ ...data, merchantName: 'm'.repeat(101), countryCode: 'pl', gatewayMerchantId: '' });
    assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path).sort(), ['countryCode', 'gatewayMerchantId', 'merchantName']);
    const typo = validatePaymentData({ ...data, merchantUuid: 'x' });
    assert.equal(typo.ok ? '' : typo.issues[0]!.message, 'unknown field "merchantUuid" — did you mean "gatewayMerchantId"?');
  });
});

describe('money as text, exactly', () => {
  test('negative amounts and sub-unit amounts keep their sign and zeros', () => {
    assert.equal(minorToDecimal(-1999, 'PLN'), '-19.99');
    assert.equal(minorToDecimal(-5, 'PLN'), '-0.05');
    assert.equal(minorToDecimal(-7, 'JPY'), '-7');
    assert.equal(minorToDecimal(7, 'JPY'), '7');
    assert.equal(minorToDecimal(0, 'PLN'), '0.00');
    assert.equal(minorToDecimal(10n ** 20n, 'PLN'), '1000000000000000000.00');
    assert.throws(() => minorToDecimal(1.5, 'PLN'), /amount must be a safe integer, got 1.5/);
  });

  test('decimal text back to minor units: sign, trailing zeros, spaces, and the limits', () => {
    assert.equal(decimalToMinor('-19.99', 'PLN'), -1999);
    assert.equal(decimalToMinor(' 19.9 ', 'PLN'), 1990);
    assert.equal(decimalToMinor('19.9900', 'PLN'), 1999);
    assert.equal(decimalToMinor('7', 'JPY'), 7);
    assert.equal(decimalToMinor('0.005', 'KWD'), 5);
    assert.throws(() => decimalToMinor('19.999', 'PLN'), /"19.999" has more than 2 decimals for PLN/);
    // A tenth of a grosz is not silently dropped: 1.001 PLN is refused, not charged as 1.00.
    assert.throws(() => decimalToMinor('1.001', 'PLN'), /more than 2 decimals/);
    assert.throws(() => decimalToMinor('1.5', 'JPY'), /more than 0 decimals for JPY/);
    assert.throws(() => decimalToMinor('19.', 'PLN'), /"19." is not a decimal amount/);
    assert.throws(() => decimalToMinor('+19', 'PLN'), /not a decimal amount/);
    assert.throws(() => decimalToMinor('90071992547409.92', 'PLN'), /"90071992547409.92" is too large/);
  });
});
