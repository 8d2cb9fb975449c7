/**
 * ASN.1 DER bits ECv2 needs. Google's signatures are DER `ECDSA-Sig-Value`s while WebCrypto signs
 * and verifies raw `r || s`; Node's ECDH wants the raw uncompressed point inside a P-256 SPKI.
 */
import { concatBytes } from './bytes.js';

const P256_SCALAR_BYTES = 32;

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → 64-byte `r || s`, or `null` when it is not one. */
export function derSignatureToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  const sequence = readElement(der, 0, 0x30);
  if (!sequence || sequence.end !== der.length) return null;
  const r = readElement(der, sequence.start, 0x02);
  const s = r && readElement(der, r.end, 0x02);
  if (!r || !s || s.end !== sequence.end) return null;
  const raw = new Uint8Array(2 * P256_SCALAR_BYTES);
  const rOk = writeScalar(der.subarray(r.start, r.end), raw, 0);
  const sOk = writeScalar(der.subarray(s.start, s.end), raw, P256_SCALAR_BYTES);
  return rOk && sOk ? raw : null;
}

/** 64-byte `r || s` → DER `SEQUENCE { INTEGER r, INTEGER s }`. */
export function rawSignatureToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length !== 2 * P256_SCALAR_BYTES) throw new TypeError('raw P-256 signature must be 64 bytes');
  const r = derInteger(raw.subarray(0, P256_SCALAR_BYTES));
  const s = derInteger(raw.subarray(P256_SCALAR_BYTES));
  return concatBytes(Uint8Array.of(0x30, r.length + s.length), r, s);
}

const P256_SPKI_PREFIX = Uint8Array.from([
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
]);

/** P-256 SPKI (DER) → the 65-byte uncompressed point it holds; throws for anything else. */
export function p256SpkiToRawPoint(spki: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefixMatches = P256_SPKI_PREFIX.every((byte, i) => spki[i] === byte);
  if (!prefixMatches || spki.length !== P256_SPKI_PREFIX.length + 65 || spki[P256_SPKI_PREFIX.length] !== 0x04) {
    throw new TypeError('not an uncompressed P-256 SPKI public key');
  }
  return spki.slice(P256_SPKI_PREFIX.length);
}

interface Element {
  start: number;
  end: number;
}

function readElement(der: Uint8Array, offset: number, tag: number): Element | null {
  if (der[offset] !== tag || offset + 2 > der.length) return null;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length === 0x81) {
    length = der[offset + 2] ?? 0;
    start += 1;
    if (length < 0x80) return null; // long form must be minimal in DER
  } else if (length > 0x80) {
    return null; // longer than any P-256 signature
  }
  const end = start + length;
  return end <= der.length ? { start, end } : null;
}

function writeScalar(integer: Uint8Array, out: Uint8Array, offset: number): boolean {
  if (integer.length === 0 || integer[0]! & 0x80) return false; // empty or negative
  let first = 0;
  while (first < integer.length - 1 && integer[first] === 0) first++;
  const value = integer.subarray(first);
  if (value.length > P256_SCALAR_BYTES) return false;
  out.set(value, offset + P256_SCALAR_BYTES - value.length);
  return true;
}

function derInteger(scalar: Uint8Array): Uint8Array {
  let first = 0;
  while (first < scalar.length - 1 && scalar[first] === 0) first++;
  const value = scalar.subarray(first);
  const body = value[0]! & 0x80 ? concatBytes(Uint8Array.of(0), value) : value;
  return concatBytes(Uint8Array.of(0x02, body.length), body);
}
