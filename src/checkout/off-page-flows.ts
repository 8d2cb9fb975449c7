import type { PaymentData } from '../protocol/index.js';
import { confirm, submit, type BackendPolicy } from './backend-client.js';
import { toResult, type FlowResult } from './flow-result.js';
import { hostedBody, newTransactionId } from './payment-body.js';
export { absoluteHttpUrl } from './http-url.js';

/**
 * The `fallback="hosted"` payment (docs/protocol.md §4.5): `POST {endpoint}/hosted`, then the gateway's
 * page. Nothing is paid here, so any answer but a redirect means the page could not be opened.
 */
export async function payOnHostedPage(
  data: PaymentData,
  endpoint: string,
  returnUrl: string,
  policy: BackendPolicy | undefined,
  onChecking: () => void,
  cancel?: AbortSignal,
): Promise<FlowResult> {
  const transactionId = data.transactionId ?? newTransactionId();
  const hostedUrl = `${endpoint.replace(/\/+$/, '')}/hosted`;
  const answer = await submit(hostedUrl, hostedBody(data, transactionId, returnUrl), policy, onChecking, cancel);
  const result = toResult(transactionId, answer);
  return result.kind === 'redirect' || result.kind === 'failure' || result.kind === 'error'
    ? result
    : { kind: 'failure', transactionId, code: 'OUTCOME_UNKNOWN', response: answer.response };
}

/**
 * A payer back from 3-D Secure or a hosted page: the outcome as the backend tells it
 * (`GET {endpoint}/{transactionId}`), `undefined` when the backend does not know the transaction.
 */
export async function confirmReturnedPayment(
  endpoint: string,
  transactionId: string,
  policy: BackendPolicy | undefined,
  onChecking: () => void,
  cancel?: AbortSignal,
): Promise<FlowResult | undefined> {
  const answer = await confirm(endpoint, transactionId, policy, onChecking, cancel);
  if (!answer) return undefined;
  const result = toResult(transactionId, answer);
  return result.kind === 'redirect' ? { kind: 'failure', transactionId, code: 'OUTCOME_UNKNOWN', response: answer.response } : result;
}
