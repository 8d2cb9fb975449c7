/**
 * What each gateway publishes on `paytool-elements/server`; `src/server/index.ts` re-exports it,
 * so the core never imports a gateway folder directly.
 */
export { GatewayError, FINAL_GATEWAY_ERROR_KINDS, TRANSPORT_ERROR_CODES, type GatewayErrorKind, type GatewayErrorInit } from './gateway-error.js';
export * from './fenige/server/index.js';
export * from './feennex/server/index.js';
