import type { CheckoutRequest, HostedRequest } from '../protocol/index.js';

/**
 * What the checkout handler needs from a gateway. Each gateway's client adapts itself to it
 * (`toCheckoutGateway()`, see `src/gateways/<id>/server/checkout.ts`); a merchant may also pass their own.
 * Answers are already in the element's protocol (docs/protocol.md §4.2): the handler sends them as they are.
 */
export interface CheckoutContext {
  /** The payer's IP address as seen by the merchant's server, when known. */
  browserIp?: string;
  /**
   * Where the payer comes back after an off-page step (3-D Secure, hosted page): the handler fills it
   * from its `returnUrl` option or the request's `Referer`.
   */
  returnUrl?: string;
  signal?: AbortSignal;
}

export interface CheckoutAnswer {
  httpStatus: number;
  /** A §4.2 body: `{ transactionId, status, message?, redirect? … }`. Never contains secrets or the token. */
  body: Record<string, unknown>;
}

export interface CheckoutGateway {
  readonly id: 'fenige' | 'feennex' | (string & {});
  /** The element's default endpoint for this gateway, used when the handler gets no `basePath`. */
  readonly defaultBasePath: string;
  /** Charges the Google Pay token. `request.transactionId` is the idempotency key. */
  pay(request: CheckoutRequest, context: CheckoutContext): Promise<CheckoutAnswer>;
  /** The current state of a payment, in the same §4.2 shape (`GET {endpoint}/{transactionId}`). */
  status(transactionId: string, context: CheckoutContext): Promise<CheckoutAnswer>;
  /** Creates a hosted-page payment (§4.5) and answers with a `redirect`. */
  hosted(request: HostedRequest, context: CheckoutContext): Promise<CheckoutAnswer>;
}

/** A gateway client that knows its checkout adapter, e.g. `FenigeClient` or `FeennexClient`. */
export interface CheckoutGatewaySource {
  /** The client as the checkout handler's gateway, with the adapter's default options. */
  toCheckoutGateway(): CheckoutGateway;
}
