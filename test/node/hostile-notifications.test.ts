// Forged notifications, property-based: take a correctly signed Feennex callback or Fenige postback,
// mutate it in any one way, and the handler must refuse it without calling the merchant's code.
// Each property also delivers the untouched original afterwards, so a generator that made invalid
// notifications (and a handler that refused everything) would fail here.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createFeennexNotificationHandler, type FeennexOrderRecord } from '../../src/gateways/feennex/server/notifications.js';
import { toFeennexAmount, toFeennexCurrency } from '../../src/gateways/feennex/server/currency.js';
import { createFenigePostbackHandler, FenigeClient } from '../../src/gateways/fenige/server/index.js';
import { serveFetch } from '../support/http.js';
import { startFakeFenige, SEED, type FakeFenige } from './server-fenige-fake.js';
import { signNotification } from '../support/feennex-sign.js';

const FEENNEX_SECRET = 'Feennex-notification-secret';
const SHOP_ID = '5';
const FENIGE_SECRET = 'fenige-postback-secret';

const servers: Array<{ close(): Promise<void> }> = [];
after(() => Promise.all(servers.map((s) => s.close())));

const isClientError = (status: number) => status >= 400 && status < 500;
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const hexDigit = fc.constantFrom(...'0123456789abcdef');

// ---------------------------------------------------------------------------------------------
// Feennex callbacks

const orders = new Map<string, FeennexOrderRecord>();
const processed: Array<{ paymentId: string; status: string }> = [];
let feennexUrl: string;

before(async () => {
  const handler = createFeennexNotificationHandler({
    secretKey: FEENNEX_SECRET,
    shopId: SHOP_ID,
    lookupOrder: (id) => orders.get(id),
    onPaid: (n) => void processed.push({ paymentId: n.paymentId, status: n.status }),
    onRejected: (n) => void processed.push({ paymentId: n.paymentId, status: n.status }),
  });
  const server = await serveFetch(handler);
  servers.push(server);
  feennexUrl = `${server.url}/feennex/notifications`;
});
beforeEach(() => {
  processed.length = 0;
});

type Fields = Record<string, string>;
let nextPaymentId = 70_000;

/** A callback as Feennex sends it for an order the merchant has, signed with the shop's secret. */
const feennexCallback = fc
  .record({
    amount: fc.integer({ min: 1, max: 10_000_000 }),
    currency: fc.constantFrom('PLN', 'EUR', 'USD', 'JPY', 'KWD'),
    status: fc.constantFrom('success', 'rejected'),
    // What Feennex echoes of what the package sent: free text without ':' (FeennexClient refuses it).
    // eslint-disable-next-line no-control-regex -- checks that control characters are refused
    description: fc.string({ unit: 'grapheme', maxLength: 60 }).filter((v) => !/[:\u0000-\u001f]/.test(v)),
    email: fc.option(
      fc.emailAddress().filter((v) => /^[^\s:@]{1,64}@[^\s:@]{1,255}$/.test(v)),
      { nil: '' },
    ),
    psData: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }).map((v) => JSON.stringify(v)),
    lang: fc.constantFrom('en', 'pl', ''),
  })
  .map(({ amount, currency, status, description, email, psData, lang }): Fields => {
    const shopOrderId = crypto.randomUUID();
    orders.set(shopOrderId, { amount, currency });
    const price = toFeennexAmount(amount, currency);
    const fields: Record<string, string> = {
      client_price: price,
      created: '2026-11-21 10:00:00',
      description,
      email,
      lang,
      payment_id: String(nextPaymentId++),
      payway: `card_${currency.toLowerCase()}`,
      processed: '2026-11-21 10:01:00',
      ps_currency: toFeennexCurrency(currency),
      ps_data: psData,
      shop_amount: price,
      shop_currency: toFeennexCurrency(currency),
      shop_id: SHOP_ID,
      shop_order_id: shopOrderId,
      shop_refund: '0',
      status,
      user_ip: '203.0.113.7',
    };
    return { ...fields, sign: signNotification(fields, FEENNEX_SECRET) };
  });

interface Mutation {
  what: string;
  apply: (fields: Fields) => Array<[string, string]>;
}

const entries = (fields: Fields) => Object.entries(fields);
const nonEmptyKeys = (fields: Fields) => Object.keys(fields).filter((k) => k !== 'sign' && fields[k] !== '');

