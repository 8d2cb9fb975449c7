import type { CheckoutRequest } from '../../../protocol/index.js';
import type { FeennexInvoiceCreateInput } from './inputs.js';

/**
 * ASSUMPTION — how Feennex takes a Google Pay token. No public Feennex document shows it, so this
 * is the one place to change when the real contract is known:
 *
 * - `invoice/create` with the payway `googlepay_<currency, lower case>` (e.g. `googlepay_pln`),
 *   overridable with `feennexCheckout(client, { paywayFor })`;
 * - `shop_order_id` = the element's `transactionId` (the idempotency key);
 * - the token, as the JSON text Google produced, in the unsigned field `google_pay_token`,
 *   overridable with `feennexCheckout(client, { tokenField })`;
 * - the sandbox plays other names with `startSandbox({ feennex: { googlePay: { paywaySystem, tokenField } } })`;
 * - the answer is either a final invoice status or a 3-D Secure form (`method`, `url`, `data`).
 */
export const FEENNEX_GOOGLE_PAY_TOKEN_FIELD = 'google_pay_token';

export const feennexGooglePayPayway = (currency: string): string => `googlepay_${currency.toLowerCase()}`;

/** The names a deployment may use instead of the assumed ones must be plain lower-case field names. */
export function checkTokenField(field: string): string {
  if (
    typeof field !== 'string' ||
    !/^[a-z][a-z0-9_]{0,63}$/.test(field) ||
    ['sign', 'shop_id', 'amount', 'currency', 'payway', 'shop_order_id'].includes(field)
  ) {
    throw new TypeError(`tokenField must be a lower-case field name that Feennex does not sign, such as google_pay_token (got ${JSON.stringify(field)})`);
  }
  return field;
}

export function feennexGooglePayInvoice(
  request: CheckoutRequest,
  payway: string,
  urls: Pick<FeennexInvoiceCreateInput, 'successUrl' | 'failedUrl' | 'callbackUrl'>,
  tokenField: string = FEENNEX_GOOGLE_PAY_TOKEN_FIELD,
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
    extras: { [tokenField]: token },
  };
}
