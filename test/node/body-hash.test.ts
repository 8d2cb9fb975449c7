import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { hashBody, webCryptoHash } from '../../src/server/idempotency/body-hash.js';
import { canonicalJson } from '../../src/protocol/canonical-json.js';

test('the body hash is SHA-256 hex of the canonical JSON, the same with node:crypto and with WebCrypto', async () => {
  const body = { kind: 'pay', body: { transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba', amount: 1000, description: 'Zażółć 🍵', z: [1, { b: 2, a: 1 }] } };
  const reordered = {
    body: { z: [1, { a: 1, b: 2 }], description: 'Zażółć 🍵', amount: 1000, transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba' },
    kind: 'pay',
  };
  const expected = createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
  assert.equal(await hashBody(body), expected);
  assert.equal(await hashBody(reordered), expected, 'key order does not matter');
  assert.equal(await webCryptoHash(canonicalJson(body)), expected, 'edge runtimes get the very same hash');
  assert.notEqual(await hashBody({ ...body, kind: 'hosted' }), expected);
});

test('the canonical text stays what stored hashes were made from, character for character', () => {
  const cases: Array<[unknown, string]> = [
    [null, 'null'],
    [0, '0'],
    [-1.5e-7, '-1.5e-7'],
    [true, 'true'],
    ['a "quoted" \\ line\n', '"a \\"quoted\\" \\\\ line\\n"'],
    [[], '[]'],
    [{}, '{}'],
    [[undefined, null, () => 1, [1, [2, [3]]]], '[null,null,null,[1,[2,[3]]]]'],
    [
      { b: 1, a: undefined, A: 2, é: 3, '': 4, '10': 5, '9': 6, z: { y: [{ x: null }] }, fn: () => 1 },
      '{"":4,"10":5,"9":6,"A":2,"b":1,"fn":null,"z":{"y":[{"x":null}]},"é":3}',
    ],
    [{ '\ud83c\udf75': 1, '\uffff': 2, Ω: 3 }, '{"Ω":3,"\ud83c\udf75":1,"\uffff":2}'],
    [new Date(0), '{}'],
    [
      {
        scope: 'fenige:m-1',
        kind: 'pay',
        body: { transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba', token: { signedMessage: '{"encryptedMessage":"x=="}' } },
      },
      '{"body":{"token":{"signedMessage":"{\\"encryptedMessage\\":\\"x==\\"}"},"transactionId":"08ea8e28-0aad-45eb-8368-f15bdadd5eba"},"kind":"pay","scope":"fenige:m-1"}',
    ],
  ];
  for (const [value, text] of cases) assert.equal(canonicalJson(value), text, JSON.stringify(value));
});
