import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../../server/gateway.js';
import type { FeennexClient } from './client.js';
import { forHandler } from './handler-call.js';
import { feennexProfile } from '../profile.js';
import { describeFeennexError, FeennexError, FeennexInputError } from './errors.js';
import { checkTokenField, FEENNEX_GOOGLE_PAY_TOKEN_FIELD, feennexGooglePayPayway, feennexGooglePayInvoice } from './google-pay.js';
import type { FeennexInvoiceCreateInput } from './inputs.js';
import type { FeennexInvoiceCreated, FeennexOrderStatus } from './responses.js';
import { GATEWAY_SETUP_BODY } from '../../../server/http-answers.js';
import { withPaymentResult } from '../../../protocol/return-url.js';

/**
 * `FeennexClient` as the checkout handler's gateway: Google Pay and hosted-page payments are
 * Feennex invoices whose `shop_order_id` is the element's `transactionId`; answers follow the
 * element's protocol (docs/protocol.md §4.2).
 */

export interface FeennexCheckoutOptions {
  /** Google Pay payway per currency; default `googlepay_<currency>` (an assumption, see google-pay.ts). */
  paywayFor?: (currency: string) => string;
  /** Unsigned field carrying the Google Pay token; default `google_pay_token` (an assumption, see google-pay.ts). */
  tokenField?: string;
  /** Card payway for the hosted page; default `card_<currency>` (e.g. `card_pln`). */
  cardPaywayFor?: (currency: string) => string;
  /** Where Feennex sends its notifications, when not the URL set in the shop's settings. */
  callbackUrl?: string;
}

type CheckoutStatus = 'SUCCESS' | 'REJECTED' | 'REFUNDED' | 'PENDING';
/** A create (pay, hosted) or a status read (`GET {endpoint}/{transactionId}`). */
type Mode = 'create' | 'read';

/**
 * Invoice status → the element's status. Only a captured success is a success; a status that is
 * not final (or is final but needs the merchant's review) stays PENDING, never guessed.
 */
export const FEENNEX_INVOICE_STATUS_TO_CHECKOUT: Readonly<Record<number, CheckoutStatus>> = Object.freeze({
  1: 'PENDING', // created
  2: 'PENDING', // waiting for the payer / 3-D Secure
  3: 'PENDING', // payment-system creating error: not final, Feennex may still complete it
  4: 'SUCCESS', // success (final)
  5: 'PENDING', // callback error (deprecated): the outcome is not stated
  6: 'REJECTED', // rejected by the payment system (final)
  7: 'REFUNDED', // refunded (final)
  8: 'PENDING', // hold: authorised, not captured yet
  9: 'REFUNDED', // refunded by the gateway (final)
  10: 'SUCCESS', // captured
  11: 'PENDING', // refunding: neither paid-and-kept nor refunded yet
  12: 'PENDING', // recalculated (final): the payer paid a different amount, the merchant reviews it
});

export const feennexCheckoutStatusOf = (invoiceStatus: number): CheckoutStatus => FEENNEX_INVOICE_STATUS_TO_CHECKOUT[invoiceStatus] ?? 'PENDING';

