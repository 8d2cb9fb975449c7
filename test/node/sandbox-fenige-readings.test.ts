import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFenigeEmulator } from '../../src/gateways/fenige/sandbox/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';
import { closedAfter } from '../support/lifetime.js';
import { GATEWAY_MERCHANT, get, googlePayBody, MERCHANT, post, startFenige, type FenigeHarness } from './sandbox-fenige-harness.js';

/** The emulator's switches over HTTP: each reading of an ambiguous place in Fenige's document. */

const PAY = '/external-api/transactions/google-pay';

const withFenige = (options: Parameters<typeof startFenige>[0], run: (h: FenigeHarness) => Promise<void>) => closedAfter(startFenige(options), run);

async function authorised(h: FenigeHarness, amount = 1000): Promise<string> {
  const body = googlePayBody({ amount });
  assert.equal((await post(h, PAY, body)).status, 200);
  return body.transactionId;
}

describe('Fenige sandbox readings', () => {
  it('checks tokens against the Gateway Merchant Id, not the merchantUuid (two different ids)', () =>
    withFenige({}, async (h) => {
      assert.notEqual(h.emulator.credentials.gatewayMerchantId, h.emulator.credentials.merchantUuid);
      assert.equal((await post(h, PAY, googlePayBody({ merchant: GATEWAY_MERCHANT }))).status, 200);
      const sealedForUuid = await post(h, PAY, googlePayBody({ merchant: MERCHANT }));
      assert.equal(sealedForUuid.status, 400);
      assert.match(sealedForUuid.body.errors.token[0], /Gateway Merchant Id/);
    }));

  it('takes a Gateway Merchant Id of the merchant’s choosing', () =>
    withFenige({ gatewayMerchantId: 'merchant-7' }, async (h) => {
      assert.equal((await post(h, PAY, googlePayBody({ merchant: 'merchant-7' }))).status, 200);
      assert.equal((await post(h, PAY, googlePayBody())).status, 400);
    }));

  it('gatewayId: fenige (default) opens tokens sealed for gateway:fenige; Fenige only those for gateway:Fenige', async () => {
    const sealedFor = (gatewayId?: string) => ({
      ...googlePayBody(),
      token: createTestToken({ gateway: 'fenige', gatewayMerchantId: GATEWAY_MERCHANT, ...(gatewayId ? { gatewayId } : {}) }),
    });
    await withFenige({}, async (h) => {
      assert.equal((await post(h, PAY, sealedFor())).status, 200);
      const capital = await post(h, PAY, sealedFor('Fenige'));
      assert.equal(capital.status, 400);
      assert.match(capital.body.errors.token[0], /could not be opened/);
    });
    await withFenige({ gatewayId: 'Fenige' }, async (h) => {
      assert.equal((await post(h, PAY, sealedFor('Fenige'))).status, 200);
      assert.equal((await post(h, PAY, sealedFor())).status, 400);
    });
  });

  it('declines a card whose expiry date is over (E0150, FAILURE), like the Feennex sandbox', () =>
    withFenige({}, async (h) => {
      const body = {
        ...googlePayBody(),
        token: createTestToken({
          gateway: 'fenige',
          gatewayMerchantId: GATEWAY_MERCHANT,
          card: { pan: '4111111111111111', expirationMonth: 1, expirationYear: 2020 },
        }),
      };
      const res = await post(h, PAY, body);
      assert.equal(res.status, 422);
      assert.equal(res.body.status, 'E0150');
      assert.equal(h.emulator.transactions()[0]!.state, 'FAILURE');
    }));

  it('itemId: merchant (default) keeps, echoes and deduplicates the merchant’s itemId', () =>
    withFenige({}, async (h) => {
      const itemId = crypto.randomUUID();
      const first = await post(h, PAY, { ...googlePayBody(), itemId });
      assert.equal(first.status, 200);
      assert.equal(first.body.itemId, itemId);
      const again = await post(h, PAY, { ...googlePayBody(), itemId });
      assert.equal(again.status, 200);
      assert.equal(again.body.transactionId, first.body.transactionId, 'the item was charged once: the first answer again');
      assert.equal(h.emulator.transactions().length, 1);
      const other = await post(h, PAY, { ...googlePayBody({ amount: 5 }), itemId });
      assert.equal(other.status, 422);
      assert.match(other.body.message, /itemId .* already used/);
      const assigned = await post(h, PAY, googlePayBody());
      assert.match(assigned.body.itemId, /^[0-9a-f-]{36}$/, 'without one, Fenige assigns it, as in the example');
    }));

  it('itemId: assigned ignores the merchant’s itemId and charges each transaction', () =>
    withFenige({ itemId: 'assigned' }, async (h) => {
      const itemId = crypto.randomUUID();
      const first = await post(h, PAY, { ...googlePayBody(), itemId });
      const second = await post(h, PAY, { ...googlePayBody(), itemId });
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      assert.notEqual(first.body.itemId, itemId);
      assert.notEqual(second.body.transactionId, first.body.transactionId);
      assert.equal(h.emulator.transactions().length, 2);
    }));

  it('clearingIdField: transactionId (default) reads the example’s field; requestUuid reads the field table’s', async () => {
    await withFenige({}, async (h) => {
      const id = await authorised(h);
      const tableOnly = await post(h, '/external/clear', { requestUuid: id, merchantUuid: MERCHANT, clearingAmount: 1000 });
      assert.deepEqual(tableOnly.body.errors, { transactionId: ['must not be null', 'must not be blank'] });
      assert.equal((await post(h, '/external/clear', { transactionId: id, merchantUuid: MERCHANT, clearingAmount: 1000 })).status, 200);
    });
    await withFenige({ clearingIdField: 'requestUuid' }, async (h) => {
      const id = await authorised(h);
      const exampleOnly = await post(h, '/external/clear', { transactionId: id, merchantUuid: MERCHANT, clearingAmount: 1000 });
      assert.deepEqual(exampleOnly.body.errors, { requestUuid: ['must not be null', 'must not be blank'] });
      assert.equal((await post(h, '/external/clear', { requestUuid: id, merchantUuid: MERCHANT, clearingAmount: 1000 })).status, 200);
    });
  });

  it('clearing: once (default) allows one clearing; repeated allows partial clearings up to the amount', async () => {
    const clear = (h: FenigeHarness, transactionId: string, clearingAmount: number) =>
      post(h, '/external/clear', { transactionId, merchantUuid: MERCHANT, clearingAmount });
    await withFenige({}, async (h) => {
      const id = await authorised(h);
      assert.equal((await clear(h, id, 400)).status, 200);
      const second = await clear(h, id, 100);
      assert.equal(second.status, 422);
      assert.equal((await get(h, `/transactions/details/${id}`)).body.transactionState, 'SUCCESS');
    });
    await withFenige({ clearing: 'repeated' }, async (h) => {
      const id = await authorised(h);
      assert.equal((await clear(h, id, 400)).status, 200);
      assert.equal((await clear(h, id, 500)).status, 200);
      const over = await clear(h, id, 101);
      assert.deepEqual(over.body.errors, { clearingAmount: ['must be less than or equal to the amount still to clear 100'] });
      assert.equal((await clear(h, id, 100)).status, 200);
      assert.equal((await clear(h, id, 1)).status, 422, 'fully cleared');
      assert.equal(h.emulator.transactions()[0]!.clearedAmount, 1000);
      const reverse = await post(h, '/external/reverse', { transactionId: id, merchantUuid: MERCHANT });
      assert.equal(reverse.status, 422, 'a cleared transaction cannot be reversed');
    });
  });

  it('refunds: repeated (default) adds partial refunds up to the amount; once allows a single refund', async () => {
    const refund = (h: FenigeHarness, transactionId: string, amountToRefund: number) =>
      post(h, '/external/transaction/refund', { transactionId, amountToRefund });
    await withFenige({}, async (h) => {
      const body = googlePayBody({ deposit: true });
      await post(h, PAY, body);
      assert.equal((await refund(h, body.transactionId, 300)).status, 200);
      assert.equal((await refund(h, body.transactionId, 700)).status, 200);
      assert.equal(h.emulator.transactions()[0]!.state, 'REFUNDED');
    });
    await withFenige({ refunds: 'once' }, async (h) => {
      const body = googlePayBody({ deposit: true });
      await post(h, PAY, body);
      assert.equal((await refund(h, body.transactionId, 300)).status, 200);
      const second = await refund(h, body.transactionId, 300);
      assert.equal(second.status, 422);
      assert.match(second.body.message, /already refunded once/);
      assert.equal(h.emulator.transactions()[0]!.refundedAmount, 300);
    });
  });

  it('details: example (default) answers the example body; table the field table’s', async () => {
    await withFenige({}, async (h) => {
      const id = await authorised(h);
      const { body } = await get(h, `/transactions/details/${id}`);
      assert.deepEqual(Object.keys(body), ['creationDate', 'transactionId', 'transactionState', 'amount', 'currencyCode', 'description', 'currency', 'sender']);
      assert.deepEqual(Object.keys(body.sender), ['firstName', 'lastName', 'email', 'phone']);
    });
    await withFenige({ details: 'table' }, async (h) => {
      const id = await authorised(h);
      const { body } = await get(h, `/transactions/details/${id}`);
      assert.deepEqual(body, {
        transactionId: id,
        amount: 1000,
        currency: 'PLN',
        description: 'SUCCESS',
        status: 'SUCCESS_WAITING_FOR_CLEARING',
        threeDsMode: 'PAN_ONLY',
      });
    });
  });

  it('googlePayHost: separate serves google-pay only under {basePath}-google-pay', () =>
    withFenige({ googlePayHost: 'separate' }, async (h) => {
      assert.equal(h.emulator.googlePayBasePath, '/fenige-google-pay');
      const onMain = await post(h, PAY, googlePayBody());
      assert.equal(onMain.status, 404);
      const response = await fetch(`${h.url}-google-pay${PAY}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa('sandbox:sandbox-password')}` },
        body: JSON.stringify(googlePayBody()),
      });
      assert.equal(response.status, 200);
      assert.equal((await post(h, '/external/paymelink', {})).status, 400, 'the other methods stay on the main host');
    }));

  it('refuses an unknown reading, naming the switch and its choices', () => {
    assert.throws(() => createFenigeEmulator({ paymelinkId: 'merchant' as never }), /fenige\.paymelinkId must be one of 'assigned', 'echo'/);
    assert.throws(() => createFenigeEmulator({ refunds: 'twice' as never }), /fenige\.refunds must be one of/);
  });
});
