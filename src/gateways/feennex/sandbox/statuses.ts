/** Status codes as documented (feennex-api.md), with the names shown in the merchant panel. */

export const BILL_STATUS = { waiting: 1, paid: 2, canceled: 3, expired: 4 } as const;

export const INVOICE_STATUS = {
  created: 1,
  waiting: 2,
  psCreatingError: 3,
  success: 4,
  callbackError: 5,
  rejected: 6,
  refunded: 7,
  hold: 8,
  gatewayRefunded: 9,
  captured: 10,
  refunding: 11,
  recalculated: 12,
} as const;

export const PAYOUT_STATUS = {
  new: 1,
  manualConfirmation: 2,
  processing: 3,
  processingError: 4,
  success: 5,
  rejected: 6,
  manuallyConfirmed: 7,
  manuallyCanceled: 8,
  networkError: 9,
} as const;

const FINAL = {
  bill: [BILL_STATUS.paid, BILL_STATUS.canceled, BILL_STATUS.expired],
  invoice: [INVOICE_STATUS.success, INVOICE_STATUS.rejected, INVOICE_STATUS.refunded, INVOICE_STATUS.gatewayRefunded, INVOICE_STATUS.recalculated],
  payout: [PAYOUT_STATUS.success, PAYOUT_STATUS.rejected, PAYOUT_STATUS.manuallyCanceled],
} as const satisfies Record<string, readonly number[]>;

export type StatusFamily = keyof typeof FINAL;

export const isFinal = (family: StatusFamily, status: number): boolean => (FINAL[family] as readonly number[]).includes(status);

/** Did a final status move the money (paid / succeeded)? */
export const isSuccess = (family: StatusFamily, status: number): boolean =>
  family === 'bill' ? status === BILL_STATUS.paid : family === 'invoice' ? status === INVOICE_STATUS.success : status === PAYOUT_STATUS.success;

const TABLES = { bill: BILL_STATUS, invoice: INVOICE_STATUS, payout: PAYOUT_STATUS } as const;

export function statusName(family: StatusFamily, status: number): string {
  const entry = Object.entries(TABLES[family]).find(([, code]) => code === status);
  return entry ? entry[0] : String(status);
}
