import type { HandlerCall } from '../../../server/gateway.js';
import type { FeennexClient } from './client.js';
import type { FeennexInvoiceCreateInput } from './inputs.js';
import type { FeennexInvoiceCreated, FeennexOrderStatus } from './responses.js';

/**
 * The checkout adapter's way into `FeennexClient`, not part of the public API: `client.ts` fills it
 * in (it reaches the client's private transport), `checkout.ts` calls it. The invoice is one the
 * adapter built from a request the handler already validated, so only what the handler's rules
 * leave open is checked again (`builtInvoiceCheck`); it is sent once (the idempotency guard decides
 * after a lost answer); within the handler's deadline the client starts no timer of its own (one
 * timer per request, docs/architecture.md).
 */
export const forHandler: {
  invoiceCreate: (client: FeennexClient, input: FeennexInvoiceCreateInput, call: HandlerCall) => Promise<FeennexInvoiceCreated>;
  orderStatus: (client: FeennexClient, shopOrderId: string, call: HandlerCall) => Promise<FeennexOrderStatus>;
} = {
  // Until client.ts is loaded (a test double of the client): the public methods.
  invoiceCreate: (client, input, call) => client.invoiceCreate(input, { ...signalOf(call), recover: false }),
  orderStatus: (client, shopOrderId, call) => client.orderStatus(shopOrderId, signalOf(call)),
};

const signalOf = (call: HandlerCall) => (call.signal ? { signal: call.signal } : {});
