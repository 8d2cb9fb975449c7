import { Hono } from 'hono';
import { createCheckoutHandler, FenigeClient, type OrderValues } from 'paytool-elements/server';

export interface ShopOptions {
  fenige: { baseUrl: string; login: string; password: string; merchantUuid: string };
  /** The Gateway Merchant Id Google Pay seals tokens for (`data.gatewayMerchantId`). */
  gatewayMerchantId: string;
  /** Where the page's script is served from. */
  clientScript: string;
  /** Sandbox mode: the page installs the fake Google Pay client. */
  sandbox?: boolean;
}

/**
 * A Hono shop: the server creates the order and renders it into the page, and the checkout handler
 * is mounted as a Hono route. It charges the order's amount from `lookupOrder`, whatever the
 * browser sends.
 */
export function createShop(options: ShopOptions): Hono {
  const orders = new Map<string, OrderValues>();
  const checkout = createCheckoutHandler({
    gateway: new FenigeClient(options.fenige),
    lookupOrder: ({ transactionId }) => orders.get(transactionId) ?? null,
  });

  const app = new Hono();
  // The element's default endpoint: POST /paytool/transactions, GET /paytool/transactions/:id.
  app.all(`${checkout.basePath}/*`, (c) => checkout(c.req.raw));
  app.all(checkout.basePath, (c) => checkout(c.req.raw));

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/', (c) => {
    const transactionId = crypto.randomUUID();
    const order = { amount: 1000, currency: 'PLN', description: 'Order 42' };
    orders.set(transactionId, order);
    const data = {
      apiKey: options.gatewayMerchantId,
      gatewayMerchantId: options.gatewayMerchantId,
      transactionId,
      amount: order.amount,
      currencyCode: order.currency,
      description: order.description,
    };
    // Google Pay's button styles need this response's nonce; the page hands it to the element.
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    c.header(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self' https://pay.google.com; style-src 'self' 'nonce-${nonce}'; ` +
        "img-src 'self' data: https://www.gstatic.com https://pay.google.com; connect-src 'self' https://pay.google.com https://google.com; " +
        "frame-src https://pay.google.com; object-src 'none'; base-uri 'none'",
    );
    return c.html(`<!doctype html>
<html lang="en"${options.sandbox ? ' data-paytool-sandbox="true"' : ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta property="csp-nonce" nonce="${nonce}" />
    <title>paytool-elements — Hono</title>
    <script type="module" src="${options.clientScript}"></script>
  </head>
  <body>
    <main>
      <h1>Order 42 — 10.00 PLN</h1>
      <paytool-button data="${escapeAttribute(JSON.stringify(data))}" button-type="pay"></paytool-button>
      <p role="status"></p>
      <ol aria-label="Events"></ol>
    </main>
  </body>
</html>`);
  });
  return app;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
