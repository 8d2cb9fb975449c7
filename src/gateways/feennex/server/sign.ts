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
  'transfer/create': ['amount', 'amount_type', 'payee_account', 'payee_currency', 'shop_currency', 'shop_id', 'shop_payment_id'],
  'transfer/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  'withdraw/try': ['amount', 'amount_type', 'payway', 'shop_currency', 'shop_id'],
  'withdraw/create': ['account', 'amount', 'amount_type', 'payway', 'shop_currency', 'shop_id', 'shop_payment_id'],
  'withdraw/status': ['now', 'shop_id', 'withdraw_id'],
  'withdraw/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  check_account: ['account', 'amount', 'payway', 'shop_id'],
  shop_balance: ['now', 'shop_id'],
} as const satisfies Record<string, readonly string[]>;

/** A Feennex API method the clients sign and call, e.g. `invoice/create` (for `FeennexClient.call`). */
export type FeennexMethod = keyof typeof FEENNEX_SIGNED_KEYS;
/** The signed fields of one method, every value a string exactly as it is sent. */
export type FeennexSignedFields<M extends FeennexMethod> = Record<(typeof FEENNEX_SIGNED_KEYS)[M][number], string>;

/** `now` of the status calls: any timestamp, signed as sent; it makes every status request's signature unique. */
export const signedNow = (): string => new Date().toISOString();

/** The text Feennex hashes (without the secret) — what its error 10 shows as `string_to_sign`. */
export function stringToSign(keys: Record<string, string>): string {
  return Object.keys(keys)
    .sort()
    .map((key) => keys[key])
    .join(':');
}

/**
 * The text a callback's `sign` hashes (without the secret): every field but `sign` whose value is
 * not empty (a `0` is kept), sorted by name, the values as received joined with `:`.
 */
export function callbackStringToSign(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .filter((key) => key !== 'sign' && fields[key] !== '')
    .sort()
    .map((key) => fields[key])
    .join(':');
}

const utf8 = new TextEncoder();

/**
 * SHA-256 lower-case hex of UTF-8 text, on WebCrypto (`crypto.subtle`), so signing runs unchanged
 * wherever only Web APIs exist: Node ≥ 20, Deno, Bun, Cloudflare Workers (workerd), Vercel Edge.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 lower-case hex of `stringToSign(keys) + secret`. */
export function feennexSign(keys: Record<string, string>, secret: string): Promise<string> {
  return sha256Hex(stringToSign(keys) + secret);
}

/** Equal strings, compared in time that depends on their length only (no early exit). */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The JSON body of one call: the signed fields (as strings), their `sign`, then the unsigned extras.
 * An extra may not reuse a signed key or `sign`, which would silently change what was signed.
 */
export async function feennexSignedBody<M extends FeennexMethod>(
  method: M,
  fields: FeennexSignedFields<M>,
  secret: string,
  extras: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
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
  return { ...signed, sign: await feennexSign(signed, secret), ...unsigned };
}
