// Feennex signatures by the package's own rule (src/gateways/feennex/server/sign.ts) hashed with
// node:crypto: synchronous, for fakes that answer before the event loop turns again and for
// property-test generators. What checks the rule itself are the public vectors and the documented
// examples (server-feennex-sign, server-feennex-notifications).
import { createHash } from 'node:crypto';
import { callbackStringToSign, stringToSign } from '../../src/gateways/feennex/server/sign.js';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A request's `sign`: the values sorted by key, joined with `:`, the secret appended. */
export const signRequest = (keys: Readonly<Record<string, string>>, secret: string): string => sha256Hex(stringToSign({ ...keys }) + secret);

/** A callback's `sign`: like a request's, without `sign` itself and without empty values. */
export const signNotification = (fields: Readonly<Record<string, string>>, secret: string): string => sha256Hex(callbackStringToSign(fields) + secret);
