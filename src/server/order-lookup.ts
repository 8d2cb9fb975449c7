import * as z from 'zod/mini';
import { fields, validate, type CheckoutRequest, type HostedRequest } from '../protocol/index.js';
import type { CheckoutHandlerOptions, OrderValues } from './checkout-options.js';
import { errorResponse } from './http-answers.js';
import type { PlainAnswer } from './plain-http.js';
import { errorName } from './request-parts.js';

const orderSchema = z.object({ amount: fields.amount, currency: fields.currencyCode, description: fields.description });

/** Why the merchant's order could not price this payment: the answer, and the `rejected` event's code. */
export interface OrderRefusal {
  response: PlainAnswer;
  code: 'ORDER_LOOKUP_FAILED' | 'ORDER_NOT_FOUND' | 'ORDER_LOOKUP_INVALID';
  /** For `onEvent`: the name of the error `lookupOrder` threw. */
  error?: string;
}

/**
 * The amount, currency and description of the merchant's own order for this payment: what the
 * gateway is asked to charge, whatever the browser sent (docs/protocol.md §4). The merchant's
 * values are validated like a request's, since a wrong one would be charged as it is.
 */
export async function lookupOrder(
  lookup: NonNullable<CheckoutHandlerOptions['lookupOrder']>,
  body: CheckoutRequest | HostedRequest,
): Promise<OrderValues | OrderRefusal> {
  const { token: _token, paymentMethod: _method, ...query } = body as CheckoutRequest & { returnUrl?: string };
  const { transactionId } = body;
  let order: OrderValues | null;
  try {
    order = await lookup(query);
  } catch (error) {
    const response = errorResponse(503, 'ERROR', 'ORDER_LOOKUP_FAILED', 'The order could not be looked up; try again', transactionId, 5);
    return { response, code: 'ORDER_LOOKUP_FAILED', error: errorName(error) };
  }
  if (order === null || order === undefined) {
    return { response: errorResponse(404, 'ORDER_NOT_FOUND', 'ORDER_NOT_FOUND', 'There is no order for this payment', transactionId), code: 'ORDER_NOT_FOUND' };
  }
  const checked = validate(orderSchema, order, 'order from lookupOrder');
  if (!checked.ok) {
    const response = errorResponse(500, 'ERROR', 'ORDER_LOOKUP_INVALID', 'The merchant order for this payment is invalid', transactionId);
    return { response, code: 'ORDER_LOOKUP_INVALID' };
  }
  return checked.value;
}

export const isRefusal = (value: OrderValues | OrderRefusal): value is OrderRefusal => 'response' in value;
