import { decimalToMinor } from '../../../protocol/currency.js';
import { fromFeennexCurrency, readFeennexMoney, type FeennexMoney } from './currency.js';
import { createMemoryFeennexSeenStore, type FeennexSeenStore } from './seen-store.js';
import { callbackFieldProblem } from './callback-fields.js';
import { readBodyBytes } from '../../../server/read-body.js';
import { callbackStringToSign, constantTimeEqual, sha256Hex } from './sign.js';

/**
 * Feennex payment callbacks: `application/x-www-form-urlencoded` POSTs sent for final payment
 * statuses. Trusted only after the signature and the order's own amount, currency and shop match.
 */

/** Signature of a callback: its `callbackStringToSign` with the secret appended, SHA-256 lower-case hex. */
export function feennexNotificationSign(fields: Readonly<Record<string, string>>, secretKey: string): Promise<string> {
  return sha256Hex(callbackStringToSign(fields) + secretKey);
}

/** True when `fields.sign` is the callback's signature; compared in constant time. */
export async function verifyFeennexNotification(fields: Readonly<Record<string, string>>, secretKey: string): Promise<boolean> {
  return constantTimeEqual(String(fields.sign ?? '').toLowerCase(), await feennexNotificationSign(fields, secretKey));
}

/**
 * A verified Feennex callback, as `onPaid` / `onRejected` receive it: payment and order ids, final
 * status, and the amount already checked against your order.
 */
export interface FeennexNotification {
  paymentId: string;
  shopOrderId: string;
  status: 'success' | 'rejected';
  /** The order amount Feennex confirms, already checked against the merchant's order. */
  shopAmount: FeennexMoney;
  /** Every received field but `sign`, as received (`client_price`, `payway`, `ps_data`, `email`…). */
  fields: Readonly<Record<string, string>>;
}

/** The merchant's own order, to check the callback against. */
export interface FeennexOrderRecord {
  /** Integer minor units. */
  amount: number;
  /** ISO 4217 alphabetic code. */
  currency: string;
}

/** Options of `createFeennexNotificationHandler`: the shop's credentials, your order lookup, and what to do when an order is paid or rejected. */
export interface FeennexNotificationOptions {
  secretKey: string;
  shopId: string | number;
  /** The merchant's order by `shop_order_id` (the `transactionId` for `<feennex-pay>`), or undefined. */
  lookupOrder: (shopOrderId: string) => Promise<FeennexOrderRecord | undefined> | FeennexOrderRecord | undefined;
  onPaid: (notification: FeennexNotification, order: FeennexOrderRecord) => unknown;
  onRejected?: (notification: FeennexNotification, order: FeennexOrderRecord) => unknown;
  /** Which `payment_id`/`status` pairs were processed; default in memory, 7 days. */
  seen?: FeennexSeenStore;
  /** Bodies above this are refused with 413 as soon as the cap is passed; default 64 KiB. */
  maxBodyBytes?: number;
  /** A body still arriving after this long is refused with 408; default 10 s. */
  bodyTimeoutMs?: number;
}

const REQUIRED = ['payment_id', 'shop_id', 'shop_order_id', 'shop_amount', 'shop_currency', 'status', 'sign'] as const;

/**
 * A WHATWG handler for Feennex callbacks: 200 `OK` once processed (or when it is a replay of one
 * that was), 4xx for anything forged, malformed or not matching the order, 5xx when the merchant's
 * code failed — so Feennex delivers it again.
 */
