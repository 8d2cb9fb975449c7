// Secrets never leave the server's memory: the Fenige password (and its Basic credential), the
// Feennex secret key, the postback secret and the Google Pay token's signature / signedMessage are
// searched for in everything a failing or hostile flow produces — console and stdout/stderr writes,
// thrown errors (message, stack, JSON, util.inspect with hidden fields), onEvent payloads and HTTP
// answers. (The sandbox CLI prints its public test credentials on purpose; it is not covered here.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format, inspect } from 'node:util';
import { createCheckoutHandler, type CheckoutEvent, type CheckoutHandlerOptions } from '../../src/server/checkout-handler.js';
import { toNodeListener } from '../../src/server/adapters.js';
import type { CheckoutGateway } from '../../src/server/gateway.js';
import { FenigeClient, createFenigePostbackHandler } from '../../src/gateways/fenige/server/index.js';
import { FeennexClient } from '../../src/gateways/feennex/server/client.js';
import { FeennexPayoutClient } from '../../src/gateways/feennex/server/payout-client.js';
import { feennexCheckout } from '../../src/gateways/feennex/server/checkout.js';
import { feennexGooglePayInvoice } from '../../src/gateways/feennex/server/google-pay.js';
import { createFeennexNotificationHandler } from '../../src/gateways/feennex/server/notifications.js';
import { signNotification } from '../support/feennex-sign.js';
import { validateCheckoutRequest, type CheckoutRequest } from '../../src/protocol/index.js';
import { SEED, startFakeFenige, type FakeFenige } from './server-fenige-fake.js';
import { FAKE_SHOP, startFakeFeennex, type FakeFeennex } from './server-feennex-fake.js';
import { payBody } from '../support/checkout.js';
import { listen, serveFetch } from '../support/http.js';
import { TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

const FENIGE = { login: 'merchant-login', password: 'Fenige-P4ssw0rd-never-logged', merchantUuid: 'c0ffee00-0000-4000-8000-000000000001' };
const BASIC = Buffer.from(`${FENIGE.login}:${FENIGE.password}`).toString('base64');
const WRONG_FEENNEX_SECRET = 'Wrong-Feennex-Secret-never-logged';
const POSTBACK_SECRET = 'Postback-Secret-never-logged';
const SIGNED_MESSAGE = JSON.stringify({ encryptedMessage: 'CIPHERTEXT-never-logged', ephemeralPublicKey: 'EPHEMERAL-never-logged', tag: 'TAG-never-logged' });
const TOKEN = {
  protocolVersion: 'ECv2',
  signature: 'MEUCIQ-SIGNATURE-never-logged',
  intermediateSigningKey: { signedKey: '{"keyValue":"k","keyExpiration":"1"}', signatures: ['INTERMEDIATE-SIG'] },
  signedMessage: SIGNED_MESSAGE,
};

/** What must never be seen, by name. The signedMessage is also searched for as JSON-escaped text and by its parts. */
const SECRETS: Record<string, string> = {
  'Fenige password': FENIGE.password,
  'Fenige Basic credential': BASIC,
  'Feennex secret key': FAKE_SHOP.secretKey,
  'wrong Feennex secret key': WRONG_FEENNEX_SECRET,
  'Fenige postback secret': POSTBACK_SECRET,
  'token signature': TOKEN.signature,
  'token signedMessage': SIGNED_MESSAGE,
  'token signedMessage (escaped)': JSON.stringify(SIGNED_MESSAGE).slice(1, -1),
  'token ciphertext': 'CIPHERTEXT-never-logged',
  'token ephemeral key': 'EPHEMERAL-never-logged',
  'token tag': 'TAG-never-logged',
};

// ---------------------------------------------------------------------------------------------
// Everything observable goes into `seen`, labelled.

const seen: Array<{ where: string; text: string }> = [];
const record = (where: string, text: string) => void seen.push({ where, text });

function recordError(where: string, error: unknown): void {
  record(`${where}: String`, String(error));
  if (error instanceof Error) {
    record(`${where}: message`, error.message);
    record(`${where}: stack`, error.stack ?? '');
  }
  record(`${where}: JSON`, JSON.stringify(error) ?? '');
  record(`${where}: inspect`, inspect(error, { depth: Infinity, showHidden: true }));
}

async function recordResponse(where: string, response: Response): Promise<Response> {
  const body = await response.text();
  record(`${where}: answer`, `${response.status} ${JSON.stringify([...response.headers])} ${body}`);
  return new Response(body, { status: response.status, headers: response.headers });
}

async function rejection(where: string, promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => assert.fail(`${where}: expected a failure`),
    (e: unknown) => e,
  );
  recordError(where, error);
  return error;
}

