import * as z from 'zod/mini';
import { fields, validate } from '../../../protocol/schema.js';
import { FeennexInputError } from './errors.js';
import { SHOP_ORDER_ID, SHOP_ORDER_ID_SHAPE } from './order-id.js';

/**
 * What the client's public methods accept, validated before anything is signed or sent. Amounts
 * are integer minor units with an alphabetic currency, as everywhere else in this package.
 */

/**
 * Every value sent to Feennex comes back in its callback, whose signature joins the values with
 * ':' and no keys: a ':' inside one (an e-mail `a:b@x`) would let a callback be re-split into
 * another. So no text sent to Feennex may contain ':'.
 */
const noColon = (what: string) => z.refine((v: unknown) => typeof v !== 'string' || !v.includes(':'), `must not contain ":" (${what})`);

const text = (what: string, max = 255) =>
  z
    .string({ error: `must be a string (${what})` })
    .check(z.minLength(1, `must not be empty (${what})`), z.maxLength(max, `must be at most ${max} characters`), noColon(what));

/** Ids and accounts are signed and joined with ':' too. */
const signedText = text;

const payway = z
  .string({ error: 'must be a string: a Feennex payway such as card_pln' })
  .check(z.regex(/^[a-z0-9_]{1,64}$/i, 'must be a Feennex payway such as card_pln (letters, digits, "_")'));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

const email = z
  .string({ error: 'must be a string (an e-mail address)' })
  .check(z.maxLength(254, 'must be at most 254 characters'), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'), noColon('an e-mail address'));

const money = { amount: fields.amount, currency: fields.currencyCode };
const shopOrderId = z
  .string({ error: "must be a string (the shop's order id, unique per shop)" })
  .check(z.regex(SHOP_ORDER_ID, `must be ${SHOP_ORDER_ID_SHAPE}`));
const shopPaymentId = signedText("the shop's payout id, unique per shop");
const extras = z.record(z.string(), z.unknown());

export const invoiceTryInput = z.strictObject({ ...money, payway, shopOrderId, description: z.optional(text('description')) });

export const invoiceCreateInput = z.strictObject({
  ...money,
  payway,
  shopOrderId,
  description: z.optional(text('description')),
  successUrl: z.optional(httpUrl),
  failedUrl: z.optional(httpUrl),
  callbackUrl: z.optional(httpUrl),
  email: z.optional(email),
  phone: z.optional(text('phone', 32)),
  /** Further unsigned fields a payway needs (its `add_ons_config`). */
  extras: z.optional(extras),
});

/**
 * An invoice the checkout adapter built from a request the handler validated: amount, currency,
 * the token (`extras`) and the result URLs (made from a return URL the handler checked) passed the
 * handler's own rules, and the callback URL was checked when the adapter was made. Only what
 * Feennex adds to those rules is checked again: the payway, the order id's shape, and no ':' in a
 * text it signs back (description, e-mail).
 */
export const builtInvoiceCheck = z.looseObject({ payway, shopOrderId, description: z.optional(text('description')), email: z.optional(email) });

export const billCreateInput = z.strictObject({
  ...money,
  /** The currency the payer pays in from their Feennex wallet; defaults to `currency`. */
  payerCurrency: z.optional(fields.currencyCode),
  shopOrderId,
  description: z.optional(text('description')),
  payerAccount: z.optional(text("the payer's Feennex account or e-mail")),
  successUrl: z.optional(httpUrl),
  failedUrl: z.optional(httpUrl),
  callbackUrl: z.optional(httpUrl),
});

/**
 * `currency` is the currency of `amount`. For `shop_amount` / `writeoff_amount` that is the shop
 * balance's currency; for `ps_amount` / `receive_amount` it is what the payee receives.
 */
export const withdrawTryInput = z.strictObject({
  ...money,
  payway,
  amountType: z.optional(z.enum(['ps_amount', 'shop_amount'], { error: 'must be "ps_amount" or "shop_amount"' })),
  /** The shop balance paid from; defaults to `currency`. */
  shopCurrency: z.optional(fields.currencyCode),
});

export const withdrawCreateInput = z.strictObject({
  ...withdrawTryInput.def.shape,
  account: signedText('the payee account, e.g. a card number'),
  shopPaymentId,
  accountDetails: z.optional(extras),
  description: z.optional(text('description')),
});

export const transferTryInput = z.strictObject({
  ...money,
  amountType: z.optional(z.enum(['receive_amount', 'writeoff_amount'], { error: 'must be "receive_amount" or "writeoff_amount"' })),
  /** The payee wallet's currency; defaults to `currency`. */
  payeeCurrency: z.optional(fields.currencyCode),
  /** The shop balance paid from; defaults to `currency`. */
  shopCurrency: z.optional(fields.currencyCode),
});

export const transferCreateInput = z.strictObject({
  ...transferTryInput.def.shape,
  payeeAccount: signedText("the payee's Feennex wallet number or e-mail"),
  shopPaymentId,
  description: z.optional(text('description')),
});

export const checkAccountInput = z.strictObject({
  ...money,
  payway,
  account: signedText('the payee account, e.g. a card number'),
  accountDetails: z.optional(extras),
});

export const idInput = (what: string) => signedText(what);

/** `invoiceTry`'s input: amount in minor units, ISO currency, payway and your order id. */
export type FeennexInvoiceTryInput = z.infer<typeof invoiceTryInput>;
/** `invoiceCreate`'s input: the invoice (amount in minor units, currency, payway, your unique order id), return and callback URLs, payer contact. */
export type FeennexInvoiceCreateInput = z.infer<typeof invoiceCreateInput>;
/** `billCreate`'s input: a bill paid from a Feennex wallet (amount, currency, your unique order id, URLs). */
export type FeennexBillCreateInput = z.infer<typeof billCreateInput>;
/** `withdrawTry`'s input: the payout amount, its currency and `amountType`, the payway. */
export type FeennexWithdrawTryInput = z.infer<typeof withdrawTryInput>;
/** `withdrawCreate`'s input: a payout to `account` through `payway`, keyed by your unique `shopPaymentId`. */
export type FeennexWithdrawCreateInput = z.infer<typeof withdrawCreateInput>;
/** `transferTry`'s input: the transfer amount, currencies and `amountType`. */
export type FeennexTransferTryInput = z.infer<typeof transferTryInput>;
/** `transferCreate`'s input: a transfer to the Feennex wallet `payeeAccount`, keyed by your unique `shopPaymentId`. */
export type FeennexTransferCreateInput = z.infer<typeof transferCreateInput>;
/** `checkAccount`'s input: the payee account, the payout amount and payway to check it for. */
export type FeennexCheckAccountInput = z.infer<typeof checkAccountInput>;

/** The parsed input, or a `FeennexInputError` naming every bad field. */
export function parseInput<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const result = validate(schema, input, `${what} input`);
  if (!result.ok) throw new FeennexInputError(result.message, result.issues, what);
  return result.value;
}
