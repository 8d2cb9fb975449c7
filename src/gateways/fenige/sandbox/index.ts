export { createFenigeEmulator, FENIGE_SANDBOX_DEFAULTS, type FenigeEmulator, type FenigeSandboxOptions } from './emulator.js';
export { FENIGE_ERROR_CODES, type FenigeDeclineCode, type FenigeErrorCode, type FenigeCodeInfo } from './error-codes.js';
export { cardNetworkOf, FENIGE_RESTRICTED_AMOUNT_ABOVE, FENIGE_TEST_CARDS, outcomeFor, type CardNetwork, type FenigeTestCard } from './test-cards.js';
export { POSTBACK_CHECKSUM_HEADER, postbackChecksum, type PostbackConfig } from './postback.js';
export type { FenigeSandboxTransaction, FenigeSender, FenigeTransactionState, PostbackAttempt } from './transaction.js';
