import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { classifyResponse } from '../../src/protocol/index.js';
import { createTestToken, startSandbox, type StartSandboxOptions } from '../../src/sandbox/index.js';
import {
  createCheckoutHandler,
  createFeennexNotificationHandler,
  FeennexClient,
  feennexCheckout,
  toNodeListener,
  type FeennexCheckoutOptions,
  type FeennexNotification,
} from '../../src/server/index.js';
import { listen } from '../support/http.js';
import { sandboxFeennexClient } from '../support/checkout.js';

/**
 * Google Pay through Feennex is an assumed contract (docs/gateways/feennex.md): the whole flow —
 * handler → FeennexClient → sandbox over HTTP — under the assumed names and under other names a
 * real deployment might use, chosen on both sides.
 */

async function shop(feennex: StartSandboxOptions['feennex'], checkout: FeennexCheckoutOptions, run: (endpoint: string, shopId: string) => Promise<void>) {
  const sb = await startSandbox({ feennex });
  const client = sandboxFeennexClient(sb);
  const handler = createCheckoutHandler({
    gateway: feennexCheckout(client, checkout),
    lookupOrder: (query) => ({ amount: query.amount, currency: query.currency, description: query.description }),
    allowedReturnOrigins: ['https://shop.example'],
  });
  const server = await listen(toNodeListener(handler));
  try {
    await run(server.url + handler.basePath, sb.feennex.shopId);
  } finally {
    await server.close();
    await sb.close();
  }
}

async function pay(endpoint: string, shopId: string) {
  const transactionId = randomUUID();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': transactionId },
    body: JSON.stringify({
      transactionId,
      apiKey: 'pk',
      amount: 1000,
      currency: 'PLN',
      description: 'Order 42',
      token: createTestToken({ gateway: 'feennex', gatewayMerchantId: shopId, card: '4111111111111111' }),
    }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, kind: classifyResponse(response.status, body).kind };
}

const ALTERNATIVES: [string, { paywaySystem: string; tokenField: string }][] = [
  ['a payway of its own, another token field', { paywaySystem: 'gpay', tokenField: 'payment_token' }],
  ['the card payway carrying the token', { paywaySystem: 'card', tokenField: 'google_pay_token' }],
];

describe('Feennex Google Pay names (point 12)', () => {
  test('the assumed names (googlepay_<currency>, google_pay_token) on both sides: paid', () =>
    shop({}, {}, async (endpoint, shopId) => {
      const paid = await pay(endpoint, shopId);
      assert.equal(paid.kind, 'success', JSON.stringify(paid.body));
    }));

  for (const [what, names] of ALTERNATIVES) {
    test(`${what} (${names.paywaySystem}_<currency>, ${names.tokenField}): paid when the handler uses the same names, refused otherwise`, async () => {
      const matching: FeennexCheckoutOptions = { paywayFor: (currency) => `${names.paywaySystem}_${currency.toLowerCase()}`, tokenField: names.tokenField };
      await shop({ googlePay: names }, matching, async (endpoint, shopId) => {
        const paid = await pay(endpoint, shopId);
        assert.equal(paid.kind, 'success', JSON.stringify(paid.body));
      });
      await shop({ googlePay: names }, {}, async (endpoint, shopId) => {
        const refused = await pay(endpoint, shopId);
        assert.equal(refused.kind, 'failure', JSON.stringify(refused.body));
      });
    });
  }

  test('with Google Pay on the card payway, a card invoice without a token still opens the card page', () =>
    shop({ googlePay: { paywaySystem: 'card' } }, { paywayFor: (c) => `card_${c.toLowerCase()}` }, async (endpoint) => {
      const transactionId = randomUUID();
      const response = await fetch(`${endpoint}/hosted`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': transactionId },
        body: JSON.stringify({ transactionId, apiKey: 'pk', amount: 1000, currency: 'PLN', description: 'Order 42', returnUrl: 'https://shop.example/pay' }),
      });
      const body = (await response.json()) as { redirect?: { url: string } };
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.match(body.redirect?.url ?? '', /\/feennex\/pay\/\d+$/);
    }));

  test('bad names are refused, naming the option', async () => {
    await assert.rejects(startSandbox({ feennex: { googlePay: { tokenField: 'Token Field' } } }), /feennex\.googlePay\.tokenField must be/);
    const client = new FeennexClient({ baseUrl: 'http://127.0.0.1:1/', shopId: '5', secretKey: 's' });
    assert.throws(() => feennexCheckout(client, { tokenField: 'sign' }), /tokenField must be a lower-case field name that Feennex does not sign/);
  });
});

describe('Feennex callbacks: form-encoded as documented ("temporarily"), or JSON', () => {
  for (const callbackFormat of ['form', 'json'] as const) {
    test(`callbackFormat: ${callbackFormat} — a Google Pay payment's callback reaches the merchant's receiver, verified`, async () => {
      const paid: FeennexNotification[] = [];
      let receive: (request: Request) => Promise<Response> = async () => new Response('not yet', { status: 503 });
      const receiver = await listen(toNodeListener((request) => receive(request)));
      try {
        await shop({ callbackFormat, callbackUrl: `${receiver.url}/feennex/callback` }, {}, async (endpoint, shopId) => {
          receive = createFeennexNotificationHandler({
            secretKey: 'SandboxSecret01',
            shopId,
            lookupOrder: () => ({ amount: 1000, currency: 'PLN' }),
            onPaid: (notification) => void paid.push(notification),
          });
          const answer = await pay(endpoint, shopId);
          assert.equal(answer.kind, 'success', JSON.stringify(answer.body));
          for (let i = 0; i < 200 && paid.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
          assert.equal(paid.length, 1, 'the callback was received and verified');
          assert.equal(paid[0]!.shopOrderId, answer.body.transactionId);
          assert.equal(paid[0]!.status, 'success');
        });
      } finally {
        await receiver.close();
      }
    });
  }
});
