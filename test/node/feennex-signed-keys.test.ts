import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FEENNEX_SIGNED_KEYS, stringToSign } from '../../src/gateways/feennex/server/sign.js';

/**
 * The client and the emulator share one table of signed keys, so neither can catch a wrong key in
 * the other: the table is checked here against the documented one in docs/gateways/feennex.md.
 */
function documentedTable(): Record<string, string[]> {
  const doc = readFileSync(new URL('../../docs/gateways/feennex.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### Signed keys'));
  const rows = [...section.matchAll(/^\| `([a-z_/]+)` \| `([a-z_, ]+)` \|$/gm)];
  return Object.fromEntries(rows.map(([, method, keys]) => [method!, keys!.split(', ')]));
}

test('FEENNEX_SIGNED_KEYS is the table of docs/gateways/feennex.md, method for method and key for key', () => {
  const documented = documentedTable();
  assert.equal(Object.keys(documented).length, 13, 'the documented table has its 13 methods');
  assert.deepEqual(Object.fromEntries(Object.entries(FEENNEX_SIGNED_KEYS).map(([method, keys]) => [method, [...keys]])), documented);
});

test("the documented error-10 example joins invoice/create's keys in name order", () => {
  const example = { amount: '500', currency: '840', payway: 'card_usd', shop_id: '6199', shop_order_id: '99991' };
  assert.deepEqual(Object.keys(example), [...FEENNEX_SIGNED_KEYS['invoice/create']]);
  assert.equal(stringToSign(example), '500:840:card_usd:6199:99991');
});
