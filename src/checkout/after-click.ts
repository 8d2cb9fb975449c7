/**
 * Everything the element needs only once a payment has started: the token POST with its retries
 * and status polling, the outcome rules and failure-code tables (each gateway's outcomes.ts), the off-page flows and redirects, the developer hints.
 * Imported lazily (see lazy.ts), so none of it is on the way to `payment-ready`; the element
 * prefetches it once ready, and a click starts loading it while the Google Pay sheet opens.
 */
import type { PaymentData } from '../protocol/index.js';
import type { GooglePaymentData } from '../google-pay/types.js';
import { submit, type BackendPolicy } from './backend-client.js';
import { toResult, type FlowResult } from './flow-result.js';
import { checkoutBody } from './payment-body.js';
import { failureMessage } from '../i18n/failure.js';
import type { Messages } from '../i18n/index.js';
import { outcomesOf } from '../gateways/outcomes.js';

export { newTransactionId } from './payment-body.js';
export { navigate } from './redirect.js';
export { announce, confirmReturn, payByCard } from './session-outcome.js';

/** The payer's words for a failure `code` of the gateway `gatewayId` (its outcomes' groups, then the protocol's). */
export const failureText = (messages: Messages, code: string, gatewayId: string): string => failureMessage(messages, code, outcomesOf(gatewayId).failureGroups);

/** POSTs the Google Pay token for `data` as `transactionId` and follows it until the outcome is known (or `cancel` fires). */
export async function postToken(
  endpoint: string,
  data: PaymentData,
  transactionId: string,
  paid: GooglePaymentData,
  policy: BackendPolicy | undefined,
  onChecking: () => void,
  cancel?: AbortSignal,
): Promise<FlowResult> {
  return toResult(transactionId, await submit(endpoint, checkoutBody(data, transactionId, paid), policy, onChecking, cancel));
}
