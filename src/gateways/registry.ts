/**
 * The gateways this package knows. Code outside `src/gateways/` reaches a gateway's folder only
 * through this file, so adding a gateway is one new folder plus its lines here.
 */
export { FenigeClient, fenigeCheckout } from './fenige/server/index.js';
export { FeennexClient, feennexCheckout } from './feennex/server/index.js';
export {
  createFenigeEmulator,
  FENIGE_TEST_CARDS,
  type FenigeEmulator,
  type FenigeSandboxOptions,
} from './fenige/sandbox/index.js';
export {
  createFeennexEmulator,
  TEST_CARDS as FEENNEX_TEST_CARDS,
  type FeennexEmulator,
  type FeennexSandboxOptions,
} from './feennex/sandbox/index.js';
