import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES, MAGIC_ACCOUNTS, MAGIC_SHOPS } from '../../src/gateways/feennex/sandbox/index.js';
import { now, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';

type Call = [method: string, params: Record<string, unknown>];

let order = 0;
const invoice = (amount: string, payway: string, currency = '985'): Call => ['invoice/create', { amount, currency, payway, shop_order_id: `err-${++order}` }];
const withdraw = (amount: string, account = '4111111111111111', extra: Record<string, unknown> = {}): Call => [
  'withdraw/create',
  { account, amount, amount_type: 'shop_amount', payway: 'card_pln', shop_currency: '985', shop_payment_id: `err-${++order}`, ...extra },
];
const balanceOf = (shop: string): Call => ['shop_balance', { now: now(), shop_id: shop }];
const accountOf = (code: number) => Object.keys(MAGIC_ACCOUNTS).find((account) => MAGIC_ACCOUNTS[account].errorCode === code && account.includes('@'))!;
const shopOf = (code: number) => Object.keys(MAGIC_SHOPS).find((shop) => MAGIC_SHOPS[shop].errorCode === code)!;

/** One request per documented error code, as the README's table describes it. */
const TRIGGERS: Record<number, () => Promise<Call>> = {
  1: async () => invoice('10.00', 'unknown_pln'),
  2: async () => invoice('10.00', 'qiwi_pln'),
  3: async () => invoice('10.00', 'webmoney_pln'),
  4: async () => invoice('0.50', 'card_pln'),
  5: async () => invoice('10000.01', 'card_pln'),
  6: async () => ['invoice/create', { amount: '10.00', currency: '985', payway: 'card_pln', shop_order_id: 'taken' }],
  7: async () => ['bill/shop_order_status', { now: now(), shop_order_id: 'never-created' }],
  8: async () => withdraw('8.08'),
  9: async () => withdraw('10000.01', 'P1000001', { payway: 'payeer_pln' }),
  10: async () => invoice('10.001', 'card_pln'),
  11: async () => balanceOf('424242'),
  12: async () => balanceOf(shopOf(12)),
  13: async () => [
    'transfer/create',
    {
      amount: '1.00',
      amount_type: 'writeoff_amount',
      payee_account: accountOf(13),
      payee_currency: '985',
      shop_currency: '985',
      shop_payment_id: `err-${++order}`,
    },
  ],
  14: async () => withdraw('1.00', accountOf(14), { payway: 'payeer_pln' }),
  15: async () => balanceOf(shopOf(15)),
  16: async () => invoice('10.00', 'card_usd', '392'),
  17: async () => balanceOf(shopOf(17)),
  18: async () => ['check_account', { account: accountOf(18), amount: '1.00', payway: 'advcash_pln' }],
  19: async () => balanceOf(shopOf(19)),
};

describe('feennex sandbox: every documented error code is reachable', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
    const first = await sandbox.call('invoice/create', { amount: '10.00', currency: '985', payway: 'card_pln', shop_order_id: 'taken' });
    assert.equal(first.error_code, 0, first.message);
  });
  after(() => sandbox.close());

  test('the table documents exactly the codes 1 to 19, and so does the README', () => {
    assert.deepEqual(
      ERROR_CODES.map((entry) => entry.code),
      Array.from({ length: 19 }, (_, i) => i + 1),
    );
    const readme = readFileSync(new URL('../../src/gateways/feennex/sandbox/README.md', import.meta.url), 'utf8');
    for (const { code, message } of ERROR_CODES) assert.ok(readme.includes(`| ${code} | ${message} |`), `README row for ${code}`);
  });

  for (const { code, message } of ERROR_CODES) {
    test(`error ${code}: ${message}`, async () => {
      const [method, params] = await TRIGGERS[code]();
      // 11 needs the other reading of an unknown shop; by default it is error 10, as documented.
      const shopNotFound = code === 11 ? await startSandbox({ unknownShop: 'shop-not-found' }) : undefined;
      const answer = await (shopNotFound ?? sandbox).call(method, params).finally(() => shopNotFound?.close());
      assert.equal(answer.error_code, code, answer.message);
      assert.equal(answer.result, false);
      assert.equal(answer.data, null);
      assert.ok(answer.message.startsWith(code === 10 ? 'Incorrect parameter amount' : message), answer.message);
    });
  }

  test('magic card accounts answer 13, 14 and 18 for card payouts too', async () => {
    for (const [account, { errorCode }] of Object.entries(MAGIC_ACCOUNTS).filter(([account]) => /^\d+$/.test(account))) {
      const [method, params] = withdraw('1.00', account);
      assert.equal((await sandbox.call(method, params)).error_code, errorCode, account);
    }
  });

  test('the wrong sign on a magic shop is still error 10 (except 15, which is checked first)', async () => {
    assert.equal((await sandbox.call(...balanceOf(shopOf(12)), { secret: 'wrong' })).error_code, 10);
    assert.equal((await sandbox.call(...balanceOf(shopOf(15)), { secret: 'wrong' })).error_code, 15);
  });

  test('a card payout to an invalid card number is error 10 naming account', async () => {
    const answer = await sandbox.call(...withdraw('1.00', '4111111111111112'));
    assert.equal(answer.error_code, 10);
    assert.match(answer.message, /account/);
  });

  test('Google Pay cannot be a payout payway (1)', async () => {
    const answer = await sandbox.call(...withdraw('1.00', '4111111111111111', { payway: 'googlepay_pln' }));
    assert.equal(answer.error_code, 1);
  });
});
