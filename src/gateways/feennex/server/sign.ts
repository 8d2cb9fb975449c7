import { createHash } from 'node:crypto';

/**
 * Feennex request signatures: the values of the method's signed keys, keys sorted by name, joined
 * with `:`, the shop's secret key appended without a separator, SHA-256, lower-case hex.
 * Every other field (description, URLs, `account_details`, extras) is sent unsigned.
 */
export const FEENNEX_SIGNED_KEYS = {
  'bill/create': ['payer_currency', 'shop_amount', 'shop_currency', 'shop_id', 'shop_order_id'],
  'invoice/try': ['amount', 'currency', 'payway', 'shop_id', 'shop_order_id'],
  'invoice/create': ['amount', 'currency', 'payway', 'shop_id', 'shop_order_id'],
  'bill/shop_order_status': ['now', 'shop_id', 'shop_order_id'],
  'transfer/try': ['amount', 'amount_type', 'payee_currency', 'shop_currency', 'shop_id'],
  'transfer/create': [
    'amount', 'amount_type', 'payee_account', 'payee_currency', 'shop_currency', 'shop_id', 'shop_payment_id',
  ],
  'transfer/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  'withdraw/try': ['amount', 'amount_type', 'payway', 'shop_currency', 'shop_id'],
  'withdraw/create': ['account', 'amount', 'amount_type', 'payway', 'shop_currency', 'shop_id', 'shop_payment_id'],
  'withdraw/status': ['now', 'shop_id', 'withdraw_id'],
  'withdraw/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  check_account: ['account', 'amount', 'payway', 'shop_id'],
  shop_balance: ['now', 'shop_id'],
} as const satisfies Record<string, readonly string[]>;

export type FeennexMethod = keyof typeof FEENNEX_SIGNED_KEYS;
/** The signed fields of one method, every value a string exactly as it is sent. */
export type FeennexSignedFields<M extends FeennexMethod> = Record<(typeof FEENNEX_SIGNED_KEYS)[M][number], string>;

/** The text Feennex hashes (without the secret) — what its error 10 shows as `string_to_sign`. */
export function stringToSign(keys: Record<string, string>): string {
  return Object.keys(keys)
    .sort()
    .map((key) => keys[key])
    .join(':');
}

/** SHA-256 lower-case hex of `stringToSign(keys) + secret`. */
export function feennexSign(keys: Record<string, string>, secret: string): string {
  return createHash('sha256').update(stringToSign(keys) + secret, 'utf8').digest('hex');
}

/**
 * The JSON body of one call: the signed fields (as strings), their `sign`, then the unsigned extras.
 * An extra may not reuse a signed key or `sign`, which would silently change what was signed.
 */
export function feennexSignedBody<M extends FeennexMethod>(
  method: M,
  fields: FeennexSignedFields<M>,
  secret: string,
  extras: Record<string, unknown> = {},
): Record<string, unknown> {
  const signed: Record<string, string> = {};
  for (const key of FEENNEX_SIGNED_KEYS[method] as readonly string[]) {
    const value = (fields as Record<string, string>)[key];
    if (typeof value !== 'string') throw new TypeError(`${method}: signed field "${key}" must be a string`);
    signed[key] = value;
  }
  for (const key of Object.keys(extras)) {
    if (key in signed || key === 'sign') {
      throw new TypeError(`${method}: extra field "${key}" would override a signed field`);
    }
  }
  const unsigned = Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined));
  return { ...signed, sign: feennexSign(signed, secret), ...unsigned };
}
