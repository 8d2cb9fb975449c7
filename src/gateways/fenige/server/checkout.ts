import type { CheckoutRequest, HostedRequest } from '../../../protocol/index.js';
import { fenigeProfile } from '../profile.js';
import { withPaymentResult } from '../../../protocol/return-url.js';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../../server/gateway.js';
import { detailsBody, failureAnswer, isFailure, isPending, isSuccess, notFinalAnswer, SETUP_NOT_FOUND, unknownAnswer } from './answers.js';
import type { FenigeClient } from './client.js';
import { forHandler } from './handler-call.js';
import { FenigeError } from './errors.js';
import { transactionStateOf, type FenigeGooglePayRequest } from './schemas.js';

/**
 * What happens to the funds of an approved Google Pay payment (see docs/gateways/fenige.md):
 * - `deposit` (default): `deposit: true`, Fenige takes the funds at once.
 * - `clear`: `deposit: false`, then the handler clears the whole amount as soon as it sees the
 *   payment approved (a clearing that fails is reported to `onClearError`; the payment stays
 *   authorised and must be cleared by the merchant).
 * - `authorize`: `deposit: false` and nothing else. The merchant MUST clear (`FenigeClient.clear`)
 *   within 7 days (VISA) or 30 days (Mastercard), or the authorisation lapses and the money is lost.
 */
export type FenigeCapture = 'deposit' | 'clear' | 'authorize';

/** Options of `fenigeCheckout`: capture at once or authorize only, what to do when a capture fails, and the hosted page's settings. */
export interface FenigeCheckoutOptions {
  /** Default `deposit`. */
  capture?: FenigeCapture;
  /** The older switch: `true` is `capture: 'deposit'`, `false` is `capture: 'authorize'`. */
  deposit?: boolean;
  /** `capture: 'clear'`: a clearing Fenige refused or that could not be sent. Never throws into the payment. */
  onClearError?: (transactionId: string, error: unknown) => void;
  /**
   * google-pay `itemId`, the merchant's idempotency id at Fenige. Default: the `transactionId`
   * (already the idempotency key). Return `undefined` to send none.
   */
  itemIdFor?: (request: CheckoutRequest) => string | undefined;
  /** Language of Fenige's hosted payment page. Default `en`. */
  formLanguage?: string;
  /** Hosted page: let Fenige clear the payment by itself. Default `true`, as the document's prose. */
  autoClear?: boolean;
  /** Hosted page: the merchant's website, shown by Fenige. */
  merchantUrl?: string;
}

/** The query parameter added to `returnUrl` when Fenige sends the payer back from its hosted page. */
export { RESULT_PARAM as HOSTED_RESULT_PARAM } from '../../../protocol/return-url.js';

function captureOf(options: FenigeCheckoutOptions): FenigeCapture {
  const { capture, deposit } = options;
  if (capture !== undefined && !['deposit', 'clear', 'authorize'].includes(capture)) {
    throw new TypeError(`capture must be 'deposit', 'clear' or 'authorize' (got ${JSON.stringify(capture)})`);
  }
  if (deposit !== undefined && typeof deposit !== 'boolean') throw new TypeError('deposit must be true or false');
  const fromDeposit = deposit === undefined ? undefined : deposit ? 'deposit' : 'authorize';
  if (capture && fromDeposit && (capture === 'deposit') !== deposit) {
    throw new TypeError(`capture: '${capture}' contradicts deposit: ${deposit}; set only capture`);
  }
  return capture ?? fromDeposit ?? 'deposit';
}

/**
 * Adapts a `FenigeClient` to the checkout handler (docs/protocol.md §4.2): it translates Fenige's
 * answers and errors, nothing more. A payment whose outcome is unknown (timeout, E0153, a 5xx, a
 * state this code does not know) is answered `unknownOutcome` and the handler's idempotency guard
 * decides what to ask next (docs/architecture.md, "Outcome unknown"). When Fenige names a payment
 * with an id of its own (its paymelink example does), the handler's id map links it to the
 * merchant's `transactionId`, so status look-ups work with either id.
 */
