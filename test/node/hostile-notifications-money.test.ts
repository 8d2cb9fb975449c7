// Notifications that would move money, played as attacks over real HTTP (issue: a replayed DECLINED
// postback saying APPROVED was accepted, an e-mail with ':' let a Feennex callback be re-split, a
// 150 MB chunked body was read whole before its size was checked).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { toNodeListener } from '../../src/server/adapters.js';
import { createFeennexNotificationHandler, feennexNotificationSign, type FeennexNotification } from '../../src/gateways/feennex/server/notifications.js';
import { createFenigePostbackHandler, FenigeClient, type FenigePostback } from '../../src/gateways/fenige/server/index.js';
import { createTestToken, FENIGE_TEST_CARDS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { listen } from '../support/http.js';
import { sandboxFeennexClient, sandboxFenigeClient } from '../support/checkout.js';

const FENIGE_SECRET = 'fenige-postback-secret';
const FEENNEX_SECRET = 'feennex-secret';
let sb: RunningSandbox;
let fenige: FenigeClient;
const closers: (() => Promise<void>)[] = [];
before(async () => {
  sb = await startSandbox();
  fenige = sandboxFenigeClient(sb);
});
after(async () => {
  await Promise.all(closers.map((close) => close()));
  await sb.close();
});

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const server = await listen(toNodeListener(handler));
  closers.push(server.close);
  return `${server.url}/notify`;
}

const checksum = (transactionId: string) =>
  createHash('sha256')
    .update(FENIGE_SECRET + transactionId)
    .digest('hex');
