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
  /**
   * When the handler gives up on this request (ms since the epoch); `signal` aborts then. A client
   * whose own timeout would end later need not start a timer of its own: one timer per request.
   */
  deadlineAt?: number;
  /**
   * On a status read the idempotency guard makes for a charge whose outcome is unknown: what that
   * charge asked for. An adapter that finds a payment of another amount or currency under this id
   * answers it as another payment's (422 `TRANSACTION_ID_REUSED`), never as this one's success.
   */
  expected?: { amount: number; currency: string };
  /**
   * The handler's record of ids a gateway assigned itself (Fenige may answer a paymelink with an id
   * other than the merchant's). Absent when an adapter is called outside the handler.
   */
  ids?: GatewayIdMap;
}

/** What a checkout adapter passes on to its client's transport: the handler's signal and deadline. */
export type HandlerCall = Pick<CheckoutContext, 'signal' | 'deadlineAt'>;

/** Links the merchant's `transactionId` with the gateway's own id for the same payment. */
export interface GatewayIdMap {
  /** Records that the merchant's `transactionId` is `gatewayId` at the gateway (no-op when equal). */
  link(transactionId: string, gatewayId: string): Promise<void>;
  /** The gateway's id for the merchant's `transactionId`, if the gateway assigned one. */
  gatewayIdOf(transactionId: string): Promise<string | undefined>;
  /** The merchant's `transactionId` for an id the gateway assigned, if known. */
  transactionIdOf(gatewayId: string): Promise<string | undefined>;
}

/** What a `CheckoutGateway` answers the handler: the HTTP status and body for the element. */
export interface CheckoutAnswer {
  httpStatus: number;
  /** A §4.2 body: `{ transactionId, status, message?, redirect? … }`. Never contains secrets or the token. */
  body: Record<string, unknown>;
  /** The request was refused before it reached the gateway (e.g. the client's own validation): nothing is remembered. */
  notSent?: boolean;
  /**
   * The answer does not tell what happened to the payment. On a charge: the gateway may or may not
   * have acted (the client reported `kind: 'unknown-outcome'`: no answer, an unreadable one, a 5xx
   * after sending, or a state the adapter does not know). On a status read: the read failed. The
   * adapter only says so, in a PENDING body; the idempotency guard decides what comes next
   * (docs/architecture.md, "Outcome unknown").
   */
  unknownOutcome?: boolean;
  /** What the gateway holds for this payment when it differs from, or confirms, the request (for `onEvent`). */
  charged?: { amount: number; currency: string };
  /**
   * For the merchant's logs and `onEvent` only, never sent to the browser: the gateway's own code
   * and message behind a generic answer (a credential or configuration error, a refused order).
   */
  detail?: { code: string; message: string };
}

/** A gateway as the checkout handler uses it: charge a token, start a hosted page, read a status. `fenigeCheckout` and `feennexCheckout` make one. */
export interface CheckoutGateway {
  readonly id: 'fenige' | 'feennex' | (string & {});
  /**
   * The merchant account at the gateway (Fenige `merchantUuid`, Feennex `shopId`). Idempotency keys
   * and body hashes include it and `id`, so handlers sharing one store never answer for each other.
   */
  readonly account?: string;
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

/** A client's checkout adapter (`toCheckoutGateway()`), or a `CheckoutGateway` given as it is. */
export function resolveGateway(gateway: CheckoutGatewaySource | CheckoutGateway): CheckoutGateway {
  const source = gateway as Partial<CheckoutGatewaySource> | undefined;
  const g = (typeof source?.toCheckoutGateway === 'function' ? source.toCheckoutGateway() : gateway) as Partial<CheckoutGateway> | undefined;
  if (g && typeof g.pay === 'function' && typeof g.status === 'function' && typeof g.hosted === 'function' && typeof g.defaultBasePath === 'string') {
    return g as CheckoutGateway;
  }
  throw new TypeError('gateway must be a gateway client (FenigeClient, FeennexClient) or a CheckoutGateway { id, defaultBasePath, pay, status, hosted }');
}