export function fenigeCheckout(client: FenigeClient, options: FenigeCheckoutOptions = {}): CheckoutGateway {
  const capture = captureOf(options);
  const { formLanguage = 'en', autoClear = true, merchantUrl } = options;
  const itemIdFor = options.itemIdFor ?? ((request: CheckoutRequest) => request.transactionId);

  /** Fenige's id for a merchant's transactionId, and the merchant's for either. */
  async function idsOf(id: string, context: CheckoutContext): Promise<{ transactionId: string; gatewayId: string }> {
    const gatewayId = await context.ids?.gatewayIdOf(id);
    if (gatewayId) return { transactionId: id, gatewayId };
    return { transactionId: (await context.ids?.transactionIdOf(id)) ?? id, gatewayId: id };
  }

  /** `capture: 'clear'`: an approved authorisation is cleared at once, in full. */
  async function clearIfAuthorised(gatewayId: string, amount: number, state: string, context: CheckoutContext): Promise<void> {
    if (capture !== 'clear' || state !== 'SUCCESS_WAITING_FOR_CLEARING') return;
    try {
      await forHandler.clear(client, { transactionId: gatewayId, clearingAmount: amount }, context);
    } catch (error) {
      try {
        options.onClearError?.(gatewayId, error);
      } catch {
        // a failing report must not change the payment's answer
      }
    }
  }

  /** `capture: 'clear'` after an APPROVED answer: the state says whether the authorisation still waits for its clearing. */
  async function clearAfterApproval(gatewayId: string, amount: number, context: CheckoutContext): Promise<void> {
    try {
      const state = transactionStateOf(await forHandler.details(client, gatewayId, context));
      if (isSuccess(state)) await clearIfAuthorised(gatewayId, amount, state, context);
    } catch (error) {
      if (!(error instanceof FenigeError)) throw error;
    }
  }

  return {
    id: fenigeProfile.id,
    account: client.merchantUuid,
    defaultBasePath: fenigeProfile.defaultEndpoint,

    async pay(request: CheckoutRequest, context: CheckoutContext): Promise<CheckoutAnswer> {
      const { transactionId } = request;
      const itemId = itemIdFor(request);
      try {
        const result = await forHandler.googlePay(
          client,
          {
            amount: request.amount,
            transactionId,
            description: request.description,
            currency: request.currency,
            deposit: capture === 'deposit',
            ...(context.browserIp ? { browserIp: context.browserIp } : {}),
            ...(itemId !== undefined ? { itemId } : {}),
            // The element makes sender optional (it may come from Google Pay); Fenige requires it,
            // so the client's validation answers E8000 `sender` when it is missing.
            sender: request.sender as FenigeGooglePayRequest['sender'],
            // Forwarded untouched; the client checks it is an ECv2 token object.
            token: request.token as FenigeGooglePayRequest['token'],
          },
          { signal: context.signal, deadlineAt: context.deadlineAt },
        );
        const gatewayId = result.transactionId;
        await context.ids?.link(transactionId, gatewayId);
        const body: Record<string, unknown> = { transactionId, status: result.status };
        if (gatewayId !== transactionId) body.gatewayTransactionId = gatewayId;
        if (result.itemId) body.itemId = result.itemId;
        if (result.externalTransactionId) body.externalTransactionId = result.externalTransactionId;
        if (isSuccess(result.status)) {
          // google-pay answers APPROVED whether or not the funds were taken: ask only when clearing.
          if (capture === 'clear') await clearAfterApproval(gatewayId, request.amount, context);
          return { httpStatus: 200, body };
        }
        if (isFailure(result.status)) return { httpStatus: 422, body };
        if (isPending(result.status)) return { httpStatus: 202, body };
        return unknownAnswer(transactionId); // a state this code does not know
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        if (error.isFinal) return failureAnswer(transactionId, error);
        if (error.isRetriable) return notFinalAnswer(transactionId, error);
        return unknownAnswer(transactionId);
      }
    },

    async status(id: string, context: CheckoutContext): Promise<CheckoutAnswer> {
      const { transactionId, gatewayId } = await idsOf(id, context);
      try {
        const details = await forHandler.details(client, gatewayId, context);
        // The guard asking after an unknown charge: an authorisation found waiting is cleared, as after APPROVED.
        if (context.expected) await clearIfAuthorised(gatewayId, context.expected.amount, transactionStateOf(details), context);
        return { httpStatus: 200, body: detailsBody(details, transactionId) };
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        if (error.httpStatus === 404 && !SETUP_NOT_FOUND.has(error.status)) {
          return {
            httpStatus: 404,
            body: { transactionId, status: 'NOT_FOUND', code: 'NOT_FOUND', message: 'Fenige knows no transaction with this id.' },
          };
        }
        // The read failed: it says nothing about the payment.
        return { ...(error.isFinal ? failureAnswer(transactionId, error) : notFinalAnswer(transactionId, error)), unknownOutcome: true };
      }
    },

    async hosted(request: HostedRequest, context: CheckoutContext): Promise<CheckoutAnswer> {
      const { transactionId } = request;
      try {
        const link = await forHandler.paymelink(
          client,
          {
            transactionId,
            currencyCode: request.currency,
            amount: request.amount,
            description: request.description,
            ...(merchantUrl ? { merchantUrl } : {}),
            // The merchant's id in its own URLs: whatever id Fenige uses, the payer comes back with this one.
            redirectUrl: {
              successUrl: withPaymentResult(request.returnUrl, 'success', transactionId),
              failureUrl: withPaymentResult(request.returnUrl, 'failure', transactionId),
            },
            formLanguage,
            ...(request.sender ? { sender: { firstName: request.sender.firstName, lastName: request.sender.lastName } } : {}),
            // Sent always: the field table requires it even though the prose calls true the default.
            autoClear,
          },
          context,
        );
        await context.ids?.link(transactionId, link.transactionId);
        const body: Record<string, unknown> = { transactionId, redirect: { url: link.value, method: 'GET' } };
        if (link.transactionId !== transactionId) body.gatewayTransactionId = link.transactionId;
        return { httpStatus: 200, body };
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        // No link to look up: an unknown outcome is re-sent by the element with the same id.
        return error.isFinal ? failureAnswer(transactionId, error) : notFinalAnswer(transactionId, error);
      }
    },
  };
}
