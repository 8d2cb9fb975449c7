import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { GooglePayTokenError, openGooglePayToken, type GooglePayTokenFailure } from '../../src/ecv2/open.js';
import type { GooglePayToken, RootSigningKey } from '../../src/ecv2/format.js';
import { SANDBOX_KEYS } from '../../src/ecv2/sandbox-keys.js';

interface Vector {
  name: string;
  now: number;
  rootKeys: RootSigningKey[];
  recipientId: string;
  recipientPrivateKeyPkcs8: string;
  token: GooglePayToken;
  expectedPlaintext?: string;
  expectedPan?: string;
  expectedAuthMethod?: string;
  expectedMessageExpiration?: string;
}

const vectors: Vector[] = JSON.parse(readFileSync(new URL('../vectors/vectors.json', import.meta.url), 'utf8')).ecv2;
const [dotnet, moov] = [vectors.find((v) => v.name.includes('dotnet'))!, vectors.find((v) => v.name.includes('moov'))!];

const optionsFor = (v: Vector, overrides: Partial<Parameters<typeof openGooglePayToken>[1]> = {}) => ({
  recipientId: v.recipientId,
  privateKeys: [v.recipientPrivateKeyPkcs8],
  rootKeys: v.rootKeys,
  now: v.now,
  ...overrides,
});

