import { minorToDecimal } from '../protocol/currency.js';
import type { PaymentData as Data } from '../protocol/payment-data.js';
import type { CardMethod, IsReadyToPayRequest, PaymentDataRequest } from './types.js';

/** A Google Pay `gateway` tokenization parameter, e.g. `fenige` (see each gateway's profile). */
export type GatewayId = string;

/** The card method both gateways accept (docs/protocol.md §3). */
export const baseCardMethod = (): CardMethod => ({
  type: 'CARD',
  parameters: {
    allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
    allowedCardNetworks: ['MASTERCARD', 'VISA'],
  },
});

export const isReadyToPayRequest = (): IsReadyToPayRequest => ({
  apiVersion: 2,
  apiVersionMinor: 0,
  allowedPaymentMethods: [baseCardMethod()],
});

/**
 * The `PaymentDataRequest` for validated `data`. Without `data.sender` Google Pay is asked for the
 * billing name and e-mail, because the gateways need the payer's name.
 */
export function paymentDataRequest(data: Data, gateway: GatewayId): PaymentDataRequest {
  const askPayer = !data.sender;
  const card = baseCardMethod();
  if (askPayer) {
    card.parameters.billingAddressRequired = true;
    card.parameters.billingAddressParameters = { format: 'MIN' };
  }
  card.tokenizationSpecification = {
    type: 'PAYMENT_GATEWAY',
    parameters: { gateway, gatewayMerchantId: data.gatewayMerchantId ?? data.apiKey },
  };
  const merchantInfo: PaymentDataRequest['merchantInfo'] = {};
  if (data.merchantName) merchantInfo.merchantName = data.merchantName;
  if (data.merchantId) merchantInfo.merchantId = data.merchantId;
  return {
    apiVersion: 2,
    apiVersionMinor: 0,
    allowedPaymentMethods: [card],
    transactionInfo: {
      totalPriceStatus: 'FINAL',
      totalPrice: minorToDecimal(data.amount, data.currencyCode),
      currencyCode: data.currencyCode,
      ...(data.countryCode ? { countryCode: data.countryCode } : {}),
    },
    merchantInfo,
    ...(askPayer ? { emailRequired: true } : {}),
    callbackIntents: ['PAYMENT_AUTHORIZATION'],
  };
}
