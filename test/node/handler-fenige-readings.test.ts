import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { classifyResponse } from '../../src/protocol/index.js';
import { createTestToken, startSandbox, type RunningSandbox, type StartSandboxOptions } from '../../src/sandbox/index.js';
import {
  createCheckoutHandler,
  createMemoryIdempotencyStore,
  FenigeClient,
  fenigeCheckout,
  toNodeListener,
  type CheckoutEvent,
  type FenigeCheckoutOptions,
  type IdempotencyStore,
} from '../../src/server/index.js';
import { Redis } from 'ioredis';
import { createRedisIdempotencyStore } from '../../src/server/index.js';
import { startRedis } from '../support/redis.js';
import { listen } from '../support/http.js';
import { closedAfter } from '../support/lifetime.js';

/**
 * The whole Fenige flow — checkout handler → FenigeClient → sandbox emulator, over real HTTP —
 * under each reading of the places where Fenige's document is ambiguous.
 */

interface Shop {
  sb: RunningSandbox;
  client: FenigeClient;
  origin: string;
  endpoint: string;
  events: CheckoutEvent[];
  close(): Promise<void>;
}

async function openShop(
  fenige: StartSandboxOptions['fenige'] = {},
  checkout: FenigeCheckoutOptions = {},
  extra: { store?: IdempotencyStore; googlePayBaseUrl?: 'separate'; sb?: RunningSandbox; returnUrl?: string } = {},
): Promise<Shop> {
  const sb = extra.sb ?? (await startSandbox({ fenige }));
  const client = new FenigeClient({
    baseUrl: sb.fenige.url,
    ...(extra.googlePayBaseUrl ? { googlePayBaseUrl: sb.fenige.googlePayUrl } : {}),
    login: sb.fenige.login,
    password: sb.fenige.password,
    merchantUuid: sb.fenige.merchantUuid,
    timeoutMs: 5_000,
  });
  const events: CheckoutEvent[] = [];
  const handler = createCheckoutHandler({
    gateway: fenigeCheckout(client, checkout),
    lookupOrder: (query) => ({ amount: query.amount, currency: query.currency, description: query.description }),
    ...(extra.store ? { store: extra.store } : {}),
    ...(extra.returnUrl ? { returnUrl: extra.returnUrl } : {}),
    onEvent: (event) => void events.push(event),
  });
  const server = await listen(toNodeListener(handler));
  return {
    sb,
    client,
    origin: server.url,
    endpoint: server.url + handler.basePath,
    events,
    close: async () => {
      await server.close();
      if (!extra.sb) await sb.close();
    },
  };
}

const withShop = (
  fenige: StartSandboxOptions['fenige'],
  checkout: FenigeCheckoutOptions,
  run: (shop: Shop) => Promise<void>,
  extra: Parameters<typeof openShop>[2] = {},
) => closedAfter(openShop(fenige, checkout, extra), run);

async function post(url: string, body: { transactionId: string }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.transactionId },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const order = (overrides: Record<string, unknown> = {}) => ({
  transactionId: randomUUID(),
  apiKey: 'pk_test',
  amount: 2599,
  currency: 'PLN',
  description: 'Order 42',
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
  ...overrides,
});

function payBody(shop: Shop, token: { gatewayMerchantId?: string; gatewayId?: string; card?: string } = {}) {
  return order({
    token: createTestToken({
      gateway: 'fenige',
      gatewayMerchantId: token.gatewayMerchantId ?? shop.sb.fenige.gatewayMerchantId,
      ...(token.gatewayId ? { gatewayId: token.gatewayId } : {}),
      card: token.card ?? '4111111111111111',
    }),
  });
}

/** The payer on the sandbox's hosted page: pays with a card and follows the 303 home. */
async function payOnHostedPage(url: string, pan = '4111111111111111'): Promise<URL> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ pan, expiry: '12/39', cvc: '123', name: 'Jan Kowalski' }),
  });
  assert.equal(response.status, 303);
  return new URL(response.headers.get('location')!);
}

const stateOf = (shop: Shop, id: string) => shop.sb.emulators.fenige.transactions().find((t) => t.transactionId === id)?.state;

