/**
 * `createTestToken` — a Google Pay ECv2 token sealed for the sandbox (docs/protocol.md §6), as a merchant's
 * test writes it: `body.token = createTestToken({ gateway: 'fenige', gatewayMerchantId })`.
 *
 * It must be synchronous, and WebCrypto is async-only, so this file repeats the ECv2 primitives
 * (ECDH, HKDF, AES-CTR, HMAC, ECDSA) on node:crypto. Everything else — the gateway payload, the
 * JSON layouts, the signed bytes and the key material — comes from `src/ecv2`, so the two sealers
 * differ only in those primitives and `openGooglePayToken` checks both in the tests.
 */
import { createCipheriv, createECDH, createHmac, createPrivateKey, generateKeyPairSync, hkdfSync, sign, type KeyObject } from 'node:crypto';
import { p256SpkiToRawPoint } from '../ecv2/der.js';
import {
  assembleToken,
  formatSignedKey,
  formatSignedMessage,
  gatewayRecipientId,
  intermediateKeySignedBytes,
  messageSignedBytes,
  SENDER_ID,
  type GooglePayToken,
  type SignedMessageContent,
} from '../ecv2/format.js';
import { buildGatewayPayload } from '../ecv2/gateway-payload.js';
import { SANDBOX_KEYS, sandboxRecipientId, type SandboxGateway } from '../ecv2/sandbox-keys.js';
import { normalizeTestCard, type TestCard } from '../ecv2/test-card.js';

export type { GooglePayToken } from '../ecv2/format.js';
export type { TestCard, TestCardInput } from '../ecv2/test-card.js';

/** What a sandbox test token is sealed for: the gateway and its merchant id, the card, the message's expiry and the clock. */
export interface CreateTestTokenOptions {
  gateway: SandboxGateway;
  /**
   * The Google Pay `gateway` value the token is sealed for (ECv2 recipient `gateway:<gatewayId>`);
   * default `gateway`. `'Fenige'` tests the sandbox's `fenige.gatewayId: 'Fenige'` reading.
   */
  gatewayId?: string;
  /** Goes into the sealed payload, as Google copies it from `tokenizationSpecification`. */
  gatewayMerchantId: string;
  /** A PAN or `{ pan, expirationMonth?, expirationYear?, authMethod? }`; default Visa 4111111111111111. */
  card?: TestCard;
  /** Milliseconds since the epoch; default `now` + 1 hour. A past time makes an expired message. */
  messageExpiration?: number;
  /** The time the token is made at (ms); default `Date.now()`. */
  now?: number;
}

const HOUR_MS = 60 * 60 * 1000;
const INTERMEDIATE_KEY_LIFETIME_MS = 7 * 24 * HOUR_MS;

/** Seals Google's gateway payload for `gateway:<gateway>` with the sandbox's public test keys. */
export function createTestToken(options: CreateTestTokenOptions): GooglePayToken {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createTestToken needs { gateway, gatewayMerchantId, card?, messageExpiration?, now? }');
  }
  const { now = Date.now() } = options;
  if (!Number.isSafeInteger(now)) throw new TypeError('now must be a time in milliseconds');
  const recipientId = sandboxRecipientId(options.gateway);
  if (options.gatewayId !== undefined && (typeof options.gatewayId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(options.gatewayId))) {
    throw new TypeError('gatewayId must be a Google Pay gateway identifier such as fenige');
  }
  const sealedFor = options.gatewayId === undefined ? recipientId : gatewayRecipientId(options.gatewayId);
  const messageExpiration = options.messageExpiration ?? now + HOUR_MS;
  const message = buildGatewayPayload({
    gatewayMerchantId: options.gatewayMerchantId,
    card: normalizeTestCard(options.card, now),
    messageExpiration,
  });

  const intermediate = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signedKey = formatSignedKey({
    keyValue: intermediate.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    // Outlives the message, so a chosen messageExpiration is the one that decides.
    keyExpiration: String(Math.max(now + INTERMEDIATE_KEY_LIFETIME_MS, messageExpiration)),
  });
  const signedMessage = formatSignedMessage(encryptMessage(message));
  return assembleToken({
    signedKey,
    signedKeySignature: signDer(rootSigningKey(), intermediateKeySignedBytes(signedKey)),
    signedMessage,
    messageSignature: signDer(intermediate.privateKey, messageSignedBytes(sealedFor, signedMessage)),
  });
}

const rootSigningKey = () => createPrivateKey({ key: Buffer.from(SANDBOX_KEYS.rootSigningPrivateKey, 'base64'), format: 'der', type: 'pkcs8' });

const signDer = (key: KeyObject, data: Uint8Array): string => sign('sha256', data, { key, dsaEncoding: 'der' }).toString('base64');

/** The node:crypto twin of `encryptMessage` in `src/ecv2/seal.ts`. */
function encryptMessage(message: string): SignedMessageContent {
  const ephemeral = createECDH('prime256v1');
  const ephemeralPoint = ephemeral.generateKeys();
  const sharedX = ephemeral.computeSecret(p256SpkiToRawPoint(Buffer.from(SANDBOX_KEYS.recipientPublicKey, 'base64')));
  const okm = Buffer.from(hkdfSync('sha256', Buffer.concat([ephemeralPoint, sharedX]), Buffer.alloc(0), SENDER_ID, 64));
  const cipher = createCipheriv('aes-256-ctr', okm.subarray(0, 32), Buffer.alloc(16));
  const ciphertext = Buffer.concat([cipher.update(message, 'utf8'), cipher.final()]);
  return {
    encryptedMessage: ciphertext.toString('base64'),
    ephemeralPublicKey: ephemeralPoint.toString('base64'),
    tag: createHmac('sha256', okm.subarray(32)).update(ciphertext).digest('base64'),
  };
}
