import { FINAL_STATES, type FenigeSandboxTransaction, type FenigeTransactionState, type PostbackAttempt } from './transaction.js';

/** What the sandbox keeps beside the public view: never the token, only a hash of the request. */
export interface TransactionRecord extends FenigeSandboxTransaction {
  /** SHA-256 of the normalised creating request: a retry is a replay only when it matches. */
  fingerprint: string;
  /** The payment answer, replayed to an identical retry. */
  answer?: { httpStatus: number; body: Record<string, unknown> };
  /** E0153: when the IN_PROGRESS transaction settles, and to what. */
  pending?: { settleAt: number; to: 'SUCCESS' | 'FAILURE' };
  /** Paymelink data the hosted page needs. */
  hosted?: { successUrl: string; failureUrl: string; formLanguage: string; merchantUrl?: string; orderNumber?: string };
}

export interface TransactionStoreOptions {
  now: () => number;
  /** Called after every change to a final state (postback). */
  onFinalState: (tx: FenigeSandboxTransaction) => void;
  /** Turns a settled E0153 payment into its final state (and answer). */
  settle: (tx: TransactionRecord) => void;
}

export class TransactionStore {
  private readonly records = new Map<string, TransactionRecord>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: TransactionStoreOptions) {}

  /** The record, after settling it if its pending time is over. */
  get(transactionId: string): TransactionRecord | undefined {
    const record = this.records.get(transactionId.toLowerCase());
    if (record) this.settleIfDue(record);
    return record;
  }

  /** The paymelink transaction the merchant created with `transactionId` (its own id), if any. */
  findByMerchantId(merchantTransactionId: string): TransactionRecord | undefined {
    const id = merchantTransactionId.toLowerCase();
    for (const record of this.records.values()) {
      if (record.merchantTransactionId === id) {
        this.settleIfDue(record);
        return record;
      }
    }
    return undefined;
  }

  /** The transaction holding the merchant's `itemId`, if any. */
  findByItemId(itemId: string): TransactionRecord | undefined {
    for (const record of this.records.values()) {
      if (record.itemId === itemId) {
        this.settleIfDue(record);
        return record;
      }
    }
    return undefined;
  }

  add(record: TransactionRecord): void {
    this.records.set(record.transactionId, record);
    record.history.push({ at: record.createdAt, state: record.state });
    if (FINAL_STATES.includes(record.state)) this.options.onFinalState(snapshot(record));
    if (record.pending) this.watchPending(record);
  }

  setState(record: TransactionRecord, state: FenigeTransactionState): void {
    if (record.state === state) return;
    record.state = state;
    record.history.push({ at: this.options.now(), state });
    if (FINAL_STATES.includes(state)) this.options.onFinalState(snapshot(record));
  }

  /** Notes a postback delivery on the transaction, if it still exists (it may have been reset). */
  recordPostback(transactionId: string, attempt: PostbackAttempt): void {
    this.records.get(transactionId)?.postbacks.push(attempt);
  }

  list(): FenigeSandboxTransaction[] {
    return [...this.records.values()].map((record) => {
      this.settleIfDue(record);
      return snapshot(record);
    });
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.records.clear();
  }

  private settleIfDue(record: TransactionRecord): void {
    if (record.pending && this.options.now() >= record.pending.settleAt) this.options.settle(record);
  }

  /**
   * Also settle on the wall clock, so a postback goes out without anyone asking. With an injected
   * clock the time may not have moved: then the next look at the transaction settles it.
   */
  watchPending(record: TransactionRecord): void {
    if (!record.pending) return;
    const delay = Math.max(0, record.pending.settleAt - this.options.now());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.records.get(record.transactionId) === record) this.settleIfDue(record);
    }, delay);
    timer.unref?.();
    this.timers.add(timer);
  }
}

/** A deep copy without the private fields. */
export function snapshot(record: TransactionRecord): FenigeSandboxTransaction {
  const { fingerprint: _f, answer: _a, pending: _p, hosted: _h, ...view } = record;
  return structuredClone(view);
}
