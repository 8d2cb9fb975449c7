import { createCheckoutHandler, FeennexClient, feennexCheckout, FenigeClient, type OrderQuery, type OrderValues } from 'paytool-elements/server';

/** What the runtime gives the app: gateway credentials (secrets) and the shop's order book. */
export interface EdgeEnv {
  FENIGE_URL: string; // https://paytool-api.fenige.pl, or the sandbox's sb.fenige.url
  FENIGE_LOGIN: string;
  FENIGE_PASSWORD: string; // a secret: stays on the server, never logged
  FENIGE_MERCHANT_UUID: string;
  FEENNEX_URL: string; // Feennex's API base URL, or the sandbox's sb.feennex.url
  FEENNEX_SHOP_ID: string;
  FEENNEX_SECRET_KEY: string; // a secret
  FEENNEX_CALLBACK_URL: string; // where Feennex posts payment callbacks
  /** Your order by transactionId (a KV store, a database, your shop's API), or undefined. */
  findOrder(transactionId: string): Promise<OrderValues | undefined>;
}

/**
 * The shop's payment backend on Web APIs only (fetch, Request/Response, WebCrypto): the same code
 * runs on Cloudflare Workers, Deno, Bun, Vercel Edge and Node. `<paytool-button>` posts to
 * /paytool/transactions, `<feennex-pay endpoint="/feennex/payments">` to /feennex/payments; the
 * amount charged is always your order's, whatever the browser sends.
 */
export function createEdgeApp(env: EdgeEnv): (request: Request) => Promise<Response> {
  const lookupOrder = async (query: OrderQuery) => (await env.findOrder(query.transactionId)) ?? null;
  const fenige = createCheckoutHandler({
    gateway: new FenigeClient({
      baseUrl: env.FENIGE_URL,
      login: env.FENIGE_LOGIN,
      password: env.FENIGE_PASSWORD,
      merchantUuid: env.FENIGE_MERCHANT_UUID,
    }),
    lookupOrder,
  });
  const feennex = createCheckoutHandler({
    gateway: feennexCheckout(new FeennexClient({ baseUrl: env.FEENNEX_URL, shopId: env.FEENNEX_SHOP_ID, secretKey: env.FEENNEX_SECRET_KEY }), {
      callbackUrl: env.FEENNEX_CALLBACK_URL,
    }),
    basePath: '/feennex/payments',
    lookupOrder,
  });
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === fenige.basePath || pathname.startsWith(`${fenige.basePath}/`)) return fenige(request);
    if (pathname === feennex.basePath || pathname.startsWith(`${feennex.basePath}/`)) return feennex(request);
    return new Response('Not found', { status: 404 });
  };
}
