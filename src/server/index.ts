/**
 * `paytool-elements/server` — the merchant's backend (docs/server.md): the checkout handler with its
 * adapters and idempotency stores, both gateway clients, their notification handlers and the shared
 * `GatewayError`. Feennex payouts, transfers and the balance are on `paytool-elements/server/feennex`.
 */
export {
  createCheckoutHandler,
  type CheckoutHandler,
  type CheckoutHandlerOptions,
  type CheckoutEvent,
  type CheckoutLogger,
  type GatewayLike,
  type OrderQuery,
  type OrderValues,
  type RequestInfo,
} from './checkout-handler.js';
export { toNodeListener, toMiddleware, type FetchHandler, type NodeListener, type Middleware, type MiddlewareRequest } from './adapters.js';
export * from './idempotency/index.js';
export type { CheckoutAnswer, CheckoutContext, CheckoutGateway, GatewayIdMap } from './gateway.js';
export * from '../gateways/server-exports.js';
