import { createServer, type Server } from 'node:http';
import { FenigeClient, createCheckoutHandler, toNodeListener } from 'paytool-elements/server';

interface Order {
  amount: number; // minor units
  currency: string;
  description: string;
}

/**
 * The backend of a shop using <paytool-button>: your page renders the button with
 * `data.transactionId` of the order it created, and this server charges that order's amount —
 * whatever amount the browser sends.
 */
export function startCheckoutServer(orders: Map<string, Order>, port = Number(process.env.PORT ?? 3000)): Server {
  const fenige = new FenigeClient({
    baseUrl: process.env.FENIGE_URL!, // Fenige's API root (docs/going-live.md), or the sandbox's sb.fenige.url
    login: process.env.FENIGE_LOGIN!,
    password: process.env.FENIGE_PASSWORD!, // stays on the server, never logged
    merchantUuid: process.env.FENIGE_MERCHANT_UUID!,
  });
  const handler = createCheckoutHandler({
    gateway: fenige,
    basePath: '/paytool/transactions', // the element's default endpoint
    lookupOrder: (request) => orders.get(request.transactionId) ?? null, // your order, not the browser's amount
  });
  return createServer(toNodeListener(handler)).listen(port, '127.0.0.1');
}
