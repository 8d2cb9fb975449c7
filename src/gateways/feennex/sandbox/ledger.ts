import { decimalToMinor } from '../../../protocol/currency.js';
import { FeennexError } from './envelope.js';
import { currencyFromNumeric, formatAmount, type Currency } from './money.js';

interface Balance {
  currency: Currency;
  /** Minor units the shop can pay out. */
  available: number;
  /** Written off for payouts still in progress; returned to `available` if they are rejected. */
  hold: number;
}

/** One currency of the Feennex emulator's shop balance (numeric ISO 4217 currency, decimal amounts), as `emulator.balances()` shows it. */
export interface BalanceView {
  currency: number;
  available: string;
  frozen: string;
  hold: string;
}

/** The shop's balances per currency: credited by paid payments, debited by payouts. */
export class Ledger {
  private readonly balances = new Map<number, Balance>();

  constructor(private readonly initial: Readonly<Record<string, string>>) {
    this.reset();
  }

  reset(): void {
    this.balances.clear();
    for (const [numeric, decimal] of Object.entries(this.initial)) {
      const currency = currencyFromNumeric('balances', numeric);
      this.balances.set(currency.numeric, { currency, available: decimalToMinor(decimal, currency.alpha), hold: 0 });
    }
  }

  private entry(currency: Currency): Balance {
    let balance = this.balances.get(currency.numeric);
    if (!balance) this.balances.set(currency.numeric, (balance = { currency, available: 0, hold: 0 }));
    return balance;
  }

  available(currency: Currency): string {
    return formatAmount(this.entry(currency).available, currency);
  }

  credit(currency: Currency, minor: number): void {
    this.entry(currency).available += minor;
  }

  /** Moves a payout's write-off from `available` to `hold`; error 9 when it is not there. */
  reserve(currency: Currency, minor: number): void {
    const balance = this.entry(currency);
    if (minor > balance.available) {
      throw new FeennexError(9, `${formatAmount(balance.available, currency)} ${currency.alpha} available`);
    }
    balance.available -= minor;
    balance.hold += minor;
  }

  /** Ends a payout: the held amount leaves the shop, or comes back when the payout was rejected. */
  settle(currency: Currency, minor: number, paidOut: boolean): void {
    const balance = this.entry(currency);
    balance.hold -= minor;
    if (!paidOut) balance.available += minor;
  }

  view(): BalanceView[] {
    return [...this.balances.values()].map(({ currency, available, hold }) => ({
      currency: currency.numeric,
      available: formatAmount(available, currency),
      frozen: formatAmount(0, currency),
      hold: formatAmount(hold, currency),
    }));
  }
}
