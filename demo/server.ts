/**
 * `npm run demo`: the whole integration on one port, offline — the demo page and the built
 * elements, a merchant backend (checkout handlers, notification receivers, a small merchant API)
 * and both gateway sandboxes. The backend talks to the sandboxes over HTTP with the real clients,
 * exactly as it would talk to Fenige and Feennex.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, FEENNEX_TEST_CARDS, FENIGE_TEST_CARDS } from '../src/sandbox/index.js';
import {
  createCheckoutHandler,
  createFeennexNotificationHandler,
  createFenigePostbackHandler,
  FeennexClient,
  FeennexError,
  FeennexInputError,
  feennexCheckout,
  FenigeClient,
  FenigeError,
  toNodeListener,
  type CheckoutEvent,
  type OrderQuery,
} from '../src/server/index.js';

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_ROOTS = { demo: join(ROOT, 'demo'), dist: join(ROOT, 'dist') };

type App = (request: Request, info?: { clientIp?: string }) => Promise<Response>;

// ---------------------------------------------------------------------------------------------
// The event feed: what the merchant's backend saw, streamed to the panel (Server-Sent Events).

interface FeedItem {
  at: string;
  source: 'checkout' | 'fenige-postback' | 'feennex-notification' | 'merchant';
  [key: string]: unknown;
}

function createFeed(limit = 200) {
  const items: FeedItem[] = [];
  const listeners = new Set<(item: FeedItem) => void>();
  return {
    push(source: FeedItem['source'], data: Record<string, unknown>) {
      const item: FeedItem = { ...data, at: new Date().toISOString(), source };
      items.push(item);
      if (items.length > limit) items.shift();
      for (const listener of listeners) listener(item);
    },
    /** `GET /demo-api/events`: the recent items, then each new one as it happens. */
    stream(request: Request): Response {
      const encoder = new TextEncoder();
      let listener: (item: FeedItem) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (item: FeedItem) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(item)}\n\n`));
          items.forEach(send);
          listener = send;
          listeners.add(listener);
          request.signal.addEventListener('abort', () => listeners.delete(listener));
        },
        cancel() {
          listeners.delete(listener);
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Static files: demo/ at `/`, the build output at `/dist/`.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * A strict policy: no inline script, no eval, Trusted Types enforced. Inline `<style>` only with
 * this response's nonce: the page hands it to the elements (`nonce="__CSP_NONCE__"`, filled in
 * here), which pass it to the Google Pay client for the button's styles. Google's pay.js and its
 * button assets are allowed for when the real client is used.
 */
const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;

function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' https://pay.google.com`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https://www.gstatic.com https://pay.google.com",
    "connect-src 'self' https://pay.google.com https://google.com",
    'frame-src https://pay.google.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types lit-html paytool-elements vue 'allow-duplicates'",
  ].join('; ');
}

async function serveStatic(root: string, urlPath: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath));
  } catch {
    return text(400, 'Bad path');
  }
  const file = join(root, relative.endsWith(sep) ? join(relative, 'index.html') : relative);
  const type = CONTENT_TYPES[extname(file)];
  if (!file.startsWith(root + sep) || !type || relative.split(sep).some((part) => part.startsWith('.'))) {
    return text(404, 'Not found');
  }
  try {
    if (!(await stat(file)).isFile()) return text(404, 'Not found');
  } catch {
    const hint = root === STATIC_ROOTS.dist ? ' (run `npm run build` first)' : '';
    return text(404, `Not found${hint}`);
  }
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (!type.startsWith('text/html')) return new Response(request.method === 'HEAD' ? null : await readFile(file), { headers });
  const nonce = randomBytes(16).toString('base64');
  headers['Content-Security-Policy'] = pageCsp(nonce);
  headers['Referrer-Policy'] = 'same-origin';
  const html = (await readFile(file, 'utf8')).replace(NONCE_PLACEHOLDER, nonce);
  return new Response(request.method === 'HEAD' ? null : html, { headers });
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

// ---------------------------------------------------------------------------------------------
// The merchant backend.

