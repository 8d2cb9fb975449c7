/**
 * PUBLIC TEST KEYS — published in this package on purpose, NEVER for production.
 *
 * The sandbox's stand-in for Google's root signing key and for a gateway's ECv2 recipient key:
 * the fake Google Pay client and `createTestToken` seal to `recipientPublicKey` and sign with
 * `rootSigningPrivateKey`; the sandbox opens with `recipientPrivateKey` and `rootKeys`. One
 * recipient key pair serves both gateways; only the `recipientId` differs. Anyone can forge
 * tokens for these keys, so a real backend must use Google's `keys.json` and its own key.
 */
import { gatewayRecipientId } from './format.js';
import type { RootSigningKey } from './format.js';

/** A gateway the sandbox emulates: `fenige` or `feennex`. */
export type SandboxGateway = 'fenige' | 'feennex';

/** The sandbox's public test keys (root signing key, recipient key pair): only sandbox tokens open with them, never real ones. */
export const SANDBOX_KEYS: {
  readonly rootKeys: readonly RootSigningKey[];
  readonly rootSigningPrivateKey: string;
  readonly recipientPrivateKey: string;
  readonly recipientPublicKey: string;
} = Object.freeze({
  rootKeys: Object.freeze([
    Object.freeze({
      keyValue: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEb+18Kh1AhKzVnZhASNdzucINS4KLYKGZIFPvjKfOp8fnJDkpozh2PdVkOSe9zHanc3QDbi2+BsVuFQcZ+9rOZw==',
      protocolVersion: 'ECv2',
      keyExpiration: '2154841200000',
    }),
  ]),
  rootSigningPrivateKey:
    'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgu8QgGLInufhWe9V7A/TwC0nE3Qiu+CyY8kzQxd5GG9mhRANCAARv7XwqHUCErNWdmEBI13O5wg1LgotgoZkgU++Mp86nx+ckOSmjOHY91WQ5J73MdqdzdANuLb4GxW4VBxn72s5n',
  recipientPrivateKey:
    'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEzEAFfOOFQwaq/OyeKGInnkZX4u7rNn87SE/5Z4yf1ShRANCAASdqK8kHNu9rpHnqKkBos0g7nNWv6dmgH03o83dQK9CXIC3P/IWHqprY5KmeCIrP08ISvP9B00MO/E48MbfEfII',
  recipientPublicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEnaivJBzbva6R56ipAaLNIO5zVr+nZoB9N6PN3UCvQlyAtz/yFh6qa2OSpngiKz9PCErz/QdNDDvxOPDG3xHyCA==',
});

/** The sandbox's ECv2 `recipientId` for a gateway: `gateway:fenige` or `gateway:feennex`. */
export function sandboxRecipientId(gateway: SandboxGateway): string {
  if (gateway !== 'fenige' && gateway !== 'feennex') {
    throw new TypeError(`gateway must be 'fenige' or 'feennex' (got ${JSON.stringify(gateway)})`);
  }
  return gatewayRecipientId(gateway);
}
