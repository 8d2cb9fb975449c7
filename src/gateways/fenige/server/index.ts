// What Fenige publishes on `paytool-elements/server`; its error classification and transport codes
// stay inside this folder (every FenigeError carries its `kind` and `code`).
export { FenigeClient, DEFAULT_FENIGE_TIMEOUT_MS, type FenigeClientOptions, type FenigeCallOptions } from './client.js';
export { FenigeError, FenigeValidationError, type FenigeErrorInit } from './errors.js';
export { FENIGE_ERROR_CODES, FENIGE_TRANSACTION_STATES, describeFenigeCode, type FenigeCodeInfo } from './codes.js';
export { fenigeCheckout, type FenigeCheckoutOptions, type FenigeCapture } from './checkout.js';
export {
  verifyFenigePostback,
  createFenigePostbackHandler,
  FenigePostbackError,
  type FenigePostback,
  type FenigePostbackVerifyOptions,
  type FenigePostbackHandlerOptions,
  type FenigePostbackContext,
  type FenigeChecksumAlgorithm,
} from './postback.js';
export {
  transactionStateOf,
  type FenigeGooglePayRequest,
  type FenigeGooglePayResponse,
  type FenigeClearRequest,
  type FenigeClearResponse,
  type FenigeReverseRequest,
  type FenigeReverseResponse,
  type FenigeRefundRequest,
  type FenigeRefundResponse,
  type FenigeDetailsResponse,
  type FenigePreInitData,
  type FenigePaymelinkResponse,
} from './schemas.js';
