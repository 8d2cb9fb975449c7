import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { classifyResponse } from '../../src/protocol/index.js';
import { createCheckoutHandler, FeennexClient, FenigeClient, toNodeListener } from '../../src/server/index.js';
import { createTestToken, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { payBody } from '../support/checkout.js';
import { listen, postJson } from '../support/http.js';

// A page whose apiKey / gatewayMerchantId is not the gateway's merchant id gets tokens sealed for
// the wrong merchant. Through the real handler, client and sandbox, both gateways' refusals reach
// the element as a failure carrying `errors.token` — what its developer hint reads
// (test/browser/elements/developer-hint.test.ts) — and nothing is charged.

let sb: RunningSandbox;
const endpoints = { fenige: '', feennex: '' };
const closers: (() => Promise<void>)[] = [];

before(async () => {
  sb = await startSandbox();
  const { fenige, feennex } = sb;
  const gateways = {
    fenige: new FenigeClient({ baseUrl: fenige.url, login: fenige.login, password: fenige.password, merchantUuid: fenige.merchantUuid }),
    feennex: new FeennexClient({ baseUrl: feennex.url, shopId: feennex.shopId, secretKey: feennex.secretKey }),
  };
  for (const name of ['fenige', 'feennex'] as const) {
    const handler = createCheckoutHandler({
      gateway: gateways[name],
      lookupOrder: () => ({ amount: 1000, currency: 'PLN', description: 'Order 42' }),
    });
    const server = await listen(toNodeListener(handler));
    closers.push(server.close);
    endpoints[name] = server.url + handler.basePath;
  }
});

after(async () => {
  await Promise.all(closers.map((close) => close()));
  await sb.close();
});

for (const gateway of ['fenige', 'feennex'] as const) {
  test(`${gateway}: a token sealed for another merchant fails with errors.token, and nothing is charged`, async () => {
    const transactionId = randomUUID();
    const { response, body } = await postJson(
      endpoints[gateway],
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