export function createFeennexNotificationHandler(options: FeennexNotificationOptions): (request: Request) => Promise<Response> {
  const { secretKey, lookupOrder, onPaid, onRejected, maxBodyBytes = 64 * 1024, bodyTimeoutMs = 10_000 } = options;
  if (typeof secretKey !== 'string' || !secretKey.trim()) throw new TypeError('createFeennexNotificationHandler: secretKey is required (not blank)');
  const shopId = String(options.shopId);
  const seen = options.seen ?? createMemoryFeennexSeenStore();

  return async (request) => {
    if (request.method !== 'POST') return answer(405, 'only POST', { allow: 'POST' });
    const type = request.headers.get('content-type') ?? '';
    const isForm = /^application\/x-www-form-urlencoded\b/i.test(type);
    // The documents send form fields "temporarily" instead of JSON: both are read.
    if (!isForm && !/^application\/json\b/i.test(type)) {
      return answer(415, 'expected application/x-www-form-urlencoded (or application/json)');
    }
    // Streamed with a cap: a huge (or endless chunked) body is refused at the first byte past it.
    const read = await readBodyBytes(request, { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs });
    if (!read.ok) return read.reason === 'too-large' ? answer(413, 'body too large') : answer(408, 'body too slow', { connection: 'close' });
    const body = new TextDecoder().decode(read.bytes);

    const parsed = isForm ? formFields(body) : jsonFields(body);
    if (typeof parsed === 'string') return answer(400, parsed);
    const fields = parsed;
    const missing = REQUIRED.filter((key) => !fields[key]);
    if (missing.length) return answer(400, `missing ${missing.join(', ')}`);
    // The documented sign joins values with ':' and no keys: every field must have its strict shape
    // before the signature means anything (see callback-fields.ts).
    const problem = callbackFieldProblem(fields);
    if (problem) return answer(400, problem);
    if (!(await verifyFeennexNotification(fields, secretKey))) return answer(403, 'invalid signature');

    const { sign: _sign, ...received } = fields;
    if (received.shop_id !== shopId) return answer(403, 'shop_id is not this shop');
    const status = received.status;
    if (status !== 'success' && status !== 'rejected') return answer(422, 'unknown status');

    const key = `${received.payment_id}:${status}`;
    if (!(await seen.add(key))) return answer(200, 'OK');
    try {
      const order = await lookupOrder(received.shop_order_id!);
      const problem = order ? mismatch(received, order) : 'unknown shop_order_id';
      if (problem || !order) {
        await seen.delete(key);
        return answer(order ? 422 : 404, problem ?? 'unknown shop_order_id');
      }
      const notification: FeennexNotification = {
        paymentId: received.payment_id!,
        shopOrderId: received.shop_order_id!,
        status,
        shopAmount: readFeennexMoney(received.shop_amount, received.shop_currency)!,
        fields: received,
      };
      await (status === 'success' ? onPaid(notification, order) : onRejected?.(notification, order));
    } catch {
      await seen.delete(key);
      return answer(500, 'processing failed; deliver again');
    }
    return answer(200, 'OK');
  };
}

/** Form fields, refusing a field sent twice. */
function formFields(body: string): Record<string, string> | string {
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (Object.prototype.hasOwnProperty.call(fields, key)) return `duplicate field ${key}`;
    fields[key] = value;
  }
  return fields;
}

/**
 * A JSON callback: an object of strings, as they were signed. A number would have to be turned back
 * into the exact text Feennex signed (`10.50` or `10.5`?), so only whole numbers are taken. A key
 * sent twice keeps its last value, and that value is what the signature is checked against.
 */
function jsonFields(body: string): Record<string, string> | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'body is not JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'body must be a JSON object';
  const fields: Record<string, string> = Object.create(null);
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === 'string') fields[key] = field;
    else if (field === null) fields[key] = '';
    else if (Number.isSafeInteger(field)) fields[key] = String(field);
    else return `field ${key} must be a string`;
  }
  return fields;
}

/** What differs between a callback and the merchant's order, if anything. */
function mismatch(fields: Record<string, string>, order: FeennexOrderRecord): string | undefined {
  if (fromFeennexCurrency(fields.shop_currency) !== order.currency) return 'shop_currency does not match the order';
  let minor: number;
  try {
    minor = decimalToMinor(fields.shop_amount!, order.currency);
  } catch {
    return 'shop_amount is not an amount in the order currency';
  }
  return minor === order.amount ? undefined : 'shop_amount does not match the order';
}

const answer = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
