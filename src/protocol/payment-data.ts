import * as z from 'zod/mini';
import { isKnownCurrency } from './currency.js';

/**
 * The element's `data` object (docs/protocol.md §2.1), validated with `zod/mini` (the light build keeps
 * the browser bundle small). The field schemas are shared with the server's request body schema,
 * so browser and backend accept exactly the same values.
 */

const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Every check is a z.refine: each built-in check kind (minLength, regex…) adds its own class to
// the browser bundle, and refine alone covers them all.
const rule = <T>(test: (value: T) => boolean, message: string) => z.refine<T>(test, message);
const matches = (pattern: RegExp, message: string) => rule((v: string) => pattern.test(v), message);
const length = (min: number, max: number, what: string) => [
  rule((v: string) => v.length >= min, `must not be empty (${what})`),
  rule((v: string) => v.length <= max, `must be at most ${max} characters`),
];

const text = (what: string, max = 255) => z.string({ error: `must be a string (${what})` }).check(...length(1, max, what));

/**
 * `{ key: build }` → an object whose properties are built on first read and then kept: the page
 * pays for constructing a schema when it first validates, not when the script is evaluated.
 */
function lazily<T extends Record<string, () => unknown>>(builders: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const built = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as Array<keyof T>) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = builders[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(built, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return built;
}

export const fields = lazily({
  apiKey: () => text("the merchant's public API key", 200),
  amount: () =>
    z.number({ error: 'must be a number: the amount in minor units (e.g. 1000 for 10.00 PLN)' }).check(
      rule((v: number) => Number.isFinite(v), 'must be a finite number'),
      rule((v: number) => !Number.isFinite(v) || Number.isInteger(v), 'must be an integer number of minor units (e.g. 1000 for 10.00 PLN)'),
      rule((v: number) => !Number.isInteger(v) || v >= 1, 'must be at least 1 (minor units)'),
      rule((v: number) => !Number.isInteger(v) || v <= MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`),
    ),
  currencyCode: () =>
    z
      .string({ error: 'must be a string: an ISO 4217 code such as PLN' })
      .check(rule(isKnownCurrency, 'must be a known ISO 4217 alphabetic code in upper case, such as PLN, EUR or USD')),
  description: () => text('a description of the purchase'),
  transactionId: () => z.string({ error: 'must be a string (a UUID)' }).check(matches(UUID, 'must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba')),
  orderId: () =>
    z
      .string({ error: 'must be a string (your own order id)' })
      .check(matches(/^[\w.-]{1,64}$/, 'must be 1 to 64 letters, digits, "_", "-" or "." (your own order id)')),
  sender: () =>
    z.strictObject(
      {
        firstName: text("the payer's first name", 100),
        lastName: text("the payer's last name", 100),
        email: z.optional(
          z.string({ error: 'must be a string (an e-mail address)' }).check(
            rule((v: string) => v.length <= 254, 'must be at most 254 characters'),
            matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
          ),
        ),
      },
      { error: (issue) => unknownKeyMessage(issue) ?? 'must be an object { firstName, lastName, email? }' },
    ),
  countryCode: () =>
    z
      .string({ error: 'must be a string: ISO 3166-1 alpha-2 such as PL' })
      .check(matches(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, such as PL')),
});

/** Keys that name a secret: they must never reach a page, so they get their own message. */
const SECRET_KEY = /pass(word)?|secret|private|login|sign(ature)?$/i;
/** Common typos and their intended field. */
const DID_YOU_MEAN: Record<string, string> = {
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
  if (SECRET_KEY.test(key)) {
    return `"${key.slice(0, 40)}" looks like a secret and must never be put in a web page: keep it on your server`;
  }
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const hint = Object.prototype.hasOwnProperty.call(DID_YOU_MEAN, key) ? DID_YOU_MEAN[key] : undefined;
  return hint ? `unknown field "${shown}" — did you mean "${hint}"?` : `unknown field "${shown}"`;
}

function unknownKeyMessage(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  return issue.keys.map(describeUnknownKey).join('; ');
}

const buildPaymentDataSchema = () =>
  z.strictObject(
    {
      apiKey: fields.apiKey,
      amount: fields.amount,
      currencyCode: fields.currencyCode,
      description: fields.description,
      transactionId: z.optional(fields.transactionId),
      orderId: z.optional(fields.orderId),
      gatewayMerchantId: z.optional(text('the gateway merchant id')),
      merchantName: z.optional(text('the merchant name shown by Google Pay', 100)),
      merchantId: z.optional(text('the Google Pay merchant id', 100)),
      countryCode: z.optional(fields.countryCode),
      sender: z.optional(fields.sender),
    },
    {
      error: (issue) => unknownKeyMessage(issue) ?? 'must be an object { apiKey, amount, currencyCode, description } (or its JSON text)',
    },
  );

let paymentDataSchema: ReturnType<typeof buildPaymentDataSchema> | undefined;

export type PaymentData = z.infer<ReturnType<typeof buildPaymentDataSchema>>;
export type Sender = NonNullable<PaymentData['sender']>;

export interface FieldIssue {
  /** Dotted path of the field, e.g. `amount` or `sender.email`; empty for the object itself. */
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[]; message: string };

/** Turns zod issues into `{ path, message }` pairs; an unknown key becomes its own path. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: describeUnknownKey(key),
      }));
    }
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return [{ path: base, message }];
  });
}

export function summarize(issues: FieldIssue[], what = 'data'): string {
  return `Invalid ${what}: ` + issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
}

export function validate<T>(schema: z.ZodMiniType<T>, input: unknown, what = 'data'): Validation<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issues = toFieldIssues(result.error.issues);
  return { ok: false, issues, message: summarize(issues, what) };
}

/** Validates the element's `data` (an object, or the JSON text of the `data` attribute). */
export function validatePaymentData(input: unknown): Validation<PaymentData> {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      const issues = [{ path: '', message: 'is not valid JSON' }];
      return { ok: false, issues, message: summarize(issues) };
    }
  }
  if (input === undefined || input === null) {
    const issues = [{ path: '', message: 'is required: set el.data = { apiKey, amount, currencyCode, description }' }];
    return { ok: false, issues, message: summarize(issues) };
  }
  return validate((paymentDataSchema ??= buildPaymentDataSchema()), input);
}
