import { FAILURE_STATUSES, PENDING_STATUSES, SUCCESS_STATUSES, type CheckoutRequest, type HostedRequest } from '../../../protocol/index.js';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../../server/gateway.js';
import type { FenigeClient } from './client.js';
import { describeFenigeCode, FENIGE_ERROR_CODES } from './codes.js';
import { FenigeError, FenigeValidationError } from './errors.js';
import { GATEWAY_SETUP_BODY } from '../../../server/http-answers.js';
import { transactionStateOf, type FenigeDetailsResponse, type FenigeGooglePayRequest } from './schemas.js';
import { withPaymentResult } from '../../../protocol/return-url.js';

export interface FenigeCheckoutOptions {
  /** Fenige's `deposit` flag: take the funds at once. Default `false`, as Fenige's. */
  deposit?: boolean;
  /** Language of Fenige's hosted payment page. Default `en`. */
  formLanguage?: string;
  /** Hosted page: let Fenige clear the payment by itself. Default `true`, as Fenige's. */
  autoClear?: boolean;
  /** Hosted page: the merchant's website, shown by Fenige. */
  merchantUrl?: string;
}

/** The query parameter added to `returnUrl` when Fenige sends the payer back from its hosted page. */
export { RESULT_PARAM as HOSTED_RESULT_PARAM } from '../../../protocol/return-url.js';

const isOneOf = (list: readonly string[], value: string) => list.includes(value);
const isSuccess = (state: string) => isOneOf(SUCCESS_STATUSES, state);
const isFailure = (state: string) => isOneOf(FAILURE_STATUSES, state);
const isPending = (state: string) => isOneOf(PENDING_STATUSES, state);

/** Fenige's documented 404s that are about the merchant's setup, not about the transaction. */
const SETUP_NOT_FOUND = new Set(Object.keys(FENIGE_ERROR_CODES).filter((code) => FENIGE_ERROR_CODES[code]!.httpStatus === 404));

/**
 * Codes about the merchant's own setup (credentials, terminal, configuration): the payer reads a
 * generic message, the merchant's logs and `onEvent` get Fenige's code and message.
 */
export const FENIGE_SETUP_CODES: ReadonlySet<string> = new Set(['E8001', 'E8002', 'E0122', 'E0132', 'E0135', 'E0137', 'E0142', 'E0190', 'E01607']);

function failureAnswer(transactionId: string, error: FenigeError): CheckoutAnswer {
  const detail = { code: error.status, message: error.message };
  if (FENIGE_SETUP_CODES.has(error.status)) return { httpStatus: 422, body: { transactionId, ...GATEWAY_SETUP_BODY }, detail };
  // The element reads any 5xx as "unknown"; a final answer must stay a 4xx to be believed.
  const httpStatus = error.httpStatus && error.httpStatus >= 400 && error.httpStatus < 500 ? error.httpStatus : 422;
  const body: Record<string, unknown> = { transactionId, status: error.status, message: error.message };
  if (error.transactionStatus) body.transactionStatus = error.transactionStatus;
  if (error.errors) body.errors = error.errors;
  // Refused by the client's own validation: Fenige never saw it, the handler need not remember it.
  return { httpStatus, body, ...(error instanceof FenigeValidationError ? { notSent: true } : {}) };
}

function notFinalAnswer(transactionId: string, error: FenigeError): CheckoutAnswer {
  return { httpStatus: 503, body: { transactionId, status: error.status, message: error.message } };
}

const pendingAnswer = (transactionId: string): CheckoutAnswer => ({
  httpStatus: 202,
  body: { transactionId, status: 'PENDING', message: 'The payment is being processed; ask again for its status.' },
});

/** Only what the payer may see: the status endpoint is public to anyone holding the id. */
function detailsBody(details: FenigeDetailsResponse): Record<string, unknown> {
  const state = transactionStateOf(details);
  const body: Record<string, unknown> = { transactionId: details.transactionId, status: state, transactionState: state };
  if (details.amount !== undefined) body.amount = details.amount;
  const currency = details.currency ?? details.currencyCode;
  if (currency !== undefined) body.currency = currency;
  const message = describeFenigeCode(state);
  if (message) body.message = message;
  return body;
}


