/**
 * The ECv2 recipient: what a gateway does with a Google Pay token it receives (docs/protocol.md §6).
 * Written once on WebCrypto so it runs in Node ≥ 20, edge runtimes and browsers.
 */
import { base64ToBytes, constantTimeEqual, fromUtf8 } from './bytes.js';
import { GooglePayTokenError } from './errors.js';
import { PROTOCOL_VERSION, intermediateKeySignedBytes, messageSignedBytes, type RootSigningKey, type SignedMessageContent } from './format.js';
import { isRecord, parseMillis, readMessageExpiration, readSignedKey, readSignedMessage, readToken } from './read.js';
import { aesCtr, deriveSymmetricKeys, hmacSha256, importAgreementKey, importVerifyKey, verifyDerSignature } from './webcrypto.js';

export { GooglePayTokenError, type GooglePayTokenFailure } from './errors.js';
export type { GooglePayToken, RootSigningKey } from './format.js';

/** Who opens a token and with which keys: `openGooglePayToken`'s recipient id, private keys, Google's root keys and clock. */
export interface OpenGooglePayTokenOptions {
  /** Who the token was sealed for, e.g. `gateway:fenige` or `merchant:12345678901234567890`. */
  recipientId: string;
  /** The recipient's private keys, base64 PKCS#8 (P-256); the first whose tag matches decrypts. */
  privateKeys: readonly string[];
  /** Google's root signing keys (`keys.json`), base64 SPKI. */
  rootKeys: readonly RootSigningKey[];
  /** The current time in ms since the epoch; defaults to `Date.now()`. */
  now?: number;
}

/**
 * Verifies a Google Pay ECv2 token and returns the decrypted message text. Rejects with a
 * {@link GooglePayTokenError} whose `reason` names the failed check.
 */
export async function openGooglePayToken(token: unknown, options: OpenGooglePayTokenOptions): Promise<string> {
  const { recipientId, now } = readOptions(options);
  const agreementKeys = await importPrivateKeys(options.privateKeys);
  const { signature, intermediateSigningKey, signedMessage } = readToken(token);

  const messageKey = await verifyIntermediateKey(intermediateSigningKey, options.rootKeys, now);
  if (!(await verifyDerSignature(messageKey, signature, messageSignedBytes(recipientId, signedMessage)))) {
    throw new GooglePayTokenError('MESSAGE_SIGNATURE_INVALID', `message signature does not verify for recipient ${recipientId}`);
  }
  const plaintext = await decrypt(readSignedMessage(signedMessage), agreementKeys);
  checkMessageExpiration(plaintext, now);
  return plaintext;
}

const misconfigured = (message: string) => new GooglePayTokenError('BAD_CONFIGURATION', message);
const malformed = (message: string) => new GooglePayTokenError('MALFORMED_TOKEN', message);

function readOptions(options: OpenGooglePayTokenOptions): { recipientId: string; now: number } {
  if (!isRecord(options)) throw misconfigured('options must be { recipientId, privateKeys, rootKeys, now? }');
  const { recipientId, now = Date.now() } = options;
  if (typeof recipientId !== 'string' || recipientId === '') throw misconfigured('recipientId must be a non-empty string');
  if (!Number.isFinite(now)) throw misconfigured('now must be a time in milliseconds');
  if (!Array.isArray(options.rootKeys)) throw misconfigured('rootKeys must be an array of { keyValue, protocolVersion, keyExpiration }');
  return { recipientId, now };
}

async function importPrivateKeys(privateKeys: readonly string[]): Promise<CryptoKey[]> {
  if (!Array.isArray(privateKeys) || privateKeys.length === 0) {
    throw misconfigured('privateKeys must be a non-empty array of base64 PKCS#8 keys');
  }
  return Promise.all(
    privateKeys.map((key, i) =>
      importAgreementKey(key).catch(() => {
        throw misconfigured(`privateKeys[${i}] is not a base64 PKCS#8 P-256 private key`);
      }),
    ),
  );
}

