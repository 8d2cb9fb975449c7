// Cloudflare Workers (workerd): the checkout handler as the Worker's fetch handler. Orders live in
// a KV namespace bound as ORDERS (JSON by transactionId); credentials are Worker secrets.
import type { OrderValues } from 'paytool-elements/server';
import { createEdgeApp, type EdgeEnv } from './app.js';

/** The part of Workers' KV binding used here (@cloudflare/workers-types has the whole of it). */
interface KVNamespace {
  get<T>(key: string, type: 'json'): Promise<T | null>;
}
export type WorkerEnv = Omit<EdgeEnv, 'findOrder'> & { ORDERS: KVNamespace };

let app: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> {
    // One app per isolate: its idempotency store lives as long as the isolate does. With several
    // isolates, give createCheckoutHandler a shared store (see docs/edge.md).
    app ??= createEdgeApp({ ...env, findOrder: async (id) => (await env.ORDERS.get<OrderValues>(id, 'json')) ?? undefined });
    return app(request);
  },
};
