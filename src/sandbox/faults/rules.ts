import * as z from 'zod/mini';
import { validate } from '../../protocol/index.js';

/** Which requests a rule applies to, and how often it fires. */
export interface FaultMatch {
  /**
   * The request path inside the sandbox (after its `basePath`), e.g.
   * `/fenige/external-api/transactions/google-pay`. A string matches that path and everything
   * below it; a RegExp is tested against the path. Default: every path.
   */
  path?: string | RegExp;
  /** Only this HTTP method (`POST`, `GET` …). Default: any. */
  method?: string;
  /** Chance (0…1) that the rule fires for a matching request. Default 1. */
  probability?: number;
  /** Fire for at most this many requests, then never again. Default: no limit. */
  next?: number;
}

/**
 * One kind of trouble between a merchant's server and the gateway:
 * - `latency`: the request waits `ms` (+ up to `jitterMs`) before it reaches the emulator.
 * - `drop-before`: the connection is cut before the emulator sees the request (nothing happens).
 * - `drop-after`: the emulator does the work, then the connection is cut before the answer.
 * - `http-error`: a proxy's 5xx (`status`, default 500); the emulator never sees the request.
 * - `fenige-e9001`: Fenige's 503 E9001 "acquirer connection error"; nothing is processed.
 * - `fenige-e0153`: the emulator processes the request, the answer is replaced by Fenige's
 *   500 E0153 "transaction pending"; the outcome is then only known from the transaction's status.
 * - `timeout`: no answer for `ms` (default 120 s, longer than any client waits). `processing`
 *   says when the emulator does the work: `before` the silence (default), `after` it (a request
 *   stuck on its way that lands after the client gave up) or `none`.
 * - `duplicate`: the request is delivered `copies` times (default 2) at once, as a retrying
 *   proxy would; the caller gets the first copy's answer.
 */
export type FaultRule = FaultMatch &
  (
    | { fault: 'latency'; ms: number; jitterMs?: number }
    | { fault: 'drop-before' }
    | { fault: 'drop-after' }
    | { fault: 'http-error'; status?: 500 | 502 | 503 | 504 }
    | { fault: 'fenige-e9001' }
    | { fault: 'fenige-e0153' }
    | { fault: 'timeout'; ms?: number; processing?: 'before' | 'after' | 'none' }
    | { fault: 'duplicate'; copies?: number }
  );

/** A fault the sandbox can inject: latency, a dropped connection before or after the gateway acts, an HTTP error, a gateway error, a timeout or a duplicate. */
export type FaultKind = FaultRule['fault'];

/** The sandbox's fault injection: rules tried in order, and the random seed their draws start from. */
export interface FaultSettings {
  /** The rules, tried in order: every firing `latency` adds its delay, the first other fault that fires wins. */
  rules: FaultRule[];
  /** Seed of the random draws (probability, jitter): the same seed and requests give the same faults. Default 1. */
  seed?: number;
}

/** Every `FaultKind` the sandbox knows, e.g. to build a fault menu. */
export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'drop-before', 'drop-after', 'http-error', 'fenige-e9001', 'fenige-e0153', 'timeout', 'duplicate'];

const ms = (what: string) => z.int({ error: `must be an integer number of ${what}` }).check(z.gte(0, 'must be 0 or more'));

const match = {
  path: z.optional(
    z.union([z.string().check(z.startsWith('/', 'must start with "/"')), z.instanceof(RegExp)], {
      error: 'must be a path such as "/fenige/external-api/transactions/google-pay" or a RegExp',
    }),
  ),
  method: z.optional(z.string({ error: 'must be an HTTP method such as "POST"' }).check(z.regex(/^[A-Za-z]+$/, 'must be an HTTP method such as "POST"'))),
  probability: z.optional(z.number({ error: 'must be a number from 0 to 1' }).check(z.gte(0, 'must be from 0 to 1'), z.lte(1, 'must be from 0 to 1'))),
  next: z.optional(z.int({ error: 'must be a whole number of requests' }).check(z.gte(1, 'must be 1 or more'))),
};

const ruleSchema = z.discriminatedUnion(
  'fault',
  [
    z.strictObject({ fault: z.literal('latency'), ms: ms('milliseconds'), jitterMs: z.optional(ms('milliseconds')), ...match }),
    z.strictObject({ fault: z.literal('drop-before'), ...match }),
    z.strictObject({ fault: z.literal('drop-after'), ...match }),
    z.strictObject({
      fault: z.literal('http-error'),
      status: z.optional(z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)], { error: 'must be 500, 502, 503 or 504' })),
      ...match,
    }),
    z.strictObject({ fault: z.literal('fenige-e9001'), ...match }),
    z.strictObject({ fault: z.literal('fenige-e0153'), ...match }),
    z.strictObject({
      fault: z.literal('timeout'),
      ms: z.optional(ms('milliseconds')),
      processing: z.optional(z.enum(['before', 'after', 'none'], { error: 'must be "before", "after" or "none"' })),
      ...match,
    }),
    z.strictObject({
      fault: z.literal('duplicate'),
      copies: z.optional(z.int({ error: 'must be a whole number' }).check(z.gte(2, 'must be 2 or more'), z.lte(10, 'must be 10 or less'))),
      ...match,
    }),
  ],
  { error: `must be one of ${FAULT_KINDS.join(', ')}` },
);

const settingsSchema = z.strictObject({
  rules: z.array(ruleSchema, { error: 'must be an array of fault rules' }),
  seed: z.optional(z.int({ error: 'must be an integer' })),
});

/** Checks fault settings up front, so a mistake in a test names the field instead of misbehaving later. */
export function parseFaultSettings(input: unknown): FaultSettings {
  const result = validate(settingsSchema, input, 'faults');
  if (!result.ok) throw new TypeError(result.message);
  return result.value as FaultSettings;
}

/** Whether `rule` is about this request (before its probability and budget are considered). */
export function matches(rule: FaultMatch, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path !== 'string') {
    rule.path.lastIndex = 0; // a /g or /y RegExp remembers where it stopped
    return rule.path.test(path);
  }
  const base = rule.path.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`) || (base === '' && path.startsWith('/'));
}
