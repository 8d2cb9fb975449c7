// Attacks on money, run over real HTTP against the sandbox (issue: a payer chose the amount, a
// duplicate Feennex order id counted as paid, 10,000 cheap requests evicted a settled entry, one
// token paid five orders, a Fenige and a Feennex handler sharing a store answered for each other).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createMemoryIdempotencyStore, type CheckoutHandlerOptions, type IdempotencyStore } from '../../src/server/index.js';
import { sandboxClient, sandboxPayBody, sandboxToken } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { useSandboxShops } from '../support/sandbox-shop.js';
import { TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

type Gateway = 'fenige' | 'feennex';
const sandbox = useSandboxShops();

const client = (gateway: Gateway) => sandboxClient(sandbox.sb, gateway);

/** A handler of `gateway` on its own server; `events` and `errors` record what the merchant would log. */
async function shop(gateway: Gateway, options: Partial<CheckoutHandlerOptions> = {}) {
  return sandbox.shop({ ...TRUST_BROWSER_AMOUNT, gateway: client(gateway) }, options);
}

const token = (gateway: Gateway) => sandboxToken(sandbox.sb, gateway);
const payment = (gateway: Gateway, overrides: Record<string, unknown> = {}) => sandboxPayBody(sandbox.sb, gateway, overrides);

const charges = (gateway: Gateway, id: string) =>
  gateway === 'fenige'
    ? sandbox.sb.emulators.fenige.transactions().filter((t) => t.transactionId === id)
    : sandbox.sb.emulators.feennex.invoices().filter((i) => i.shopOrderId === id);

describe('a store miss never turns a different request for a used id into a success', () => {
  for (const gateway of ['fenige', 'feennex'] as const) {
    test(`${gateway}: a replay with another amount after the store forgot the id is refused, and onEvent says what was charged`, async () => {
      const first = await shop(gateway);
      const paid = payment(gateway);
      assert.equal((await postJson(first.endpoint, paid)).response.status, 200);

      // Another instance (or a restarted one) whose store never saw the id: Feennex answers error 6.
      const forgetful = await shop(gateway);
      const replay = await postJson(forgetful.endpoint, { ...paid, amount: 999, token: token(gateway) });
      assert.equal(replay.response.status, 422);
      assert.notEqual(replay.body.status, 'SUCCESS');
      assert.notEqual(replay.body.status, 'APPROVED');
      assert.equal(charges(gateway, paid.transactionId).length, 1);
      if (gateway === 'feennex') {
        assert.equal(replay.body.code, 'TRANSACTION_ID_REUSED');
        const event = forgetful.events.find((e) => e.type === 'payment')!;
        assert.equal(event.amount, 1000, 'onEvent reports what Feennex holds, not the request');
        assert.equal(event.code, 'FEENNEX_6');
        assert.match(forgetful.errors.join('\n'), /already holds order/);
      }
    });
  }
});

describe('store pressure', () => {
  test('thousands of requests refused before the gateway take no room; a settled payment is never evicted', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 20 });
    const { endpoint } = await shop('fenige', { store });
    const paid = payment('fenige');
    assert.equal((await postJson(endpoint, paid)).body.status, 'APPROVED');
    // No sender: FenigeClient refuses to send it (Fenige requires one) — 200 such cheap requests.
    for (let i = 0; i < 200; i++) {
      const { sender: _sender, ...cheap } = payment('fenige');
      assert.equal((await postJson(endpoint, cheap)).response.status, 400);
    }
    const replay = await postJson(endpoint, { ...paid, amount: 1 });
    assert.equal(replay.response.status, 422);
    assert.equal(replay.body.status, 'TRANSACTION_ID_REUSED');
    assert.equal((await store.get(`fenige:${sandbox.sb.fenige.merchantUuid}:${paid.transactionId}`))?.state, 'final');
  });

  test('a store full of live payments answers 503 and logs, and still replays the ones it holds', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 4 });
    const { endpoint, errors } = await shop('feennex', { store });
    const paid = payment('feennex');
    assert.equal((await postJson(endpoint, paid)).body.status, 'SUCCESS');
    let refused = 0;
    for (let i = 0; i < 5; i++) {
      const answer = await postJson(endpoint, payment('feennex'));
      if (answer.response.status === 503) {
        refused++;
        assert.equal(answer.body.code, 'IDEMPOTENCY_STORE_FULL');
        assert.equal(answer.response.headers.get('retry-after'), '5');
      }
    }
    assert.ok(refused >= 1, 'the full store refused new payments');
    assert.match(errors.join('\n'), /maximum of 4/);
    const replay = await postJson(endpoint, paid);
    assert.equal(replay.body.status, 'SUCCESS');
    assert.equal(replay.response.headers.get('idempotent-replayed'), 'true');
  });

  test('a Fenige and a Feennex handler sharing one store never answer for each other', async () => {
    const store: IdempotencyStore = createMemoryIdempotencyStore();
    const fenige = await shop('fenige', { store });
    const feennex = await shop('feennex', { store });
    const transactionId = randomUUID();
    const viaFenige = await postJson(fenige.endpoint, payment('fenige', { transactionId }));
    const viaFeennex = await postJson(feennex.endpoint, payment('feennex', { transactionId }));
    assert.equal(viaFenige.body.status, 'APPROVED');
    assert.equal(viaFeennex.body.status, 'SUCCESS');
    assert.equal(viaFeennex.response.headers.get('idempotent-replayed'), null);
    assert.equal(charges('fenige', transactionId).length, 1);
    assert.equal(charges('feennex', transactionId).length, 1);
  });
});

describe('a Google Pay token pays one payment', () => {
  for (const gateway of ['fenige', 'feennex'] as const) {
    test(`${gateway}: one sealed token sent for five orders pays the first only (handler), and the sandbox refuses its messageId again`, async () => {
      const { endpoint, events } = await shop(gateway);
      const sealed = token(gateway);
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await postJson(endpoint, payment(gateway, { token: sealed })));
      assert.equal(answers[0]!.response.status, 200);
      for (const reused of answers.slice(1)) {
        assert.equal(reused.response.status, 422);
        assert.equal(reused.body.code, 'TOKEN_REUSED');
      }
      assert.equal(events.filter((e) => e.code === 'TOKEN_REUSED').length, 4);

      // Past the handler (another shop, another store), the gateway itself refuses the message.
      const other = await shop(gateway);
      const direct = await postJson(other.endpoint, payment(gateway, { token: sealed }));
      assert.equal(direct.response.status, gateway === 'fenige' ? 400 : 422, 'the sandbox refused a reused messageId');
      assert.match(JSON.stringify(direct.body) + other.errors.join('\n'), /already used/);
    });
  }

  test('the same payment re-sent with its token is replayed, not refused as a reuse', async () => {
    const { endpoint } = await shop('fenige');
    const paid = payment('fenige');
    await postJson(endpoint, paid);
    const again = await postJson(endpoint, paid);
    assert.equal(again.body.status, 'APPROVED');
    assert.equal(again.response.headers.get('idempotent-replayed'), 'true');
  });
});
