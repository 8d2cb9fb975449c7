import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { redisLoadStore, runLoad } from '../../bench/load.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

/** The load suite with two checkout handler instances behind a round-robin balancer, sharing a real Redis. */

let redis: RunningRedis;
let clients: Redis[] = [];
before(async () => {
  redis = await startRedis();
  clients = [new Redis(redis.url), new Redis(redis.url)];
});
after(async () => {
  await Promise.all(clients.map((c) => c.quit()));
  await redis?.stop();
});

test('two instances sharing Redis, 20 % faults and replays: one charge per id across both', async () => {
  const ttlMs = 120_000;
  const report = await runLoad({ checkouts: 60, replays: 20, faultRate: 0.2, store: redisLoadStore(clients, { prefix: 'load:', ttlMs }), seed: 5 });

  assert.equal(report.instances, 2);
  assert.deepEqual(report.violations, []);
  assert.equal(report.outcomes.unresolved, 0, 'no lost request');
  assert.ok(report.faultedPaymentRequests >= 3, `faults were injected: ${JSON.stringify(report.faults)}`);
  assert.equal(report.handlerCharges, 61, 'one pay call per transactionId across both instances');
  assert.equal(report.replayed[0]!.payCalls, 1);
  assert.equal(Object.values(report.replayed[0]!.told)[0], 20, 'every replay heard the same outcome');
  assert.equal(report.entries.afterRun, 2 * 61, 'one payment entry and one token claim per transactionId');
  const keys = await clients[0]!.keys('load:*');
  const ttls = await Promise.all(keys.map((key) => clients[0]!.pttl(key)));
  assert.ok(
    ttls.every((ms) => ms > 0 && ms <= ttlMs),
    'every entry expires',
  );
});