describe('Fenige hosted page under each paymelinkId reading (point 1)', () => {
  for (const paymelinkId of ['assigned', 'echo'] as const) {
    test(`paymelinkId: ${paymelinkId} — pay, come back, confirm by the merchant's id (and by Fenige's)`, () =>
      withShop({ paymelinkId }, {}, async (shop) => {
        const body = order({ returnUrl: `${shop.origin}/checkout?step=pay` });
        const created = await post(`${shop.endpoint}/hosted`, body);
        assert.equal(created.status, 200, JSON.stringify(created.body));
        assert.equal(created.body.transactionId, body.transactionId, 'the element hears its own id');
        const [tx] = shop.sb.emulators.fenige.transactions();
        const fenigeId = tx!.transactionId;
        assert.equal(tx!.merchantTransactionId, body.transactionId);
        if (paymelinkId === 'assigned') {
          assert.notEqual(fenigeId, body.transactionId);
          assert.equal(created.body.gatewayTransactionId, fenigeId);
        } else {
          assert.equal(fenigeId, body.transactionId);
          assert.equal('gatewayTransactionId' in created.body, false);
        }
        assert.equal(created.body.redirect.url, `${shop.sb.fenige.url}/pay/${fenigeId}`);

        const back = await payOnHostedPage(created.body.redirect.url);
        assert.equal(back.origin + back.pathname, `${shop.origin}/checkout`);
        assert.equal(back.searchParams.get('paytool-result'), 'success');
        assert.equal(back.searchParams.get('transactionId'), body.transactionId, 'the payer comes back with the merchant id');

        // What the element does on its return: GET {endpoint}/{transactionId}.
        const confirmed = await get(`${shop.endpoint}/${body.transactionId}`);
        assert.equal(confirmed.status, 200);
        assert.equal(classifyResponse(confirmed.status, confirmed.body).kind, 'success', JSON.stringify(confirmed.body));
        assert.equal(confirmed.body.transactionId, body.transactionId);
        assert.equal(confirmed.body.transactionState, 'SUCCESS', 'autoClear: true, sent always');
        const byFenigeId = await get(`${shop.endpoint}/${fenigeId}`);
        assert.equal(byFenigeId.status, 200);
        assert.equal(byFenigeId.body.transactionId, body.transactionId, "Fenige's id leads to the merchant's payment");

        const again = await post(`${shop.endpoint}/hosted`, body);
        assert.deepEqual(again.body, created.body, 'a re-sent request gets the same link');
        assert.equal(shop.sb.emulators.fenige.transactions().length, 1);
      }));
  }

  test('paymelinkId: assigned — a second handler with an empty store re-creates the same link and then knows the ids', async () => {
    const sb = await startSandbox({ fenige: { paymelinkId: 'assigned' } });
    try {
      const body = order();
      // Both handlers send payers back to the same shop page (the merchant's returnUrl option).
      const returnUrl = 'https://shop.example/checkout';
      let first: Awaited<ReturnType<typeof post>> | undefined;
      await withShop(
        {},
        {},
        async (shop) => {
          first = await post(`${shop.endpoint}/hosted`, { ...body, returnUrl } as never);
          assert.equal(first.status, 200, JSON.stringify(first.body));
        },
        { sb, returnUrl },
      );
      await withShop(
        {},
        {},
        async (shop) => {
          const unknown = await get(`${shop.endpoint}/${body.transactionId}`);
          assert.equal(unknown.status, 404, 'a fresh store does not know the link; Fenige does not know the merchant id');
          const again = await post(`${shop.endpoint}/hosted`, { ...body, returnUrl } as never);
          assert.equal(again.status, 200, JSON.stringify(again.body));
          assert.equal(again.body.redirect.url, first!.body.redirect.url, 'Fenige answers the same merchant id with the same link');
          const status = await get(`${shop.endpoint}/${body.transactionId}`);
          assert.equal(status.status, 200);
          assert.equal(status.body.transactionState, 'IN_PROGRESS');
        },
        { sb, returnUrl },
      );
      assert.equal(sb.emulators.fenige.transactions().length, 1);
    } finally {
      await sb.close();
    }
  });

  test('the id links live in the store the merchant passes (shared by every handler using it)', async () => {
    const store = createMemoryIdempotencyStore();
    const sb = await startSandbox({ fenige: { paymelinkId: 'assigned' } });
    try {
      const body = order();
      await withShop(
        {},
        {},
        async (shop) => {
          assert.equal((await post(`${shop.endpoint}/hosted`, { ...body, returnUrl: `${shop.origin}/c` } as never)).status, 200);
        },
        { sb, store },
      );
      await withShop(
        {},
        {},
        async (shop) => {
          const status = await get(`${shop.endpoint}/${body.transactionId}`);
          assert.equal(status.status, 200, 'another handler on the same store confirms by the merchant id');
        },
        { sb, store },
      );
    } finally {
      await sb.close();
    }
  });
});

