import type { CheckoutRequest, Outcome } from '../protocol/index.js';
import type { CheckoutGateway, CheckoutGatewaySource } from './gateway.js';
import type { GuardResult } from './idempotency/guard.js';
import type { IdempotencyStore } from './idempotency/store.js';

/** The merchant's own order: when `lookupOrder` is configured these values replace the browser's. */
export interface OrderValues {
  amount: number;
  currency: string;
  description: string;
}

/** What `lookupOrder` is asked about: the browser's request without the Google Pay token. */
export type OrderQuery = Omit<CheckoutRequest, 'token' | 'paymentMethod'> & { returnUrl?: string };

/** One thing the handler did, for the merchant's logs. Never carries the token or any secret. */
export interface CheckoutEvent {
  type: 'payment' | 'hosted' | 'status' | 'rejected' | 'gateway-error' | 'store-error';
  /** The gateway's own message behind a generic answer (a setup error, an order mismatch). Never a token or secret. */
  detail?: string;
  gateway: string;
  transactionId?: string;
  httpStatus?: number;
  /** How a payment answer was produced: a new charge, or one of the idempotency rules. */
  source?: GuardResult['kind'];
  outcome?: Outcome['kind'];
  /** Failure or rejection code (`E0150`, `INVALID_REQUEST`, …). */
  code?: string;
  /** What was charged: the gateway's own figures when it reported them, else the order's. */
  amount?: number;
  currency?: string;
  /** Gateway operation that failed (`gateway-error`). */
  operation?: 'pay' | 'hosted' | 'status';
  /** Name of the error that escaped (`TimeoutError`, `TypeError` …); its message may quote the token, so it is left out. */
  error?: string;
  durationMs?: number;
}

/** Options of `createCheckoutHandler`: the gateway, your order lookup, the idempotency store, timeouts, proxies and logging (docs/server.md). */
export interface CheckoutHandlerOptions {
  /**
   * A `FenigeClient` or `FeennexClient` (adapted with default options), or any `CheckoutGateway` —
   * e.g. `feennexCheckout(client, { callbackUrl })` to choose the adapter's options.
   */
  gateway: GatewayLike;
  /** Where the handler is mounted. Default: the element's endpoint for the gateway. */
  basePath?: string;
  /**
   * The merchant's own order for a request, or `null` when there is none (answered 404
   * `ORDER_NOT_FOUND`). Its amount, currency and description replace the browser's. Required:
   * leaving it out needs `unsafeTrustBrowserAmount: true`.
   */
  lookupOrder?: (query: OrderQuery) => OrderValues | null | Promise<OrderValues | null>;
  /**
   * UNSAFE: without `lookupOrder`, charge the amount, currency and description the browser sent —
   * anyone can edit those. Only for demos and tests; the handler warns once through `logger`.
   */
  unsafeTrustBrowserAmount?: boolean;
  /** Where the handler's warnings and errors go (never a token or a secret). Default `console`. */
  logger?: CheckoutLogger;
  /**
   * Where payers come back after 3-D Secure or a hosted page, whatever the browser proposes.
   * Default: the browser's `returnUrl` (hosted) or `Referer` (3-D Secure), when allowed by
   * `allowedReturnOrigins`.
   */
  returnUrl?: string;
  /**
   * Origins a browser-proposed return URL may have, e.g. `['https://shop.example']`. Default: only
   * the origin the request was made to (its Host header) — configure this in production, so a
   * forged Host cannot widen it. Anything else is refused with 400 `RETURN_URL_NOT_ALLOWED`.
   */
  allowedReturnOrigins?: readonly string[];
  /** Take the payer's IP from the first `X-Forwarded-For` hop. Only behind a proxy you run. */
  trustProxy?: boolean;
  /**
   * Remembers transaction ids and the Google Pay tokens already used. Default: in memory, 24 h,
   * 10,000 live entries (one process only; when full, new payments get 503 — nothing is forgotten).
   */
  store?: IdempotencyStore;
  /** Longest wait for the gateway; the outcome is then unknown (504, pending). Default 30 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused with 413 as soon as the cap is passed. Default 64 KiB. */
  maxBodyBytes?: number;
  /** A body still arriving after this long is refused with 408 and the connection closed. Default 10 s. */
  bodyTimeoutMs?: number;
  onEvent?: (event: CheckoutEvent) => void;
}

/** The part of `console` the handler writes to. */
export interface CheckoutLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** What the adapters know about a request beyond the WHATWG `Request`: the peer's IP. */
export interface RequestInfo {
  /** The connecting peer's address (`toNodeListener` fills it from the socket). */
  clientIp?: string;
}

/** The checkout handler: `(request) => Promise<Response>` serving the element's endpoint, with its settings readable. */
export type CheckoutHandler = ((request: Request, info?: RequestInfo) => Promise<Response>) & {
  readonly basePath: string;
  readonly gateway: CheckoutGateway;
  /** The largest body accepted (413 above it); `toNodeListener` reads no more than this into memory. */
  readonly maxBodyBytes: number;
  /** How long a body may take to arrive (408 past it); `toNodeListener` applies it while reading. */
  readonly bodyTimeoutMs: number;
};

/** What `gateway` accepts: a gateway client (adapted with its default options) or a ready `CheckoutGateway`. */
export type GatewayLike = CheckoutGatewaySource | CheckoutGateway;

/** The server is the amount authority: without `lookupOrder` the handler is refused unless the opt-in says unsafe. */
export function checkAmountAuthority(options: CheckoutHandlerOptions, gatewayId: string, logger: CheckoutLogger): void {
  if (options.lookupOrder !== undefined) {
    if (typeof options.lookupOrder !== 'function') throw new TypeError('lookupOrder must be a function (query) => { amount, currency, description } | null');
    return;
  }
  if (options.unsafeTrustBrowserAmount !== true) {
    throw new TypeError(
      'createCheckoutHandler needs lookupOrder: (query) => your own order { amount, currency, description } | null. ' +
        'Without it the payer chooses the amount; only a demo may pass unsafeTrustBrowserAmount: true instead.',
    );
  }
  logger.warn(
    `paytool-elements: the ${gatewayId} checkout handler has no lookupOrder (unsafeTrustBrowserAmount: true) — ` +
      'it charges whatever amount the browser sends. Never run this in production.',
  );
}
