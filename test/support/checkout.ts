import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestToken, type CreateTestTokenOptions, type RunningSandbox } from '../../src/sandbox/index.js';
import { FeennexClient, FenigeClient, type FeennexClientOptions, type FenigeClientOptions } from '../../src/server/index.js';
import type { CheckoutRequest } from '../../src/protocol/index.js';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway } from '../../src/server/gateway.js';
import { createIdempotencyGuard } from '../../src/server/idempotency/guard.js';
import { createMemoryIdempotencyStore } from '../../src/server/idempotency/memory-store.js';

/**
 * The checkout request body the element POSTs to the merchant's backend, for the node tests: with
 * an opaque token (for fake gateways, which never open it) or with a token sealed for a sandbox
 * gateway's merchant (for the real clients against the sandbox).
 */

export type SandboxGatewayId = 'fenige' | 'feennex';

/** A checkout body: what the tests read back from it is typed, the rest is whatever they set. */
export type PayBody = Record<string, unknown> & { transactionId: string; token: typeof TOKEN };

export const SENDER = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

/** An ECv2-shaped token no gateway can open; `TOKEN-CIPHERTEXT` marks it in logs. */
export const TOKEN = {
  protocolVersion: 'ECv2',
  signature: 'MEUCIQ-secret-signature',
  intermediateSigningKey: { signedKey: '{"keyValue":"k","keyExpiration":"1"}', signatures: ['sig'] },
  signedMessage: '{"encryptedMessage":"TOKEN-CIPHERTEXT","ephemeralPublicKey":"e","tag":"t"}',
};

/** A token of its own for each payment (a token pays one payment). */
export function freshToken(): typeof TOKEN {
  return { ...TOKEN, signedMessage: TOKEN.signedMessage.replace('TOKEN-CIPHERTEXT', `TOKEN-CIPHERTEXT-${randomUUID()}`) };
}

/** A checkout body with a fresh transactionId and an opaque fresh token: for fake gateways. */
export function payBody(overrides: Record<string, unknown> = {}): PayBody {
  return {
    transactionId: randomUUID(),
    apiKey: 'pk_test',
    amount: 1000,
    currency: 'PLN',
    description: 'Order 42',
    sender: SENDER,
    token: freshToken(),
    ...overrides,
  } as PayBody;
}

/** A Fenige client of the sandbox's merchant; every answer comes, so its timeout stays the default. */
export function sandboxFenigeClient(sb: RunningSandbox, options: Partial<FenigeClientOptions> = {}): FenigeClient {
  const { url, login, password, merchantUuid } = sb.fenige;
  return new FenigeClient({ baseUrl: url, login, password, merchantUuid, ...options });
}

/** A Feennex client of the sandbox's shop; every answer comes, so its timeout stays the default. */
export function sandboxFeennexClient(sb: RunningSandbox, options: Partial<FeennexClientOptions> = {}): FeennexClient {
  const { url, shopId, secretKey } = sb.feennex;
  return new FeennexClient({ baseUrl: url, shopId, secretKey, ...options });
}

/** The client of the sandbox's `gateway`. */
export const sandboxClient = (sb: RunningSandbox, gateway: SandboxGatewayId): FenigeClient | FeennexClient =>
  gateway === 'fenige' ? sandboxFenigeClient(sb) : sandboxFeennexClient(sb);

/** The Gateway Merchant Id the sandbox's `gateway` opens tokens for (Feennex: the shop id). */
export function sandboxMerchantOf(sb: RunningSandbox, gateway: SandboxGatewayId): string {
  return gateway === 'fenige' ? sb.fenige.gatewayMerchantId : sb.feennex.shopId;
}

/** A token sealed for the sandbox's `gateway` merchant; `options` may pick the card, expiry… */
export function sandboxToken(sb: RunningSandbox, gateway: SandboxGatewayId, options: Partial<CreateTestTokenOptions> = {}) {
  return createTestToken({ gateway, gatewayMerchantId: sandboxMerchantOf(sb, gateway), ...options });
}

/** A checkout body the sandbox's `gateway` can charge: a fresh transactionId, a freshly sealed token. */
export function sandboxPayBody(
  sb: RunningSandbox,
  gateway: SandboxGatewayId,
  overrides: Record<string, unknown> = {},
  token: Partial<CreateTestTokenOptions> = {},
): PayBody {
  return payBody({ token: sandboxToken(sb, gateway, token), ...overrides });
}

/**
 * A payment through a checkout adapter behind the handler's idempotency guard, the one owner of an
 * unknown outcome (it asks the status, resends or gives up): the answer the guard settles on.
 */
export async function payThroughGuard(gateway: CheckoutGateway, request: CheckoutRequest, context: CheckoutContext): Promise<CheckoutAnswer> {
  const guard = createIdempotencyGuard(createMemoryIdempotencyStore(), { lockMs: 60_000 });
  const expected = { amount: request.amount, currency: request.currency };
  const result = await guard.run(
    request.transactionId,
    'body-hash',
    () => gateway.pay(request, context),
    () => gateway.status(request.transactionId, { ...context, expected }),
  );
  assert.equal(result.kind, 'charged');
  return (result as { answer: CheckoutAnswer }).answer;
}
