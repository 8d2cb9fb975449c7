import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { derSignatureToRaw, rawSignatureToDer } from '../../src/ecv2/der.js';
import { formatSignedMessage, intermediateKeySignedBytes, messageSignedBytes } from '../../src/ecv2/format.js';
import { GooglePayTokenError, openGooglePayToken } from '../../src/ecv2/open.js';
import { SANDBOX_KEYS, sandboxRecipientId } from '../../src/ecv2/sandbox-keys.js';
import { generateSigningKeyPair, sealGooglePayToken } from '../../src/ecv2/seal.js';
import { signDer } from '../../src/ecv2/webcrypto.js';

const HOUR = 3_600_000;
const recipientId = sandboxRecipientId('fenige');
const openOptions = { recipientId, privateKeys: [SANDBOX_KEYS.recipientPrivateKey], rootKeys: SANDBOX_KEYS.rootKeys };

async function seal(message: string, keyExpiration = Date.now() + HOUR) {
  const intermediate = { ...(await generateSigningKeyPair()), keyExpiration };
  const token = await sealGooglePayToken({
    message,
    recipientId,
    recipientPublicKey: SANDBOX_KEYS.recipientPublicKey,
    intermediateSigningKey: intermediate,
    rootSigningPrivateKey: SANDBOX_KEYS.rootSigningPrivateKey,
  });
  return { token, intermediate };
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof GooglePayTokenError ? e.reason : String(e)),
  );

describe('sealGooglePayToken', () => {
  it('round-trips through openGooglePayToken, including non-ASCII text', async () => {
    const message = JSON.stringify({ messageExpiration: String(Date.now() + HOUR), note: 'zażółć gęślą jaźń €' });
    const { token } = await seal(message);
    assert.equal(token.protocolVersion, 'ECv2');
    assert.equal(await openGooglePayToken(token, openOptions), message);
  });

  it('produces DER signatures over Google’s LV bytes that OpenSSL verifies', async () => {
    const { token } = await seal('hello');
    const root = createPublicKey({ key: Buffer.from(SANDBOX_KEYS.rootKeys[0]!.keyValue, 'base64'), format: 'der', type: 'spki' });
    const signedKey = token.intermediateSigningKey.signedKey;
    assert.ok(
      verify(
        'sha256',
        intermediateKeySignedBytes(signedKey),
        { key: root, dsaEncoding: 'der' },
        Buffer.from(token.intermediateSigningKey.signatures[0]!, 'base64'),
      ),
    );
    const messageKey = createPublicKey({ key: Buffer.from(JSON.parse(signedKey).keyValue, 'base64'), format: 'der', type: 'spki' });
    assert.ok(
      verify('sha256', messageSignedBytes(recipientId, token.signedMessage), { key: messageKey, dsaEncoding: 'der' }, Buffer.from(token.signature, 'base64')),
    );
    const { ephemeralPublicKey } = JSON.parse(token.signedMessage);
    const point = Buffer.from(ephemeralPublicKey, 'base64');
    assert.equal(point.length, 65);
    assert.equal(point[0], 0x04, 'uncompressed point');
  });

  it('a sealed token with an expired intermediate key is rejected', async () => {
    const { token } = await seal('hello', Date.now() - 1);
    assert.equal(await reasonOf(openGooglePayToken(token, openOptions)), 'INTERMEDIATE_KEY_EXPIRED');
  });

  it('a sealed Google payload past its messageExpiration is rejected', async () => {
    const { token } = await seal(JSON.stringify({ messageExpiration: String(Date.now() - 1) }));
    assert.equal(await reasonOf(openGooglePayToken(token, openOptions)), 'MESSAGE_EXPIRED');
  });

  // Issue: a Google payload without messageExpiration was opened; Google's spec makes the check mandatory.
  it('a sealed Google payload without messageExpiration is refused', async () => {
    const { token } = await seal(JSON.stringify({ gatewayMerchantId: 'm', messageId: 'id', paymentMethod: 'CARD' }));
    const error = await openGooglePayToken(token, openOptions).catch((e: unknown) => e);
    assert.ok(error instanceof GooglePayTokenError);
    assert.equal(error.reason, 'MALFORMED_TOKEN');
    assert.match(error.message, /messageExpiration/);
  });

  it('a tampered tag or ciphertext under a valid signature fails the tag check', async () => {
    const { token, intermediate } = await seal('hello');
    const content = JSON.parse(token.signedMessage);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const altered of [
      { ...content, tag: flip(content.tag) },
      { ...content, encryptedMessage: flip(content.encryptedMessage) },
    ]) {
      const signedMessage = formatSignedMessage(altered);
      const signature = await signDer(intermediate.privateKey, messageSignedBytes(recipientId, signedMessage));
      assert.equal(await reasonOf(openGooglePayToken({ ...token, signedMessage, signature }, openOptions)), 'TAG_MISMATCH');
    }
  });
});

describe('DER ⇄ raw ECDSA signatures', () => {
  it('agree with OpenSSL’s own DER and IEEE-P1363 encodings', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 50; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = rawSignatureToDer(raw);
      assert.ok(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der));
      assert.deepEqual(derSignatureToRaw(der), new Uint8Array(raw));
    }
  });

  it('round-trip any 64-byte r || s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (raw) => {
        assert.deepEqual(derSignatureToRaw(rawSignatureToDer(raw)), raw);
      }),
    );
  });

  it('reject what is not a DER signature', () => {
    for (const bad of [
      [],
      [0x30, 0x00],
      [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01],
      [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01],
      [0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01],
    ]) {
      assert.equal(derSignatureToRaw(Uint8Array.from(bad)), null, JSON.stringify(bad));
    }
  });
});
