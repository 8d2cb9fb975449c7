import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, type BackendPolicy } from '../../src/checkout/backend-client.js';
import { createCheckoutHandler, FenigeClient, toNodeListener } from '../../src/server/index.js';
import { startSandbox, type FaultRule, type RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxPayBody } from '../support/checkout.js';
import { listen } from '../support/http.js';
import { WAIT_DEADLINE_MS } from '../support/wait.js';
import { TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

/**
 * Faults the fault and load suites found in the handler and the element's backend client: each
 * test states the behaviour that is correct.
 */

const PAY = '/fenige/external-api/transactions/google-pay';
const DETAILS = /^\/fenige\/transactions\/details\//;
/**
 * Nothing here waits for a timeout to fire: every fault answers at once, and each test ends as soon
 * as the element's backend client knows the outcome. So the element's limits and the handler's and
 * client's timeouts only bound a run that is broken (WAIT_DEADLINE_MS), never one on a busy machine:
 * the three POSTs and the pauses between polls are what the tests exercise, not the clock.
 */
const POLICY: BackendPolicy = { requestTimeoutMs: WAIT_DEADLINE_MS, maxPosts: 3, deadlineMs: 2 * WAIT_DEADLINE_MS, initialDelayMs: 50, maxDelayMs: 200 };

let sb: RunningSandbox;
let endpoint: string;
let close: () => Promise<void>;

before(async () => {
  sb = await startSandbox();
  const gateway = new FenigeClient({
    baseUrl: sb.fenige.url,
    login: sb.fenige.login,
    password: sb.fenige.password,
    merchantUuid: sb.fenige.merchantUuid,
    timeoutMs: WAIT_DEADLINE_MS,
  });
  const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway, timeoutMs: WAIT_DEADLINE_MS });
  const server = await listen(toNodeListener(handler));
  endpoint = server.url + handler.basePath;
  close = server.close;
});
after(async () => {
  await close?.();
  await sb?.close();
});
beforeEach(() => sb.faults.clear());

async function pay(rules: FaultRule[]) {
  sb.faults.set({ rules });
  const body = sandboxPayBody(sb, 'fenige');
  const answer = await submit(endpoint, body, POLICY);
  const transactions = sb.emulators.fenige.transactions().filter((t) => t.transactionId === body.transactionId);
  return { outcome: answer.outcome, transactions };
}

test('E9001 (nothing processed, retriable): the re-sent POST pays, once', async () => {
  const { outcome, transactions } = await pay([{ fault: 'fenige-e9001', path: PAY, next: 1 }]);
  assert.equal(outcome.kind, 'success', JSON.stringify(outcome));
  assert.equal(transactions.length, 1);
});

test('E9001, then failing status reads: the payer hears the true outcome (paid once), not "we could not confirm"', async () => {
  // E9001 on the payment, then the next two status reads fail: the element's three POSTs are spent.
  const { outcome, transactions } = await pay([
    { fault: 'fenige-e9001', path: PAY, next: 1 },
    { fault: 'http-error', status: 502, path: DETAILS, next: 2 },
  ]);
  // Fenige never saw the first try; once a status read answers "not found", the handler sends
  // the identical request again and it pays — once.
  assert.equal(outcome.kind, 'success', JSON.stringify(outcome));
  assert.equal(transactions.length, 1, 'charged exactly once');
});
