import type { PaymentData as Data } from '../protocol/index.js';
import { withSheet } from '../google-pay/clients.js';
import type { PaymentAuthorizationResult, GooglePaymentData, PaymentDataRequest, PaymentsClient } from '../google-pay/types.js';
import type { BackendPolicy } from './backend-client.js';
import type { FlowResult } from './flow-result.js';
import { loadAfterClick } from './lazy.js';

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
  /** The element left the page: no token is posted any more, and requests in flight stop. */
  cancel?: AbortSignal;
}

export type { FlowResult } from './flow-result.js';

/**
 * One Google Pay payment: opens the sheet (synchronously, inside the click's user gesture), posts
 * the token from `onPaymentAuthorized` so progress and declines show in the sheet, and resolves
 * with the outcome once the sheet has closed. A decline lets the payer try another card, each
 * authorization with a fresh transactionId unless the merchant fixed one. The code that posts
 * the token is a lazy chunk (after-click.ts): its load starts here, while the payer is in the sheet,
 * and a failed load is tried again when the payer presses Pay again in the sheet.
 */
export function payWithGooglePay(options: FlowOptions): Promise<FlowResult> {
  const { client, request, data, endpoint } = options;
  let loadError: unknown;
  // Starts the load as the sheet opens; each authorization then awaits it (or, after a failure, loads it again).
  const load = () => loadAfterClick().catch((error: unknown) => void (loadError = error));
  void load();
  let transactionId = data.transactionId;
  let last: FlowResult | undefined;
  let stillChecking: Promise<FlowResult> | undefined;

  const post = async (paid: GooglePaymentData): Promise<FlowResult> => {
    const code = await load();
    // Nothing was sent, so nothing was charged: the payer may simply try again, in the sheet or with a later click.
    if (!code) return (last = loadFailed(loadError));
    if (options.cancel?.aborted) return (last = cancelled);
    if (!transactionId || ((last?.kind === 'failure' || last?.kind === 'error') && !data.transactionId)) transactionId = code.newTransactionId();
    options.onProcessing();
    const id = transactionId;
    return (last = await code.postToken(endpoint, data, id, paid, options.policy, options.onChecking, options.cancel));
  };

  const authorize = async (paid: GooglePaymentData): Promise<PaymentAuthorizationResult> => {
    // Only a cancel (the element left the page) rejects: the sheet is then told the payment is off.
    const posting = post(paid).catch(() => (last = cancelled));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, options.sheetWaitMs ?? options.policy?.sheetWaitMs ?? 25_000, undefined)));
    const result = await Promise.race([posting, wait]);
    clearTimeout(timer); // an answer before the wait ran out: its timer must not run on
    if (!result) {
      stillChecking = posting;
      return sheetError(options.checkingText);
    }
    // The sheet hears SUCCESS only for a payment that succeeded or goes on to 3-D Secure.
    if (result.kind === 'success' || result.kind === 'redirect') return { transactionState: 'SUCCESS' };
    return sheetError(options.describe('code' in result ? result.code : 'OUTCOME_UNKNOWN'));
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

/**
 * The after-click code did not load: nothing was sent, so nothing was charged. The browser's reason
 * names the chunk's URL (Chromium, Firefox), which is what a developer needs to find a folder deployed in part.
 */
export const loadFailed = (error: unknown): FlowResult => ({
  kind: 'error',
  code: 'LOAD_FAILED',
  message: `The after-click code could not be loaded (${error instanceof Error ? error.message : String(error)}); nothing was charged`,
});
const cancelled: FlowResult = { kind: 'error', code: 'CANCELLED', message: 'The element left the page' };

const sheetError = (message: string): PaymentAuthorizationResult => ({
  transactionState: 'ERROR',
  error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message },
});
