/**
 * The ECv2 sender, for tests and the sandbox: seals a message the way Google does, so that
 * `openGooglePayToken` and any real ECv2 recipient (Tink and Google's libraries) accept it.
 * WebCrypto only; `src/sandbox/test-token.ts` is its synchronous node:crypto twin.
 */
import { base64ToBytes, bytesToBase64, utf8 } from './bytes.js';
import { p256SpkiToRawPoint } from './der.js';
import {
  assembleToken,
  formatSignedKey,
  formatSignedMessage,
  intermediateKeySignedBytes,
  messageSignedBytes,
  type GooglePayToken,
  type SignedMessageContent,
} from './format.js';
import { aesCtr, deriveSymmetricKeys, exportRawPoint, generateAgreementKeyPair, hmacSha256, signDer } from './webcrypto.js';

export { generateSigningKeyPair } from './webcrypto.js';

export interface IntermediateSigningKey {
  /** Base64 PKCS#8 (P-256). */
  privateKey: string;
  /** Base64 SPKI (P-256). */
  publicKey: string;
  /** Milliseconds since the epoch. */
  keyExpiration: number | string;
}

export interface SealGooglePayTokenOptions {
  /** The plaintext, e.g. Google's gateway payload JSON. */
  message: string;
  /** e.g. `gateway:fenige`. */
  recipientId: string;
  /** The recipient's public key, base64 SPKI (P-256). */
  recipientPublicKey: string;
  intermediateSigningKey: IntermediateSigningKey;
  /** The root signing private key, base64 PKCS#8 (P-256), whose public half is in the recipient's `rootKeys`. */
  rootSigningPrivateKey: string;
}

export async function sealGooglePayToken(options: SealGooglePayTokenOptions): Promise<GooglePayToken> {
  const { intermediateSigningKey: intermediate } = options;
  const signedKey = formatSignedKey({ keyValue: intermediate.publicKey, keyExpiration: String(intermediate.keyExpiration) });
  const signedMessage = formatSignedMessage(await encryptMessage(options.message, options.recipientPublicKey));
  return assembleToken({
    signedKey,
    signedKeySignature: await signDer(options.rootSigningPrivateKey, intermediateKeySignedBytes(signedKey)),
    signedMessage,
    messageSignature: await signDer(intermediate.privateKey, messageSignedBytes(options.recipientId, signedMessage)),
  });
}

/** ECIES as ECv2 does it: fresh ephemeral ECDH key, HKDF, AES-256-CTR, HMAC-SHA256 tag. */
export async function encryptMessage(message: string, recipientPublicKey: string): Promise<SignedMessageContent> {
  const recipientPoint = p256SpkiToRawPoint(base64ToBytes(recipientPublicKey));
  const ephemeral = await generateAgreementKeyPair();
  const ephemeralPoint = await exportRawPoint(ephemeral.publicKey);
  const keys = await deriveSymmetricKeys(ephemeral.privateKey, recipientPoint, ephemeralPoint);
  const ciphertext = await aesCtr(keys.aesKey, utf8(message));
  return {
    encryptedMessage: bytesToBase64(ciphertext),
    ephemeralPublicKey: bytesToBase64(ephemeralPoint),
    tag: bytesToBase64(await hmacSha256(keys.macKey, ciphertext)),
  };
}
