import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyResponse } from '../../src/protocol/index.js';
import { FENIGE_TEST_CARDS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxPayBody } from '../support/checkout.js';
import { postJson } from '../support/http.js';
import { serveSandboxCheckouts } from '../support/sandbox-shop.js';
import { waitFor } from '../support/wait.js';
import { TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

/**
 * The checkout handler in front of the real clients and the sandbox, everything over HTTP:
 * what a merchant's integration test does.
 */

const SETTLE_MS = 300;
/**
 * The emulators' clock, moved only by the tests: a pending payment settles when a test says so,
 * never because the machine was slow (the idempotency guard asks the status right after an unknown
 * outcome, and a payment settled by then would be answered as settled).
 */
let clock = Date.now();
const now = () => clock;

let sb: RunningSandbox;
let endpoints: Record<'fenige' | 'feennex', string>;
let closeShop: () => Promise<void>;

before(async () => {
  sb = await startSandbox({
    fenige: { pendingSettleMs: SETTLE_MS, now },
    feennex: { now, timing: { processingMs: SETTLE_MS } },
  });
  const shop = await serveSandboxCheckouts(sb, { ...TRUST_BROWSER_AMOUNT, timeoutMs: 30_000, allowedReturnOrigins: ['https://shop.test'] });
  ({ endpoints, close: closeShop } = shop);
});

after(async () => {
  await closeShop();
  await sb.close();
});

const body = (gateway: 'fenige' | 'feennex', card: string, overrides: Record<string, unknown> = {}) => sandboxPayBody(sb, gateway, overrides, { card });

const outcomeOf = (answer: { response: Response; body: unknown }) => classifyResponse(answer.response.status, answer.body);
const fenigeCount = (id: string) => sb.emulators.fenige.transactions().filter((t) => t.transactionId === id).length;
const feennexCount = (id: string) => sb.emulators.feennex.invoices().filter((i) => i.shopOrderId === id).length;

/** Asks `GET {endpoint}/{id}` until the outcome is final (the element's polling, compressed). */
async function statusUntilFinal(endpoint: string, id: string) {
  const ask = async () => {
    const response = await fetch(`${endpoint}/${id}`);
    const answer = { response, body: await response.json() };
    return outcomeOf(answer).kind !== 'pending' && answer;
  };
  return waitFor(ask, 'the payment settling', { intervalMs: 100 });
}

/** The same signed message with one byte of its ciphertext changed: the signature no longer holds. */
function tamper(signedMessage: string): string {
  const message = JSON.parse(signedMessage) as { encryptedMessage: string };
  const first = message.encryptedMessage[0] === 'A' ? 'B' : 'A';
  return JSON.stringify({ ...message, encryptedMessage: first + message.encryptedMessage.slice(1) });
}

const cardFor = (outcome: string, settlesTo?: string) =>
  FENIGE_TEST_CARDS.find((c) => c.outcome === outcome && c.network === 'VISA' && c.settlesTo === settlesTo)!.pan;

describe('Fenige through the checkout handler', () => {
  test('approves once: replays and concurrent duplicates never charge twice', async () => {
    const payment = body('fenige', '4111111111111111');
    const first = await postJson(endpoints.fenige, payment);
    assert.equal(first.response.status, 200);
    assert.equal(first.body.status, 'APPROVED');

    const again = await Promise.all([1, 2, 3].map(() => postJson(endpoints.fenige, payment)));
    for (const a of again) assert.deepEqual(a.body, first.body);
    assert.equal(fenigeCount(payment.transactionId), 1);

    const status = await fetch(`${endpoints.fenige}/${payment.transactionId}`);
    assert.equal(outcomeOf({ response: status, body: await status.json() }).kind, 'success');
  });

  test("a declined card is a final failure with Fenige's code, replayed as it is", async () => {
    const payment = body('fenige', cardFor('E0150'));
    const first = await postJson(endpoints.fenige, payment);
    assert.deepEqual(outcomeOf(first), { kind: 'failure', code: 'E0150', message: first.body.message });
    const again = await postJson(endpoints.fenige, payment);
    assert.deepEqual(again.body, first.body);
    assert.ok(fenigeCount(payment.transactionId) <= 1);
  });

  test('a pending payment is answered from its status, never paid again', async () => {
    const payment = body('fenige', cardFor('E0153', 'SUCCESS'));
    const first = await postJson(endpoints.fenige, payment);
    assert.equal(outcomeOf(first).kind, 'pending');

    clock += SETTLE_MS;
    const settled = await statusUntilFinal(endpoints.fenige, payment.transactionId);
    assert.equal(outcomeOf(settled).kind, 'success');
    const resent = await postJson(endpoints.fenige, payment);
    assert.equal(outcomeOf(resent).kind, 'success');
    assert.equal(fenigeCount(payment.transactionId), 1);
  });

  test('a tampered token and an expired token are refused, and nothing is charged', async () => {
    const tampered = body('fenige', '4111111111111111');
    tampered.token = { ...tampered.token, signedMessage: tamper(tampered.token.signedMessage) };
    const expired = sandboxPayBody(sb, 'fenige', {}, { messageExpiration: clock - 60_000 });
    for (const [payment, reason] of [
      [tampered, 'MESSAGE_SIGNATURE_INVALID'],
      [expired, 'MESSAGE_EXPIRED'],
    ] as const) {
      const answer = await postJson(endpoints.fenige, payment);
      assert.equal(outcomeOf(answer).kind, 'failure', JSON.stringify(answer.body));
      assert.match(answer.body.errors.token[0], new RegExp(reason));
      assert.ok(!sb.emulators.fenige.transactions().some((t) => t.transactionId === payment.transactionId && t.state.startsWith('SUCCESS')));
    }
  });

  test("hosted: the answer redirects to the sandbox's payment page", async () => {
    const { token: _token, ...order } = body('fenige', '4111111111111111');
    const answer = await postJson(`${endpoints.fenige}/hosted`, { ...order, returnUrl: 'https://shop.test/checkout' });
    const outcome = outcomeOf(answer);
    assert.equal(outcome.kind, 'redirect');
    assert.ok(outcome.kind === 'redirect' && outcome.redirect.url.startsWith(`${sb.fenige.url}/pay/`));
    assert.equal((await fetch(outcome.kind === 'redirect' ? outcome.redirect.url : '')).status, 200);
  });
});

describe('Feennex through the checkout handler', () => {
  test('approves once: replays never create a second invoice', async () => {
    const payment = body('feennex', '4111111111111111');
    const first = await postJson(endpoints.feennex, payment);
    assert.equal(outcomeOf(first).kind, 'success', JSON.stringify(first.body));
    const again = await Promise.all([1, 2].map(() => postJson(endpoints.feennex, payment)));
    for (const a of again) assert.deepEqual(a.body, first.body);
    assert.equal(feennexCount(payment.transactionId), 1);
  });

  test('a declined card is a final failure', async () => {
    const payment = body('feennex', '4000000000000002');
    const answer = await postJson(endpoints.feennex, payment);
    assert.equal(outcomeOf(answer).kind, 'failure', JSON.stringify(answer.body));
    assert.equal(feennexCount(payment.transactionId), 1);
  });

  test('a 3-D Secure challenge answers a redirect', async () => {
    const payment = body('feennex', '4000000000003220');
    const answer = await postJson(endpoints.feennex, payment);
    const outcome = outcomeOf(answer);
    assert.equal(outcome.kind, 'redirect', JSON.stringify(answer.body));
    assert.ok(outcome.kind === 'redirect' && outcome.redirect.url.startsWith(sb.feennex.url));
  });

  test('a slow payment is pending, then answered from its status, never created twice', async () => {
    const payment = body('feennex', '4111111111111111', { amount: 333 });
    const first = await postJson(endpoints.feennex, payment);
    assert.equal(outcomeOf(first).kind, 'pending', JSON.stringify(first.body));

    clock += SETTLE_MS;
    const settled = await statusUntilFinal(endpoints.feennex, payment.transactionId);
    assert.equal(outcomeOf(settled).kind, 'success');
    const resent = await postJson(endpoints.feennex, payment);
    assert.equal(outcomeOf(resent).kind, 'success');
    assert.equal(feennexCount(payment.transactionId), 1);
  });

  test('a tampered token and an expired token are refused', async () => {
    const tampered = body('feennex', '4111111111111111');
    tampered.token = { ...tampered.token, signedMessage: tamper(tampered.token.signedMessage) };
    const expired = sandboxPayBody(sb, 'feennex', {}, { messageExpiration: clock - 60_000 });
    for (const payment of [tampered, expired]) {
      const answer = await postJson(endpoints.feennex, payment);
      assert.equal(outcomeOf(answer).kind, 'failure', JSON.stringify(answer.body));
    }
  });

  test("hosted: the answer redirects to the sandbox's card page", async () => {
    const { token: _token, ...order } = body('feennex', '4111111111111111');
    const answer = await postJson(`${endpoints.feennex}/hosted`, { ...order, returnUrl: 'https://shop.test/checkout' });
    const outcome = outcomeOf(answer);
    assert.equal(outcome.kind, 'redirect', JSON.stringify(answer.body));
    assert.ok(outcome.kind === 'redirect' && outcome.redirect.url.startsWith(sb.feennex.url));
  });
});
