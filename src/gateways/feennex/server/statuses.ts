/** Feennex status tables (`feennex-api.md`, "Statuses"). `final` statuses never change again. */

export interface FeennexStatusInfo {
  name: string;
  final: boolean;
}

type StatusTable = Readonly<Record<number, FeennexStatusInfo>>;

/** Feennex invoice statuses 1–12 (name, final or not); `describeFeennexStatus` reads them. */
export const FEENNEX_INVOICE_STATUSES: StatusTable = Object.freeze({
  1: { name: 'created', final: false },
  2: { name: 'waiting', final: false },
  3: { name: 'ps creating error', final: false },
  4: { name: 'success', final: true },
  5: { name: 'callback error (deprecated)', final: false },
  6: { name: 'ps rejected', final: true },
  7: { name: 'refunded', final: true },
  8: { name: 'hold', final: false },
  9: { name: 'refunded by the gateway', final: true },
  10: { name: 'captured', final: false },
  11: { name: 'refunding', final: false },
  12: { name: 'recalculated', final: true },
});

/** Feennex bill statuses 1–4 (name, final or not). */
export const FEENNEX_BILL_STATUSES: StatusTable = Object.freeze({
  1: { name: 'waiting', final: false },
  2: { name: 'paid', final: true },
  3: { name: 'canceled', final: true },
  4: { name: 'expired', final: true },
});

/** Feennex payout statuses 1–9 (name, final or not), for `FeennexWithdraw.status`. */
export const FEENNEX_WITHDRAW_STATUSES: StatusTable = Object.freeze({
  1: { name: 'new', final: false },
  2: { name: 'waiting for manual confirmation', final: false },
  3: { name: 'processing', final: false },
  4: { name: 'processing error', final: false },
  5: { name: 'success', final: true },
  6: { name: 'rejected', final: true },
  7: { name: 'manually confirmed', final: false },
  8: { name: 'manually canceled', final: true },
  9: { name: 'network error', final: false },
});

/** An entry of `table`, or a generic non-final one for a status Feennex may add later. */
export function describeFeennexStatus(table: StatusTable, status: number): FeennexStatusInfo {
  return table[status] ?? { name: `unknown status ${status}`, final: false };
}
