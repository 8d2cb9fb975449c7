/**
 * The `paymentData` the fake sheet hands back: the payer's test card, the details the request
 * asked for, and a token really sealed (ECv2) for the sandbox's key, like Google's TEST environment
 * does for a real gateway.
 */
import { gatewayRecipientId } from '../ecv2/format.js';
import { buildGatewayPayload } from '../ecv2/gateway-payload.js';
import { SANDBOX_KEYS } from '../ecv2/sandbox-keys.js';
import { sealGooglePayToken, type IntermediateSigningKey } from '../ecv2/seal.js';
import type { FakePayer, ResolvedOptions } from './options.js';
import type { Address, GooglePaymentData, PaymentDataRequest, PaymentMethodRequest } from './types.js';

/** What Google's TEST environment returns for the `example` gateway. */
export const EXAMPLE_TOKEN = 'examplePaymentMethodToken';
const MESSAGE_LIFETIME_MS = 60 * 60 * 1000;
const NETWORK_NAMES: Record<string, string> = { VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'Amex', DISCOVER: 'Discover' };

/** `request` has passed `paymentDataRequestProblem`. */
export async function buildPaymentData(
  request: PaymentDataRequest,
  options: ResolvedOptions,
  signingKey: () => Promise<IntermediateSigningKey>,
): Promise<GooglePaymentData> {
  const method = request.allowedPaymentMethods!.find((m) => m.type === 'CARD')!;
  const { card, payer } = options;
  const last4 = card.pan.slice(-4);
  const info: GooglePaymentData['paymentMethodData']['info'] = { cardNetwork: card.network, cardDetails: last4 };
  if (method.parameters?.billingAddressRequired) info.billingAddress = address(payer, method.parameters.billingAddressParameters);
  if (method.parameters?.assuranceDetailsRequired) info.assuranceDetails = { accountVerified: true, cardHolderAuthenticated: false };
  const paymentData: GooglePaymentData = {
    apiVersion: 2,
    apiVersionMinor: 0,
    paymentMethodData: {
      type: 'CARD',
      description: `${NETWORK_NAMES[card.network] ?? card.network} •••• ${last4}`,
      info,
      tokenizationData: { type: 'PAYMENT_GATEWAY', token: await token(method, options, signingKey) },
    },
  };
  if (request.emailRequired) paymentData.email = payer.email;
  if (request.shippingAddressRequired) paymentData.shippingAddress = address(payer, { format: 'FULL' });
  return paymentData;
}

async function token(method: PaymentMethodRequest, { card }: ResolvedOptions, signingKey: () => Promise<IntermediateSigningKey>) {
  const { gateway, gatewayMerchantId } = method.tokenizationSpecification!.parameters! as { gateway: string; gatewayMerchantId: string };
  if (gateway === 'example') return EXAMPLE_TOKEN;
  const sealed = await sealGooglePayToken({
    message: buildGatewayPayload({ gatewayMerchantId, card, messageExpiration: Date.now() + MESSAGE_LIFETIME_MS }),
    recipientId: gatewayRecipientId(gateway),
    recipientPublicKey: SANDBOX_KEYS.recipientPublicKey,
    intermediateSigningKey: await signingKey(),
    rootSigningPrivateKey: SANDBOX_KEYS.rootSigningPrivateKey,
  });
  return JSON.stringify(sealed);
}

function address(payer: Required<FakePayer>, parameters: { format?: string; phoneNumberRequired?: boolean } = {}): Address {
  const result: Address = { name: payer.name, countryCode: 'PL', postalCode: '00-001' };
  if (parameters.format === 'FULL') {
    Object.assign(result, { address1: 'ul. Testowa 1', address2: '', address3: '', locality: 'Warszawa', administrativeArea: '', sortingCode: '' });
  }
  if (parameters.phoneNumberRequired) result.phoneNumber = '+48 500 000 000';
  return result;
}
