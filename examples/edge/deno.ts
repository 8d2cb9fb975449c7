// Deno: the checkout handler behind Deno.serve. Credentials and the order book come from the
// environment here (ORDERS: JSON by transactionId) to keep the example short; use your database.
import type { OrderValues } from 'paytool-elements/server';
import { createEdgeApp } from './app.js';

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(options: { hostname: string; port: number; onListen(address: { port: number }): void }, handler: (request: Request) => Promise<Response>): unknown;
};

const env = (name: string) => {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const orders = new Map<string, OrderValues>(Object.entries(JSON.parse(Deno.env.get('ORDERS') ?? '{}')));
const names = [
  'FENIGE_URL',
  'FENIGE_LOGIN',
  'FENIGE_PASSWORD',
  'FENIGE_MERCHANT_UUID',
  'FEENNEX_URL',
  'FEENNEX_SHOP_ID',
  'FEENNEX_SECRET_KEY',
  'FEENNEX_CALLBACK_URL',
] as const;
const app = createEdgeApp({
  ...(Object.fromEntries(names.map((name) => [name, env(name)])) as Record<(typeof names)[number], string>),
  findOrder: async (id) => orders.get(id),
});

Deno.serve(
  { hostname: '127.0.0.1', port: Number(Deno.env.get('PORT') ?? 8000), onListen: ({ port }) => console.log(`edge app: http://127.0.0.1:${port}/`) },
  app,
);