async function rejectsWith(promise: Promise<unknown>, reason: GooglePayTokenFailure, message: RegExp) {
  const error = await promise.then(
    () => assert.fail(`expected a ${reason} rejection`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof GooglePayTokenError, `expected GooglePayTokenError, got ${String(error)}`);
  assert.equal(error.reason, reason);
  assert.match(error.message, message);
  assert.match(error.message, /^ECv2: /);
  for (const secret of [dotnet.recipientPrivateKeyPkcs8, moov.recipientPrivateKeyPkcs8, SANDBOX_KEYS.recipientPrivateKey, '4111111111111111']) {
    assert.ok(!error.message.includes(secret), 'error message must not carry keys or plaintext');
  }
}

describe('openGooglePayToken with the public vectors', () => {
  it('opens Google’s .NET library vector (inner strings with \\u003d escapes)', async () => {
    assert.equal(await openGooglePayToken(dotnet.token, optionsFor(dotnet)), dotnet.expectedPlaintext);
  });

  it('opens a real Google TEST token and finds the PAN, auth method and expiration', async () => {
    const payload = JSON.parse(await openGooglePayToken(moov.token, optionsFor(moov)));
    assert.equal(payload.paymentMethod, 'CARD');
    assert.equal(payload.paymentMethodDetails.pan, moov.expectedPan);
    assert.equal(payload.paymentMethodDetails.authMethod, moov.expectedAuthMethod);
    assert.equal(payload.messageExpiration, moov.expectedMessageExpiration);
  });

  it('accepts the token as its JSON string', async () => {
    assert.equal(await openGooglePayToken(JSON.stringify(dotnet.token), optionsFor(dotnet)), 'plaintext');
  });

  it('accepts the message up to 1 ms before messageExpiration and rejects it from then on', async () => {
    const expiration = Number(moov.expectedMessageExpiration);
    await openGooglePayToken(moov.token, optionsFor(moov, { now: expiration - 1 }));
    await rejectsWith(openGooglePayToken(moov.token, optionsFor(moov, { now: expiration })), 'MESSAGE_EXPIRED', /message expired/);
  });

  it('tries each private key and decrypts with the one whose tag matches', async () => {
    const privateKeys = [SANDBOX_KEYS.recipientPrivateKey, dotnet.recipientPrivateKeyPkcs8];
    assert.equal(await openGooglePayToken(dotnet.token, optionsFor(dotnet, { privateKeys })), 'plaintext');
  });

  it('skips expired root keys and keys of other protocol versions', async () => {
    const [root] = dotnet.rootKeys;
    const rootKeys = [{ ...SANDBOX_KEYS.rootKeys[0]!, protocolVersion: 'ECv1' }, { ...root!, keyExpiration: String(dotnet.now - 1) }, root!];
    assert.equal(await openGooglePayToken(dotnet.token, optionsFor(dotnet, { rootKeys })), 'plaintext');
  });
});

describe('openGooglePayToken rejects', () => {
  it('a token signed by another root key', async () => {
    await rejectsWith(
      openGooglePayToken(dotnet.token, optionsFor(dotnet, { rootKeys: SANDBOX_KEYS.rootKeys })),
      'INTERMEDIATE_KEY_SIGNATURE_INVALID',
      /intermediate signing key signature does not verify/,
    );
  });

  it('a re-serialized signedKey: signatures cover the raw string as received', async () => {
    const signedKey = JSON.stringify(JSON.parse(dotnet.token.intermediateSigningKey.signedKey));
    const token = { ...dotnet.token, intermediateSigningKey: { ...dotnet.token.intermediateSigningKey, signedKey } };
    await rejectsWith(openGooglePayToken(token, optionsFor(dotnet)), 'INTERMEDIATE_KEY_SIGNATURE_INVALID', /intermediate/);
  });

  it('when no root key is usable', async () => {
    const expired = dotnet.rootKeys.map((k) => ({ ...k, keyExpiration: String(dotnet.now) }));
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { rootKeys: expired })), 'NO_ROOT_KEY', /no root key/);
    const ecv1 = dotnet.rootKeys.map((k) => ({ ...k, protocolVersion: 'ECv1' }));
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { rootKeys: ecv1 })), 'NO_ROOT_KEY', /no root key/);
  });

  it('an expired intermediate signing key', async () => {
    const { keyExpiration } = JSON.parse(moov.token.intermediateSigningKey.signedKey);
    await rejectsWith(
      openGooglePayToken(moov.token, optionsFor(moov, { now: Number(keyExpiration) })),
      'INTERMEDIATE_KEY_EXPIRED',
      /intermediate signing key expired/,
    );
  });

  it('a message signed for another recipient', async () => {
    await rejectsWith(
      openGooglePayToken(dotnet.token, optionsFor(dotnet, { recipientId: 'gateway:fenige' })),
      'MESSAGE_SIGNATURE_INVALID',
      /message signature does not verify for recipient gateway:fenige/,
    );
  });

  it('a tampered signedMessage', async () => {
    const signedMessage = dotnet.token.signedMessage.replace('mleAf23XkKjj', 'mleAf23XkKjk');
    await rejectsWith(openGooglePayToken({ ...dotnet.token, signedMessage }, optionsFor(dotnet)), 'MESSAGE_SIGNATURE_INVALID', /message signature/);
  });

  it('a private key that does not fit', async () => {
    await rejectsWith(
      openGooglePayToken(dotnet.token, optionsFor(dotnet, { privateKeys: [SANDBOX_KEYS.recipientPrivateKey] })),
      'TAG_MISMATCH',
      /tag mismatch/,
    );
  });

  it('a token that is not ECv2 or not a token', async () => {
    await rejectsWith(openGooglePayToken({ ...dotnet.token, protocolVersion: 'ECv1' }, optionsFor(dotnet)), 'UNSUPPORTED_PROTOCOL', /protocolVersion/);
    await rejectsWith(openGooglePayToken('examplePaymentMethodToken', optionsFor(dotnet)), 'MALFORMED_TOKEN', /token is not JSON/);
    const noSignatures = { ...dotnet.token, intermediateSigningKey: { signedKey: 'x', signatures: [] } };
    await rejectsWith(openGooglePayToken(noSignatures, optionsFor(dotnet)), 'MALFORMED_TOKEN', /intermediateSigningKey\.signatures/);
    const { signature: _omitted, ...unsigned } = dotnet.token;
    await rejectsWith(openGooglePayToken(unsigned, optionsFor(dotnet)), 'MALFORMED_TOKEN', /token\.signature/);
  });

  it('unusable options, naming the option', async () => {
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { privateKeys: [] })), 'BAD_CONFIGURATION', /privateKeys/);
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { privateKeys: ['bm90IGEga2V5'] })), 'BAD_CONFIGURATION', /privateKeys\[0\]/);
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { recipientId: '' })), 'BAD_CONFIGURATION', /recipientId/);
    const badRoot = [{ keyValue: 'not base64!', protocolVersion: 'ECv2', keyExpiration: '2154841200000' }];
    await rejectsWith(openGooglePayToken(dotnet.token, optionsFor(dotnet, { rootKeys: badRoot })), 'BAD_CONFIGURATION', /rootKeys\[0\]\.keyValue/);
  });
});
