import { constantTimeEqual } from '../server/sign.js';

/**
 * The emulator signs and checks with the client's own functions (`../server/sign.ts`,
 * `../server/notifications.ts`): the rule is one algorithm on both sides. What checks that
 * algorithm independently are the public test vectors in test/vectors/vectors.json.
 */

/** Constant-time comparison; only lower-case hex is accepted, as documented. */
export function signaturesMatch(received: unknown, expected: string): boolean {
  return typeof received === 'string' && /^[0-9a-f]{64}$/.test(received) && constantTimeEqual(received, expected);
}
