import { expect } from '@open-wc/testing';
import {
  classifyResponse,
  decimalToMinor,
  isKnownCurrency,
  minorDigits,
  minorToDecimal,
  validateCheckoutRequest,
  validatePaymentData,
} from '../../src/protocol/index.js';

const valid = { apiKey: 'pk_test', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };

describe('price formatting (Intl currency data, no floating point)', () => {
  it('uses each currency’s own minor digits', () => {
    expect(minorToDecimal(1000, 'PLN')).to.equal('10.00');
    expect(minorToDecimal(1000, 'JPY')).to.equal('1000');
    expect(minorToDecimal(1000, 'KWD')).to.equal('1.000');
    expect(minorToDecimal(1, 'EUR')).to.equal('0.01');
    expect(minorToDecimal(5, 'BHD')).to.equal('0.005');
    expect(minorToDecimal(12345, 'CLF')).to.equal('1.2345');
  });

  it('is exact at the largest safe amount, where floats would round', () => {
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'PLN')).to.equal('90071992547409.91');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'JPY')).to.equal('9007199254740991');
    expect(decimalToMinor('90071992547409.91', 'PLN')).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('formats every currency the platform knows without floating point', () => {
    for (const code of Intl.supportedValuesOf('currency')) {
      const digits = minorDigits(code);
      const text = minorToDecimal(123456789, code);
      const expected = digits === 0 ? '123456789' : `${'123456789'.slice(0, -digits)}.${'123456789'.slice(-digits)}`;
      expect(text, code).to.equal(expected);
      expect(decimalToMinor(text, code), code).to.equal(123456789);
    }
  });

  it('rejects excess precision and non-amounts when parsing decimals', () => {
    expect(() => decimalToMinor('1.234', 'PLN')).to.throw(/more than 2 decimals/);
    expect(() => decimalToMinor('1e3', 'PLN')).to.throw(/not a decimal/);
    expect(decimalToMinor('12.30', 'PLN')).to.equal(1230);
  });

  it('knows ISO 4217 codes, in upper case only', () => {
    expect(isKnownCurrency('PLN')).to.equal(true);
    expect(isKnownCurrency('pln')).to.equal(false);
    expect(isKnownCurrency('XYZ')).to.equal(false);
    expect(isKnownCurrency('EURO')).to.equal(false);
  });
});