/** A `FeennexClient` as the checkout handler's gateway, with its options: callback URL, Google Pay and card payway names, the token field. */
export function feennexCheckout(client: FeennexClient, options: FeennexCheckoutOptions = {}): CheckoutGateway {
  const paywayFor = options.paywayFor ?? feennexGooglePayPayway;
  const tokenField = checkTokenField(options.tokenField ?? FEENNEX_GOOGLE_PAY_TOKEN_FIELD);
  const cardPaywayFor = options.cardPaywayFor ?? ((currency: string) => `card_${currency.toLowerCase()}`);
  const callback = options.callbackUrl ? { callbackUrl: checkCallbackUrl(options.callbackUrl) } : {};
  async function create(transactionId: string, input: FeennexInvoiceCreateInput, context: CheckoutContext): Promise<CheckoutAnswer> {
    let created: FeennexInvoiceCreated;
    const expected = { amount: input.amount, currency: input.currency };
    try {
      // Sent once: a lost answer is reported, and the handler's idempotency guard decides (docs/architecture.md).
      created = await forHandler.invoiceCreate(client, input, context);
    } catch (error) {
      if (error instanceof FeennexInputError) {
        return { httpStatus: 422, body: { transactionId, code: 'FEENNEX_INVALID_INPUT', message: error.message }, notSent: true };
      }
      if (!(error instanceof FeennexError)) throw error;
      // Error 6, "already exists": a re-sent request, or another payment's id. Which one only the
      // invoice tells, and only for the very amount and currency asked for; it may be anyone's, so
      // an amount Feennex does not report is no match.
      if (error.errorCode === 6) return askStatus(transactionId, context, 'create', { ...expected, strict: true });
      if (error.isFinal) return finalError(transactionId, error, tokenField);
      // Lost, or still processing (error 8): Feennex may hold the invoice. The guard asks its status.
      return {
        httpStatus: 202,
        body: { transactionId, status: 'PENDING', message: 'The payment is being processed; ask again for its status.' },
        unknownOutcome: true,
      };
    }
    if (created.kind === 'redirect') {
      const { url, method, params } = created.redirect;
      return { httpStatus: 200, body: { transactionId, redirect: { url, method, params } } };
    }
    // A retried create found the invoice its own lost first attempt created.
    if (created.kind === 'existing') return existingAnswer(transactionId, created.order, { ...expected, strict: false }, 'create');
    return { ...statusAnswer(transactionId, created.status, 'create'), charged: expected };
  }

  /**
   * The payment's state by its transactionId. Not being able to read it says nothing about the
   * payment, so every failure here is PENDING — including "not found", which may only mean that
   * the create has not reached Feennex yet.
   */
  async function askStatus(transactionId: string, context: CheckoutContext, mode: Mode, expected?: Expected): Promise<CheckoutAnswer> {
    try {
      const order = await forHandler.orderStatus(client, transactionId, context);
      if (expected) return existingAnswer(transactionId, order, expected, mode);
      return statusAnswer(transactionId, order.status, mode);
    } catch (error) {
      const notFound = error instanceof FeennexError && error.errorCode === 7;
      const httpStatus = mode === 'create' ? 202 : notFound ? 404 : 502;
      const message = notFound ? 'Feennex does not know this payment (yet).' : 'The payment status could not be read.';
      // 404 alone means "Feennex has no such invoice"; any other failed read says nothing about the payment.
      return { httpStatus, body: { transactionId, status: 'PENDING', message }, ...(httpStatus === 404 ? {} : { unknownOutcome: true }) };
    }
  }

  return {
    id: feennexProfile.id,
    account: client.shopId,
    defaultBasePath: feennexProfile.defaultEndpoint,
    pay: (request, context) =>
      create(
        request.transactionId,
        feennexGooglePayInvoice(request, paywayFor(request.currency), { ...resultUrls(context.returnUrl, request.transactionId), ...callback }, tokenField),
        context,
      ),
    hosted: (request, context) =>
      create(
        request.transactionId,
        {
          amount: request.amount,
          currency: request.currency,
          payway: cardPaywayFor(request.currency),
          shopOrderId: request.transactionId,
          description: request.description,
          ...(request.sender?.email ? { email: request.sender.email } : {}),
          // The merchant's configured return URL (context) wins over the one the browser sent.
          ...resultUrls(context.returnUrl ?? request.returnUrl, request.transactionId),
          ...callback,
        },
        context,
      ),
    // With `expected` (the guard asking after an unknown create), an invoice of another amount is another payment's.
    status: (transactionId, context) => askStatus(transactionId, context, 'read', context.expected ? { ...context.expected, strict: false } : undefined),
  };
}

/**
 * A create answers 200 SUCCESS, 422 for a final failure and 202 PENDING; a status read answers
 * 200 whatever the payment's state (the read itself succeeded).
 */
function statusAnswer(transactionId: string, invoiceStatus: number, mode: Mode): CheckoutAnswer {
  const status = feennexCheckoutStatusOf(invoiceStatus);
  const body: Record<string, unknown> = { transactionId, status, feennexStatus: invoiceStatus };
  if (status === 'REJECTED') Object.assign(body, { code: 'FEENNEX_PS_REJECTED', message: 'The payment was rejected.' });
  if (status === 'REFUNDED') Object.assign(body, { code: 'FEENNEX_REFUNDED', message: 'The payment was refunded.' });
  if (mode === 'read') return { httpStatus: 200, body };
  return { httpStatus: status === 'SUCCESS' ? 200 : status === 'PENDING' ? 202 : 422, body };
}

