import { FeennexError } from './envelope.js';
import { Ledger } from './ledger.js';
import type { Currency } from './money.js';
import type { PaywayKind } from './test-data.js';
import { BILL_STATUS, isFinal, isSuccess, type StatusFamily } from './statuses.js';

/** A status an operation reaches by itself at time `at` (ms), e.g. a slow payout settling. */
export interface ScheduledStatus {
  status: number;
  at: number;
}

interface Operation {
  id: number;
  status: number;
  /** ms since the epoch, from the emulator's clock. */
  created: number;
  processed?: number;
  schedule: ScheduledStatus[];
  description: string;
}

export interface PaymentRecord extends Operation {
  type: 'invoice' | 'bill';
  shopOrderId: string;
  shopCurrency: Currency;
  shopAmount: number;
  /** What the shop is credited (no commission in the sandbox, so `shopAmount`). */
  shopRefund: number;
  /** The payer's currency: the payway's for invoices, `payer_currency` for bills. */
  payerCurrency: Currency;
  payerPrice: number;
  payway?: { name: string; kind: PaywayKind };
  email: string;
  userIp: string;
  successUrl?: string;
  failedUrl?: string;
  callbackUrl?: string;
  /** Shared with the payer's browser through the page URL; required to finish the payment there. */
  sessionId: string;
  /** 3-D Secure: the `md` the challenge page must be posted with. */
  md?: string;
  /** What the payer used, reported in the callback's `ps_data` (e.g. the card's last digits). */
  psData: Record<string, string>;
  lifetimeMinutes?: number;
}

export interface PayoutRecord extends Operation {
  type: 'withdraw' | 'transfer';
  shopPaymentId: string;
  account: string;
  payway?: string;
  amountType: string;
  shopCurrency: Currency;
  writeOff: number;
  payeeCurrency: Currency;
  receive: number;
}

const isPayout = (record: PaymentRecord | PayoutRecord): record is PayoutRecord => record.type === 'withdraw' || record.type === 'transfer';

const family = (record: PaymentRecord | PayoutRecord): StatusFamily => (isPayout(record) ? 'payout' : record.type);

/**
 * Every operation of the shop, its balances and the clock-driven transitions. Statuses only change
 * here, so the money always follows: a paid payment credits the balance, a payout's write-off is
 * held while it runs and returned if it is rejected.
 */
export class SandboxState {
  readonly payments = new Map<number, PaymentRecord>();
  readonly payouts = new Map<number, PayoutRecord>();
  private readonly paymentsByOrderId = new Map<string, PaymentRecord>();
  private readonly payoutsByPaymentId = new Map<string, PayoutRecord>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private lastId = 100000;

  constructor(
    readonly ledger: Ledger,
    readonly now: () => number,
    private readonly onPaymentFinal: (payment: PaymentRecord) => void,
  ) {}

  nextId(): number {
    return ++this.lastId;
  }

  paymentByOrderId(shopOrderId: string): PaymentRecord | undefined {
    this.settle();
    return this.paymentsByOrderId.get(shopOrderId);
  }

  payoutByPaymentId(shopPaymentId: string): PayoutRecord | undefined {
    this.settle();
    return this.payoutsByPaymentId.get(shopPaymentId);
  }

  payoutById(id: number): PayoutRecord | undefined {
    this.settle();
    return this.payouts.get(id);
  }

  paymentById(id: number): PaymentRecord | undefined {
    this.settle();
    return this.payments.get(id);
  }

  /** Error 6 for a `shop_order_id` used before; 8 while that operation is still processing. */
  assertNewOrderId(shopOrderId: string): void {
    const used = this.paymentByOrderId(shopOrderId);
    if (used) throw new FeennexError(used.schedule.length ? 8 : 6, `shop_order_id ${shopOrderId} is payment ${used.id}`);
  }

  /** Error 6 for a `shop_payment_id` used before; 8 while that payout is still processing. */
  assertNewPaymentId(shopPaymentId: string): void {
    const used = this.payoutByPaymentId(shopPaymentId);
    if (used) throw new FeennexError(used.schedule.length ? 8 : 6, `shop_payment_id ${shopPaymentId} is payout ${used.id}`);
  }

  addPayment(payment: PaymentRecord): void {
    this.payments.set(payment.id, payment);
    this.paymentsByOrderId.set(payment.shopOrderId, payment);
    this.applyInitial(payment);
  }

  /** Records a payout whose write-off has already been reserved in the ledger. */
  addPayout(payout: PayoutRecord): void {
    this.payouts.set(payout.id, payout);
    this.payoutsByPaymentId.set(payout.shopPaymentId, payout);
    this.applyInitial(payout);
  }

  private applyInitial(record: PaymentRecord | PayoutRecord): void {
    if (isFinal(family(record), record.status)) this.finish(record);
    for (const { at } of record.schedule) this.wakeAt(at);
  }

  /** Moves an operation on; a final status is never left. */
  setStatus(record: PaymentRecord | PayoutRecord, status: number): void {
    const kind = family(record);
    if (record.status === status || isFinal(kind, record.status)) return;
    record.status = status;
    if (isFinal(kind, status)) this.finish(record);
  }

  /** The money effect of a final status, applied exactly once, and the payment's callback. */
  private finish(record: PaymentRecord | PayoutRecord): void {
    const success = isSuccess(family(record), record.status);
    record.schedule = [];
    record.processed = this.now();
    if (isPayout(record)) {
      this.ledger.settle(record.shopCurrency, record.writeOff, success);
      return;
    }
    if (success) this.ledger.credit(record.shopCurrency, record.shopRefund);
    this.onPaymentFinal(record);
  }

  /** Applies every scheduled status that is due, and expires unpaid bills. */
  settle(): void {
    const now = this.now();
    for (const record of [...this.payments.values(), ...this.payouts.values()]) {
      while (record.schedule.length && record.schedule[0].at <= now) {
        this.setStatus(record, record.schedule.shift()!.status);
      }
      if (
        record.type === 'bill' &&
        record.status === BILL_STATUS.waiting &&
        record.lifetimeMinutes !== undefined &&
        now >= record.created + record.lifetimeMinutes * 60_000
      ) {
        this.setStatus(record, BILL_STATUS.expired);
      }
    }
  }

  /** Settles without waiting for a query too, so that callbacks of slow payments are sent. */
  private wakeAt(at: number): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.settle();
      },
      Math.max(0, at - this.now()),
    );
    timer.unref?.();
    this.timers.add(timer);
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.payments.clear();
    this.payouts.clear();
    this.paymentsByOrderId.clear();
    this.payoutsByPaymentId.clear();
    this.ledger.reset();
  }
}