function createDemoApp(origin: string): App {
  const feed = createFeed();
  // Random per run: only this demo's sandbox and its postback receiver know it.
  const postbackSecret = randomBytes(16).toString('hex');
  const feennexCallbackUrl = `${origin}/feennex/notifications`;
  const sandbox = createSandbox({
    basePath: '/sandbox',
    fenige: { postback: { url: `${origin}/paytool/postback`, secret: postbackSecret } },
    feennex: { callbackUrl: feennexCallbackUrl },
  });
  const sb = sandbox.describe(origin);
  const fenige = new FenigeClient({ baseUrl: sb.fenige.url, login: sb.fenige.login, password: sb.fenige.password, merchantUuid: sb.fenige.merchantUuid });
  const feennex = new FeennexClient({ baseUrl: sb.feennex.url, shopId: sb.feennex.shopId, secretKey: sb.feennex.secretKey });

  // The demo's "order book" is whatever the page asks for. A real shop MUST answer lookupOrder
  // from its own orders (cart, database): otherwise the payer chooses the amount.
  const orders = new Map<string, { amount: number; currency: string; description: string }>();
  const lookupOrder = (query: OrderQuery) => {
    const order = orders.get(query.transactionId) ?? { amount: query.amount, currency: query.currency, description: query.description };
    orders.set(query.transactionId, order);
    return order;
  };
  const onEvent = ({ source: idempotency, ...event }: CheckoutEvent) => feed.push('checkout', { ...event, idempotency });

  const fenigeCheckout = createCheckoutHandler({ gateway: fenige, lookupOrder, onEvent });
  const feennexPayments = createCheckoutHandler({
    gateway: feennexCheckout(feennex, { callbackUrl: feennexCallbackUrl }),
    lookupOrder,
    onEvent,
  });

  const fenigePostback = createFenigePostbackHandler({
    secret: postbackSecret,
    confirmWithDetails: fenige,
    onNotification: (postback, { details }) =>
      feed.push('fenige-postback', {
        transactionId: postback.transactionId,
        state: details?.transactionState ?? postback.transactionState ?? postback.status,
        amount: details?.amount ?? postback.amount,
        currency: details?.currency ?? postback.currency,
        verified: true,
      }),
    onError: (error) => feed.push('fenige-postback', { error: error instanceof Error ? error.name : 'Error' }),
  });
  const feennexNotifications = createFeennexNotificationHandler({
    secretKey: sb.feennex.secretKey,
    shopId: sb.feennex.shopId,
    lookupOrder: (shopOrderId) => orders.get(shopOrderId),
    onPaid: (n) => feed.push('feennex-notification', { transactionId: n.shopOrderId, paymentId: n.paymentId, status: n.status, amount: n.shopAmount.minor, currency: n.shopAmount.currency, verified: true }),
    onRejected: (n) => feed.push('feennex-notification', { transactionId: n.shopOrderId, paymentId: n.paymentId, status: n.status, verified: true }),
  });

  const merchantApi = createMerchantApi({ sandbox, fenige, feennex, feed });

  return async (request, info) => {
    const { pathname } = new URL(request.url);
    if (under(pathname, '/sandbox')) return (await sandbox.handle(request)) ?? text(404, 'Not found');
    if (under(pathname, fenigeCheckout.basePath)) return fenigeCheckout(request, info);
    if (under(pathname, feennexPayments.basePath)) return feennexPayments(request, info);
    if (pathname === '/paytool/postback') return fenigePostback(request);
    if (pathname === '/feennex/notifications') return feennexNotifications(request);
    if (under(pathname, '/demo-api')) return merchantApi(request, pathname.slice('/demo-api'.length));
    if (pathname === '/favicon.ico') return new Response(null, { status: 204 });
    if (under(pathname, '/dist')) return serveStatic(STATIC_ROOTS.dist, pathname.slice('/dist'.length), request);
    return serveStatic(STATIC_ROOTS.demo, pathname === '/' ? '/index.html' : pathname, request);
  };
}

// ---------------------------------------------------------------------------------------------
// `/demo-api/…` for demo/merchant-panel.js: what a merchant's back office does after a payment.

