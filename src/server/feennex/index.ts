export { FeennexClient, type FeennexClientOptions, type FeennexCallOptions, type Recovered } from './client.js';
export {
  FeennexError, FeennexInputError, FEENNEX_ERROR_CODES, describeFeennexError,
  type FeennexErrorKind, type FeennexErrorInfo, type FeennexErrorInit,
} from './errors.js';
export { SIGNED_KEYS, feennexSign, stringToSign, signedBody, type FeennexMethod, type SignedFields } from './sign.js';
export {
  toFeennexCurrency, fromFeennexCurrency, toFeennexAmount, readMoney, type FeennexMoney,
} from './currency.js';
export {
  INVOICE_STATUSES, BILL_STATUSES, WITHDRAW_STATUSES, describeStatus, type FeennexStatusInfo,
} from './statuses.js';
export type { RetryPolicy } from './idempotent.js';
export type {
  InvoiceTryInput, InvoiceCreateInput, BillCreateInput, WithdrawTryInput, WithdrawCreateInput,
  TransferTryInput, TransferCreateInput, CheckAccountInput,
} from './inputs.js';
export type {
  FeennexRedirect, FeennexOrderStatus, FeennexInvoiceCreated, FeennexBillCreated, FeennexInvoicePreview,
  FeennexWithdraw, FeennexPayoutPreview, FeennexTransfer, FeennexBalance, FeennexAccountCheck,
} from './responses.js';
export {
  createFeennexNotificationHandler, verifyFeennexNotification, notificationSign,
  type FeennexNotification, type FeennexNotificationOptions, type FeennexOrderRecord,
} from './notifications.js';
export { createMemorySeenStore, type FeennexSeenStore, type MemorySeenStoreOptions } from './seen-store.js';
export {
  feennexCheckout, INVOICE_STATUS_TO_CHECKOUT, checkoutStatusOf, type FeennexCheckoutOptions,
} from './checkout.js';
export { GOOGLE_PAY_TOKEN_FIELD, defaultGooglePayPayway, googlePayInvoice } from './google-pay.js';