/** Every way of changing a signed callback that must break it; `pick` chooses a field by index. */
const feennexMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), text).map(([pick, value]) => ({
    what: 'flip a field',
    apply: (f: Fields) => {
      const keys = nonEmptyKeys(f);
      const key = keys[pick % keys.length]!;
      return entries({ ...f, [key]: value === f[key] ? `${value}x` : value });
    },
  })),
  fc.nat().map((pick) => ({
    what: 'drop a field',
    apply: (f: Fields) => {
      const keys = [...nonEmptyKeys(f), 'sign'];
      const key = keys[pick % keys.length]!;
      return entries(f).filter(([k]) => k !== key);
    },
  })),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), text).map(([key, value]) => ({
    what: 'add a field',
    apply: (f: Fields): Array<[string, string]> => [...entries(f), [key in f ? `${key}_x` : key, value]],
  })),
  fc.nat().map((pick) => ({
    what: 'empty a field',
    apply: (f: Fields) => {
      const keys = nonEmptyKeys(f);
      const key = keys[pick % keys.length]!;
      return entries({ ...f, [key]: '' });
    },
  })),
  fc.tuple(fc.nat(), fc.boolean()).map(([pick, same]) => ({
    what: 'repeat a field',
    apply: (f: Fields) => {
      const keys = Object.keys(f);
      const key = keys[pick % keys.length]!;
      return [...entries(f), [key, same ? f[key]! : `${f[key]}1`] as [string, string]];
    },
  })),
  fc.nat({ max: 63 }).map((length) => ({
    what: 'truncate the sign',
    apply: (f: Fields) => entries({ ...f, sign: f.sign!.slice(0, length) }),
  })),
  fc.tuple(fc.nat({ max: 63 }), hexDigit).map(([at, digit]) => ({
    what: 'change one digit of the sign',
    apply: (f: Fields) => {
      const sign = f.sign!;
      const replacement = sign[at] === digit ? (digit === '0' ? '1' : '0') : digit;
      return entries({ ...f, sign: sign.slice(0, at) + replacement + sign.slice(at + 1) });
    },
  })),
  hexDigit.map((digit) => ({ what: 'lengthen the sign', apply: (f: Fields) => entries({ ...f, sign: f.sign! + digit }) })),
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((s) => s !== FEENNEX_SECRET)
    .map((secret) => ({
      what: 'sign with another secret',
      apply: (f: Fields) => {
        const { sign: _sign, ...rest } = f;
        return entries({ ...rest, sign: signNotification(rest, secret) });
      },
    })),
);

const postForm = (pairs: Array<[string, string]>) =>
  fetch(feennexUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(pairs).toString(),
  });