describe('payment data schema', () => {
  const issuesOf = (input: unknown) => {
    const result = validatePaymentData(input);
    expect(result.ok, JSON.stringify(input)).to.equal(false);
    return result.ok ? [] : result.issues;
  };
  const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path);

  it('accepts the minimal data of Fenige’s SDK example and every optional field', () => {
    expect(validatePaymentData(valid).ok).to.equal(true);
    const full = {
      ...valid,
      transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
      gatewayMerchantId: 'e59b470b-bdb1-4043-a856-86b624c2a607',
      merchantName: 'Shop',
      merchantId: 'BCR2DN4T',
      countryCode: 'PL',
      sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
    };
    expect(validatePaymentData(full)).to.deep.equal({ ok: true, value: full });
    expect(validatePaymentData(JSON.stringify(valid)).ok).to.equal(true);
  });

  it('names each missing field', () => {
    expect(pathsOf({})).to.have.members(['apiKey', 'amount', 'currencyCode', 'description']);
    expect(issuesOf({ ...valid, apiKey: undefined })[0]!.message).to.equal('is required');
  });

  it('rejects amounts that are not positive safe integers', () => {
    for (const amount of [0, -1, 10.5, NaN, Infinity, 2 ** 53, '1000', null]) {
      expect(pathsOf({ ...valid, amount }), String(amount)).to.deep.equal(['amount']);
    }
    expect(validatePaymentData({ ...valid, amount: Number.MAX_SAFE_INTEGER }).ok).to.equal(true);
  });

  it('rejects unknown and lower-case currencies', () => {
    for (const currencyCode of ['XYZ', 'pln', 'PL', 985]) {
      expect(pathsOf({ ...valid, currencyCode }), String(currencyCode)).to.deep.equal(['currencyCode']);
    }
  });

  it('limits the description to 1…255 characters', () => {
    expect(pathsOf({ ...valid, description: '' })).to.deep.equal(['description']);
    expect(pathsOf({ ...valid, description: 'x'.repeat(256) })).to.deep.equal(['description']);
    expect(validatePaymentData({ ...valid, description: 'x'.repeat(255) }).ok).to.equal(true);
  });

  it('names typos and refuses secrets with their own message', () => {
    const [typo] = issuesOf({ apiKey: 'k', amount: 1, currency: 'PLN', currencyCode: 'PLN', description: 'd' });
    expect(typo).to.deep.equal({ path: 'currency', message: 'unknown field "currency" — did you mean "currencyCode"?' });
    const [secret] = issuesOf({ ...valid, password: 'hunter2' });
    expect(secret!.path).to.equal('password');
    expect(secret!.message).to.match(/secret.*never/);
    expect(secret!.message).not.to.contain('hunter2');
    expect(pathsOf({ ...valid, secretKey: 'x' })).to.deep.equal(['secretKey']);
  });

  it('checks nested sender fields, UUIDs and country codes', () => {
    expect(pathsOf({ ...valid, sender: { firstName: 'Jan' } })).to.deep.equal(['sender.lastName']);
    expect(pathsOf({ ...valid, sender: { firstName: 'J', lastName: 'K', email: 'nope' } })).to.deep.equal(['sender.email']);
    expect(pathsOf({ ...valid, transactionId: 'not-a-uuid' })).to.deep.equal(['transactionId']);
    expect(pathsOf({ ...valid, countryCode: 'POL' })).to.deep.equal(['countryCode']);
  });

  it('rejects non-objects and broken JSON text', () => {
    expect(pathsOf(null)).to.deep.equal(['']);
    expect(pathsOf('{"apiKey":')).to.deep.equal(['']);
    expect(pathsOf([valid])).to.deep.equal(['']);
    expect(pathsOf(JSON.parse('{"__proto__": {"polluted": true}, "apiKey":"k","amount":1,"currencyCode":"PLN","description":"d"}'))).to.deep.equal([
      '__proto__',
    ]);
  });

  it('summarises every issue in one message naming the fields', () => {
    const result = validatePaymentData({ ...valid, amount: 0, currencyCode: 'XYZ' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.message).to.match(/^Invalid data: amount .*; currencyCode /);
  });

  it('shares its field rules with the backend request body', () => {
    const body = {
      transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
      apiKey: 'k',
      amount: 1,
      currency: 'PLN',
      description: 'd',
      token: 'examplePaymentMethodToken',
    };
    expect(validateCheckoutRequest(body).ok).to.equal(true);
    const bad = validateCheckoutRequest({ ...body, amount: 1.5, currency: 'XYZ' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).to.have.members(['amount', 'currency']);
  });
});

describe('outcome classification (docs/protocol.md §4.2)', () => {
  it('success only from a 2xx success status', () => {
    for (const status of ['APPROVED', 'SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING']) {
      expect(classifyResponse(200, { status })).to.deep.equal({ kind: 'success', status });
    }
    expect(classifyResponse(200, { transactionState: 'SUCCESS' }).kind).to.equal('success');
    expect(classifyResponse(500, { status: 'APPROVED' }).kind).to.equal('pending');
    expect(classifyResponse(200, {}).kind).to.equal('pending');
  });

  it('failures carry the code', () => {
    expect(classifyResponse(422, { status: 'E0150', message: 'Transaction rejected', transactionStatus: 'REJECTED' })).to.deep.equal({
      kind: 'failure',
      code: 'E0150',
      message: 'Transaction rejected',
    });
    expect(classifyResponse(200, { status: 'DECLINED' })).to.deep.equal({ kind: 'failure', code: 'DECLINED' });
    expect(classifyResponse(404, {})).to.deep.equal({ kind: 'failure', code: 'HTTP_404' });
  });

  it('unknown outcomes are pending, never failures or successes', () => {
    expect(classifyResponse(undefined, {}).kind).to.equal('pending');
    expect(classifyResponse(500, { status: 'E0153', transactionStatus: 'PENDING' }).kind).to.equal('pending');
    expect(classifyResponse(503, { status: 'E9001' }).kind).to.equal('pending');
    expect(classifyResponse(200, { status: 'IN_PROGRESS' }).kind).to.equal('pending');
    expect(classifyResponse(202, { status: 'PENDING' }).kind).to.equal('pending');
    expect(classifyResponse(409, {}).kind).to.equal('pending');
  });

  it('redirects, GET or POST with fields', () => {
    expect(classifyResponse(200, { redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'x' } } })).to.deep.equal({
      kind: 'redirect',
      redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'x' } },
    });
    expect(classifyResponse(200, { redirectUrl: 'https://pay.example/1' })).to.deep.equal({
      kind: 'redirect',
      redirect: { url: 'https://pay.example/1', method: 'GET' },
    });
  });
});
