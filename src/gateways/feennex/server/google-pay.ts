import type { CheckoutRequest } from '../../../protocol/index.js';
import type { FeennexInvoiceCreateInput } from './inputs.js';

/**
 * ASSUMPTION — how Feennex takes a Google Pay token. No public Feennex document shows it, so this
 * is the one place to change when the real contract is known:
 *
 * - `invoice/create` with the payway `googlepay_<currency, lower case>` (e.g. `googlepay_pln`),
 *   overridable with `feennexCheckout(client, { paywayFor })`;
 * - `shop_order_id` = the element's `transactionId` (the idempotency key);
 * - the token, as the JSON text Google produced, in the unsigned field `google_pay_token`;
 * - the answer is either a final invoice status or a 3-D Secure form (`method`, `url`, `data`).
 */
export const FEENNEX_GOOGLE_PAY_TOKEN_FIELD = 'google_pay_token';

export const feennexGooglePayPayway = (currency: string): string => `googlepay_${currency.toLowerCase()}`;

export function feennexGooglePayInvoice(
  request: CheckoutRequest,
  payway: string,
  urls: Pick<FeennexInvoiceCreateInput, 'successUrl' | 'failedUrl' | 'callbackUrl'>,
): FeennexInvoiceCreateInput {
  const token = typeof request.token === 'string' ? request.token : JSON.stringify(request.token);
  return {
    amount: request.amount,
    currency: request.currency,
    payway,
    shopOrderId: request.transactionId,
    description: request.description,
    ...(request.sender?.email ? { email: request.sender.email } : {}),
    ...urls,
    extras: { [FEENNEX_GOOGLE_PAY_TOKEN_FIELD]: token },
  };
}
