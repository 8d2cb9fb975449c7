/**
 * `npm run demo` (and `npm start`): the whole integration on one port, offline — the demo shop
 * page and the built elements, a merchant backend (server-side orders, checkout handlers,
 * notification receivers, a small back office) and both gateway sandboxes. The backend talks to
 * the sandboxes over HTTP with the real clients, exactly as it would talk to Fenige and Feennex.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../src/sandbox/index.js';
import {
  createCheckoutHandler,
  createFeennexNotificationHandler,
  createFenigePostbackHandler,
  FeennexClient,
  feennexCheckout,
  FenigeClient,
  fenigeCheckout as fenigeCheckoutGateway,
  toNodeListener,
  type CheckoutEvent,
} from '../src/server/index.js';
import { createFeed } from './backend/feed.js';
import { createMerchantApi } from './backend/merchant-api.js';
import { createOrderBook } from './backend/shop.js';
import { serveStatic, text } from './backend/static.js';

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATIC_ROOTS = { demo: join(ROOT, 'demo'), dist: join(ROOT, 'dist'), docs: join(ROOT, 'docs') };

type App = (request: Request, info?: { clientIp?: string }) => Promise<Response>;

const under = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

function createDemoApp(origin: string): App {
  const feed = createFeed();
  const orders = createOrderBook();
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

  // The amount always comes from the server's order (demo/backend/shop.ts), never from the page.
  const lookupOrder = orders.lookup;
  const onEvent = ({ source: idempotency, ...event }: CheckoutEvent) => {
    // A payment answer or a status check: either way the gateway said the money moved.
    if (event.outcome === 'success' && event.transactionId) orders.markPaid(event.transactionId);
    const order = event.transactionId ? orders.forTransaction(event.transactionId)?.id : undefined;
    feed.push('checkout', { ...event, idempotency, order });
  };

  // A shop that ships goods authorises at checkout and clears (captures) when it ships: the back
  // office shows the whole lifecycle.
  const fenigeCheckout = createCheckoutHandler({ gateway: fenigeCheckoutGateway(fenige, { capture: 'authorize' }), lookupOrder, onEvent });
  const feennexPayments = createCheckoutHandler({
    gateway: feennexCheckout(feennex, { callbackUrl: feennexCallbackUrl }),
    lookupOrder,
    onEvent,
  });

  const fenigePostback = createFenigePostbackHandler({
    secret: postbackSecret,
    confirmWithDetails: fenige,
    onNotification: (postback, { details }) => {
      const state = details?.transactionState ?? postback.transactionState ?? postback.status;
      if (state === 'SUCCESS' || state === 'SUCCESS_WAITING_FOR_CLEARING') orders.markPaid(postback.transactionId);
      feed.push('fenige-postback', {
        transactionId: postback.transactionId,
        state,
        amount: details?.amount ?? postback.amount,
        currency: details?.currency ?? postback.currency,
        verified: true,
      });
    },
    onError: (error) => feed.push('fenige-postback', { error: error instanceof Error ? error.name : 'Error' }),
  });
  const feennexNotifications = createFeennexNotificationHandler({
    secretKey: sb.feennex.secretKey,
    shopId: sb.feennex.shopId,
    lookupOrder: (shopOrderId) => {
      const order = orders.forTransaction(shopOrderId);
      return order && { amount: order.total, currency: order.currency, description: order.description };
    },
    onPaid: (n) => {
      orders.markPaid(n.shopOrderId);
      feed.push('feennex-notification', {
        transactionId: n.shopOrderId,
        paymentId: n.paymentId,
        status: n.status,
        amount: n.shopAmount.minor,
        currency: n.shopAmount.currency,
        verified: true,
      });
    },
    onRejected: (n) => feed.push('feennex-notification', { transactionId: n.shopOrderId, paymentId: n.paymentId, status: n.status, verified: true }),
  });

  const merchantApi = createMerchantApi({ sandbox, fenige, feennex, feed, orders });

  return async (request, info) => {
    const { pathname } = new URL(request.url);
    if (under(pathname, '/sandbox')) return (await sandbox.handle(request)) ?? text(404, 'Not found');
    if (under(pathname, fenigeCheckout.basePath)) return fenigeCheckout(request, info);
    if (under(pathname, feennexPayments.basePath)) return feennexPayments(request, info);
    if (pathname === '/paytool/postback') return fenigePostback(request);
    if (pathname === '/feennex/notifications') return feennexNotifications(request);
    if (under(pathname, '/demo-api')) return merchantApi(request, pathname.slice('/demo-api'.length));
    if (pathname === '/favicon.ico') return new Response(null, { status: 204 });
    if (under(pathname, '/dist')) return serveStatic(STATIC_ROOTS.dist, pathname.slice('/dist'.length), request, ' (run `npm run build` first)');
    if (under(pathname, '/docs')) return serveStatic(STATIC_ROOTS.docs, pathname.slice('/docs'.length), request);
    return serveStatic(STATIC_ROOTS.demo, pathname === '/' ? '/index.html' : pathname, request);
  };
}

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
