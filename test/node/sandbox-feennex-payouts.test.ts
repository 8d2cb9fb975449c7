import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { now, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';
import { waitFor } from '../support/wait.js';

let order = 0;
const nextId = () => `po-${++order}`;

describe('feennex sandbox: payouts and balances', () => {
  let sandbox: Sandbox;
  // The sandbox's clock stands still unless a test moves it (processingMs is 200 in the harness):
  // "still processing" and "settled later" do not depend on how fast a busy machine runs the test.
  let clock = Date.now();
  const balance = async (currency: number) =>
    (await sandbox.call('shop_balance', { now: now() })).data!.balances.find((b: { currency: number }) => b.currency === currency);
  const withdraw = (amount: string, extra: Record<string, unknown> = {}) =>
    sandbox.call('withdraw/create', {
      account: '4111111111111111',
      amount,
      amount_type: 'shop_amount',
      payway: 'card_pln',
      shop_currency: '985',
      shop_payment_id: nextId(),
      ...extra,
    });
  const withdrawStatus = async (id: number) => (await sandbox.call('withdraw/status', { now: now(), withdraw_id: String(id) })).data!;

  before(async () => {
    sandbox = await startSandbox({ now: () => clock });
  });
  beforeEach(() => sandbox.emulator.reset());
  after(() => sandbox.close());

  test('shop_balance lists the starting balances with exact decimals', async () => {
    const answer = await sandbox.call('shop_balance', { now: now() });
    assert.deepEqual(answer.data, {
      balances: [
        { currency: 840, available: '5000.00', frozen: '0.00', hold: '0.00' },
        { currency: 978, available: '5000.00', frozen: '0.00', hold: '0.00' },
        { currency: 985, available: '10000.00', frozen: '0.00', hold: '0.00' },
      ],
      shop_id: '5',
    });
  });

  test('withdraw/try previews both sides across currencies', async () => {
    const answer = await sandbox.call('withdraw/try', { amount: '10.00', amount_type: 'ps_amount', payway: 'card_eur', shop_currency: '985' });
    assert.deepEqual(answer.data, {
      account_info_config: {},
      info: {},
      payee_receive: '10.00',
      ps_currency: 978,
      shop_currency: 985,
      shop_write_off: '43.00',
    });
  });

  test('withdraw/create succeeds, debits the balance, and is found by id and by shop_payment_id', async () => {
    const answer = await withdraw('100.00', { shop_payment_id: 'w-1' });
    assert.equal(answer.error_code, 0, answer.message);
    const payout = answer.data!;
    assert.equal(payout.status, 5);
    assert.equal(payout.shop_write_off, '100.00');
    assert.equal(payout.payee_receive, '100.00');
    assert.equal(payout.balance, '9900.00');
    assert.equal((await balance(985)).available, '9900.00');
    const { balance: _, ...status } = payout;
    assert.deepEqual(await withdrawStatus(payout.id), status);
    assert.deepEqual((await sandbox.call('withdraw/shop_payment_status', { now: now(), shop_payment_id: 'w-1' })).data, status);
    assert.equal((await withdraw('1.00', { shop_payment_id: 'w-1' })).error_code, 6);
    assert.equal((await sandbox.call('transfer/shop_payment_status', { now: now(), shop_payment_id: 'w-1' })).error_code, 7, 'not a transfer');
  });

  test('a payout above the available balance is error 9 and changes nothing', async () => {
    await withdraw('9990.00');
    const answer = await withdraw('10.01');
    assert.equal(answer.error_code, 9);
    assert.equal(answer.message, 'Insufficient balance: 10.00 PLN available');
    assert.equal((await balance(985)).available, '10.00');
    assert.equal((await withdraw('10.00')).data?.status, 5, 'exactly the balance is fine');
    assert.equal((await balance(985)).available, '0.00');
  });

  test('a successful card payment credits the balance a payout can then use', async () => {
    await withdraw('10000.00', { payway: 'payeer_pln', account: 'P1000001' });
    assert.equal((await withdraw('1.00')).error_code, 9);
    const invoice = await sandbox.call('invoice/create', { amount: '20.00', currency: '985', payway: 'payeer_pln', shop_order_id: nextId() });
    const page = new URL(invoice.data!.url);
    await sandbox.fetch(page.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session_id: invoice.data!.data.session_id, action: 'approve' }).toString(),
    });
    assert.equal((await balance(985)).available, '20.00');
    assert.equal((await withdraw('20.00')).data?.status, 5);
  });

  test('slow payout (3.33): processing with the amount on hold, then success on a status query', async () => {
    const payout = (await withdraw('3.33')).data!;
    assert.equal(payout.status, 3);
    assert.deepEqual(await balance(985), { currency: 985, available: '9996.67', frozen: '0.00', hold: '3.33' });
    assert.equal((await withdrawStatus(payout.id)).status, 3);
    clock += 250;
    assert.equal((await withdrawStatus(payout.id)).status, 5);
    assert.deepEqual(await balance(985), { currency: 985, available: '9996.67', frozen: '0.00', hold: '0.00' });
  });

  test('manual payout (2.22): waiting for confirmation, confirmed, then success', async () => {
    const payout = (await withdraw('2.22')).data!;
    assert.equal(payout.status, 2);
    clock += 250;
    assert.equal((await withdrawStatus(payout.id)).status, 7);
    clock += 200;
    assert.equal((await withdrawStatus(payout.id)).status, 5);
  });

  test('rejected payout (6.06): status 6 and nothing written off', async () => {
    const payout = (await withdraw('6.06')).data!;
    assert.equal(payout.status, 6);
    assert.equal(payout.balance, '10000.00');
    assert.deepEqual(
      sandbox.emulator.payouts().map((p) => p.statusName),
      ['rejected'],
    );
  });

  test('processing payout (8.08): error 8, the payout exists and settles; a repeat is 8, later 6', async () => {
    const answer = await withdraw('8.08', { shop_payment_id: 'w-8' });
    assert.equal(answer.error_code, 8);
    const status = await sandbox.call('withdraw/shop_payment_status', { now: now(), shop_payment_id: 'w-8' });
    assert.equal(status.data!.status, 3);
    assert.equal((await withdraw('8.08', { shop_payment_id: 'w-8' })).error_code, 8);
    clock += 250;
    assert.equal((await sandbox.call('withdraw/shop_payment_status', { now: now(), shop_payment_id: 'w-8' })).data!.status, 5);
    assert.equal((await withdraw('8.08', { shop_payment_id: 'w-8' })).error_code, 6);
  });

  test('timeout payout (4.08): the answer is late; its status is already there', async () => {
    const late = withdraw('4.08', { shop_payment_id: 'w-late' });
    await waitFor(() => sandbox.emulator.payouts().some((p) => p.shopPaymentId === 'w-late'), 'the late payout');
    const status = await sandbox.call('withdraw/shop_payment_status', { now: now(), shop_payment_id: 'w-late' });
    assert.equal(status.data!.status, 5);
    assert.equal((await late).data!.status, 5);
  });

  test('transfer: try, create (receive_amount across currencies), status', async () => {
    const preview = await sandbox.call('transfer/try', { amount: '10.00', amount_type: 'receive_amount', payee_currency: '978', shop_currency: '985' });
    assert.deepEqual(preview.data, { payee_amount: '10.00', payee_currency: 978, shop_currency: 985, write_off_amount: '43.00' });
    const created = await sandbox.call('transfer/create', {
      amount: '10.00',
      amount_type: 'receive_amount',
      payee_account: 'payee@sandbox.test',
      payee_currency: '978',
      shop_currency: '985',
      shop_payment_id: 't-1',
    });
    assert.equal(created.error_code, 0, created.message);
    assert.deepEqual(created.data, {
      id: created.data!.id,
      shop_payment_id: 't-1',
      status: 5,
      payee_account: 'payee@sandbox.test',
      payee_currency: 978,
      payee_amount: '10.00',
      shop_currency: 985,
      write_off_amount: '43.00',
      shop: '5',
      balance: '9957.00',
    });
    const status = await sandbox.call('transfer/shop_payment_status', { now: now(), shop_payment_id: 't-1' });
    assert.equal(status.data!.receive_amount, '10.00');
    assert.equal(status.data!.status, 5);
  });

  test('a wrong amount_type is error 10 naming it', async () => {
    const answer = await sandbox.call('transfer/try', { amount: '1.00', amount_type: 'ps_amount', payee_currency: '985', shop_currency: '985' });
    assert.equal(answer.error_code, 10);
    assert.equal(answer.message, 'Incorrect parameter amount_type: must be receive_amount or writeoff_amount');
  });

  test('check_account verifies a card without exposing its number', async () => {
    const answer = await sandbox.call('check_account', { account: '5555555555554444', amount: '10.00', payway: 'card_pln' });
    assert.deepEqual(answer.data, {
      account_info: { card: '555555******4444', network: 'MASTERCARD' },
      provider_status: 'verified',
      result: true,
      verified: true,
    });
  });

  test('the merchant panel masks card numbers', async () => {
    await withdraw('1.00');
    assert.equal(sandbox.emulator.payouts()[0].account, '411111…1111');
  });
});
