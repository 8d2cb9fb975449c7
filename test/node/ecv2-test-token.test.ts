import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GooglePayTokenError, openGooglePayToken } from '../../src/ecv2/open.js';
import { SANDBOX_KEYS, sandboxRecipientId, type SandboxGateway } from '../../src/ecv2/sandbox-keys.js';
import { createTestToken } from '../../src/sandbox/test-token.js';

const HOUR = 3_600_000;

const open = (token: unknown, gateway: SandboxGateway, now?: number) =>
  openGooglePayToken(token, {
    recipientId: sandboxRecipientId(gateway),
    privateKeys: [SANDBOX_KEYS.recipientPrivateKey],
    rootKeys: SANDBOX_KEYS.rootKeys,
    ...(now === undefined ? {} : { now }),
  });

describe('createTestToken', () => {
  for (const gateway of ['fenige', 'feennex'] as const) {
    it(`returns, synchronously, a token the ${gateway} sandbox opens with Google's payload`, async () => {
      const before = Date.now();
      const token = createTestToken({ gateway, gatewayMerchantId: `merchant-of-${gateway}` });
      assert.equal(token.protocolVersion, 'ECv2');
      const payload = JSON.parse(await open(token, gateway));
      assert.equal(payload.gatewayMerchantId, `merchant-of-${gateway}`);
      assert.equal(payload.paymentMethod, 'CARD');
      assert.equal(typeof payload.messageId, 'string');
      const { pan, authMethod, expirationMonth, expirationYear } = payload.paymentMethodDetails;
      assert.deepEqual({ pan, authMethod }, { pan: '4111111111111111', authMethod: 'PAN_ONLY' });
      assert.ok(new Date(Date.UTC(expirationYear, expirationMonth)).getTime() > Date.now(), 'card expiry in the future');
      const expiresIn = Number(payload.messageExpiration) - before;
      assert.ok(expiresIn >= HOUR && expiresIn < HOUR + 60_000, 'messageExpiration = now + 1 hour');
    });
  }

  it('is sealed for one gateway only', async () => {
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm' });
    await assert.rejects(open(token, 'feennex'), (e: GooglePayTokenError) => e.reason === 'MESSAGE_SIGNATURE_INVALID');
  });

  it('carries a chosen card, as a PAN or with every field', async () => {
    const byPan = JSON.parse(await open(createTestToken({ gateway: 'feennex', gatewayMerchantId: 'm', card: '5555555555554444' }), 'feennex'));
    assert.equal(byPan.paymentMethodDetails.pan, '5555555555554444');
    const card = { pan: '4000000000000002', expirationMonth: 3, expirationYear: 2031, authMethod: 'CRYPTOGRAM_3DS' as const };
    const details = JSON.parse(await open(createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm', card }), 'fenige')).paymentMethodDetails;
    assert.deepEqual(
      { pan: details.pan, expirationMonth: details.expirationMonth, expirationYear: details.expirationYear, authMethod: details.authMethod },
      card,
    );
    assert.equal(typeof details.cryptogram, 'string');
    assert.equal(details.eciIndicator, '05');
  });

  it('makes expired messages on request, which the sandbox rejects', async () => {
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm', messageExpiration: Date.now() - 1 });
    await assert.rejects(open(token, 'fenige'), (e: GooglePayTokenError) => e.reason === 'MESSAGE_EXPIRED');
  });

  it('dates everything from `now`', async () => {
    const now = Date.UTC(2030, 0, 1);
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm', now });
    assert.equal(JSON.parse(await open(token, 'fenige', now + HOUR - 1)).messageExpiration, String(now + HOUR));
    await assert.rejects(open(token, 'fenige', now + HOUR), (e: GooglePayTokenError) => e.reason === 'MESSAGE_EXPIRED');
  });

  it('names the bad option', () => {
    assert.throws(() => createTestToken({ gateway: 'stripe' as SandboxGateway, gatewayMerchantId: 'm' }), /gateway must be 'fenige' or 'feennex'/);
    assert.throws(() => createTestToken({ gateway: 'fenige', gatewayMerchantId: '' }), /gatewayMerchantId/);
    assert.throws(() => createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm', card: '4111' }), /card\.pan/);
    assert.throws(
      () => createTestToken({ gateway: 'fenige', gatewayMerchantId: 'm', card: { pan: '4111111111111111', expirationMonth: 13 } }),
      /card\.expirationMonth/,
    );
  });
});
