import { isKnownCurrency } from './currency.js';

/**
 * The element's `data` object (docs/protocol.md §2.1) and the one owner of its field rules. They are
 * plain functions with no dependency, so the page can validate `data` before `payment-ready` without
 * loading a schema library; the server's zod schemas are derived from these same rules
 * (`protocol/schema.ts`), so browser and backend accept exactly the same values.
 */

export interface Sender {
  firstName: string;
  lastName: string;
  email?: string | undefined;
}

/**
 * What the page tells the element about the payment (`el.data`): API key, amount in minor units,
 * currency, description, optional payer (docs/protocol.md §2.1).
 */
export interface PaymentData {
  apiKey: string;
  amount: number;
  currencyCode: string;
  description: string;
  transactionId?: string | undefined;
  orderId?: string | undefined;
  gatewayMerchantId?: string | undefined;
  merchantName?: string | undefined;
  merchantId?: string | undefined;
  countryCode?: string | undefined;
  sender?: Sender | undefined;
}

/** One wrong field: its dotted `path` and a message naming the rule, in `payment-error` events and gateway errors alike. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `amount` or `sender.email`; empty for the object itself. */
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[]; message: string };

/** One field's rule: its issues (paths relative to the field, `''` for the field itself), none when valid. */
export type FieldRule = (value: unknown) => FieldIssue[];

const REQUIRED = 'is required';
const issue = (message: string): FieldIssue[] => [{ path: '', message }];

/** A string field: its type message, then `[test, message]` pairs in order; the first that fails is reported. */
const string =
  (typeMessage: string, ...tests: Array<[(value: string) => boolean, string]>): FieldRule =>
  (value) => {
    if (value === undefined) return issue(REQUIRED);
    if (typeof value !== 'string') return issue(typeMessage);
    const failed = tests.find(([test]) => !test(value));
    return failed ? issue(failed[1]) : [];
  };

const text = (what: string, max = 255) =>
  string(`must be a string (${what})`, [(v) => v.length >= 1, `must not be empty (${what})`], [(v) => v.length <= max, `must be at most ${max} characters`]);

const matching = (typeMessage: string, pattern: RegExp, message: string) => string(typeMessage, [(v) => pattern.test(v), message]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MINOR_UNITS = 'the amount in minor units (e.g. 1000 for 10.00 PLN)';

const amount: FieldRule = (value) => {
  if (value === undefined) return issue(REQUIRED);
  if (typeof value !== 'number' || !Number.isFinite(value)) return issue(`must be a number: ${MINOR_UNITS}`);
  if (!Number.isInteger(value)) return issue(`must be an integer number of minor units (e.g. 1000 for 10.00 PLN)`);
  if (value < 1) return issue('must be at least 1 (minor units)');
  if (value > Number.MAX_SAFE_INTEGER) return issue(`must be at most ${Number.MAX_SAFE_INTEGER}`);
  return [];
};

/**
 * Keys that name a secret: they must never reach a page, so they get their own message. Matched on
 * the key's words (camelCase, snake_case, kebab-case), so `passenger`, `bypassCache` or `design` are
 * no secrets; `sign`/`signature` only as the last word.
 */
const SECRET_WORDS = /\b(?:pass(?:word|wd|phrase)?|pwd|(?:api|client)?secret(?:key)?|private ?key|login)\b|\bsign(?:ature)?$/;
const looksSecret = (key: string) =>
  SECRET_WORDS.test(
    key
      .replace(/[a-z\d](?=[A-Z])|[A-Z](?=[A-Z][a-z])/g, '$& ')
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim(),
  );
/** Common typos and their intended field. */
export const DID_YOU_MEAN: Readonly<Record<string, string>> = {
  currency: 'currencyCode',
  currency_code: 'currencyCode',
  api_key: 'apiKey',
  apikey: 'apiKey',
  price: 'amount',
  total: 'amount',
  totalPrice: 'amount',
  transaction_id: 'transactionId',
  order_id: 'orderId',
  merchantUuid: 'gatewayMerchantId',
};

export function describeUnknownKey(key: string): string {
  if (looksSecret(key)) {
    return `"${key.slice(0, 40)}" looks like a secret and must never be put in a web page: keep it on your server`;
  }
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const hint = Object.prototype.hasOwnProperty.call(DID_YOU_MEAN, key) ? DID_YOU_MEAN[key] : undefined;
  return hint ? `unknown field "${shown}" — did you mean "${hint}"?` : `unknown field "${shown}"`;
}

/** `[rule, optional?]` per key: an optional key may be absent or `undefined`, never `null`. */
export type Shape = Record<string, readonly [FieldRule, optional?: 'optional']>;

/**
 * An object with exactly these keys: each key's issues in the shape's order (paths prefixed with
 * the key), then every unknown key with its own message. Arrays and non-objects get `typeMessage`.
 */
export function strictObject(shape: Shape, typeMessage: string): FieldRule & { shape: Shape } {
  const rule: FieldRule = (value) => {
    if (value === undefined) return issue(REQUIRED);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return issue(typeMessage);
    const input = value as Record<string, unknown>;
    const issues: FieldIssue[] = [];
    for (const [key, [rule, optional]] of Object.entries(shape)) {
      const field = input[key];
      if (field === undefined && optional) continue;
      for (const { path, message } of rule(field)) issues.push({ path: path ? `${key}.${path}` : key, message });
    }
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) issues.push({ path: key, message: describeUnknownKey(key) });
    }
    return issues;
  };
  return Object.assign(rule, { shape });
}

