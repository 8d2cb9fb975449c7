/**
 * What each gateway publishes on `paytool-elements/sandbox`; `src/sandbox/index.ts` re-exports it,
 * so the core never imports a gateway folder directly.
 */
export {
  createFenigeEmulator,
  FENIGE_SANDBOX_DEFAULTS,
  FENIGE_TEST_CARDS,
  FENIGE_RESTRICTED_AMOUNT_ABOVE,
  POSTBACK_CHECKSUM_HEADER,
  postbackChecksum,
  type FenigeEmulator,
  type FenigeSandboxOptions,
  type FenigeTestCard,
  type FenigeSandboxTransaction,
  type PostbackConfig,
} from './fenige/sandbox/index.js';
export {
  createFeennexEmulator,
  TEST_CARDS as FEENNEX_TEST_CARDS,
  MAGIC_AMOUNTS as FEENNEX_MAGIC_AMOUNTS,
  MAGIC_ACCOUNTS as FEENNEX_MAGIC_ACCOUNTS,
  MAGIC_SHOPS as FEENNEX_MAGIC_SHOPS,
  type FeennexEmulator,
  type FeennexSandboxOptions,
  type FeennexTestCard,
  type PaymentView as FeennexPaymentView,
  type PayoutView as FeennexPayoutView,
  type BalanceView as FeennexBalanceView,
} from './feennex/sandbox/index.js';