const postJson = (url: string, body: unknown, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Sends `total` bytes chunked (no Content-Length) and notes how many were written when the answer came. */
function streamBody(url: string, contentType: string, total: number, headers: Record<string, string> = {}): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked', ...headers } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode!, written });
      req.destroy();
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("Fenige postbacks: the state is always Fenige's own", () => {
  test('a genuine DECLINED postback replayed as APPROVED never reaches the merchant as approved', async () => {
    const received: FenigePostback[] = [];
    const url = await serve(createFenigePostbackHandler({ secret: FENIGE_SECRET, confirmWithDetails: fenige, onNotification: (p) => void received.push(p) }));
    const transactionId = randomUUID();
    const declined = await fenige
      .googlePay({
        transactionId,
        amount: 1000,
        currency: 'PLN',
        description: 'Order 42',
        deposit: true,
        sender: { firstName: 'Jan', lastName: 'Kowalski' },
        token: createTestToken({
          gateway: 'fenige',
          gatewayMerchantId: sb.fenige.gatewayMerchantId,
          card: FENIGE_TEST_CARDS.find((c) => c.outcome === 'E0150')!.pan,
        }) as never,
      })
      .catch((error: unknown) => error);
    assert.ok(declined, 'the sandbox declined the card');

    const replayed = await postJson(
      url,
      { transactionId, transactionState: 'APPROVED', amount: 1000, currency: 'PLN' },
      { 'X-SECRET-CHECKSUM': checksum(transactionId) },
    );
    assert.notEqual(replayed.status, 200);
    const stateless = await postJson(url, { transactionId }, { 'X-SECRET-CHECKSUM': checksum(transactionId) });
    assert.equal(stateless.status, 200);
    assert.equal(received.length, 1);
    assert.notEqual(received[0]!.transactionState, 'APPROVED');
    assert.ok(['DECLINED', 'FAILURE', 'REJECTED'].includes(String(received[0]!.transactionState)), String(received[0]!.transactionState));
  });

  test('without confirmWithDetails the handler is refused unless the unsafe opt-in is given; a blank secret never', () => {
    assert.throws(() => createFenigePostbackHandler({ secret: FENIGE_SECRET, onNotification: () => {} }), /confirmWithDetails/);
    const warnings: string[] = [];
    createFenigePostbackHandler({
      secret: FENIGE_SECRET,
      unsafeTrustPostbackState: true,
      logger: { warn: (m) => void warnings.push(m) },
      onNotification: () => {},
    });
    assert.equal(warnings.length, 1);
    for (const secret of ['', '   ', '\t\n']) {
      assert.throws(() => createFenigePostbackHandler({ secret, confirmWithDetails: fenige, onNotification: () => {} }), /secret/);
    }
  });

  test('a huge chunked postback is refused with 413 as soon as the cap is passed, not after reading it', async () => {
    const url = await serve(
      createFenigePostbackHandler({ secret: FENIGE_SECRET, confirmWithDetails: fenige, maxBodyBytes: 64 * 1024, onNotification: () => {} }),
    );
    const total = 64 * 1024 * 1024;
    const { status, written } = await streamBody(url, 'application/json', total, { 'X-SECRET-CHECKSUM': checksum(randomUUID()) });
    assert.equal(status, 413);
    assert.ok(written < total, `answered after ${written} of ${total} bytes`);
  });
});

describe('Feennex callbacks: every field has its shape before the signature counts', () => {
  const orderId = randomUUID();
  const paid: FeennexNotification[] = [];
  let url: string;
  before(async () => {
    url = await serve(
      createFeennexNotificationHandler({
        secretKey: FEENNEX_SECRET,
        shopId: '5',
        lookupOrder: (id) => (id === orderId ? { amount: 1000, currency: 'PLN' } : undefined),
        onPaid: (n) => void paid.push(n),
      }),
    );
  });
  const genuine = (extra: Record<string, string> = {}) => ({
    client_price: '10.00',
    created: '2026-11-30 08:00:00',
    description: 'Order 42',
    email: 'jan@example.com',
    lang: 'en',
    payment_id: '77',
    payway: 'card_pln',
    processed: '2026-11-30 08:00:05',
    ps_currency: '985',
    ps_data: '{"card":"411111******1111"}',
    shop_amount: '10.00',
    shop_currency: '985',
    shop_id: '5',
    shop_order_id: orderId,
    shop_refund: '0.00',
    status: 'success',
    user_ip: '203.0.113.7',
    ...extra,
  });
  const post = async (fields: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, sign: await feennexNotificationSign(fields, FEENNEX_SECRET) }),
    });

  test('a re-split callback (":" moved between values, same signature) is refused naming the field', async () => {
    // Feennex signed description "Order:42" with no e-mail; the forger moves "42" into the e-mail.
    const original = genuine({ description: 'Order:42', email: '' });
    const forged = { ...original, description: 'Order', email: '42' };
    assert.equal(
      await feennexNotificationSign(forged, FEENNEX_SECRET),
      await feennexNotificationSign(original, FEENNEX_SECRET),
      'the documented sign cannot tell them apart',
    );
    for (const fields of [forged, original]) {
      const response = await post(fields);
      assert.equal(response.status, 400);
      assert.match(await response.text(), /^(description|email) must be/);
    }
    assert.equal(paid.length, 0);
  });

  test('correctly signed but malformed fields are refused before the signature, each naming the field', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ shop_order_id: 'order:1' }, /shop_order_id/],
      [{ payment_id: '7a' }, /payment_id/],
      [{ shop_amount: '1e3' }, /shop_amount/],
      [{ shop_currency: 'PLN' }, /shop_currency/],
      [{ status: 'paid' }, /status/],
      [{ extra_field: 'x' }, /unknown field extra_field/],
    ];
    for (const [change, named] of cases) {
      const response = await post(genuine(change));
      assert.equal(response.status, 400, JSON.stringify(change));
      assert.match(await response.text(), named);
    }
    assert.equal(paid.length, 0);
    const ok = await post(genuine());
    assert.equal(ok.status, 200, 'the untouched callback is accepted');
    assert.equal(paid.length, 1);
  });

  test('a huge chunked callback is refused with 413 as soon as the cap is passed', async () => {
    const total = 64 * 1024 * 1024;
    const { status, written } = await streamBody(url, 'application/x-www-form-urlencoded', total);
    assert.equal(status, 413);
    assert.ok(written < total, `answered after ${written} of ${total} bytes`);
  });

  test('values sent to Feennex may not contain ":" (e-mail, description), the error naming the field', async () => {
    const client = sandboxFeennexClient(sb);
    const base = { amount: 1000, currency: 'PLN', payway: 'card_pln', shopOrderId: randomUUID() };
    await assert.rejects(client.invoiceCreate({ ...base, email: 'jan:x@example.com' }), /e-mail|email/);
    await assert.rejects(client.invoiceCreate({ ...base, description: 'Order:42' }), /description/);
    assert.equal(sb.emulators.feennex.invoices().filter((i) => i.shopOrderId === base.shopOrderId).length, 0);
  });
});
