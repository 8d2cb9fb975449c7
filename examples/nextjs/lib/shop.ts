import 'server-only';
import { createCheckoutHandler, FenigeClient, type OrderValues } from 'paytool-elements/server';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/**
 * The shop's order book: a stand-in for your database. Next.js bundles the page and the route
 * handler separately, so module state is not shared between them; the process-wide map is.
 */
const shared = globalThis as typeof globalThis & { shopOrders?: Map<string, OrderValues> };
const orders = (shared.shopOrders ??= new Map<string, OrderValues>());

/** Creates an order on the server: the page renders it, the handler charges exactly it. */
export function createOrder(order: OrderValues): { transactionId: string } & OrderValues {
  const transactionId = crypto.randomUUID();
  orders.set(transactionId, order);
  return { transactionId, ...order };
}

let handler: ReturnType<typeof createCheckoutHandler> | undefined;

/** The checkout handler, created on the first request (credentials are runtime secrets, not build-time). */
export const checkout = (request: Request): Promise<Response> => (handler ??= createHandler())(request);

const createHandler = () =>
  createCheckoutHandler({
    gateway: new FenigeClient({
      baseUrl: env('FENIGE_URL'), // https://paytool-api.fenige.pl, or the sandbox's sb.fenige.url
      login: env('FENIGE_LOGIN'),
      password: env('FENIGE_PASSWORD'), // stays on the server, never logged
      merchantUuid: env('FENIGE_MERCHANT_UUID'),
    }),
    lookupOrder: ({ transactionId }) => orders.get(transactionId) ?? null,
  });
