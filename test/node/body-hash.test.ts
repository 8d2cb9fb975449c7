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