test('paymelinkId: assigned — two handler instances sharing Redis: one creates the link, the other confirms by either id', async () => {
  const redis = await startRedis();
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const sb = await startSandbox({ fenige: { paymelinkId: 'assigned' } });
  try {
    const store = createRedisIdempotencyStore({ client, prefix: `h11:${randomUUID()}:` });
    const body = order();
    let fenigeId = '';
    await withShop(
      {},
      {},
      async (shop) => {
        const created = await post(`${shop.endpoint}/hosted`, { ...body, returnUrl: `${shop.origin}/c` } as never);
        assert.equal(created.status, 200, JSON.stringify(created.body));
        fenigeId = created.body.gatewayTransactionId;
        await payOnHostedPage(created.body.redirect.url);
      },
      { sb, store },
    );
    await withShop(
      {},
      {},
      async (shop) => {
        for (const id of [body.transactionId, fenigeId]) {
          const status = await get(`${shop.endpoint}/${id}`);
          assert.equal(status.status, 200, id);
          assert.equal(status.body.transactionId, body.transactionId);
          assert.equal(status.body.transactionState, 'SUCCESS');
        }
      },
      { sb, store },
    );
  } finally {
    client.disconnect();
    await sb.close();
    await redis.stop();
  }
});

describe('Google Pay payments under each reading', () => {
  test('Gateway Merchant Id (point 2): tokens sealed for it pay; tokens sealed for the merchantUuid are refused', () =>
    withShop({}, {}, async (shop) => {
      const paid = await post(shop.endpoint, payBody(shop));
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const wrong = await post(shop.endpoint, payBody(shop, { gatewayMerchantId: shop.sb.fenige.merchantUuid }));
      assert.equal(classifyResponse(wrong.status, wrong.body).kind, 'failure');
      assert.equal(wrong.body.status, 'E8000');
    }));

  for (const itemId of ['merchant', 'assigned'] as const) {
    test(`itemId: ${itemId} (point 3) — the handler sends the transactionId as itemId and pays once`, () =>
      withShop({ itemId }, {}, async (shop) => {
        const body = payBody(shop);
        const paid = await post(shop.endpoint, body);
        assert.equal(paid.status, 200);
        const [tx] = shop.sb.emulators.fenige.transactions();
        if (itemId === 'merchant') assert.equal(tx!.itemId, body.transactionId);
        else assert.notEqual(tx!.itemId, body.transactionId);
        assert.equal(paid.body.itemId, tx!.itemId, 'the itemId Fenige answered passes through');
        const replay = await post(shop.endpoint, body);
        assert.deepEqual(replay.body, paid.body);
        assert.equal(shop.sb.emulators.fenige.transactions().length, 1);
      }));
  }

  for (const gatewayId of ['fenige', 'Fenige'] as const) {
    test(`gatewayId: ${gatewayId} (point 8) — the handler forwards tokens sealed for gateway:${gatewayId} untouched`, () =>
      withShop({ gatewayId }, {}, async (shop) => {
        const paid = await post(shop.endpoint, payBody(shop, { gatewayId }));
        assert.equal(paid.status, 200, JSON.stringify(paid.body));
      }));
  }

  test('an expired card in the token is declined (point 8)', () =>
    withShop({}, {}, async (shop) => {
      const body = order({
        token: createTestToken({
          gateway: 'fenige',
          gatewayMerchantId: shop.sb.fenige.gatewayMerchantId,
          card: { pan: '4111111111111111', expirationMonth: 1, expirationYear: 2021 },
        }),
      });
      const declined = await post(shop.endpoint, body);
      assert.equal(declined.status, 422);
      assert.equal(declined.body.status, 'E0150');
    }));

  test('googlePayHost: separate (point 9) — the client with googlePayBaseUrl pays; the other methods stay on baseUrl', () =>
    withShop(
      { googlePayHost: 'separate' },
      {},
      async (shop) => {
        assert.notEqual(shop.sb.fenige.googlePayUrl, shop.sb.fenige.url);
        const body = payBody(shop);
        const paid = await post(shop.endpoint, body);
        assert.equal(paid.status, 200, JSON.stringify(paid.body));
        const status = await get(`${shop.endpoint}/${body.transactionId}`);
        assert.equal(status.body.transactionState, 'SUCCESS');
      },
      { googlePayBaseUrl: 'separate' },
    ));

  for (const details of ['example', 'table'] as const) {
    test(`details: ${details} (point 7) — the status route reads either shape`, () =>
      withShop({ details }, {}, async (shop) => {
        const body = payBody(shop);
        await post(shop.endpoint, body);
        const status = await get(`${shop.endpoint}/${body.transactionId}`);
        assert.equal(status.status, 200);
        assert.equal(status.body.status, 'SUCCESS');
        assert.equal(status.body.amount, 2599);
        assert.equal(status.body.currency, 'PLN');
      }));
  }
});

