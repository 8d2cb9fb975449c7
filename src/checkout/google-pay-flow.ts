import type { PaymentData as Data } from '../protocol/index.js';
import { withSheet } from '../google-pay/clients.js';
import type { PaymentAuthorizationResult, PaymentData, PaymentDataRequest, PaymentsClient } from '../google-pay/types.js';
import { submit, type BackendPolicy } from './backend-client.js';
import { toResult, type FlowResult } from './flow-result.js';
import { checkoutBody, newTransactionId } from './payment-body.js';

export interface FlowOptions {
  client: PaymentsClient;
  request: PaymentDataRequest;
  data: Data;
  endpoint: string;
  policy?: BackendPolicy;
  /** Payer-facing text for a failure code, shown inside the sheet. */
  describe: (code: string) => string;
  /** Text shown in the sheet when the outcome is still unknown when the sheet must close. */
  checkingText: string;
  onProcessing: () => void;
  onChecking: () => void;
  /** How long the sheet waits for an answer before it closes and the element goes on checking. */
  sheetWaitMs?: number;
}

export type { FlowResult } from './flow-result.js';

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined));

/**
 * One Google Pay payment: opens the sheet (synchronously, inside the click's user gesture), posts
 * the token from `onPaymentAuthorized` so progress and declines show in the sheet, and resolves
 * with the outcome once the sheet has closed. A decline lets the payer try another card, each
 * authorization with a fresh transactionId unless the merchant fixed one.
 */
export function payWithGooglePay(options: FlowOptions): Promise<FlowResult> {
  const { client, request, data, endpoint } = options;
  let transactionId = data.transactionId ?? newTransactionId();
  let last: FlowResult | undefined;
  let stillChecking: Promise<FlowResult> | undefined;

  const post = async (paid: PaymentData): Promise<FlowResult> => {
    if (last?.kind === 'failure' && !data.transactionId) transactionId = newTransactionId();
    options.onProcessing();
    const id = transactionId;
    const answer = await submit(endpoint, checkoutBody(data, id, paid), options.policy, options.onChecking);
    return (last = toResult(id, answer));
  };

  const authorize = async (paid: PaymentData): Promise<PaymentAuthorizationResult> => {
    const posting = post(paid);
    const result = await Promise.race([posting, sleep(options.sheetWaitMs ?? 25_000)]);
    if (!result) {
      stillChecking = posting;
      return sheetError(options.checkingText);
    }
    if (result.kind === 'failure') return sheetError(options.describe(result.code));
    return { transactionState: 'SUCCESS' };
  };

  return withSheet(authorize, () => client.loadPaymentData(request)).then(
    async (paid) => last ?? post(paid), // a client without payment callbacks: post after the sheet
    async (error: { statusCode?: string; statusMessage?: string }) => {
      if (stillChecking) return stillChecking;
      if (last) return last;
      if (error?.statusCode === 'CANCELED') return { kind: 'cancel' } as const;
      return {
        kind: 'error',
        code: 'GOOGLE_PAY_ERROR',
        message: `Google Pay: ${error?.statusCode ?? 'error'}${error?.statusMessage ? ` — ${error.statusMessage}` : ''}`,
      } as const;
    },
  );
}

const sheetError = (message: string): PaymentAuthorizationResult => ({
  transactionState: 'ERROR',
  error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message },
});
