import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateCheckoutRequest, validatePaymentData, type FieldIssue } from '../../src/protocol/index.js';

/**
 * The element validates `data` with the hand-written rules of src/protocol/payment-data.ts (no
 * schema library on the page before payment-ready); the server validates request bodies with zod
 * schemas derived from those rules. One table of values, both sides: every value gets the same
 * verdict and the same issues, so the backend never refuses what the page let through, nor the reverse.
 */
const data = { apiKey: 'pk_test', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };
const body = { transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba', apiKey: 'pk_test', amount: 1000, currency: 'PLN', description: 'Order 42', token: 'tok' };

const long = (n: number) => 'x'.repeat(n);
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  '1000',
  985n,
  {},
  [],
  '',
  'x',
  long(100),
  long(101),
  long(200),
  long(201),
  long(255),
  long(256),
  'PLN',
  'pln',
  'XYZ',
  'JPY',
  'PL',
  'pl',
  'POL',
  '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
  '08EA8E28-0AAD-45EB-8368-F15BDADD5EBA',
  'not-a-uuid',
  '08ea8e28-0aad-45eb-8368-f15bdadd5eb',
  'order_1.x-2',
  'bad id',
  long(64),
  long(65),
  { firstName: 'Jan', lastName: 'Kowalski' },
  { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
  { firstName: 'Jan' },
  { firstName: 'J', lastName: 'K', email: 'nope' },
  { firstName: 'J', lastName: 'K', email: `${long(250)}@b.cd` },
  { firstName: 'J', lastName: 'K', email: null },
  { firstName: '', lastName: 'K' },
  { firstName: 'J', lastName: long(101) },
  { firstName: 'J', lastName: 'K', password: 'p' },
  [{ firstName: 'J', lastName: 'K' }],
];
/** Field of data → field of the request body (the same rule under the body's name). */
const SHARED: Record<string, string> = {
  apiKey: 'apiKey',
  amount: 'amount',
  currencyCode: 'currency',
  description: 'description',
  transactionId: 'transactionId',
  orderId: 'orderId',
  sender: 'sender',
};

const issuesOf = (result: { ok: true } | { ok: false; issues: FieldIssue[] }) => (result.ok ? [] : result.issues);
const label = (value: unknown) => (typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value)).slice(0, 40));

describe('the element and the server share one owner of the data rules', () => {
  test('every value of the table gets the same issues in data and in the request body', () => {
    let refused = 0;
    for (const [dataKey, bodyKey] of Object.entries(SHARED)) {
      for (const value of VALUES) {
        const fromPage = issuesOf(validatePaymentData({ ...data, [dataKey]: value })).map((i) => ({ ...i, path: i.path.replace(dataKey, bodyKey) }));
        const fromServer = issuesOf(validateCheckoutRequest({ ...body, [bodyKey]: value }));
        // transactionId is optional in data (the element makes one) and required in the body.
        if (value === undefined && dataKey === 'transactionId') continue;
        assert.deepEqual(fromServer, fromPage, `${dataKey} = ${label(value)}`);
        if (fromPage.length) refused++;
      }
    }
    assert.ok(refused > 100, `the table must exercise refusals, got ${refused}`); // a table that refuses nothing proves nothing
  });

  test('the page and the server name the same issue for a field that is wrong in a way only the rule knows', () => {
    const page = validatePaymentData({ ...data, amount: 10.5 });
    const server = validateCheckoutRequest({ ...body, amount: 10.5 });
    assert.deepEqual(issuesOf(page), [{ path: 'amount', message: 'must be an integer number of minor units (e.g. 1000 for 10.00 PLN)' }]);
    assert.deepEqual(issuesOf(server), issuesOf(page));
    assert.deepEqual(issuesOf(validateCheckoutRequest({ ...body, sender: { firstName: 'J', lastName: 'K', extra: 1 } })), [
      { path: 'sender.extra', message: 'unknown field "extra"' },
    ]);
  });

  test('a valid value comes back as a copy with the known keys only, nested objects copied too', () => {
    const sender = { firstName: 'Jan', lastName: 'Kowalski' };
    const result = validatePaymentData({ ...data, sender, merchantName: undefined });
    assert.ok(result.ok);
    assert.deepEqual(result.value, { ...data, sender });
    assert.notEqual(result.value.sender, sender);
    assert.deepEqual(Object.keys(result.value), ['apiKey', 'amount', 'currencyCode', 'description', 'sender']);
  });
});