const restore: Array<() => void> = [];

/** Records console.* and every write to stdout/stderr (still passed through). */
function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      record(`${stream === process.stdout ? 'stdout' : 'stderr'} write`, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
    restore.push(() => void (stream.write = original));
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      record(`console.${level}`, format(...args) + args.map((a) => inspect(a, { depth: Infinity, showHidden: true })).join(' '));
      (original as (...a: unknown[]) => void).apply(console, args);
    };
    restore.push(() => void (console[level] = original));
  }
}

let fenige: FakeFenige;
let feennex: FakeFeennex;
const closers: Array<() => Promise<void>> = [];

before(async () => {
  captureOutput();
  fenige = await startFakeFenige();
  feennex = await startFakeFeennex();
  closers.push(
    () => fenige.close(),
    () => feennex.close(),
  );
});
after(async () => {
  restore.splice(0).forEach((undo) => undo());
  await Promise.all(closers.map((close) => close()));
});

// Clients that get an answer wait as long as a busy machine needs; only the answers that never
// come (`hang`) meet the short timeout, so a timeout happens exactly where the test makes one.
const ANSWERED_MS = 30_000;
const HANGING_MS = 150;
const fenigeClient = (timeoutMs = ANSWERED_MS, baseUrl = fenige.url) => new FenigeClient({ baseUrl, ...FENIGE, timeoutMs });
const feennexClient = (secretKey = FAKE_SHOP.secretKey, timeoutMs = ANSWERED_MS) =>
  new FeennexClient({ baseUrl: feennex.url, shopId: FAKE_SHOP.shopId, secretKey, timeoutMs, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });

const checkoutRequest = (): CheckoutRequest => {
  const result = validateCheckoutRequest(payBody({ token: TOKEN }));
  assert.ok(result.ok);
  return result.value;
};
const googlePayBody = (request = checkoutRequest()) => ({
  amount: request.amount,
  transactionId: request.transactionId,
  description: request.description,
  currency: request.currency,
  deposit: false,
  sender: request.sender as { firstName: string; lastName: string; email?: string },
  token: TOKEN,
});

