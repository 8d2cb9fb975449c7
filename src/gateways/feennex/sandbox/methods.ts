import { FEENNEX_SIGNED_KEYS, type FeennexMethod } from '../server/sign.js';

/**
 * The signed (and therefore mandatory) keys of every API method: one table for the client and the
 * emulator (`../server/sign.ts`). docs/gateways/feennex.md lists the documented keys, and
 * test/node/feennex-signed-keys.test.ts checks the table against it, so a wrong key fails there
 * instead of agreeing with itself.
 */
export const SIGNED_KEYS = FEENNEX_SIGNED_KEYS;

export type MethodName = FeennexMethod;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(SIGNED_KEYS, name);