/** Root keys for ECv2 that have not expired at `now`, imported for verification. */
async function usableRootKeys(rootKeys: readonly RootSigningKey[], now: number): Promise<CryptoKey[]> {
  const usable: Promise<CryptoKey>[] = [];
  rootKeys.forEach((root, i) => {
    if (!isRecord(root) || typeof root.keyValue !== 'string') throw misconfigured(`rootKeys[${i}].keyValue must be a string`);
    if (root.protocolVersion !== PROTOCOL_VERSION) return;
    const expiration = root.keyExpiration === undefined ? Infinity : parseMillis(root.keyExpiration);
    if (expiration === null) throw misconfigured(`rootKeys[${i}].keyExpiration must be a time in milliseconds`);
    if (expiration <= now) return;
    usable.push(
      importVerifyKey(root.keyValue).catch(() => {
        throw misconfigured(`rootKeys[${i}].keyValue is not a base64 SPKI P-256 public key`);
      }),
    );
  });
  return Promise.all(usable);
}

/** Checks the root signatures over the raw `signedKey`, then its expiration; returns the key it holds. */
async function verifyIntermediateKey(
  { signedKey, signatures }: { signedKey: string; signatures: string[] },
  rootKeys: readonly RootSigningKey[],
  now: number,
): Promise<CryptoKey> {
  const roots = await usableRootKeys(rootKeys, now);
  if (roots.length === 0) throw new GooglePayTokenError('NO_ROOT_KEY', 'no root key is usable (all expired or for another protocol version)');
  const signedBytes = intermediateKeySignedBytes(signedKey);
  let verified = false;
  for (const root of roots) {
    for (const signature of signatures) verified ||= await verifyDerSignature(root, signature, signedBytes);
  }
  if (!verified) {
    throw new GooglePayTokenError('INTERMEDIATE_KEY_SIGNATURE_INVALID', 'intermediate signing key signature does not verify with any root key');
  }
  const { keyValue, keyExpiration } = readSignedKey(signedKey);
  const expiration = parseMillis(keyExpiration);
  if (expiration === null) throw malformed('signedKey.keyExpiration must be a time in milliseconds');
  if (expiration <= now) throw new GooglePayTokenError('INTERMEDIATE_KEY_EXPIRED', 'intermediate signing key expired');
  return importVerifyKey(keyValue).catch(() => {
    throw malformed('signedKey.keyValue is not a base64 SPKI P-256 public key');
  });
}

function decodeField(message: SignedMessageContent, field: keyof SignedMessageContent): Uint8Array<ArrayBuffer> {
  try {
    return base64ToBytes(message[field]);
  } catch {
    throw malformed(`signedMessage.${field} is not base64`);
  }
}

/** Finds the private key whose HMAC tag matches (compared in constant time), then decrypts. */
async function decrypt(message: SignedMessageContent, privateKeys: CryptoKey[]): Promise<string> {
  const ephemeralPoint = decodeField(message, 'ephemeralPublicKey');
  const ciphertext = decodeField(message, 'encryptedMessage');
  const tag = decodeField(message, 'tag');
  for (const privateKey of privateKeys) {
    const keys = await deriveSymmetricKeys(privateKey, ephemeralPoint, ephemeralPoint).catch(() => {
      throw malformed('signedMessage.ephemeralPublicKey is not an uncompressed P-256 point');
    });
    if (!constantTimeEqual(await hmacSha256(keys.macKey, ciphertext), tag)) continue;
    try {
      return fromUtf8(await aesCtr(keys.aesKey, ciphertext));
    } catch {
      throw malformed('the decrypted message is not UTF-8');
    }
  }
  throw new GooglePayTokenError('TAG_MISMATCH', 'tag mismatch (wrong private key, or the message was altered)');
}

function checkMessageExpiration(plaintext: string, now: number): void {
  const value = readMessageExpiration(plaintext);
  if (value === undefined) {
    // Google's payment messages are JSON objects that must carry an expiration, which recipients
    // must check: one without it is refused. (Libraries' raw-text test vectors have no fields at all.)
    if (isJsonObject(plaintext)) throw malformed('messageExpiration is missing from the decrypted message');
    return;
  }
  const expiration = parseMillis(value);
  if (expiration === null) throw malformed('messageExpiration must be a time in milliseconds');
  if (expiration <= now) throw new GooglePayTokenError('MESSAGE_EXPIRED', 'message expired');
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