/** A copy of `input` with the shape's keys only, in the shape's order, nested objects copied too. */
function pick(input: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const value = input[key];
    if (value === undefined) continue;
    const nested = (shape[key]![0] as Partial<ReturnType<typeof strictObject>>).shape;
    copy[key] = nested ? pick(value as Record<string, unknown>, nested) : value;
  }
  return copy;
}

const SENDER_SHAPE: Shape = {
  firstName: [text("the payer's first name", 100)],
  lastName: [text("the payer's last name", 100)],
  email: [
    string(
      'must be a string (an e-mail address)',
      [(v) => v.length <= 254, 'must be at most 254 characters'],
      [(v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'must be an e-mail address'],
    ),
    'optional',
  ],
};

/** The rules of every field of `data` that the backend's request bodies share. */
export const fieldRules = {
  apiKey: text("the merchant's public API key", 200),
  amount,
  currencyCode: string('must be a string: an ISO 4217 code such as PLN', [
    isKnownCurrency,
    'must be a known ISO 4217 alphabetic code in upper case, such as PLN, EUR or USD',
  ]),
  description: text('a description of the purchase'),
  transactionId: matching('must be a string (a UUID)', UUID, 'must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba'),
  orderId: matching('must be a string (your own order id)', /^[\w.-]{1,64}$/, 'must be 1 to 64 letters, digits, "_", "-" or "." (your own order id)'),
  sender: strictObject(SENDER_SHAPE, 'must be an object { firstName, lastName, email? }'),
  countryCode: matching('must be a string: ISO 3166-1 alpha-2 such as PL', /^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, such as PL'),
} satisfies Record<string, FieldRule>;

const DATA_SHAPE: Shape = {
  apiKey: [fieldRules.apiKey],
  amount: [fieldRules.amount],
  currencyCode: [fieldRules.currencyCode],
  description: [fieldRules.description],
  transactionId: [fieldRules.transactionId, 'optional'],
  orderId: [fieldRules.orderId, 'optional'],
  gatewayMerchantId: [text('the gateway merchant id'), 'optional'],
  merchantName: [text('the merchant name shown by Google Pay', 100), 'optional'],
  merchantId: [text('the Google Pay merchant id', 100), 'optional'],
  countryCode: [fieldRules.countryCode, 'optional'],
  sender: [fieldRules.sender, 'optional'],
};

const dataRule = strictObject(DATA_SHAPE, 'must be an object { apiKey, amount, currencyCode, description } (or its JSON text)');

export function summarize(issues: FieldIssue[], what = 'data'): string {
  return `Invalid ${what}: ` + issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
}

const invalid = (issues: FieldIssue[]): Validation<never> => ({ ok: false, issues, message: summarize(issues) });

/** Validates the element's `data` (an object, or the JSON text of the `data` attribute). */
export function validatePaymentData(input: unknown): Validation<PaymentData> {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      return invalid(issue('is not valid JSON'));
    }
  }
  if (input === undefined || input === null) return invalid(issue('is required: set el.data = { apiKey, amount, currencyCode, description }'));
  const issues = dataRule(input);
  return issues.length ? invalid(issues) : { ok: true, value: pick(input as Record<string, unknown>, DATA_SHAPE) as unknown as PaymentData };
}
