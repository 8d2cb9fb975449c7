import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Feennex (Piastrix) signature, written from the documented rule rather than shared with the
 * client in `src/gateways/feennex/server/`, so that each side checks the other: values of the signed keys
 * in key-name order, joined with `:`, the secret appended, SHA-256, lower-case hex.
 */

export const stringToSign = (values: Readonly<Record<string, string>>, keys: readonly string[]): string =>
  [...keys]
    .sort()
    .map((key) => values[key] ?? '')
    .join(':');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const signString = (joined: string, secretKey: string): string => sha256Hex(joined + secretKey);

/** Constant-time comparison; only lower-case hex is accepted, as documented. */
export function signaturesMatch(received: unknown, expected: string): boolean {
  if (typeof received !== 'string' || !/^[0-9a-f]{64}$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(received, 'utf8'), Buffer.from(expected, 'utf8'));
}

/** A callback's sign: every field but `sign` whose value is not empty, sorted by name. */
export function callbackSign(fields: Readonly<Record<string, string>>, secretKey: string): string {
  const keys = Object.keys(fields).filter((key) => key !== 'sign' && fields[key] !== '');
  return signString(stringToSign(fields, keys), secretKey);
}
