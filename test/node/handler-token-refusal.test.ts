import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { classifyResponse } from '../../src/protocol/index.js';
import { createTestToken, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { payBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { serveSandboxCheckouts } from '../support/sandbox-shop.js';

// A page whose apiKey / gatewayMerchantId is not the gateway's merchant id gets tokens sealed for
// the wrong merchant. Through the real handler, client and sandbox, both gateways' refusals reach
// the element as a failure carrying `errors.token` — what its developer hint reads
// (test/browser/elements/developer-hint.test.ts) — and nothing is charged.

let sb: RunningSandbox;
let shop: Awaited<ReturnType<typeof serveSandboxCheckouts>>;

before(async () => {
  sb = await startSandbox();
  shop = await serveSandboxCheckouts(sb, { lookupOrder: () => ({ amount: 1000, currency: 'PLN', description: 'Order 42' }) });
});

after(async () => {
  await shop.close();
  await sb.close();
});

for (const gateway of ['fenige', 'feennex'] as const) {
  test(`${gateway}: a token sealed for another merchant fails with errors.token, and nothing is charged`, async () => {
    const transactionId = randomUUID();
    const { response, body } = await postJson(
      shop.endpoints[gateway],
      // apiKey: what the old README told merchants to put there
      payBody({ transactionId, apiKey: 'pk_live_51Hx', token: createTestToken({ gateway, gatewayMerchantId: 'pk_live_51Hx' }) }),
      { 'Idempotency-Key': transactionId },
    );
    const answer = body as { errors?: { token?: string[] }; message?: string };
    assert.equal(classifyResponse(response.status, body).kind, 'failure');
    assert.equal(answer.errors?.token?.length, 1, JSON.stringify(body));
    assert.match(
      answer.errors!.token![0]!,
      gateway === 'fenige' ? /not sealed for this merchant/ : /refused by Feennex: sealed for gatewayMerchantId "pk_live_51Hx", not for shop/,
    );
    assert.doesNotMatch(JSON.stringify(body), /string_to_sign|sandbox-password|SandboxSecret/);
    const charged = gateway === 'fenige' ? sb.emulators.fenige.transactions() : sb.emulators.feennex.invoices().filter((i) => i.status === 4);
    assert.equal(charged.length, 0);
  });
}
