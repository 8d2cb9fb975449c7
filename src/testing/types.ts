/**
 * The slice of Google's `google.payments.api` the fake implements, typed loosely on the request
 * side: the fake validates requests at run time, like Google, instead of trusting the types.
 */
import type { GooglePaymentData } from '../google-pay/types.js';

/** Google's `allowedPaymentMethods` entry as the fake reads it (card networks, auth methods, tokenization). */
export interface PaymentMethodRequest {
  type?: string;
  parameters?: {
    allowedAuthMethods?: string[];
    allowedCardNetworks?: string[];
    billingAddressRequired?: boolean;
    billingAddressParameters?: { format?: 'MIN' | 'FULL'; phoneNumberRequired?: boolean };
    assuranceDetailsRequired?: boolean;
    [key: string]: unknown;
  };
  tokenizationSpecification?: { type?: string; parameters?: { gateway?: string; gatewayMerchantId?: string; [key: string]: unknown } };
}

/** Google's `isReadyToPay` request, as the fake records it in `calls.isReadyToPay`. */
export interface IsReadyToPayRequest {
  apiVersion?: number;
  apiVersionMinor?: number;
  allowedPaymentMethods?: PaymentMethodRequest[];
  existingPaymentMethodRequired?: boolean;
}

/** Google's `loadPaymentData` request, as the fake records it in `calls.loadPaymentData` (amount, currency, merchant). */
export interface PaymentDataRequest extends IsReadyToPayRequest {
  transactionInfo?: { totalPriceStatus?: string; totalPrice?: string; currencyCode?: string; countryCode?: string; [key: string]: unknown };
  merchantInfo?: { merchantName?: string; merchantId?: string; [key: string]: unknown };
  emailRequired?: boolean;
  shippingAddressRequired?: boolean;
  callbackIntents?: string[];
}

/** Google's answer is one type for the element and the fake: src/google-pay/types.ts. */
export type { GoogleAddress as Address, GooglePaymentData } from '../google-pay/types.js';

/** What `onPaymentAuthorized` answers Google's sheet: success, or an error to show the payer. */
export interface PaymentAuthorizationResult {
  transactionState: 'SUCCESS' | 'ERROR';
  error?: { intent?: string; reason?: string; message?: string };
}

/** The options the page passes to Google's `PaymentsClient` (environment, callbacks), as the fake receives them. */
export interface PaymentsClientOptions {
  environment?: 'TEST' | 'PRODUCTION';
  nonce?: string;
  paymentDataCallbacks?: {
    onPaymentAuthorized?: (paymentData: GooglePaymentData) => PaymentAuthorizationResult | Promise<PaymentAuthorizationResult>;
    [key: string]: unknown;
  };
}

/** Google's `createButton` options (colour, type, size, locale), as the fake records them. */
export interface ButtonOptions {
  onClick?: (event: Event) => void;
  buttonColor?: 'default' | 'black' | 'white';
  buttonType?: string;
  buttonSizeMode?: 'static' | 'fill';
  buttonRadius?: number;
  buttonLocale?: string;
  buttonRootNode?: Document | ShadowRoot;
  allowedPaymentMethods?: PaymentMethodRequest[];
}

/** How Google's client rejects: a plain object, not an `Error`. */
export interface PaymentsError {
  statusCode: 'CANCELED' | 'DEVELOPER_ERROR' | 'INTERNAL_ERROR';
  statusMessage?: string;
}
