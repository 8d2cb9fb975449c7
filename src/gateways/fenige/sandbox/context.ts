import type { FenigeReadings } from './readings.js';
import type { TransactionStore } from './store.js';

/** What every endpoint handler of the emulator shares. */
export interface EmulatorContext {
  readonly credentials: { login: string; password: string; merchantUuid: string; gatewayMerchantId: string };
  /** How the emulator reads the places where the document is ambiguous. */
  readonly readings: Readonly<FenigeReadings>;
  readonly now: () => number;
  readonly store: TransactionStore;
  /** How long an E0153 payment stays IN_PROGRESS. */
  readonly pendingSettleMs: number;
  /** Absolute URL of the emulator for this request: origin + basePath. */
  readonly baseUrl: string;
}
