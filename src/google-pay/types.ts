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

/** A postal address in Google's payment data (billing or shipping); the requested format decides which fields appear. */
export interface GoogleAddress {
  name: string;
  countryCode: string;
  postalCode: string;
  phoneNumber?: string;
  address1?: string;
  address2?: string;
  address3?: string;
  locality?: string;
  administrativeArea?: string;
  sortingCode?: string;
}

/**
 * What Google's `loadPaymentData` resolves with and `onPaymentAuthorized` receives: the chosen card
 * and the encrypted token. Named apart from the merchant's `PaymentData` (docs/protocol.md §2.1).
 */
export interface GooglePaymentData {
  apiVersion: 2;
  apiVersionMinor: 0;
  email?: string;
  shippingAddress?: GoogleAddress;
  paymentMethodData: {
    type: 'CARD';
    description: string;
    info: {
      cardNetwork: string;
      cardDetails: string;
      billingAddress?: GoogleAddress;
      assuranceDetails?: { accountVerified: boolean; cardHolderAuthenticated: boolean };
    };
    tokenizationData: { type: 'PAYMENT_GATEWAY'; token: string };
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
  loadPaymentData(request: PaymentDataRequest): Promise<GooglePaymentData>;
  prefetchPaymentData?(request: PaymentDataRequest): void;
}

export interface PaymentsClientOptions {
  environment: Environment;
  nonce?: string;
  paymentDataCallbacks?: { onPaymentAuthorized: (data: GooglePaymentData) => Promise<PaymentAuthorizationResult> };
}

export interface GooglePaymentsApi {
  PaymentsClient: new (options: PaymentsClientOptions) => PaymentsClient;
}

declare global {
  interface Window {
    google?: { payments?: { api?: GooglePaymentsApi } };
  }
}