/** What the request asked for; `strict`: an invoice whose amount Feennex does not report is no match. */
type Expected = { amount: number; currency: string; strict: boolean };

/**
 * An invoice Feennex already holds for this transactionId (error 6, or a retried create that found
 * one): its answer only when it is the payment asked for. A different amount, currency or order is
 * another payment's id — never a success, whatever its status (422 `TRANSACTION_ID_REUSED`).
 */
function existingAnswer(transactionId: string, order: FeennexOrderStatus, expected: Expected, mode: Mode): CheckoutAnswer {
  const held = order.shopAmount;
  const sameAmount = held === undefined ? !expected.strict : held.minor === expected.amount && held.currency === expected.currency;
  const matches = sameAmount && (order.shopOrderId === undefined || order.shopOrderId === transactionId);
  const charged = held ? { amount: held.minor, currency: held.currency } : undefined;
  if (matches) return { ...statusAnswer(transactionId, order.status, mode), ...(charged ? { charged } : {}) };
  const holds = held ? `${held.decimal} ${held.currency}` : 'an amount it did not report';
  return {
    httpStatus: 422,
    body: {
      transactionId,
      status: 'TRANSACTION_ID_REUSED',
      code: 'TRANSACTION_ID_REUSED',
      message: 'This transactionId was already used for a different payment; start a new payment with a new transactionId',
    },
    ...(charged ? { charged } : {}),
    detail: {
      code: 'FEENNEX_6',
      message: `Feennex already holds order ${transactionId} for ${holds} (invoice status ${order.status}); this request was for ${expected.amount} ${expected.currency} in minor units`,
    },
  };
}

/** Feennex codes about the shop's own setup: the payer reads a generic message, the logs get the code. */
export const FEENNEX_SETUP_CODES: ReadonlySet<number> = new Set([1, 2, 3, 10, 11, 12, 15, 16, 17, 19]);

/** A final Feennex error, in words a payer may see; Feennex's own message (e.g. `string_to_sign`) stays server-side. */
function finalError(transactionId: string, error: FeennexError, tokenField: string): CheckoutAnswer {
  const code = `FEENNEX_${error.errorCode ?? 'ERROR'}`;
  const detail = { code, message: error.message };
  const token = tokenRefusal(error, tokenField);
  // A token Feennex could not use stays errors.token (the element hints the integrator); other
  // setup errors reach the payer as a generic message, their details only the merchant's logs.
  if (!token && error.errorCode !== null && FEENNEX_SETUP_CODES.has(error.errorCode)) {
    return { httpStatus: 422, body: { transactionId, ...GATEWAY_SETUP_BODY }, detail };
  }
  const body: Record<string, unknown> = { transactionId, status: code, code, message: describeFeennexError(error.errorCode).description };
  if (token) body.errors = { token: [token] };
  return { httpStatus: 422, body, detail };
}

/**
 * Error 10 about the token field: Feennex could not use the Google Pay token (sealed for another
 * shop, say). Answered as `errors.token` (docs/protocol.md) so the element can hint the
 * integrator; only Feennex's words about the token are passed on, never a `string_to_sign`.
 */
function tokenRefusal(error: FeennexError, tokenField: string): string | undefined {
  if (error.errorCode !== 10 || !error.message.includes(tokenField)) return undefined;
  const reason = new RegExp(`${tokenField}:\\s*(.+)$`, 's').exec(error.message)?.[1];
  return reason && !reason.includes('string_to_sign') ? `was refused by Feennex: ${reason.slice(0, 200)}` : 'was refused by Feennex (error 10)';
}

/** `success_url` / `failed_url`: the payer's page with `paytool-result` and `transactionId` added. */
function resultUrls(returnUrl: string | undefined, transactionId: string): { successUrl?: string; failedUrl?: string } {
  if (!returnUrl || !/^https?:\/\//i.test(returnUrl) || !URL.canParse(returnUrl)) return {};
  return {
    successUrl: withPaymentResult(returnUrl, 'success', transactionId),
    failedUrl: withPaymentResult(returnUrl, 'failure', transactionId),
  };
}

/** Checked once here, so the invoices the adapter builds need not check it again (`builtInvoiceCheck`). */
function checkCallbackUrl(url: string): string {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || !URL.canParse(url)) {
    throw new TypeError(`callbackUrl must be an absolute http(s) URL (got ${JSON.stringify(url)})`);
  }
  return url;
}
