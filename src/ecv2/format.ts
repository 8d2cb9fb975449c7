/**
 * The ECv2 wire format (Google's "payment data cryptography"): the token layout, its inner JSON
 * strings and the exact bytes that are signed. Shared by the WebCrypto recipient/sealer and the
 * synchronous node:crypto sealer so only the primitives differ between them.
 */
import { lengthValue } from './bytes.js';

export const PROTOCOL_VERSION = 'ECv2';
/** Google's sender id in the signed bytes; also the HKDF `info`. */
export const SENDER_ID = 'Google';

/** A Google Pay ECv2 payment token (`tokenizationData.token`, parsed): what `createTestToken` makes and `openGooglePayToken` opens. */
export interface GooglePayToken {
  protocolVersion: 'ECv2';
  /** DER ECDSA signature (base64) of the message by the intermediate signing key. */
  signature: string;
  intermediateSigningKey: {
    /** JSON string `{ keyValue, keyExpiration }`. */
    signedKey: string;
    /** DER ECDSA signatures (base64) of `signedKey` by Google's root signing keys. */
    signatures: string[];
  };
  /** JSON string `{ encryptedMessage, ephemeralPublicKey, tag }`. */
  signedMessage: string;
}

/** A root signing key as Google publishes them (`keys.json`). */
export interface RootSigningKey {
  /** Base64 SPKI of a P-256 key. */
  keyValue: string;
  protocolVersion: string;
  /** Milliseconds since the epoch, as a decimal string. Absent: does not expire. */
  keyExpiration?: string;
}

export interface SignedKeyContent {
  keyValue: string;
  keyExpiration: string;
}

export interface SignedMessageContent {
  /** AES-256-CTR ciphertext, base64. */
  encryptedMessage: string;
  /** Uncompressed P-256 point, base64. */
  ephemeralPublicKey: string;
  /** HMAC-SHA256 of the ciphertext, base64. */
  tag: string;
}

/** Bytes the root key signs: LV(Google) || LV(ECv2) || LV(signedKey). */
export const intermediateKeySignedBytes = (signedKey: string) => lengthValue(SENDER_ID, PROTOCOL_VERSION, signedKey);

/** Bytes the intermediate key signs: LV(Google) || LV(recipientId) || LV(ECv2) || LV(signedMessage). */
export const messageSignedBytes = (recipientId: string, signedMessage: string) => lengthValue(SENDER_ID, recipientId, PROTOCOL_VERSION, signedMessage);

export const formatSignedKey = ({ keyValue, keyExpiration }: SignedKeyContent): string => JSON.stringify({ keyValue, keyExpiration });

export const formatSignedMessage = ({ encryptedMessage, ephemeralPublicKey, tag }: SignedMessageContent): string =>
  JSON.stringify({ encryptedMessage, ephemeralPublicKey, tag });

export interface TokenParts {
  signedKey: string;
  signedKeySignature: string;
  signedMessage: string;
  messageSignature: string;
}

export const assembleToken = (parts: TokenParts): GooglePayToken => ({
  protocolVersion: PROTOCOL_VERSION,
  signature: parts.messageSignature,
  intermediateSigningKey: { signedKey: parts.signedKey, signatures: [parts.signedKeySignature] },
  signedMessage: parts.signedMessage,
});

/** `recipientId` of a gateway, e.g. `gateway:fenige`. */
export const gatewayRecipientId = (gateway: string): string => `gateway:${gateway}`;
