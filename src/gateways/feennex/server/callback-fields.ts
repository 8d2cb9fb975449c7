import { SHOP_ORDER_ID, SHOP_ORDER_ID_SHAPE } from './order-id.js';

/**
 * Every field of a Feennex callback, checked before its signature is even considered. The
 * documented signature joins the values with ':' and no keys, so a ':' moved from one value into
 * the next keeps the signature: one genuine callback could be re-split into another (a payer's
 * e-mail `a:b` became another order's id). Each field therefore has a strict shape in which the
 * boundaries between values cannot move: ids are numbers or an order id of letters, digits, '.', '_' and '-', amounts decimals, currencies
 * ISO numeric codes, the status a known word, free text without ':', and no unknown field at all.
 */

const DECIMAL = /^\d{1,15}(\.\d{1,8})?$/;
const NUMBER_ID = /^\d{1,20}$/;
const CURRENCY = /^\d{3}$/;
const TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z?$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const NO_COLON = /^[^:\u0000-\u001f]{0,1000}$/;

type Check = (value: string) => boolean;
const matches =
  (pattern: RegExp): Check =>
  (value) =>
    pattern.test(value);

const isJsonValue: Check = (value) => {
  if (value.length > 4096) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed));
  } catch {
    return false;
  }
};

/** The documented fields and the shape each must have; `sign` is hex. */
const FIELDS: Readonly<Record<string, { check: Check; shape: string }>> = {
  client_price: { check: matches(DECIMAL), shape: 'a decimal amount such as 12.34' },
  created: { check: matches(TIME), shape: 'a time such as 2026-01-31 12:00:00' },
  description: { check: matches(NO_COLON), shape: "text without ':' (at most 1000 characters)" },
  email: { check: (v) => /^[^\s:@]{1,64}@[^\s:@]{1,255}$/.test(v), shape: "an e-mail address without ':'" },
  lang: { check: matches(/^[a-z]{2}(-[A-Za-z]{2})?$/), shape: 'a language code such as en' },
  payment_id: { check: matches(NUMBER_ID), shape: "Feennex's numeric id" },
  payway: { check: matches(/^[a-z0-9_]{1,64}$/), shape: 'a payway name such as card_pln' },
  processed: { check: matches(TIME), shape: 'a time such as 2026-01-31 12:00:00' },
  ps_currency: { check: matches(CURRENCY), shape: 'an ISO 4217 numeric code such as 985' },
  ps_data: { check: isJsonValue, shape: 'a JSON object' },
  shop_amount: { check: matches(DECIMAL), shape: 'a decimal amount such as 12.34' },
  shop_currency: { check: matches(CURRENCY), shape: 'an ISO 4217 numeric code such as 985' },
  shop_id: { check: matches(NUMBER_ID), shape: 'the numeric shop id' },
  shop_order_id: { check: matches(SHOP_ORDER_ID), shape: SHOP_ORDER_ID_SHAPE },
  shop_refund: { check: matches(DECIMAL), shape: 'a decimal amount such as 12.34' },
  sign: { check: matches(/^[0-9a-f]{64}$/i), shape: 'a SHA-256 hex digest' },
  status: { check: (v) => v === 'success' || v === 'rejected', shape: 'success or rejected' },
  user_ip: { check: matches(/^[0-9a-fA-F:.]{2,45}$/), shape: 'an IP address' },
};

/** What is wrong with the callback's fields (naming the field), or undefined when every one has its shape. */
export function callbackFieldProblem(fields: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(fields)) {
    const field = FIELDS[key];
    if (!field) return `unknown field ${key.slice(0, 40)}`;
    // An empty value is left out of the signature; only the required fields must be present.
    if (value !== '' && !field.check(value)) return `${key} must be ${field.shape}`;
  }
  return undefined;
}
