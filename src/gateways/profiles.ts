/**
 * The browser-safe half of the registry: each gateway's profile (id, default endpoint, payer
 * message groups), for the elements. Server and sandbox code use `registry.ts`.
 */
export { fenigeProfile } from './fenige/profile.js';
export { feennexProfile } from './feennex/profile.js';
export type { GatewayProfile } from './profile.js';
