export { FeennexClient, type FeennexClientOptions, type FeennexCallOptions, type FeennexRecovered } from './client.js';
export {
  FeennexError,
  FeennexInputError,
  FEENNEX_ERROR_CODES,
  describeFeennexError,
  FEENNEX_NO_ANSWER_CODES,
  type FeennexErrorInfo,
  type FeennexErrorInit,
} from './errors.js';
export { FEENNEX_SIGNED_KEYS, feennexSign, stringToSign, feennexSignedBody, type FeennexMethod, type FeennexSignedFields } from './sign.js';
export { toFeennexCurrency, fromFeennexCurrency, toFeennexAmount, readFeennexMoney, type FeennexMoney } from './currency.js';
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
export {
  createFeennexNotificationHandler,
  verifyFeennexNotification,
  feennexNotificationSign,
  type FeennexNotification,
  type FeennexNotificationOptions,
  type FeennexOrderRecord,
} from './notifications.js';
export { createMemoryFeennexSeenStore, type FeennexSeenStore, type MemoryFeennexSeenStoreOptions } from './seen-store.js';
export { feennexCheckout, FEENNEX_INVOICE_STATUS_TO_CHECKOUT, feennexCheckoutStatusOf, type FeennexCheckoutOptions } from './checkout.js';
export { FEENNEX_GOOGLE_PAY_TOKEN_FIELD, feennexGooglePayPayway, feennexGooglePayInvoice } from './google-pay.js';
