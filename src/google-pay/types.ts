/** The slice of Google's `google.payments.api` that the elements use. */

export type Environment = 'TEST' | 'PRODUCTION';

export interface CardMethod {
  type: 'CARD';
  parameters: Record<string, unknown>;
  tokenizationSpecification?: { type: 'PAYMENT_GATEWAY'; parameters: Record<string, string> };
}

export interface IsReadyToPayRequest {
  apiVersion: 2;
  apiVersionMinor: 0;
  allowedPaymentMethods: CardMethod[];
}

export interface PaymentDataRequest extends IsReadyToPayRequest {
  transactionInfo: { totalPriceStatus: 'FINAL'; totalPrice: string; currencyCode: string; countryCode?: string };
  merchantInfo: { merchantName?: string; merchantId?: string };
  emailRequired?: boolean;
  callbackIntents?: ['PAYMENT_AUTHORIZATION'];
}

export interface PaymentData {
  apiVersion: number;
  apiVersionMinor: number;
  email?: string;
  paymentMethodData: {
    type: string;
    description?: string;
    info?: { cardNetwork?: string; cardDetails?: string; billingAddress?: { name?: string } };
    tokenizationData: { type: string; token: string };
  };
}

export interface PaymentAuthorizationResult {
  transactionState: 'SUCCESS' | 'ERROR';
  error?: { intent: 'PAYMENT_AUTHORIZATION'; reason: 'PAYMENT_DATA_INVALID' | 'OTHER_ERROR'; message: string };
}

export interface ButtonOptions {
  onClick: (event: Event) => void;
  allowedPaymentMethods: CardMethod[];
  buttonColor?: string;
  buttonType?: string;
  buttonSizeMode?: string;
  buttonRadius?: number;
  buttonLocale?: string;
  buttonRootNode?: Document | ShadowRoot;
}

export interface PaymentsClient {
  isReadyToPay(request: IsReadyToPayRequest): Promise<{ result: boolean }>;
  createButton(options: ButtonOptions): HTMLElement;
  loadPaymentData(request: PaymentDataRequest): Promise<PaymentData>;
  prefetchPaymentData?(request: PaymentDataRequest): void;
}

export interface PaymentsClientOptions {
  environment: Environment;
  nonce?: string;
  paymentDataCallbacks?: { onPaymentAuthorized: (data: PaymentData) => Promise<PaymentAuthorizationResult> };
}

export interface GooglePaymentsApi {
  PaymentsClient: new (options: PaymentsClientOptions) => PaymentsClient;
}

declare global {
  interface Window {
    google?: { payments?: { api?: GooglePaymentsApi } };
  }
}
