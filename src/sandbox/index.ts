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
export { FAULT_KINDS, type SandboxFaults, type FaultSettings, type FaultRule, type FaultKind, type FaultMatch, type InjectedFault } from './faults.js';
export { createTestToken, type CreateTestTokenOptions, type GooglePayToken, type TestCard, type TestCardInput } from './test-token.js';
export { openGooglePayToken, GooglePayTokenError, type OpenGooglePayTokenOptions, type GooglePayTokenFailure, type RootSigningKey } from '../ecv2/open.js';
export { SANDBOX_KEYS, sandboxRecipientId, type SandboxGateway } from '../ecv2/sandbox-keys.js';
export * from '../gateways/sandbox-exports.js';
