import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../src/server/gateway.js';
import type { CheckoutRequest, HostedRequest } from '../../src/protocol/index.js';
import { createCheckoutHandler, type CheckoutEvent, type CheckoutHandlerOptions } from '../../src/server/checkout-handler.js';
import { toNodeListener } from '../../src/server/adapters.js';

/**
 * A scriptable `CheckoutGateway` for the handler tests: it records every call and answers with
 * whatever the test queued (or APPROVED by default).
 */
export interface FakeGateway extends CheckoutGateway {
  payCalls: { request: CheckoutRequest; context: CheckoutContext }[];
  hostedCalls: { request: HostedRequest; context: CheckoutContext }[];
  statusCalls: string[];
  /** Next answer(s) of `pay`; a function may delay or throw. */
  payWith: (request: CheckoutRequest, context: CheckoutContext) => Promise<CheckoutAnswer>;
  statusWith: (transactionId: string) => Promise<CheckoutAnswer>;
}

export function fakeGateway(): FakeGateway {
  const gateway: FakeGateway = {
    id: 'fake',
    defaultBasePath: '/pay',
    payCalls: [],
    hostedCalls: [],
    statusCalls: [],
    payWith: async (request) => ({ httpStatus: 200, body: { transactionId: request.transactionId, status: 'APPROVED' } }),
    statusWith: async (transactionId) => ({ httpStatus: 200, body: { transactionId, status: 'SUCCESS' } }),
    async pay(request, context) {
      gateway.payCalls.push({ request, context });
      return gateway.payWith(request, context);
    },
    async status(transactionId) {
      gateway.statusCalls.push(transactionId);
      return gateway.statusWith(transactionId);
    },
    async hosted(request, context) {
      gateway.hostedCalls.push({ request, context });
      return {
        httpStatus: 200,
        body: { transactionId: request.transactionId, redirect: { url: `https://gateway.test/pay/${request.transactionId}`, method: 'GET' } },
      };
    },
  };
  return gateway;
}

export const TOKEN = {
  protocolVersion: 'ECv2',
  signature: 'MEUCIQ-secret-signature',
  intermediateSigningKey: { signedKey: '{"keyValue":"k","keyExpiration":"1"}', signatures: ['sig'] },
  signedMessage: '{"encryptedMessage":"TOKEN-CIPHERTEXT","ephemeralPublicKey":"e","tag":"t"}',
};

/** A token of its own for each payment (a token pays one payment); `TOKEN-CIPHERTEXT` marks it in logs. */
export function freshToken(): typeof TOKEN {
  return { ...TOKEN, signedMessage: TOKEN.signedMessage.replace('TOKEN-CIPHERTEXT', `TOKEN-CIPHERTEXT-${randomUUID()}`) };
}

export function payBody(overrides: Record<string, unknown> = {}): Record<string, unknown> & { transactionId: string } {
  return {
    transactionId: randomUUID(),
    apiKey: 'pk_test',
    amount: 1000,
    currency: 'PLN',
    description: 'Order 42',
    sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
    token: freshToken(),
    ...overrides,
  };
}

/** A POST as the element sends it (JSON, `Idempotency-Key` = transactionId). */
export function postInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  const id = (body as { transactionId?: string } | undefined)?.transactionId;
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(id ? { 'Idempotency-Key': id } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, postInit(body, headers));
  return { response, body: (await response.json()) as Record<string, any> };
}

/** Serves `listener` on 127.0.0.1 port 0; `close` also ends idle keep-alive sockets. */
export async function listen(listener: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  // fetch keeps idle sockets ~1 s less than the server's keep-alive; on a busy machine its coarse
  // timer can fire after the server closed the socket, and the next request fails ECONNRESET.
  // A long keep-alive takes that race out of the tests (close() ends idle sockets anyway).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * For handler tests about something other than the amount: the browser's amount is charged (the
 * unsafe opt-in), its one warning is kept out of the test output.
 */
export const TRUST_BROWSER_AMOUNT = {
  unsafeTrustBrowserAmount: true,
  logger: { warn: () => {}, error: (message: string) => console.error(message) },
} as const satisfies Partial<CheckoutHandlerOptions>;

/** A checkout handler in front of a fake gateway, served over real HTTP; closed when `t` ends. */
export async function serveCheckout(t: { after: (fn: () => Promise<void>) => void }, options: Partial<CheckoutHandlerOptions> = {}) {
  const gateway = (options.gateway as FakeGateway | undefined) ?? fakeGateway();
  const events: CheckoutEvent[] = [];
  const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, onEvent: (event) => events.push(event), ...options, gateway });
  const server = await listen(toNodeListener(handler));
  t.after(server.close);
  return { endpoint: server.url + handler.basePath, origin: server.url, gateway, events, handler };
}
