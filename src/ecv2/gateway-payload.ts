/**
 * The plaintext Google seals for a gateway (`tokenizationSpecification.type: PAYMENT_GATEWAY`):
 * what a gateway reads after `openGooglePayToken`.
 */
import { bytesToBase64 } from './bytes.js';
import type { AuthMethod, NormalizedTestCard } from './test-card.js';

export interface GatewayPayload {
  gatewayMerchantId: string;
  /** Milliseconds since the epoch, as a decimal string. */
  messageExpiration: string;
  messageId: string;
  paymentMethod: 'CARD';
  paymentMethodDetails: {
    pan: string;
    expirationMonth: number;
    expirationYear: number;
    authMethod: AuthMethod;
    /** `CRYPTOGRAM_3DS` only. */
    cryptogram?: string;
    /** `CRYPTOGRAM_3DS` only, and not always present. */
    eciIndicator?: string;
  };
}

export interface GatewayPayloadInput {
  gatewayMerchantId: string;
  card: NormalizedTestCard;
  /** Milliseconds since the epoch. */
  messageExpiration: number;
}

/** Google's gateway payload JSON for a test card. */
export function buildGatewayPayload({ gatewayMerchantId, card, messageExpiration }: GatewayPayloadInput): string {
  if (typeof gatewayMerchantId !== 'string' || gatewayMerchantId === '') {
    throw new TypeError('gatewayMerchantId must be a non-empty string');
  }
  if (!Number.isSafeInteger(messageExpiration) || messageExpiration < 0) {
    throw new TypeError('messageExpiration must be a time in milliseconds');
  }
  const { pan, expirationMonth, expirationYear, authMethod, cryptogram, eciIndicator } = card;
  const payload: GatewayPayload = {
    gatewayMerchantId,
    messageExpiration: String(messageExpiration),
    messageId: randomMessageId(),
    paymentMethod: 'CARD',
    paymentMethodDetails: { pan, expirationMonth, expirationYear, authMethod },
  };
  if (cryptogram !== undefined) payload.paymentMethodDetails.cryptogram = cryptogram;
  if (eciIndicator !== undefined) payload.paymentMethodDetails.eciIndicator = eciIndicator;
  return JSON.stringify(payload);
}

function randomMessageId(): string {
  const base64 = bytesToBase64(globalThis.crypto.getRandomValues(new Uint8Array(24)));
  return base64.replace(/\+/g, '-').replace(/\//g, '_');
}
