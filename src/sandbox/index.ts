export {
  startSandbox,
  createSandbox,
  type StartSandboxOptions,
  type RunningSandbox,
  type SandboxOptions,
  type Sandbox,
  type SandboxDescription,
  type SandboxEmulators,
  type SandboxRoute,
} from './server.js';
export {
  FAULT_KINDS,
  type SandboxFaults,
  type FaultSettings,
  type FaultRule,
  type FaultKind,
  type FaultMatch,
  type InjectedFault,
} from './faults.js';
export { createTestToken, type CreateTestTokenOptions, type GooglePayToken, type TestCard, type TestCardInput } from './test-token.js';
export {
  openGooglePayToken,
  GooglePayTokenError,
  type OpenGooglePayTokenOptions,
  type GooglePayTokenFailure,
  type RootSigningKey,
} from '../ecv2/open.js';
export { SANDBOX_KEYS, sandboxRecipientId, type SandboxGateway } from '../ecv2/sandbox-keys.js';
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
} from '../gateways/fenige/sandbox/index.js';
export {
  createFeennexEmulator,
  TEST_CARDS as FEENNEX_TEST_CARDS,
  MAGIC_AMOUNTS as FEENNEX_MAGIC_AMOUNTS,
  MAGIC_ACCOUNTS as FEENNEX_MAGIC_ACCOUNTS,
  MAGIC_SHOPS as FEENNEX_MAGIC_SHOPS,
  type FeennexEmulator,
  type FeennexSandboxOptions,
  type TestCard as FeennexTestCard,
  type PaymentView as FeennexPaymentView,
  type PayoutView as FeennexPayoutView,
  type BalanceView as FeennexBalanceView,
} from '../gateways/feennex/sandbox/index.js';
