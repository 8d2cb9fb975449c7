import * as z from 'zod/mini';
import { FeennexError, kindOfLostAnswer } from './errors.js';
import { readFeennexMoney, type FeennexMoney } from './currency.js';

/**
 * Feennex's answer `data`, per method: loose schemas (unknown fields pass through into `raw`)
 * checking only what the typed results rely on, then the typed results themselves.
 */

const numberLike = z.union([z.number(), z.string()]);
const integer = z.pipe(
  z.union([z.number().check(z.int()), z.string().check(z.regex(/^\d+$/))], { error: 'must be an integer' }),
  z.transform((v) => Number(v)),
);
const idLike = z.pipe(
  z.union([z.number().check(z.int()), z.string().check(z.minLength(1))], { error: 'must be an id' }),
  z.transform((v) => String(v)),
);
const opt = z.optional;

export const responseSchemas = {
  billCreate: z.looseObject({
    id: idLike,
    url: z.string({ error: 'must be the payment page URL' }),
    created: opt(z.string()),
    lifetime: opt(numberLike),
    payer_price: opt(numberLike),
    payer_currency: opt(numberLike),
    shop_refund: opt(numberLike),
    shop_currency: opt(numberLike),
  }),
  invoiceTry: z.looseObject({ payer_price: opt(numberLike), ps_currency: opt(numberLike) }),
  invoiceCreate: z.looseObject({
    id: opt(idLike),
    method: opt(z.string()),
    url: opt(z.string()),
    data: opt(z.nullable(z.record(z.string(), z.unknown()))),
    status: opt(integer),
  }),
  orderStatus: z.looseObject({
    status: integer,
    id: opt(idLike),
    shop_order_id: opt(idLike),
    shop_amount: opt(numberLike),
    shop_currency: opt(numberLike),
  }),
  withdraw: z.looseObject({
    id: idLike,
    status: integer,
    shop_payment_id: opt(idLike),
    payee_receive: opt(numberLike),
    ps_currency: opt(numberLike),
    shop_write_off: opt(numberLike),
    shop_currency: opt(numberLike),
    balance: opt(numberLike),
  }),
  withdrawTry: z.looseObject({
    payee_receive: opt(numberLike),
    ps_currency: opt(numberLike),
    shop_write_off: opt(numberLike),
    shop_currency: opt(numberLike),
  }),
  transfer: z.looseObject({
    id: idLike,
    shop_payment_id: opt(idLike),
    payee_amount: opt(numberLike),
    receive_amount: opt(numberLike),
    payee_currency: opt(numberLike),
    write_off_amount: opt(numberLike),
    shop_currency: opt(numberLike),
    balance: opt(numberLike),
  }),
  transferTry: z.looseObject({
    payee_amount: opt(numberLike),
    receive_amount: opt(numberLike),
    payee_currency: opt(numberLike),
    write_off_amount: opt(numberLike),
    shop_currency: opt(numberLike),
  }),
  checkAccount: z.looseObject({ verified: opt(z.boolean()), account_info: opt(z.unknown()) }),
  shopBalance: z.looseObject({
    shop_id: opt(idLike),
    balances: z.array(z.looseObject({ currency: numberLike, available: numberLike, frozen: opt(numberLike), hold: opt(numberLike) })),
  }),
};

/**
 * Validates a successful answer's `data`. A create whose answer is unreadable did happen, but the
 * caller cannot use it: reported like a lost answer so the create is resolved by its status.
 */
export function parseData<T>(schema: z.ZodMiniType<T>, data: unknown, method: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `data.${issue.path.join('.')}` : 'data';
  throw unexpectedAnswer(method, `${where} ${issue?.code === 'invalid_type' ? 'is missing or has the wrong type' : (issue?.message ?? 'is invalid')}`);
}

export const unexpectedAnswer = (method: string, problem: string) =>
  new FeennexError({ errorCode: null, kind: kindOfLostAnswer(method), method, message: `${method}: unexpected answer, ${problem}` });

type Raw = Record<string, unknown>;

/** Where to send the payer (card page, 3-D Secure): `url`, HTTP `method` and the form `params` to post. */
export interface FeennexRedirect {
  url: string;
  method: 'GET' | 'POST';
  /** Form fields to send to `url` (the answer's `data`), all as strings. */
  params: Record<string, string>;
}

/** An invoice's or bill's status by your order id (`orderStatus`), with the shop amount when Feennex gives it. */
export interface FeennexOrderStatus {
  /** Invoice status (1…12) for invoices, bill status (1…4) for bills: see `statuses.ts`. */
  status: number;
  id?: string;
  shopOrderId?: string;
  shopAmount?: FeennexMoney;
  raw: Raw;
}