/**
 * Adapts a `FenigeClient` to the checkout handler (docs/protocol.md §4.2). A payment whose outcome is
 * unknown (timeout, E0153, a 5xx …) is looked up once with `details`; if that does not settle it,
 * the answer is 202 `PENDING` and the element keeps asking.
 */
export function fenigeCheckout(client: FenigeClient, options: FenigeCheckoutOptions = {}): CheckoutGateway {
  const { deposit = false, formLanguage = 'en', autoClear = true, merchantUrl } = options;

  async function settleFromDetails(transactionId: string, context: CheckoutContext): Promise<CheckoutAnswer> {
    try {
      const details = await client.details(transactionId, { signal: context.signal });
      const state = transactionStateOf(details);
      if (isSuccess(state)) return { httpStatus: 200, body: detailsBody(details) };
      if (isFailure(state)) return { httpStatus: 422, body: detailsBody(details) };
    } catch (error) {
      if (!(error instanceof FenigeError)) throw error;
    }
    return pendingAnswer(transactionId);
  }

  return {
    id: 'fenige',
    account: client.merchantUuid,
    defaultBasePath: '/paytool/transactions',

    async pay(request: CheckoutRequest, context: CheckoutContext): Promise<CheckoutAnswer> {
      const { transactionId } = request;
      try {
        const result = await client.googlePay(
          {
            amount: request.amount,
            transactionId,
            description: request.description,
            currency: request.currency,
            deposit,
            ...(context.browserIp ? { browserIp: context.browserIp } : {}),
            // The element makes sender optional (it may come from Google Pay); Fenige requires it,
            // so the client's validation answers E8000 `sender` when it is missing.
            sender: request.sender as FenigeGooglePayRequest['sender'],
            // Forwarded untouched; the client checks it is an ECv2 token object.
            token: request.token as FenigeGooglePayRequest['token'],
          },
          { signal: context.signal },
        );
        const body: Record<string, unknown> = { transactionId: result.transactionId, status: result.status };
        if (result.itemId) body.itemId = result.itemId;
        if (result.externalTransactionId) body.externalTransactionId = result.externalTransactionId;
        if (isSuccess(result.status)) return { httpStatus: 200, body };
        if (isFailure(result.status)) return { httpStatus: 422, body };
        if (isPending(result.status)) return { httpStatus: 202, body };
        return await settleFromDetails(transactionId, context);
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        if (error.isFinal) return failureAnswer(transactionId, error);
        if (error.isRetriable) return notFinalAnswer(transactionId, error);
        return await settleFromDetails(transactionId, context);
      }
    },

    async status(transactionId: string, context: CheckoutContext): Promise<CheckoutAnswer> {
      try {
        return { httpStatus: 200, body: detailsBody(await client.details(transactionId, { signal: context.signal })) };
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        if (error.httpStatus === 404 && !SETUP_NOT_FOUND.has(error.status)) {
          return {
            httpStatus: 404,
            body: { transactionId, status: 'NOT_FOUND', code: 'NOT_FOUND', message: 'Fenige knows no transaction with this id.' },
          };
        }
        return error.isFinal ? failureAnswer(transactionId, error) : notFinalAnswer(transactionId, error);
      }
    },

    async hosted(request: HostedRequest, context: CheckoutContext): Promise<CheckoutAnswer> {
      const { transactionId } = request;
      try {
        const link = await client.paymelink(
          {
            transactionId,
            currencyCode: request.currency,
            amount: request.amount,
            description: request.description,
            ...(merchantUrl ? { merchantUrl } : {}),
            redirectUrl: {
              successUrl: withPaymentResult(request.returnUrl, 'success', transactionId),
              failureUrl: withPaymentResult(request.returnUrl, 'failure', transactionId),
            },
            formLanguage,
            ...(request.sender ? { sender: { firstName: request.sender.firstName, lastName: request.sender.lastName } } : {}),
            autoClear,
          },
          { signal: context.signal },
        );
        return { httpStatus: 200, body: { transactionId: link.transactionId, redirect: { url: link.value, method: 'GET' } } };
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        // No link to look up: an unknown outcome is re-sent by the element with the same id.
        return error.isFinal ? failureAnswer(transactionId, error) : notFinalAnswer(transactionId, error);
      }
    },
  };
}
