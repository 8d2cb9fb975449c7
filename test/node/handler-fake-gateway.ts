import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../src/server/gateway.js';
import type { CheckoutRequest, HostedRequest } from '../../src/protocol/index.js';
import { createCheckoutHandler, type CheckoutEvent, type CheckoutHandlerOptions } from '../../src/server/checkout-handler.js';
import { toNodeListener } from '../../src/server/adapters.js';
import { listen } from '../support/http.js';

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
