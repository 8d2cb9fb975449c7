import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryLoadStore, runLoad } from '../../bench/load.js';

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
