import { validatePaymentData } from '../protocol/payment-data.js';
import { canonicalJson } from '../protocol/canonical-json.js';
import type { PaymentData, Validation } from '../protocol/index.js';
import type { Environment } from '../google-pay/types.js';

/** Stable text of `data` so a new object with the same content is recognised as unchanged. */
export function contentKey(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `${typeof value}:${String(value)}`;
  try {
    return canonicalJson(value);
  } catch {
    return String(Math.random()); // cyclic: treat as changed, validation reports it
  }
}

/** The `data` attribute is JSON text; removing it unsets `data`. */
export const dataConverter = { fromAttribute: (value: string | null) => value ?? undefined };

/** Validates `data` with the element's configuration: PRODUCTION needs Google's `merchantId`. */
export function checkData(data: unknown, environment: Environment): Validation<PaymentData> {
  const result = validatePaymentData(data);
  if (result.ok && environment === 'PRODUCTION' && !result.value.merchantId) {
    const issues = [{ path: 'merchantId', message: 'is required when environment is PRODUCTION' }];
    return { ok: false, issues, message: `Invalid data: merchantId ${issues[0]!.message}` };
  }
  return result;
}