/** `invoiceCreate`'s answer: a redirect for the payer, a final status, or `existing` when a lost create turned out to have landed. */
export type FeennexInvoiceCreated =
  /** Send the payer to `redirect` (card page, 3-D Secure, H2H `session_id` form…). */
  | { kind: 'redirect'; id?: string; redirect: FeennexRedirect; raw: Raw }
  /** Feennex settled the invoice at once (the assumed Google Pay answer). */
  | { kind: 'status'; id?: string; status: number; raw: Raw }
  /** A retried create found the invoice its lost first attempt had created. */
  | { kind: 'existing'; order: FeennexOrderStatus };

/** `billCreate`'s answer: the bill's payer URL and prices, or `existing` when a lost create turned out to have landed. */
export type FeennexBillCreated =
  | {
      kind: 'created';
      id: string;
      /** Send the payer here. */
      url: string;
      created?: string;
      lifetime?: string;
      payerPrice?: FeennexMoney;
      shopRefund?: FeennexMoney;
      raw: Raw;
    }
  | { kind: 'existing'; order: FeennexOrderStatus };

/** `invoiceTry`'s answer: what the payer will pay through the payway, fees included. */
export interface FeennexInvoicePreview {
  payerPrice?: FeennexMoney;
  raw: Raw;
}

/** A payout as Feennex reports it: its id, status (`FEENNEX_WITHDRAW_STATUSES`), amounts and your `shopPaymentId`. */
export interface FeennexWithdraw {
  id: string;
  /** Withdraw status 1…9: see `FEENNEX_WITHDRAW_STATUSES`. */
  status: number;
  shopPaymentId?: string;
  payeeReceive?: FeennexMoney;
  shopWriteOff?: FeennexMoney;
  /** The shop balance after the payout, as Feennex sent it. */
  balance?: string;
  raw: Raw;
}

/** `withdrawTry` / `transferTry`'s answer: what the payee gets and what leaves the shop balance. */
export interface FeennexPayoutPreview {
  /** What the payee gets. */
  payeeAmount?: FeennexMoney;
  /** What leaves the shop balance. */
  writeOff?: FeennexMoney;
  raw: Raw;
}

/** A transfer to a Feennex wallet as Feennex reports it: id, your `shopPaymentId`, amounts and the balance after it. */
export interface FeennexTransfer {
  id: string;
  shopPaymentId?: string;
  payeeAmount?: FeennexMoney;
  writeOffAmount?: FeennexMoney;
  balance?: string;
  raw: Raw;
}

/** The shop's balance in one currency: available, frozen and held amounts (`shopBalance`). */
export interface FeennexBalance {
  /** ISO 4217 alphabetic code, or the numeric code as sent when ISO 4217 has no alphabetic one. */
  currency: string;
  available?: FeennexMoney;
  frozen?: FeennexMoney;
  hold?: FeennexMoney;
  raw: Raw;
}

/** `checkAccount`'s answer: whether Feennex can pay out to the account, and what it tells about it. */
export interface FeennexAccountCheck {
  verified?: boolean;
  accountInfo?: unknown;
  raw: Raw;
}

/** A typed result's `raw` is the whole validated `data`; `undefined` fields are simply left out. */
export const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

export function toRedirect(url: string, method: string | undefined, data: Raw | null | undefined): FeennexRedirect {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (value !== undefined && value !== null) params[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return { url, method: method?.toUpperCase() === 'POST' ? 'POST' : 'GET', params };
}

export function toOrderStatus(d: z.infer<typeof responseSchemas.orderStatus>): FeennexOrderStatus {
  return compact({
    status: d.status,
    id: d.id,
    shopOrderId: d.shop_order_id,
    shopAmount: readFeennexMoney(d.shop_amount, d.shop_currency),
    raw: d,
  });
}

export function toWithdraw(d: z.infer<typeof responseSchemas.withdraw>): FeennexWithdraw {
  return compact({
    id: d.id,
    status: d.status,
    shopPaymentId: d.shop_payment_id,
    payeeReceive: readFeennexMoney(d.payee_receive, d.ps_currency),
    shopWriteOff: readFeennexMoney(d.shop_write_off, d.shop_currency),
    balance: text(d.balance),
    raw: d,
  });
}

export function toTransfer(d: z.infer<typeof responseSchemas.transfer>): FeennexTransfer {
  return compact({
    id: d.id,
    shopPaymentId: d.shop_payment_id,
    payeeAmount: readFeennexMoney(d.payee_amount ?? d.receive_amount, d.payee_currency),
    writeOffAmount: readFeennexMoney(d.write_off_amount, d.shop_currency),
    balance: text(d.balance),
    raw: d,
  });
}
