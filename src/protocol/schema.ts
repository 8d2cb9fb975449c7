import * as z from 'zod/mini';
import { describeUnknownKey, fieldRules, summarize, type FieldIssue, type FieldRule, type Validation } from './payment-data.js';

/**
 * zod schemas for the server's request bodies, built from the field rules of `payment-data.ts`
 * (their one owner): a field accepts exactly what its rule accepts and reports the same issues, so
 * the backend refuses nothing the element let through and lets through nothing it refused.
 */

/** A zod schema of type `T` that runs `rule` and reports its issues (nested paths included). */
export function fromRule<T>(rule: FieldRule): z.ZodMiniType<T> {
  return z.custom<T>().check(
    z.superRefine((value, ctx) => {
      for (const { path, message } of rule(value)) ctx.addIssue({ code: 'custom', message, input: value, path: path ? path.split('.') : [] });
    }),
  );
}

export const fields = {
  apiKey: fromRule<string>(fieldRules.apiKey),
  amount: fromRule<number>(fieldRules.amount),
  currencyCode: fromRule<string>(fieldRules.currencyCode),
  description: fromRule<string>(fieldRules.description),
  transactionId: fromRule<string>(fieldRules.transactionId),
  orderId: fromRule<string>(fieldRules.orderId),
  // Spelled out rather than `Sender`: the declarations of schemas built on it then name no module
  // (a named type is emitted as an import of whichever module re-exports it, which may pull in Lit).
  sender: fromRule<{ firstName: string; lastName: string; email?: string | undefined }>(fieldRules.sender),
  countryCode: fromRule<string>(fieldRules.countryCode),
};

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

export function validate<T>(schema: z.ZodMiniType<T>, input: unknown, what = 'data'): Validation<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issues = toFieldIssues(result.error.issues);
  return { ok: false, issues, message: summarize(issues, what) };
}
