import type { FieldIssue, PaymentData } from '../protocol/index.js';

/** A `payment-error` for the integrator; the payer only ever sees the failure's plain message. */
export interface DeveloperHint {
  code: 'INVALID_CONFIGURATION';
  message: string;
  issues: FieldIssue[];
}

const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.length > 0).map((v) => v.slice(0, 300));

/**
 * When the backend's failure answer says the gateway refused the Google Pay token itself
 * (`errors.token`, see docs/protocol.md), the usual cause is the page's configuration: Google Pay
 * sealed the token for `data.gatewayMerchantId` (which defaults to `apiKey`), and that is not the
 * merchant id the gateway knows (`merchantIdName`, from the gateway's profile). Returns the hint
 * for `payment-error` and the console, or nothing.
 */
export function tokenRefusalHint(response: Record<string, unknown>, data: PaymentData | undefined, merchantIdName: string): DeveloperHint | undefined {
  const errors = response.errors;
  if (!errors || typeof errors !== 'object') return undefined;
  const reasons = texts((errors as Record<string, unknown>).token);
  if (!reasons.length) return undefined;
  const sealedFor = data?.gatewayMerchantId ?? data?.apiKey;
  const source = data?.gatewayMerchantId !== undefined ? 'data.gatewayMerchantId' : 'data.apiKey (gatewayMerchantId defaults to it)';
  const issue = `must be ${merchantIdName}, the id the gateway knows you by for Google Pay, ` + `not ${JSON.stringify(sealedFor)}; see docs/identifiers.md`;
  const message =
    `The gateway refused the Google Pay token: token ${reasons.join('; ')}. Google Pay sealed it for ` +
    `${JSON.stringify(sealedFor)} from ${source}. gatewayMerchantId ${issue}. ` +
    'A TEST token is also refused by a production gateway account.';
  return { code: 'INVALID_CONFIGURATION', message, issues: [{ path: 'gatewayMerchantId', message: issue }] };
}