interface MerchantApiDeps {
  sandbox: ReturnType<typeof createSandbox>;
  fenige: FenigeClient;
  feennex: FeennexClient;
  feed: ReturnType<typeof createFeed>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createMerchantApi({ sandbox, fenige, feennex, feed }: MerchantApiDeps) {
  const { fenige: fenigeSandbox, feennex: feennexSandbox } = sandbox.emulators;
  // What the page needs so the fake Google Pay seals tokens each sandbox accepts.
  const config = {
    fenige: { endpoint: '/paytool/transactions', gatewayMerchantId: fenigeSandbox.credentials.gatewayMerchantId },
    feennex: { endpoint: '/feennex/payments', gatewayMerchantId: feennexSandbox.credentials.shopId },
  };

  async function readAmount(request: Request): Promise<number | undefined> {
    const body = (await request.json().catch(() => ({}))) as { amount?: unknown };
    return typeof body.amount === 'number' ? body.amount : undefined;
  }

  /** A gateway's error, as the panel shows it: its code and message, never a credential. */
  function gatewayError(error: unknown): Response {
    if (error instanceof FenigeError) {
      const status = error.kind === 'final' ? 422 : 502;
      return json(status, { error: { gateway: 'fenige', code: error.status, message: error.message, errors: error.errors } });
    }
    if (error instanceof FeennexInputError) {
      return json(400, { error: { gateway: 'feennex', code: 'INVALID_INPUT', message: error.message } });
    }
    if (error instanceof FeennexError) {
      return json(error.kind === 'final' ? 422 : 502, { error: { gateway: 'feennex', code: error.errorCode, message: error.message } });
    }
    throw error;
  }

  async function fenigeAction(request: Request, id: string, action: string): Promise<unknown> {
    switch (action) {
      case 'details':
        return fenige.details(id);
      case 'clear': {
        const amount = (await readAmount(request)) ?? fenigeSandbox.transactions().find((t) => t.transactionId === id)?.amount;
        return fenige.clear({ transactionId: id, clearingAmount: amount ?? 0 });
      }
      case 'reverse':
        return fenige.reverse({ transactionId: id });
      case 'refund':
        return fenige.refund({ transactionId: id, amountToRefund: (await readAmount(request)) ?? 0 });
      default:
        return undefined;
    }
  }

  return async (request: Request, path: string): Promise<Response> => {
    const segments = path.split('/').filter(Boolean);
    const method = request.method;
    if (method === 'POST' && !(request.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      return json(415, { error: { message: 'POST application/json' } });
    }
    try {
      if (method === 'GET' && path === '/events') return feed.stream(request);
      if (method === 'GET' && path === '/test-cards') return json(200, testCards());
      if (method === 'GET' && path === '/config') return json(200, config);
      if (method === 'GET' && path === '/transactions') {
        return json(200, { fenige: fenigeSandbox.transactions(), feennex: feennexSandbox.invoices(), payouts: feennexSandbox.payouts() });
      }
      if (method === 'GET' && path === '/feennex/balance') return json(200, await feennex.shopBalance());
      if (method === 'POST' && path === '/feennex/payout') {
        const body = (await request.json().catch(() => ({}))) as { amount?: number; currency?: string; card?: string };
        const currency = body.currency ?? 'PLN';
        const payout = await feennex.withdrawCreate({
          amount: body.amount ?? 0,
          currency,
          payway: `card_${currency.toLowerCase()}`,
          account: body.card ?? '4111111111111111',
          shopPaymentId: crypto.randomUUID(),
        });
        feed.push('merchant', { action: 'payout', id: payout.id, status: payout.status });
        return json(200, payout);
      }
      if (segments[0] === 'fenige' && segments.length === 3 && UUID.test(segments[1]!)) {
        const [, id, action] = segments as [string, string, string];
        if ((action === 'details') !== (method === 'GET')) return json(405, { error: { message: 'details is GET; clear, reverse and refund are POST' } });
        const result = await fenigeAction(request, id, action);
        if (result === undefined) return json(404, { error: { message: `Unknown action ${action}` } });
        if (action !== 'details') feed.push('merchant', { action, transactionId: id });
        return json(200, result);
      }
      return json(404, { error: { message: `No demo API at ${path}` } });
    } catch (error) {
      return gatewayError(error);
    }
  };
}

/** Both gateways' test cards by PAN, for the page's card picker: `{ pan, network, label, fenige?, feennex? }`. */
function testCards() {
  const byPan = new Map<string, { pan: string; network: string; fenige?: string; feennex?: string }>();
  for (const card of FENIGE_TEST_CARDS) byPan.set(card.pan, { pan: card.pan, network: card.network, fenige: card.outcome });
  for (const card of FEENNEX_TEST_CARDS) {
    byPan.set(card.pan, { ...(byPan.get(card.pan) ?? { pan: card.pan, network: card.network }), feennex: card.outcome });
  }
  return [...byPan.values()].map((c) => ({
    ...c,
    label: [c.fenige && `Fenige ${c.fenige}`, c.feennex && `Feennex ${c.feennex}`].filter(Boolean).join(' · '),
  }));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`PORT must be 0…65535, got "${process.env.PORT}"`);
  // The app needs its own origin (postback and callback URLs), known once the port is bound.
  let app: App = async () => text(503, 'Starting');
  const server = createServer(toNodeListener((request, info) => app(request, info)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  app = createDemoApp(origin);
  console.log(`paytool-elements demo: ${origin}/\n  sandbox: ${origin}/sandbox/ (test cards and credentials)`);

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