describe('What happens to the funds (point 6)', () => {
  test('capture: deposit (default) — taken at once, SUCCESS', () =>
    withShop({}, {}, async (shop) => {
      const body = payBody(shop);
      await post(shop.endpoint, body);
      assert.equal(stateOf(shop, body.transactionId), 'SUCCESS');
    }));

  for (const clearingIdField of ['transactionId', 'requestUuid'] as const) {
    test(`capture: clear — cleared in full right after approval (clearingIdField: ${clearingIdField})`, () =>
      withShop({ clearingIdField }, { capture: 'clear' }, async (shop) => {
        const body = payBody(shop);
        const paid = await post(shop.endpoint, body);
        assert.equal(paid.status, 200);
        const [tx] = shop.sb.emulators.fenige.transactions();
        assert.equal(tx!.capture, false, 'sent with deposit: false');
        assert.equal(tx!.state, 'SUCCESS');
        assert.equal(tx!.clearedAmount, 2599);
      }));
  }

  test('capture: clear — a clearing that fails is reported to onClearError; the payment stays approved', async () => {
    const failures: string[] = [];
    const sb = await startSandbox({ faults: { rules: [{ fault: 'http-error', status: 503, path: '/fenige/external/clear' }] } });
    try {
      await withShop(
        {},
        { capture: 'clear', onClearError: (id) => void failures.push(id) },
        async (shop) => {
          const body = payBody(shop);
          const paid = await post(shop.endpoint, body);
          assert.equal(paid.status, 200);
          assert.deepEqual(failures, [body.transactionId]);
          assert.equal(stateOf(shop, body.transactionId), 'SUCCESS_WAITING_FOR_CLEARING');
        },
        { sb },
      );
    } finally {
      await sb.close();
    }
  });

  test('capture: authorize — the onEvent recipe clears each new success; without it the money would wait for clearing', () =>
    withShop({}, { capture: 'authorize' }, async (shop) => {
      const uncleared = payBody(shop);
      await post(shop.endpoint, uncleared);
      assert.equal(stateOf(shop, uncleared.transactionId), 'SUCCESS_WAITING_FOR_CLEARING');

      // The recipe of docs/gateways/fenige.md: clear what was newly charged, never a replay.
      const clearing: Promise<unknown>[] = [];
      const recipe = (event: CheckoutEvent) => {
        if (event.type === 'payment' && event.outcome === 'success' && (event.source === 'charged' || event.source === 'resent')) {
          clearing.push(shop.client.clear({ transactionId: event.transactionId!, clearingAmount: event.amount! }));
        }
      };
      const seen = shop.events.length;
      const body = payBody(shop);
      await post(shop.endpoint, body);
      await post(shop.endpoint, body); // a replay: cleared once only
      shop.events.slice(seen).forEach(recipe);
      assert.equal(clearing.length, 1);
      await Promise.all(clearing);
      assert.equal(stateOf(shop, body.transactionId), 'SUCCESS');
    }));

  test('capture: authorize — past the 7-day VISA window the clearing is refused', async () => {
    let now = Date.now();
    await withShop({ now: () => now }, { capture: 'authorize' }, async (shop) => {
      const body = payBody(shop);
      await post(shop.endpoint, body);
      now += 8 * 24 * 60 * 60 * 1000;
      const refused = await shop.client.clear({ transactionId: body.transactionId, clearingAmount: 2599 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(refused instanceof Error);
      assert.match((refused as Error).message, /clearing window/);
    });
  });
});

describe('Clearing and refunds through the client (point 5)', () => {
  for (const [clearing, refunds] of [
    ['once', 'repeated'],
    ['repeated', 'once'],
  ] as const) {
    test(`clearing: ${clearing}, refunds: ${refunds}`, () =>
      withShop({ clearing, refunds }, { capture: 'authorize' }, async (shop) => {
        const body = payBody(shop);
        await post(shop.endpoint, body);
        const id = body.transactionId;
        await shop.client.clear({ transactionId: id, clearingAmount: 1000 });
        const second = await shop.client.clear({ transactionId: id, clearingAmount: 1000 }).then(
          () => 'cleared',
          (e: Error) => e.message,
        );
        assert.equal(second === 'cleared', clearing === 'repeated', String(second));
        await shop.client.refund({ transactionId: id, amountToRefund: 500 });
        const again = await shop.client.refund({ transactionId: id, amountToRefund: 500 }).then(
          () => 'refunded',
          (e: Error) => e.message,
        );
        assert.equal(again === 'refunded', refunds === 'repeated', String(again));
      }));
  }
});
