// Each gateway is one folder with one descriptor; the registry lists them, the handler and the
// sandbox are driven by it, and each gateway's codes have exactly one payer-message group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAYS } from '../../src/gateways/registry.js';
import { fenigeProfile, feennexProfile } from '../../src/gateways/profiles.js';
import { fenigeOutcomes, feennexOutcomes, outcomesOf } from '../../src/gateways/outcomes.js';
import { FENIGE_ERROR_CODES } from '../../src/gateways/fenige/server/codes.js';
import { FEENNEX_ERROR_CODES } from '../../src/gateways/feennex/server/errors.js';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import type { CheckoutGateway } from '../../src/server/gateway.js';
import { createSandbox } from '../../src/sandbox/server.js';
import { failureGroup } from '../../src/i18n/failure.js';
import type { GatewayErrorKind } from '../../src/gateways/gateway-error.js';

const clients = {
  fenige: () => new GATEWAYS.fenige.Client({ baseUrl: 'http://127.0.0.1:9', login: 'l', password: 'p', merchantUuid: 'e59b470b-bdb1-4043-a856-86b624c2a607' }),
  feennex: () => new GATEWAYS.feennex.Client({ baseUrl: 'http://127.0.0.1:9/', shopId: '5', secretKey: 's' }),
};

test('a client passed to the handler is adapted by its own gateway: id and default basePath come from the profile', () => {
  for (const id of ['fenige', 'feennex'] as const) {
    const handler = createCheckoutHandler({ gateway: clients[id](), lookupOrder: () => null });
    assert.equal(handler.gateway.id, id);
    assert.equal(handler.basePath, GATEWAYS[id].defaultEndpoint);
    assert.equal(GATEWAYS[id].checkout(clients[id]() as never).defaultBasePath, GATEWAYS[id].defaultEndpoint);
  }
  assert.equal(GATEWAYS.fenige.defaultEndpoint, '/paytool/transactions');
  assert.equal(GATEWAYS.feennex.defaultEndpoint, '/feennex/payments');
});

test('any object with toCheckoutGateway() is a gateway client; anything else is refused naming the shapes', () => {
  const custom: CheckoutGateway = {
    id: 'acme',
    defaultBasePath: '/acme/pay',
    pay: async () => ({ httpStatus: 200, body: {} }),
    status: async () => ({ httpStatus: 200, body: {} }),
    hosted: async () => ({ httpStatus: 200, body: {} }),
  };
  assert.equal(createCheckoutHandler({ gateway: { toCheckoutGateway: () => custom }, lookupOrder: () => null }).basePath, '/acme/pay');
  assert.equal(createCheckoutHandler({ gateway: custom, lookupOrder: () => null }).gateway, custom);
  assert.throws(() => createCheckoutHandler({ gateway: {} as never, lookupOrder: () => null }), /gateway must be a gateway client .* or a CheckoutGateway/);
  assert.throws(() => createCheckoutHandler({ gateway: { toCheckoutGateway: () => ({}) } as never, lookupOrder: () => null }), TypeError);
});

test('the sandbox mounts every registered emulator under /{id} and lists it', async () => {
  const sandbox = createSandbox({ basePath: '/sb' });
  const description = sandbox.describe('http://shop.test');
  for (const id of Object.keys(GATEWAYS) as (keyof typeof GATEWAYS)[]) {
    assert.equal(description[id].url, `http://shop.test/sb/${id}`);
    assert.ok(sandbox.emulators[id]);
  }
  const index = await sandbox.handle(new Request('http://shop.test/sb/'));
  const html = await index!.text();
  for (const { title } of Object.values(GATEWAYS)) assert.ok(html.includes(`<h2>${title}</h2>`), title);
});

/** Each gateway as the element knows it: before a payment (profiles.ts) and after the click (outcomes.ts). */
const fenige = { ...fenigeProfile, ...fenigeOutcomes };
const feennex = { ...feennexProfile, ...feennexOutcomes };

