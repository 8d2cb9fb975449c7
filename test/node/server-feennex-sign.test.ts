import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { constantTimeEqual, feennexSign, FEENNEX_SIGNED_KEYS, feennexSignedBody, stringToSign } from '../../src/gateways/feennex/server/sign.js';
import { signRequest } from '../support/feennex-sign.js';
import { decimalText, fromFeennexCurrency, readFeennexMoney, toFeennexAmount, toFeennexCurrency } from '../../src/gateways/feennex/server/currency.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/vectors.json', import.meta.url), 'utf8')).feennexSigning.vectors as Array<{
  keys: Record<string, string>;
  secret: string;
  stringToSign: string;
  sign: string;
}>;

test('every feennexSigning vector: string to sign and sign (WebCrypto)', async () => {
  assert.ok(vectors.length >= 4);
  for (const v of vectors) {
    assert.equal(stringToSign(v.keys), v.stringToSign);
    assert.equal(await feennexSign(v.keys, v.secret), v.sign);
  }
});

test('non-ASCII values are signed as UTF-8, as node:crypto does', async () => {
  const keys = { description: 'Zamówienie 42 — żółw 🐢', shop_id: '5' };
  assert.equal(await feennexSign(keys, 'sekret'), signRequest(keys, 'sekret'));
});

test('key order of the input does not matter: keys are sorted by name', async () => {
  const v = vectors[0]!;
  const reversed = Object.fromEntries(Object.entries(v.keys).reverse());
  assert.equal(await feennexSign(reversed, v.secret), v.sign);
});

test('feennexSignedBody signs exactly the method keys, sends them as strings, leaves extras unsigned', async () => {
  const v = vectors[3]!;
  const body = await feennexSignedBody('invoice/create', v.keys as never, v.secret, { description: 'Order 42', success_url: undefined });
  assert.deepEqual(body, { ...v.keys, sign: v.sign, description: 'Order 42' });
  await assert.rejects(feennexSignedBody('invoice/create', v.keys as never, v.secret, { sign: 'x' }), /override a signed field/);
  await assert.rejects(feennexSignedBody('invoice/create', v.keys as never, v.secret, { shop_id: '9' }), /override a signed field/);
  const { payway: _payway, ...missing } = v.keys;
  await assert.rejects(feennexSignedBody('invoice/create', missing as never, v.secret), /signed field "payway" must be a string/);
});

test('constantTimeEqual: equal only for the same text', () => {
  assert.equal(constantTimeEqual('abc', 'abc'), true);
  assert.equal(constantTimeEqual('abc', 'abd'), false);
  assert.equal(constantTimeEqual('abc', 'ab'), false);
  assert.equal(constantTimeEqual('', ''), true);
});

test('the signed-key table matches the documented methods', () => {
  assert.deepEqual(Object.keys(FEENNEX_SIGNED_KEYS).sort(), [
    'bill/create',
    'bill/shop_order_status',
    'check_account',
    'invoice/create',
    'invoice/try',
    'shop_balance',
    'transfer/create',
    'transfer/shop_payment_status',
    'transfer/try',
    'withdraw/create',
    'withdraw/shop_payment_status',
    'withdraw/status',
    'withdraw/try',
  ]);
  assert.deepEqual([...FEENNEX_SIGNED_KEYS['withdraw/create']].sort(), [
    'account',
    'amount',
    'amount_type',
    'payway',
    'shop_currency',
    'shop_id',
    'shop_payment_id',
  ]);
});

test('currencies: alphabetic ↔ numeric through ISO 4217 data, written as Feennex integers', () => {
  assert.equal(toFeennexCurrency('PLN'), '985');
  assert.equal(toFeennexCurrency('USD'), '840');
  assert.equal(toFeennexCurrency('AUD'), '36');
  assert.equal(fromFeennexCurrency('643'), 'RUB');
  assert.equal(fromFeennexCurrency(978), 'EUR');
  assert.equal(fromFeennexCurrency('036'), 'AUD');
  assert.equal(fromFeennexCurrency('36'), 'AUD');
  assert.equal(fromFeennexCurrency('1000'), undefined);
  assert.equal(fromFeennexCurrency('abc'), undefined);
  assert.throws(() => toFeennexCurrency('pln'), /currency must be an ISO 4217 alphabetic code/);
  assert.throws(() => toFeennexCurrency('XYZ', 'shopCurrency'), /shopCurrency must be/);
});

test('amounts: integer minor units ↔ exact decimal strings', () => {
  assert.equal(toFeennexAmount(1234, 'PLN'), '12.34');
  assert.equal(toFeennexAmount(5, 'PLN'), '0.05');
  assert.equal(toFeennexAmount(1000, 'JPY'), '1000');
  assert.equal(toFeennexAmount(1000, 'KWD'), '1.000');
  assert.equal(toFeennexAmount(Number.MAX_SAFE_INTEGER, 'USD'), '90071992547409.91');
  assert.throws(() => toFeennexAmount(12.5, 'PLN'), /positive integer/);
  assert.throws(() => toFeennexAmount(0, 'PLN'), /positive integer/);
  assert.deepEqual(readFeennexMoney('12.34', '985'), { decimal: '12.34', minor: 1234, currency: 'PLN', numericCurrency: '985' });
  assert.deepEqual(readFeennexMoney(12.5, 985), { decimal: '12.5', minor: 1250, currency: 'PLN', numericCurrency: '985' });
  assert.equal(readFeennexMoney('12.345', '985'), undefined, 'more decimals than the currency has');
  assert.equal(readFeennexMoney('12.34', '999'), undefined, 'no ISO currency');
  assert.equal(decimalText(1e21), undefined);
  assert.equal(decimalText(0.1 + 0.2), undefined, 'a float artefact is refused, not rounded');
});
