/**
 * What each gateway publishes on `paytool-elements/server`; `src/server/index.ts` re-exports it,
 * so the core never imports a gateway folder directly.
 */
export * from './fenige/server/index.js';
export * from './feennex/server/index.js';
