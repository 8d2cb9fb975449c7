export { FenigeClient, DEFAULT_FENIGE_TIMEOUT_MS, type FenigeClientOptions, type FenigeCallOptions } from './client.js';
export { FenigeError, FenigeValidationError, TRANSPORT_STATUS, type FenigeErrorInit } from './errors.js';
export { FENIGE_ERROR_CODES, FENIGE_TRANSACTION_STATES, describeFenigeCode, classifyFenigeError, type FenigeCodeInfo } from './codes.js';
export { fenigeCheckout, HOSTED_RESULT_PARAM, type FenigeCheckoutOptions, type FenigeCapture } from './checkout.js';
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
