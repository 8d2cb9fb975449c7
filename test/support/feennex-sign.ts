// Feennex signatures computed with node:crypto, apart from the package's own WebCrypto code: an
// independent oracle, and synchronous for fakes and property-test generators.
import { createHash } from 'node:crypto';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A request's `sign`: the values sorted by key, joined with `:`, the secret appended. */
export function signRequest(keys: Readonly<Record<string, string>>, secret: string): string {
  return sha256Hex(
    Object.keys(keys)
      .sort()
      .map((key) => keys[key])
      .join(':') + secret,
  );
}

/** A callback's `sign`: like a request's, without `sign` itself and without empty values. */
export function signNotification(fields: Readonly<Record<string, string>>, secret: string): string {
  const keys = Object.keys(fields).filter((key) => key !== 'sign' && fields[key] !== '');
  return sha256Hex(
    keys
      .sort()
      .map((key) => fields[key])
      .join(':') + secret,
  );
}
