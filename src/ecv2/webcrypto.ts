/**
 * The ECv2 primitives on WebCrypto (`globalThis.crypto.subtle`: browsers and Node ≥ 20).
 * Keys travel as base64 DER (SPKI public, PKCS#8 private) like Google's own key files.
 */
import { base64ToBytes, bytesToBase64, concatBytes, utf8 } from './bytes.js';
import { derSignatureToRaw, rawSignatureToDer } from './der.js';
import { SENDER_ID } from './format.js';

function subtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is unavailable: serve the page over https or from localhost');
  return subtle;
}
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ZERO_IV = new Uint8Array(16);

export const importVerifyKey = async (spkiBase64: string) => subtle().importKey('spki', base64ToBytes(spkiBase64), ECDSA, false, ['verify']);

export const importSignKey = async (pkcs8Base64: string) => subtle().importKey('pkcs8', base64ToBytes(pkcs8Base64), ECDSA, false, ['sign']);

export const importAgreementKey = async (pkcs8Base64: string) => subtle().importKey('pkcs8', base64ToBytes(pkcs8Base64), ECDH, false, ['deriveBits']);

/** Verifies a base64 DER ECDSA-P256-SHA256 signature; a signature that is not DER does not verify. */
export async function verifyDerSignature(key: CryptoKey, signatureBase64: string, data: Uint8Array<ArrayBuffer>) {
  let raw: Uint8Array<ArrayBuffer> | null;
  try {
    raw = derSignatureToRaw(base64ToBytes(signatureBase64));
  } catch {
    return false;
  }
  return raw !== null && subtle().verify(ECDSA_SHA256, key, raw, data);
}

/** Signs with ECDSA-P256-SHA256 and returns the DER signature in base64, as Google does. */
export async function signDer(pkcs8Base64: string, data: Uint8Array<ArrayBuffer>): Promise<string> {
  const raw = await subtle().sign(ECDSA_SHA256, await importSignKey(pkcs8Base64), data);
  return bytesToBase64(rawSignatureToDer(new Uint8Array(raw)));
}

/** A fresh P-256 signing key pair as base64 PKCS#8 / SPKI (e.g. an intermediate signing key). */
export async function generateSigningKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = await subtle().generateKey(ECDSA, true, ['sign', 'verify']);
  return {
    privateKey: bytesToBase64(new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey))),
    publicKey: bytesToBase64(new Uint8Array(await subtle().exportKey('spki', pair.publicKey))),
  };
}

export interface SymmetricKeys {
  aesKey: Uint8Array<ArrayBuffer>;
  macKey: Uint8Array<ArrayBuffer>;
}

/**
 * ECDH → HKDF-SHA256(ikm = ephemeral point || shared X, empty salt, info "Google") → 64 bytes:
 * the AES-256-CTR key, then the HMAC-SHA256 key.
 */
export async function deriveSymmetricKeys(
  privateKey: CryptoKey,
  peerPoint: Uint8Array<ArrayBuffer>,
  ephemeralPoint: Uint8Array<ArrayBuffer>,
): Promise<SymmetricKeys> {
  const peer = await subtle().importKey('raw', peerPoint, ECDH, false, []);
  const sharedX = new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: peer }, privateKey, 256));
  const ikm = await subtle().importKey('raw', concatBytes(ephemeralPoint, sharedX), 'HKDF', false, ['deriveBits']);
  const hkdf = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(SENDER_ID) };
  const okm = new Uint8Array(await subtle().deriveBits(hkdf, ikm, 512));
  return { aesKey: okm.slice(0, 32), macKey: okm.slice(32) };
}

/** AES-256-CTR with a zero IV; encrypting and decrypting are the same operation. */
export async function aesCtr(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const aes = await subtle().importKey('raw', key, 'AES-CTR', false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-CTR', counter: ZERO_IV, length: 128 }, aes, data));
}

export async function hmacSha256(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const mac = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', mac, data));
}

/** Exports a public ECDH/ECDSA key as the 65-byte uncompressed point. */
export const exportRawPoint = async (key: CryptoKey) => new Uint8Array(await subtle().exportKey('raw', key));

export const generateAgreementKeyPair = () => subtle().generateKey(ECDH, true, ['deriveBits']) as Promise<CryptoKeyPair>;
