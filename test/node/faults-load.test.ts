import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { LOAD_TIMINGS, memoryLoadStore, runLoad, startWatchedSandbox, untilSettled } from '../../bench/load.js';
import { createTestToken } from '../../src/sandbox/index.js';
import { FenigeClient, type FenigeError } from '../../src/server/index.js';

const PAY_PATH = '/fenige/external-api/transactions/google-pay';
const SENDER = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

/** Resolves once `condition()` holds, asking again on each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The load suite of bench/load.ts, smaller: concurrent checkouts through the handler with 20 % of
 * the payment requests faulted, identical replays of one transactionId, two waves through a store
 * smaller than both together. The rules are checked against the sandbox's own records.
 */
test('concurrent checkouts with 20 % faults and replays: one charge per id, no lost request, a bounded store', async () => {
  // Room for both waves (a payment entry and a token claim per id): a full store refuses, never evicts.
  const store = memoryLoadStore({ maxEntries: 200, ttlMs: 60_000 });
  const report = await runLoad({ checkouts: 40, replays: 15, faultRate: 0.2, waves: 2, store, seed: 7 });

  assert.deepEqual(report.violations, []);
  assert.equal(report.outcomes.unresolved, 0, 'no lost request');
  assert.equal(report.outcomes.success + report.outcomes.failure, 2 * 40);
  assert.ok(report.faultedPaymentRequests >= 5, `faults were injected: ${JSON.stringify(report.faults)}`);
  assert.ok(Object.keys(report.faults).length >= 3, `several kinds of fault: ${JSON.stringify(report.faults)}`);
  assert.equal(report.handlerCharges, 2 * 41, 'the gateway was asked to pay once per transactionId');
  assert.ok(report.gatewayTransactions <= 2 * 41);
  for (const wave of report.replayed) {
    assert.equal(Object.keys(wave.told).length, 1, 'every replay heard the same outcome');
    assert.equal(Object.values(wave.told)[0], 15);
    assert.equal(wave.payCalls, 1);
    assert.ok(wave.transactions <= 1);
  }
  assert.ok(report.entries.peak <= 200, `the store never held more than maxEntries: ${report.entries.peak}`);
  assert.equal(report.entries.afterRun, 2 * 2 * 41, 'one payment entry and one token claim per transactionId, none evicted');
  assert.equal(report.entries.afterTtl, 0, 'everything is gone once the TTL has passed');
});

test('the load run waits for the sandbox to settle, not for a time: no request in work, no E0153 payment IN_PROGRESS', async (t) => {
  // Settles later than the fixed wait the run used to make (settleMs + 500 ms); the fault holds a request 300 ms on its way.
  const pendingSettleMs = LOAD_TIMINGS.settleMs + 1_000;
  const sb = await startWatchedSandbox({ fenige: { pendingSettleMs }, faults: { rules: [{ fault: 'latency', ms: 300, path: PAY_PATH }] } });
  t.after(() => sb.close());
  const client = new FenigeClient({ baseUrl: sb.fenige.url, login: sb.fenige.login, password: sb.fenige.password, merchantUuid: sb.fenige.merchantUuid });
  const pay = (card: string, signal?: AbortSignal) => {
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: sb.fenige.gatewayMerchantId, card });
    const body = { amount: 1000, currency: 'PLN', description: 'Settle test', transactionId: randomUUID(), deposit: true, sender: SENDER, token };
    return { id: body.transactionId, done: client.googlePay(body, signal ? { signal } : {}).catch((error: unknown) => error) };
  };
  const stateOf = (id: string) => sb.emulators.fenige.transactions().find((tx) => tx.transactionId === id)?.state;

  // E0153: answered at once, IN_PROGRESS until it settles.
  const pending = pay('4000000000001539');
  assert.equal(((await pending.done) as FenigeError).status, 'E0153');
  // A payment whose caller gives up while the fault holds it: the sandbox still does the work.
  const caller = new AbortController();
  const late = pay('4111111111111111', caller.signal);
  await until(() => sb.busy() > 0);
  caller.abort();
  await late.done;

  await untilSettled(sb);
  assert.equal(sb.busy(), 0);
  assert.equal(stateOf(pending.id), 'SUCCESS', 'the E0153 payment settled');
  assert.equal(stateOf(late.id), 'SUCCESS', 'the late payment landed');
});
