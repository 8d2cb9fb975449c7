import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS, get, googlePayBody, MERCHANT, post, startFenige, UUID, type FenigeHarness } from './sandbox-fenige-harness.js';

const PAY = '/external-api/transactions/google-pay';

describe('Fenige sandbox: clear, reverse, refund, details', () => {
  let h: FenigeHarness;
  before(async () => {
    h = await startFenige();
  });
  after(() => h.close());

  async function authorised(options: { card?: string; deposit?: boolean; amount?: number } = {}): Promise<string> {
    const body = googlePayBody({ ...options, now: h.now() });
    assert.equal((await post(h, PAY, body)).status, 200);
    return body.transactionId;
  }
  const state = async (id: string) => (await get(h, `/transactions/details/${id}`)).body.transactionState;
  const clear = (transactionId: string, clearingAmount: number, merchantUuid = MERCHANT) =>
    post(h, '/external/clear', { transactionId, merchantUuid, clearingAmount });
  const reverse = (transactionId: string) => post(h, '/external/reverse', { transactionId, merchantUuid: MERCHANT });
  const refund = (transactionId: string, amountToRefund: number) => post(h, '/external/transaction/refund', { transactionId, amountToRefund });

  it('clears part of the authorised amount with the documented answer, then refuses a second clearing', async () => {
    const id = await authorised();
    const res = await clear(id, 700);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body), ['completion', 'status', 'message', 'httpStatus']);
    assert.equal(res.body.status, 'S0004');
    assert.equal(res.body.message, 'PENDING');
    assert.equal(res.body.httpStatus, 'ACCEPTED');
    assert.match(res.body.completion.estimate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+$/);
    assert.equal(await state(id), 'SUCCESS');
    const again = await clear(id, 100);
    assert.equal(again.status, 422);
    assert.equal(again.body.status, 'E0150');
    assert.match(again.body.message, /this one is SUCCESS/);
  });

  it('refuses clearing above the authorised amount, with a wrong merchant, or for an unknown transaction', async () => {
    const id = await authorised();
    const over = await clear(id, 1001);
    assert.equal(over.status, 400);
    assert.deepEqual(over.body.errors, { clearingAmount: ['must be less than or equal to the authorised amount 1000'] });
    const foreign = await clear(id, 100, '00000000-0000-4000-8000-000000000000');
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.status, 'E8001');
    const unknown = await clear(crypto.randomUUID(), 100);
    assert.equal(unknown.status, 404);
    const invalid = await post(h, '/external/clear', { requestUuid: id, clearingAmount: 0 });
    assert.deepEqual(invalid.body.errors, {
      clearingAmount: ['must be greater than 0'],
      transactionId: ['must not be null', 'must not be blank'],
      merchantUuid: ['must not be null', 'must not be blank'],
    });
    assert.equal(await state(id), 'SUCCESS_WAITING_FOR_CLEARING');
  });

  it('clears VISA within 7 days and MASTERCARD within 30 days of the authorisation', async () => {
    const visa = await authorised();
    const visaLate = await authorised();
    const mastercard = await authorised({ card: '5555555555554444' });
    h.advance(6 * DAY_MS);
    assert.equal((await clear(visa, 1000)).status, 200);
    h.advance(2 * DAY_MS);
    const expired = await clear(visaLate, 1000);
    assert.equal(expired.status, 422);
    assert.match(expired.body.message, /7-day VISA clearing window ended/);
    assert.equal((await clear(mastercard, 1000)).status, 200);
    const mastercardLate = await authorised({ card: '5555555555554444' });
    h.advance(31 * DAY_MS);
    assert.match((await clear(mastercardLate, 1000)).body.message, /30-day MASTERCARD clearing window ended/);
  });

  it('reverses only before clearing, with the documented answer', async () => {
    const id = await authorised();
    const res = await reverse(id);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      ...res.body,
      reversalStatus: 'APPROVED',
      responseCode: 'CODE_00',
      status: 'S0005',
      message: 'Success reverse transaction',
      httpStatus: 'OK',
    });
    assert.match(res.body.requestUuid, UUID);
    assert.equal(await state(id), 'REVERSED');
    assert.equal((await reverse(id)).status, 422);

    const cleared = await authorised();
    await clear(cleared, 1000);
    const late = await reverse(cleared);
    assert.equal(late.status, 422);
    assert.equal(late.body.status, 'E0150');
    assert.equal(await state(cleared), 'SUCCESS');
    const deposited = await authorised({ deposit: true });
    assert.equal((await reverse(deposited)).status, 422, 'deposit: true is already cleared');
  });

  it('refunds only after success, never above the amount taken, and becomes REFUNDED when complete', async () => {
    const waiting = await authorised();
    assert.equal((await refund(waiting, 100)).status, 422, 'not cleared yet');

    const id = await authorised();
    await clear(id, 800);
    assert.deepEqual((await refund(id, 801)).body.errors, { amountToRefund: ['must be less than or equal to the refundable amount 800'] });
    const partial = await refund(id, 300);
    assert.equal(partial.status, 200);
    assert.equal(partial.body.status, 'S0006');
    assert.equal(partial.body.refundStatus, 'APPROVED');
    assert.equal(await state(id), 'SUCCESS');
    assert.deepEqual((await refund(id, 501)).body.errors, { amountToRefund: ['must be less than or equal to the refundable amount 500'] });
    assert.equal((await refund(id, 500)).status, 200);
    assert.equal(await state(id), 'REFUNDED');
    assert.equal((await refund(id, 1)).status, 422);
    assert.equal(h.emulator.transactions().find((t) => t.transactionId === id)?.refundedAmount, 800);

    const deposited = await authorised({ deposit: true });
    assert.equal((await refund(deposited, 1000)).status, 200);
    assert.equal(await state(deposited), 'REFUNDED');
    const failed = googlePayBody({ card: '4000000000001505', now: h.now() });
    await post(h, PAY, failed);
    assert.equal((await refund(failed.transactionId, 1)).status, 422);
  });

  it('answers 404 for an unknown transaction and needs Basic auth for details', async () => {
    const unknown = await get(h, `/transactions/details/${crypto.randomUUID()}`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.httpStatus, 'NOT_FOUND');
    assert.equal((await get(h, `/transactions/details/${crypto.randomUUID()}`, {})).status, 401);
  });

  it('forgets everything on reset()', async () => {
    const id = await authorised();
    h.emulator.reset();
    assert.equal(h.emulator.transactions().length, 0);
    assert.equal((await get(h, `/transactions/details/${id}`)).status, 404);
  });
});