describe('forged Feennex callbacks (property-based)', () => {
  test('a correctly signed callback is processed exactly once; a re-delivery is answered OK without calling again', async () => {
    await fc.assert(
      fc.asyncProperty(feennexCallback, async (fields) => {
        processed.length = 0;
        for (let delivery = 0; delivery < 2; delivery++) {
          const response = await postForm(entries(fields));
          assert.equal(response.status, 200);
          assert.equal(await response.text(), 'OK');
        }
        assert.deepEqual(processed, [{ paymentId: fields.payment_id, status: fields.status }]);
      }),
      { numRuns: 100 },
    );
  });

  test('any one mutation (flip, drop, add, empty, repeat a field; truncate, alter, lengthen or re-key the sign) → 4xx, merchant not called', async () => {
    await fc.assert(
      fc.asyncProperty(feennexCallback, feennexMutation, async (fields, mutation) => {
        processed.length = 0;
        const forged = await postForm(mutation.apply(fields));
        assert.ok(isClientError(forged.status), `${mutation.what}: answered ${forged.status}`);
        assert.notEqual(await forged.text(), 'OK');
        assert.deepEqual(processed, [], `${mutation.what}: the merchant's callback was called`);
        // The untouched original still goes through: only the mutation was refused.
        assert.equal((await postForm(entries(fields))).status, 200);
        assert.equal(processed.length, 1);
      }),
      { numRuns: 300 },
    );
  });

  test('moving text across the ":" between two signed values (same string to sign) never processes a payment twice', async () => {
    await fc.assert(
      fc.asyncProperty(feennexCallback, fc.nat(), async (fields, pick) => {
        processed.length = 0;
        assert.equal((await postForm(entries(fields))).status, 200);
        const { sign, ...unsigned } = fields;
        const keys = Object.keys(unsigned)
          .filter((k) => unsigned[k] !== '')
          .sort();
        const at = pick % (keys.length - 1);
        const [left, right] = [keys[at]!, keys[at + 1]!];
        // Either value may absorb its neighbour; the absorbed field is dropped, so the sign still matches.
        const forged: Fields = { ...unsigned };
        if (pick % 2 === 0) {
          forged[left] = `${unsigned[left]}:${unsigned[right]}`;
          delete forged[right];
        } else {
          forged[right] = `${unsigned[left]}:${unsigned[right]}`;
          delete forged[left];
        }
        forged.sign = sign!;
        assert.equal(signNotification(forged, FEENNEX_SECRET), sign, 'the forgery keeps the signature');
        await postForm(entries(forged));
        assert.equal(processed.length, 1, `merging ${left} and ${right} processed the payment again`);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fenige postbacks (the assumed scheme: X-SECRET-CHECKSUM = SHA-256 hex of secret + transactionId)

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const notified: unknown[] = [];

async function servePostbacks(options: Partial<Parameters<typeof createFenigePostbackHandler>[0]> = {}): Promise<string> {
  const server = await serveFetch(
    createFenigePostbackHandler({
      secret: FENIGE_SECRET,
      unsafeTrustPostbackState: true, // the checksum attacks; the state attack below confirms with details
      logger: { warn: () => {} },
      onNotification: (postback) => void notified.push(postback),
      ...options,
    }),
  );
  servers.push(server);
  return `${server.url}/fenige/postback`;
}

const postback = fc.record({
  transactionId: fc.uuid(),
  transactionState: fc.constantFrom('SUCCESS', 'FAILURE', 'PENDING', 'REVERSED', 'REFUNDED'),
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  currency: fc.constantFrom('PLN', 'EUR', 'USD'),
});

interface Delivery {
  body: string;
  headers: Record<string, string>;
}

const signedDelivery = (body: Record<string, unknown>, checksum = sha256(FENIGE_SECRET + String(body.transactionId))): Delivery => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', 'X-SECRET-CHECKSUM': checksum },
});

/** Mutations of what the default scheme signs: the transactionId and the checksum itself. */
const fenigeMutation = fc.oneof(
  fc.oneof(fc.uuid(), text).map((id) => ({
    what: 'another transactionId',
    apply: (p: Record<string, unknown>) => ({ ...signedDelivery(p), body: JSON.stringify({ ...p, transactionId: id === p.transactionId ? `${id}0` : id }) }),
  })),
  fc.constant({
    what: 'no transactionId',
    apply: (p: Record<string, unknown>) => {
      const { transactionId: _id, ...rest } = p;
      return { ...signedDelivery(p), body: JSON.stringify(rest) };
    },
  }),
  fc.constantFrom(null, 42, true, [], {}).map((id) => ({
    what: 'a transactionId that is not a string',
    apply: (p: Record<string, unknown>) => ({ ...signedDelivery(p), body: JSON.stringify({ ...p, transactionId: id }) }),
  })),
  fc.nat({ max: 63 }).map((length) => ({
    what: 'a truncated checksum',
    apply: (p: Record<string, unknown>) => signedDelivery(p, sha256(FENIGE_SECRET + String(p.transactionId)).slice(0, length) || 'x'),
  })),
  fc.tuple(fc.nat({ max: 63 }), hexDigit).map(([at, digit]) => ({
    what: 'one checksum digit changed',
    apply: (p: Record<string, unknown>) => {
      const good = sha256(FENIGE_SECRET + String(p.transactionId));
      const replacement = good[at] === digit ? (digit === '0' ? '1' : '0') : digit;
      return signedDelivery(p, good.slice(0, at) + replacement + good.slice(at + 1));
    },
  })),
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((s) => s !== FENIGE_SECRET)
    .map((secret) => ({
      what: 'checksum with another secret',
      apply: (p: Record<string, unknown>) => signedDelivery(p, sha256(secret + String(p.transactionId))),
    })),
  fc.constant({
    what: 'checksum of the id alone',
    apply: (p: Record<string, unknown>) => signedDelivery(p, sha256(String(p.transactionId))),
  }),
  fc.constant({
    what: 'no checksum header',
    apply: (p: Record<string, unknown>) => ({ body: JSON.stringify(p), headers: { 'Content-Type': 'application/json' } }),
  }),
);

const deliver = (url: string, delivery: Delivery) => fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });

describe('forged Fenige postbacks (property-based)', () => {
  let url: string;
  before(async () => {
    url = await servePostbacks();
  });
  beforeEach(() => {
    notified.length = 0;
  });

  test('any change to the signed transactionId or to the checksum → 4xx, onNotification not called', async () => {
    await fc.assert(
      fc.asyncProperty(postback, fenigeMutation, async (body, mutation) => {
        notified.length = 0;
        const forged = await deliver(url, mutation.apply(body));
        assert.ok(isClientError(forged.status), `${mutation.what}: answered ${forged.status}`);
        assert.deepEqual(notified, [], `${mutation.what}: onNotification was called`);
        assert.equal((await deliver(url, signedDelivery(body))).status, 200);
        assert.deepEqual(notified, [{ ...body }]);
      }),
      { numRuns: 200 },
    );
  });

  test('with a scheme that signs the whole body (stringToHash), flipping, dropping or adding any field → 401', async () => {
    const canonical = (body: Record<string, unknown>) =>
      JSON.stringify(
        Object.keys(body)
          .sort()
          .map((key) => [key, body[key]]),
      );
    const wholeBodyUrl = await servePostbacks({ stringToHash: ({ secret, body }) => secret + canonical(body) });
    const sign = (body: Record<string, unknown>) => signedDelivery(body, sha256(FENIGE_SECRET + canonical(body)));
    const change = fc.oneof(
      fc.tuple(fc.constantFrom('transactionState', 'amount', 'currency'), fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({ key, value, drop: false })),
      fc.constantFrom('transactionState', 'amount', 'currency').map((key) => ({ key, value: undefined, drop: true })),
      fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({ key: `x-${key}`, value, drop: false })),
    );
    await fc.assert(
      fc.asyncProperty(postback, change, async (body, { key, value, drop }) => {
        notified.length = 0;
        const original: Record<string, unknown> = body;
        if (!drop && JSON.stringify(original[key]) === JSON.stringify(value)) return;
        const forgedBody: Record<string, unknown> = { ...original };
        if (drop) delete forgedBody[key];
        else forgedBody[key] = value;
        const forged = await deliver(wholeBodyUrl, { ...sign(original), body: JSON.stringify(forgedBody) });
        assert.equal(forged.status, 401);
        assert.deepEqual(notified, []);
        assert.equal((await deliver(wholeBodyUrl, sign(original))).status, 200);
      }),
      { numRuns: 150 },
    );
  });

  test("with confirmWithDetails, a signed postback whose state, amount or currency Fenige's details contradict is refused", async () => {
    const fenige: FakeFenige = await startFakeFenige();
    servers.push(fenige);
    const client = new FenigeClient({ baseUrl: fenige.url, login: 'l', password: 'p', merchantUuid: 'm', timeoutMs: 2_000 });
    const confirmingUrl = await servePostbacks({ confirmWithDetails: client });
    await fc.assert(
      fc.asyncProperty(postback, fc.constantFrom('transactionState', 'amount', 'currency'), async (body, flipped) => {
        notified.length = 0;
        fenige.answer({
          status: 200,
          body: {
            ...SEED.detailsOk,
            transactionId: body.transactionId,
            transactionState: 'FAILURE',
            amount: body.amount,
            currency: body.currency,
            currencyCode: body.currency,
          },
        });
        const claimed = { ...body, transactionState: 'SUCCESS' };
        if (flipped === 'amount') Object.assign(claimed, { transactionState: 'FAILURE', amount: body.amount + 1 });
        if (flipped === 'currency') Object.assign(claimed, { transactionState: 'FAILURE', currency: body.currency === 'PLN' ? 'EUR' : 'PLN' });
        const response = await deliver(confirmingUrl, signedDelivery(claimed));
        assert.ok(isClientError(response.status), `a postback contradicting details on ${flipped} answered ${response.status}`);
        assert.deepEqual(notified, []);
      }),
      { numRuns: 30 },
    );
  });
});
