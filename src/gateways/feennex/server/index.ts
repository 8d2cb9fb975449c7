// What Feennex publishes on `paytool-elements/server`: the client (payments, payouts, transfers,
// the balance and their status), the checkout gateway, callbacks, and reading its answers.
// `paytool-elements/server/feennex` adds `FeennexPayoutClient`, the payout methods on their own
// (src/gateways/server-feennex-exports.ts). Signing, currency conversion and the adapter's tables
// stay inside this folder.
export { FeennexClient, type FeennexClientOptions, type FeennexCallOptions } from './client.js';
export { FeennexError, FeennexInputError, FEENNEX_ERROR_CODES, describeFeennexError, type FeennexErrorInfo, type FeennexErrorInit } from './errors.js';
export type { FeennexMethod, FeennexSignedFields } from './sign.js';
export type { FeennexMoney } from './currency.js';
export { FEENNEX_INVOICE_STATUSES, FEENNEX_BILL_STATUSES, FEENNEX_WITHDRAW_STATUSES, describeFeennexStatus, type FeennexStatusInfo } from './statuses.js';
export type { FeennexRetryPolicy } from './idempotent.js';
export type {
  FeennexInvoiceTryInput,
  FeennexInvoiceCreateInput,
  FeennexBillCreateInput,
  FeennexWithdrawTryInput,
  FeennexWithdrawCreateInput,
  FeennexTransferTryInput,
  FeennexTransferCreateInput,
  FeennexCheckAccountInput,
} from './inputs.js';
export type {
  FeennexRedirect,
  FeennexOrderStatus,
  FeennexInvoiceCreated,
  FeennexBillCreated,
  FeennexInvoicePreview,
  FeennexWithdraw,
  FeennexPayoutPreview,
  FeennexTransfer,
  FeennexBalance,
  FeennexAccountCheck,
} from './responses.js';
export type { FeennexPayouts, FeennexRecovered } from './payouts.js';
export {
  createFeennexNotificationHandler,
  verifyFeennexNotification,
  type FeennexNotification,
  type FeennexNotificationOptions,
  type FeennexOrderRecord,
} from './notifications.js';
export { createMemoryFeennexSeenStore, type FeennexSeenStore, type MemoryFeennexSeenStoreOptions } from './seen-store.js';
export { feennexCheckout, type FeennexCheckoutOptions } from './checkout.js';