/** A port nothing listens on, for connection errors. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('secrets never appear in logs, errors, events or answers', () => {
  test('Fenige client: E8002, E8000, E0150, a timeout, a refused connection, an HTML 500, a bad 2xx, an abort, refused input', async () => {
    const client = fenigeClient();
    fenige.answer({ status: 401, body: SEED.E8002 });
    await rejection('fenige E8002', client.googlePay(googlePayBody()));
    const sent = fenige.requests.at(-1)!;
    assert.equal(sent.headers.authorization, `Basic ${BASIC}`, 'the password was really used');
    assert.equal((sent.body as { token: typeof TOKEN }).token.signature, TOKEN.signature, 'the token was really sent');

    fenige.answer({ status: 400, body: SEED.E8000 });
    await rejection('fenige E8000', client.googlePay(googlePayBody()));
    fenige.answer({ status: 422, body: SEED.E0150 });
    await rejection('fenige E0150', client.googlePay(googlePayBody()));
    fenige.answer({ status: 200, hang: true });
    const impatient = fenigeClient(HANGING_MS);
    await rejection('fenige timeout', impatient.googlePay(googlePayBody()));
    await rejection('fenige details timeout', impatient.details(checkoutRequest().transactionId));
    fenige.answer({ status: 500, body: '<html>Internal error</html>', contentType: 'text/html' });
    await rejection('fenige HTML 500', client.googlePay(googlePayBody()));
    fenige.answer({ status: 200, body: '{"unexpected": true' });
    await rejection('fenige bad 2xx', client.googlePay(googlePayBody()));
    fenige.answer({ status: 200, hang: true });
    await rejection('fenige aborted', client.googlePay(googlePayBody(), { signal: AbortSignal.timeout(20) }));
    await rejection('fenige refused', fenigeClient(ANSWERED_MS, await closedPort()).googlePay(googlePayBody()));
    const { sender: _sender, ...withoutSender } = googlePayBody();
    await rejection('fenige invalid input', client.googlePay(withoutSender as never));
    assert.throws(
      () => new FenigeClient({ baseUrl: 'ftp://x', login: FENIGE.login, password: 42 as never, merchantUuid: '' }),
      (e) => (recordError('fenige options', e), true),
    );
    record('fenige client: inspect', inspect(client, { depth: Infinity, showHidden: true }));
    record('fenige client: JSON', JSON.stringify(client));
    record('fenige client: String', String(client));
  });

  test('Feennex client: error 10 (wrong secret), a timeout, a dropped connection, an HTML 502, refused input', async () => {
    const request = checkoutRequest();
    const invoice = feennexGooglePayInvoice(request, 'googlepay_pln', {});
    await rejection('feennex error 10', feennexClient(WRONG_FEENNEX_SECRET).invoiceCreate(invoice));
    assert.match(JSON.stringify(feennex.requests.at(-1)!.body), /SIGNATURE-never-logged/, 'the token was really sent');

    const client = feennexClient();
    feennex.on('invoice/create', 'hang');
    feennex.on('bill/shop_order_status', 'hang');
    await rejection('feennex timeout', feennexClient(FAKE_SHOP.secretKey, HANGING_MS).invoiceCreate({ ...invoice, shopOrderId: crypto.randomUUID() }));
    feennex.on('invoice/create', 'drop');
    feennex.on('bill/shop_order_status', 'drop');
    await rejection('feennex dropped', client.invoiceCreate({ ...invoice, shopOrderId: crypto.randomUUID() }));
    feennex.on('shop_balance', { httpStatus: 502, text: '<html>Bad gateway</html>' });
    await rejection('feennex HTML 502', new FeennexPayoutClient(client).shopBalance());
    await rejection('feennex invalid input', client.invoiceCreate({ ...invoice, amount: -1 }));
    assert.throws(
      () => new FeennexClient({ baseUrl: 'https://core.feennex.com/', shopId: 'x', secretKey: FAKE_SHOP.secretKey }),
      (e) => (recordError('feennex options', e), true),
    );
    record('feennex client: inspect', inspect(client, { depth: Infinity, showHidden: true }));
    record('feennex client: JSON', JSON.stringify(client));
  });

  test('checkout handler with onEvent: every Fenige and Feennex outcome, throwing gateways and lookups, refused bodies', async () => {
    const events: CheckoutEvent[] = [];
    const onEvent = (event: CheckoutEvent) => void events.push(event);
    const post = async (url: string, body: string, where: string) =>
      recordResponse(where, await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }));
    const serve = async (gateway: CheckoutGateway | FenigeClient, extra: Partial<CheckoutHandlerOptions> = {}) => {
      const server = await listen(
        toNodeListener(createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway, basePath: '/pay', timeoutMs: 400, onEvent, ...extra })),
      );
      closers.push(server.close);
      return `${server.url}/pay`;
    };

    const fenigeUrl = await serve(fenigeClient());
    for (const [name, answer] of [
      ['approved', { status: 200, body: SEED.googlePayOk }],
      ['E8002', { status: 401, body: SEED.E8002 }],
      ['E8000', { status: 400, body: SEED.E8000 }],
      ['E0150', { status: 422, body: SEED.E0150 }],
      ['E9001', { status: 503, body: SEED.E9001 }],
      ['timeout', { status: 200, hang: true }],
    ] as const) {
      fenige.answer(answer);
      const response = await post(fenigeUrl, JSON.stringify(payBody({ token: TOKEN })), `handler fenige ${name}`);
      await response.text();
    }

    const feennexUrl = await serve(feennexCheckout(feennexClient()));
    feennex.on('invoice/create', { data: { id: 1, method: 'POST', url: 'https://pay.example/3ds', data: { PaReq: 'x' } } });
    await post(feennexUrl, JSON.stringify(payBody({ token: TOKEN })), 'handler feennex redirect');
    feennex.on('invoice/create', 'hang');
    feennex.on('bill/shop_order_status', 'hang');
    await post(feennexUrl, JSON.stringify(payBody({ token: TOKEN })), 'handler feennex timeout');
    const wrongSecretUrl = await serve(feennexCheckout(feennexClient(WRONG_FEENNEX_SECRET)));
    await post(wrongSecretUrl, JSON.stringify(payBody({ token: TOKEN })), 'handler feennex error 10');

    const leaky = new Error(`gateway exploded with ${JSON.stringify(TOKEN)} and ${FENIGE.password}`);
    const throwing: CheckoutGateway = {
      id: 'throwing',
      defaultBasePath: '/pay',
      pay: async () => {
        throw leaky;
      },
      status: async () => {
        throw leaky;
      },
      hosted: async () => {
        throw leaky;
      },
    };
    const throwingUrl = await serve(throwing);
    await post(throwingUrl, JSON.stringify(payBody({ token: TOKEN })), 'handler throwing gateway');
    await recordResponse('handler throwing status', await fetch(`${throwingUrl}/${crypto.randomUUID()}`));
    const lookupUrl = await serve(throwing, { lookupOrder: () => Promise.reject(leaky) });
    await post(lookupUrl, JSON.stringify(payBody({ token: TOKEN })), 'handler throwing lookupOrder');

    await post(fenigeUrl, JSON.stringify(payBody({ token: TOKEN, amount: -1, password: FENIGE.password })), 'handler invalid body');
    await post(fenigeUrl, JSON.stringify(payBody({ token: TOKEN })).slice(0, -5), 'handler broken JSON');
    await post(fenigeUrl, JSON.stringify(payBody({ token: TOKEN, description: 'x'.repeat(70_000) })), 'handler too large');

    assert.ok(
      events.some((e) => e.type === 'gateway-error' && e.error === 'Error'),
      'the throwing gateway was reported',
    );
    assert.ok(
      events.some((e) => e.type === 'payment' && e.outcome === 'success'),
      'an approved payment was reported',
    );
    events.forEach((event, i) => record(`onEvent #${i} (${event.type})`, JSON.stringify(event) + inspect(event, { depth: Infinity })));
  });

  test('notification handlers refusing forgeries', async () => {
    const feennexHandler = createFeennexNotificationHandler({
      secretKey: FAKE_SHOP.secretKey,
      shopId: FAKE_SHOP.shopId,
      lookupOrder: () => ({ amount: 1234, currency: 'PLN' }),
      onPaid: () => undefined,
    });
    const fields: Record<string, string> = {
      payment_id: '1',
      shop_amount: '12.34',
      shop_currency: '985',
      shop_id: FAKE_SHOP.shopId,
      shop_order_id: 'o',
      status: 'success',
    };
    const tampered = { ...fields, shop_amount: '0.01' };
    // The signature the forger would need is an oracle: it must not be revealed either.
    const oracle = signNotification(tampered, FAKE_SHOP.secretKey);
    const cases: Array<[string, Record<string, string>]> = [
      ['tampered', { ...tampered, sign: signNotification(fields, FAKE_SHOP.secretKey) }],
      ['wrong secret', { ...fields, sign: signNotification(fields, WRONG_FEENNEX_SECRET) }],
      ['other shop', { ...fields, shop_id: '6', sign: signNotification({ ...fields, shop_id: '6' }, FAKE_SHOP.secretKey) }],
      ['no sign', fields],
    ];
    for (const [name, form] of cases) {
      const request = new Request('http://shop.test/feennex', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      const response = await recordResponse(`feennex notification ${name}`, await feennexHandler(request));
      assert.ok(response.status >= 400 && response.status < 500);
    }

    const client = fenigeClient();
    fenige.answer({ status: 401, body: SEED.E8002 });
    const postbacks = await serveFetch(createFenigePostbackHandler({ secret: POSTBACK_SECRET, confirmWithDetails: client, onNotification: () => undefined }));
    closers.push(postbacks.close);
    const id = crypto.randomUUID();
    const good = createHash('sha256')
      .update(POSTBACK_SECRET + id)
      .digest('hex');
    const forgedId = crypto.randomUUID();
    const postbackOracle = createHash('sha256')
      .update(POSTBACK_SECRET + forgedId)
      .digest('hex');
    for (const [name, body, checksum] of [
      ['replayed for another id', { transactionId: forgedId, transactionState: 'SUCCESS' }, good],
      ['wrong checksum', { transactionId: id }, 'f'.repeat(64)],
      ['no checksum', { transactionId: id }, undefined],
      ['signed, Fenige refuses our credentials', { transactionId: id }, good],
    ] as const) {
      const response = await fetch(`${postbacks.url}/postback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(checksum ? { 'X-SECRET-CHECKSUM': checksum } : {}) },
        body: JSON.stringify(body),
      });
      await recordResponse(`fenige postback ${name}`, response);
    }
    SECRETS['Feennex sign a forger needs'] = oracle;
    SECRETS['Fenige checksum a forger needs'] = postbackOracle;
  });

  test('none of the secrets occurs anywhere', () => {
    assert.ok(seen.length > 100, `only ${seen.length} observations: the flows above did not run`);
    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const { where, text } of seen) {
        const at = text.indexOf(secret);
        // Only the position is reported: printing the text would print the secret too.
        if (at >= 0) leaks.push(`${name} in ${where} at ${at}`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});
