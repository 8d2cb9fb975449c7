/**
 * The fake `google.payments.api.PaymentsClient`. Behaves like Google's: validates requests before
 * anything happens, rejects with plain `{ statusCode, statusMessage }` objects, and with
 * `callbackIntents: ['PAYMENT_AUTHORIZATION']` keeps the sheet open until `onPaymentAuthorized` answers.
 */
import type { IntermediateSigningKey } from '../ecv2/seal.js';
import { createFakeButton } from './button.js';
import type { ResolvedOptions } from './options.js';
import { buildPaymentData } from './payment-data.js';
import { payInVisibleSheet } from './visible-sheet.js';
import { isReadyToPayProblem, paymentDataRequestProblem } from './request-validation.js';
import { snapshot } from './snapshot.js';
import type {
  ButtonOptions,
  IsReadyToPayRequest,
  PaymentAuthorizationResult,
  GooglePaymentData,
  PaymentDataRequest,
  PaymentsClientOptions,
  PaymentsError,
} from './types.js';

/** Every call the page made, with deep copies of its argument. */
export interface FakeGooglePayCalls {
  constructed: PaymentsClientOptions[];
  isReadyToPay: IsReadyToPayRequest[];
  createButton: ButtonOptions[];
  loadPaymentData: PaymentDataRequest[];
  prefetchPaymentData: PaymentDataRequest[];
}

export interface FakeState {
  options: ResolvedOptions;
  readonly calls: FakeGooglePayCalls;
  lastAuthorizationResult: PaymentAuthorizationResult | undefined;
  /** Every answer of `onPaymentAuthorized`, in order (one per card the payer tried). */
  readonly authorizationResults: PaymentAuthorizationResult[];
  signingKey(): Promise<IntermediateSigningKey>;
}

const developerError = (statusMessage: string): PaymentsError => ({ statusCode: 'DEVELOPER_ERROR', statusMessage });
const canceled = (): PaymentsError => ({ statusCode: 'CANCELED', statusMessage: 'User closed the Payment Request UI.' });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface FakePaymentsClient {
  isReadyToPay(request: IsReadyToPayRequest): Promise<{ result: boolean; paymentMethodPresent?: boolean }>;
  createButton(options: ButtonOptions): HTMLElement;
  prefetchPaymentData(request: PaymentDataRequest): void;
  loadPaymentData(request: PaymentDataRequest): Promise<GooglePaymentData>;
}

export function fakePaymentsClientClass(state: FakeState): new (options?: PaymentsClientOptions) => FakePaymentsClient {
  return class PaymentsClient implements FakePaymentsClient {
    private readonly environment: string;
    private readonly nonce: string | undefined;
    private readonly onPaymentAuthorized: NonNullable<PaymentsClientOptions['paymentDataCallbacks']>['onPaymentAuthorized'];

    constructor(options: PaymentsClientOptions = {}) {
      state.calls.constructed.push(snapshot(options));
      this.environment = options.environment ?? 'TEST';
      this.nonce = options.nonce;
      this.onPaymentAuthorized = options.paymentDataCallbacks?.onPaymentAuthorized;
    }

    async isReadyToPay(request: IsReadyToPayRequest): Promise<{ result: boolean; paymentMethodPresent?: boolean }> {
      state.calls.isReadyToPay.push(snapshot(request));
      const problem = isReadyToPayProblem(request);
      if (problem) throw developerError(problem);
      const { ready } = state.options;
      if (ready === 'error') throw { statusCode: 'INTERNAL_ERROR', statusMessage: "isReadyToPay failed (fake option ready: 'error')" } satisfies PaymentsError;
      return request.existingPaymentMethodRequired ? { result: ready, paymentMethodPresent: ready } : { result: ready };
    }

    createButton(options: ButtonOptions): HTMLElement {
      state.calls.createButton.push(snapshot(options));
      return createFakeButton(options, this.nonce);
    }

    prefetchPaymentData(request: PaymentDataRequest): void {
      state.calls.prefetchPaymentData.push(snapshot(request));
    }

    async loadPaymentData(request: PaymentDataRequest): Promise<GooglePaymentData> {
      state.calls.loadPaymentData.push(snapshot(request));
      const options = state.options;
      const hasAuthorizationCallback = typeof this.onPaymentAuthorized === 'function';
      const problem = paymentDataRequestProblem(request, { environment: this.environment, hasAuthorizationCallback });
      if (problem) throw developerError(problem);
      if (options.delayMs > 0) await sleep(options.delayMs);
      if (options.action === 'cancel') throw canceled();
      if (options.action === 'error') throw developerError("simulated Google Pay error (fake option action: 'error')");
      if (options.sheet) {
        const authorizing = request.callbackIntents?.includes('PAYMENT_AUTHORIZATION');
        return payInVisibleSheet(request, options, {
          build: (card) => buildPaymentData(request, { ...options, card }, state.signingKey),
          ...(authorizing ? { authorize: (paymentData: GooglePaymentData) => this.merchantAnswer(paymentData) } : {}),
          canceled,
        });
      }
      if (!request.callbackIntents?.includes('PAYMENT_AUTHORIZATION')) return buildPaymentData(request, options, state.signingKey);
      // Like Google's sheet: an ERROR answer shows its message and the sheet stays open, so the
      // payer may pick another card; the sheet closes only on SUCCESS or when the payer gives up.
      for (const card of [options.card, ...options.retryCards]) {
        const paymentData = await buildPaymentData(request, { ...options, card }, state.signingKey);
        if ((await this.merchantAnswer(paymentData)).transactionState === 'SUCCESS') return paymentData;
      }
      throw canceled();
    }

    /** The sheet's call to the merchant: its answer, checked and recorded. */
    private async merchantAnswer(paymentData: GooglePaymentData): Promise<PaymentAuthorizationResult> {
      let result: PaymentAuthorizationResult;
      try {
        result = await this.onPaymentAuthorized!(snapshot(paymentData));
      } catch (error) {
        throw developerError(`onPaymentAuthorized rejected: ${error instanceof Error ? error.message : String(error)}`);
      }
      state.lastAuthorizationResult = snapshot(result);
      state.authorizationResults.push(snapshot(result));
      if (result?.transactionState === 'SUCCESS' || result?.transactionState === 'ERROR') return result;
      throw developerError("onPaymentAuthorized must resolve with { transactionState: 'SUCCESS' | 'ERROR' }");
    }
  };
}
