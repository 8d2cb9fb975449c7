import type { FenigeClient } from './client.js';
import type {
  FenigeClearRequest,
  FenigeClearResponse,
  FenigeDetailsResponse,
  FenigeGooglePayRequest,
  FenigeGooglePayResponse,
  FenigePaymelinkResponse,
  FenigePreInitData,
} from './schemas.js';

/** How the checkout adapter calls the client: the handler's signal, and when the handler gives up (`CheckoutContext.deadlineAt`). */
export interface AdapterCall {
  signal?: AbortSignal | undefined;
  deadlineAt?: number | undefined;
}

/**
 * The checkout adapter's way into `FenigeClient`, not part of the public API: `client.ts` fills it
 * in (it reaches the client's private transport), `checkout.ts` calls it. The google-pay body is
 * one the adapter built from a request the handler already validated, so only what the handler's
 * rules leave open is checked again (`builtGooglePayCheckSchema`); within the handler's deadline
 * the client starts no timer of its own (one timer per request, docs/architecture.md).
 */
export const forHandler: {
  googlePay: (client: FenigeClient, body: FenigeGooglePayRequest, call: AdapterCall) => Promise<FenigeGooglePayResponse>;
  /** The status reads (the guard's, and the one after an approval): the handler's deadline too. */
  details: (client: FenigeClient, transactionId: string, call: AdapterCall) => Promise<FenigeDetailsResponse>;
  /** `capture: 'clear'`'s clearing, within the same request: the handler's deadline too. */
  clear: (client: FenigeClient, body: FenigeClearRequest, call: AdapterCall) => Promise<FenigeClearResponse>;
  /** The hosted page's link: the handler's deadline too. */
  paymelink: (client: FenigeClient, preInitData: FenigePreInitData, call: AdapterCall) => Promise<FenigePaymelinkResponse>;
} = {
  // Until client.ts is loaded (a test double of the client): the public method.
  googlePay: (client, body, call) => client.googlePay(body, signalOf(call)),
  details: (client, transactionId, call) => client.details(transactionId, signalOf(call)),
  clear: (client, body, call) => client.clear(body, signalOf(call)),
  paymelink: (client, preInitData, call) => client.paymelink(preInitData, signalOf(call)),
};

const signalOf = (call: AdapterCall) => (call.signal ? { signal: call.signal } : {});