test("every profile's id has its outcomes, the after-click half, and an unknown id is named", () => {
  assert.equal(outcomesOf(fenigeProfile.id), fenigeOutcomes);
  assert.equal(outcomesOf(feennexProfile.id), feennexOutcomes);
  for (const descriptor of Object.values(GATEWAYS)) assert.equal(outcomesOf(descriptor.id).failureGroups, descriptor.failureGroups, descriptor.id);
  assert.throws(() => outcomesOf('toString'), /no gateway outcomes for "toString"/);
});

/** `group:CODE CODE` lines → code → group, failing on a code listed twice. */
function groupsOf(text: string): Map<string, string> {
  const groups = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [group, codes] = line.split(':') as [string, string];
    for (const code of codes.split(' ')) {
      assert.ok(!groups.has(code), `${code} is in two groups`);
      groups.set(code, group);
    }
  }
  return groups;
}

test("every code of a gateway's catalogue has one payer-message group in its profile, and no other code does", () => {
  assert.deepEqual([...groupsOf(fenige.failureGroups).keys()].sort(), Object.keys(FENIGE_ERROR_CODES).sort());
  const feennexCodes = Object.keys(FEENNEX_ERROR_CODES).map((n) => `FEENNEX_${n}`);
  assert.deepEqual([...groupsOf(feennex.failureGroups).keys()].sort(), feennexCodes.sort());
});

/**
 * The payer-message groups each kind of failure may use. A `configuration` failure is the shop's to
 * fix, never the payer's: "try another card" would send them round in circles (Feennex 16, an
 * exchange the shop's contract lacks, once said "this card cannot pay in this currency").
 */
const GROUPS_OF_KIND: Record<GatewayErrorKind, readonly string[]> = {
  configuration: ['shopSetup'],
  'unknown-outcome': ['unknownOutcome'],
  unavailable: ['unavailable'],
  declined: ['declined', 'currency', 'issuer', 'threeDs', 'amountLimit', 'blocked', 'timeout', 'shopSetup'],
  'invalid-request': ['shopSetup', 'duplicate', 'blocked'],
  gateway: ['shopSetup'],
};

test("the payer-message groups agree with each code's kind in the one catalogue, for every gateway", () => {
  for (const [profile, catalogue, codeOf] of [
    [fenige, FENIGE_ERROR_CODES, (code: string) => code],
    [feennex, FEENNEX_ERROR_CODES, (code: string) => `FEENNEX_${code}`],
  ] as const) {
    const groups = groupsOf(profile.failureGroups);
    for (const [code, { kind }] of Object.entries(catalogue)) {
      const group = groups.get(codeOf(code))!;
      assert.ok(GROUPS_OF_KIND[kind].includes(group), `${profile.id} ${code} is ${kind}, yet the payer reads the "${group}" words`);
    }
  }
});

test("a profile's credential codes are codes of its own that the payer reads as a shop set-up problem", () => {
  for (const profile of [fenige, feennex]) {
    assert.ok(profile.credentialCodes.length > 0, profile.id);
    const groups = groupsOf(profile.failureGroups);
    for (const code of profile.credentialCodes) assert.equal(groups.get(code), 'shopSetup', `${profile.id} ${code}`);
  }
});

test("a gateway's codes are grouped only with its own profile; the protocol's codes need none", () => {
  assert.equal(failureGroup('E0150', fenige.failureGroups), 'declined');
  assert.equal(failureGroup('E0150'), 'generic');
  assert.equal(failureGroup('FEENNEX_6', feennex.failureGroups), 'duplicate');
  for (const code of ['INVALID_REQUEST', 'ORDER_NOT_FOUND']) {
    assert.equal(failureGroup(code, fenige.failureGroups), 'shopSetup', code);
  }
  assert.equal(failureGroup('OUTCOME_UNKNOWN', feennex.failureGroups), 'unknownOutcome');
});
