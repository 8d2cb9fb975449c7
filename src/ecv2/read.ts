/**
 * Reads the untrusted parts of a token: shape checks only, with errors naming the field. The inner
 * JSON strings are parsed only after their signatures verified (see `open.ts`).
 */
import { GooglePayTokenError } from './errors.js';
import { PROTOCOL_VERSION, type GooglePayToken, type SignedKeyContent, type SignedMessageContent } from './format.js';

const malformed = (message: string) => new GooglePayTokenError('MALFORMED_TOKEN', message);

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`${what} is not JSON`);
  }
  if (!isRecord(value)) throw malformed(`${what} is not a JSON object`);
  return value;
}

function stringField(object: Record<string, unknown>, key: string, what: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw malformed(`${what}.${key} must be a non-empty string`);
  return value;
}

/** Accepts the token as an object or as its JSON string (Google's `tokenizationData.token`). */
export function readToken(input: unknown): GooglePayToken {
  const token = typeof input === 'string' ? parseObject(input, 'token') : input;
  if (!isRecord(token)) throw malformed('token must be an object or its JSON string');
  if (token.protocolVersion !== PROTOCOL_VERSION) {
    throw new GooglePayTokenError('UNSUPPORTED_PROTOCOL', 'token.protocolVersion must be ECv2');
  }
  const isk = token.intermediateSigningKey;
  if (!isRecord(isk)) throw malformed('token.intermediateSigningKey must be an object');
  const signatures = isk.signatures;
  if (!Array.isArray(signatures) || signatures.length === 0 || !signatures.every((s) => typeof s === 'string')) {
    throw malformed('token.intermediateSigningKey.signatures must be a non-empty array of strings');
  }
  return {
    protocolVersion: PROTOCOL_VERSION,
    signature: stringField(token, 'signature', 'token'),
    intermediateSigningKey: {
      signedKey: stringField(isk, 'signedKey', 'token.intermediateSigningKey'),
      signatures: signatures as string[],
    },
    signedMessage: stringField(token, 'signedMessage', 'token'),
  };
}

export function readSignedKey(signedKey: string): SignedKeyContent {
  const content = parseObject(signedKey, 'intermediateSigningKey.signedKey');
  return {
    keyValue: stringField(content, 'keyValue', 'signedKey'),
    keyExpiration: stringField(content, 'keyExpiration', 'signedKey'),
  };
}

export function readSignedMessage(signedMessage: string): SignedMessageContent {
  const content = parseObject(signedMessage, 'signedMessage');
  return {
    encryptedMessage: stringField(content, 'encryptedMessage', 'signedMessage'),
    ephemeralPublicKey: stringField(content, 'ephemeralPublicKey', 'signedMessage'),
    tag: stringField(content, 'tag', 'signedMessage'),
  };
}

/** `messageExpiration` of a decrypted message, when it is a JSON object that has one (Google's format). */
export function readMessageExpiration(plaintext: string): unknown {
  try {
    const content: unknown = JSON.parse(plaintext);
    return isRecord(content) ? content.messageExpiration : undefined;
  } catch {
    return undefined; // not JSON, so no expiration to check
  }
}

/** Milliseconds since the epoch from a decimal string (Google's format) or a safe integer. */
export function parseMillis(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  return Number(value);
}
