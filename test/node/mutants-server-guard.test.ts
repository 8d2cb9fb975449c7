import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckoutAnswer } from '../../src/server/gateway.js';
import { createIdempotencyGuard } from '../../src/server/idempotency/guard.js';
import { createMemoryIdempotencyStore, type IdempotencyStore } from '../../src/server/idempotency/index.js';

/**
 * The idempotency guard alone (src/server/idempotency/guard.ts), with a memory store and a clock of
 * our own: one transactionId is charged at most once, whatever order retries, crashes and other
 * processes come in. Written for the mutants StrykerJS left alive (docs/testing.md).
 */

const approved: CheckoutAnswer = { httpStatus: 200, body: { transactionId: 't', status: 'APPROVED' } };
const pending: CheckoutAnswer = { httpStatus: 202, body: { transactionId: 't', status: 'PENDING' } };
const notFound: CheckoutAnswer = { httpStatus: 404, body: { status: 'ERROR', code: 'NOT_FOUND' } };

/** A charge that runs until the test finishes it; `started` resolves once the guard has called it. */
function heldCharge() {
  let finish!: (answer: CheckoutAnswer) => void;
  let begin!: () => void;
  const started = new Promise<void>((resolve) => (begin = resolve));
  const charge = () => new Promise<CheckoutAnswer>((resolve) => ((finish = resolve), begin()));
  return { charge, started, finish: (answer: CheckoutAnswer) => finish(answer) };
}

function setup(options: { lockMs?: number; store?: IdempotencyStore } = {}) {
  let time = 1_000_000;
  const store = options.store ?? createMemoryIdempotencyStore({ now: () => time });
  const storeErrors: unknown[] = [];
  const guard = createIdempotencyGuard(store, { lockMs: options.lockMs ?? 30_000, now: () => time, onStoreError: (e) => storeErrors.push(e) });
  let charges = 0;
  let statuses = 0;
  const charge = (answer: CheckoutAnswer) => async () => (charges++, answer);
  const status = (answer: CheckoutAnswer) => async () => (statuses++, answer);
  return {
    guard,
    store,
    storeErrors,
    charge,
    status,
    counts: () => ({ charges, statuses }),
    advance: (ms: number) => void (time += ms),
  };
}

describe('one transactionId, one charge', () => {
  test('a retry of a final answer is replayed without touching the gateway', async () => {
    const s = setup();
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'charged', answer: approved });
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'replayed', answer: approved });
    assert.deepEqual(s.counts(), { charges: 1, statuses: 0 });
  });

  test('the same id with another body is refused, whether the first is settled or still running', async () => {
    const s = setup();
    const held = heldCharge();
    const first = s.guard.run('k', 'h1', held.charge, s.status(pending));
    assert.deepEqual(await s.guard.run('k', 'h2', s.charge(approved), s.status(pending)), { kind: 'reused' });
    await held.started;
    held.finish(approved);
    await first;
    assert.deepEqual(await s.guard.run('k', 'h2', s.charge(approved), s.status(pending)), { kind: 'reused' });
    assert.equal(s.counts().charges, 0);
  });

  test('a duplicate arriving while the charge runs joins it and gets the same answer', async () => {
    const s = setup();
    const held = heldCharge();
    const first = s.guard.run('k', 'h', held.charge, s.status(pending));
    const second = s.guard.run('k', 'h', s.charge(approved), s.status(pending));
    await held.started;
    held.finish(approved);
    assert.deepEqual(await first, { kind: 'charged', answer: approved });
    assert.deepEqual(await second, { kind: 'joined', answer: approved });
    assert.equal(s.counts().charges, 0);
  });

  test('an unknown outcome is asked about, never charged again; when the gateway never saw it, it is re-sent once', async () => {
    const s = setup();
    assert.equal((await s.guard.run('k', 'h', s.charge(pending), s.status(pending))).kind, 'charged');
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'status', answer: pending });
    assert.deepEqual(s.counts(), { charges: 1, statuses: 1 });

    const t = setup();
    await assert.rejects(
      t.guard.run('k', 'h', () => Promise.reject(new TypeError('socket hang up')), t.status(pending)),
      TypeError,
    );
    assert.deepEqual(await t.guard.run('k', 'h', t.charge(approved), t.status(notFound)), { kind: 'resent', answer: approved });
    assert.deepEqual(await t.guard.run('k', 'h', t.charge(approved), t.status(notFound)), { kind: 'replayed', answer: approved });
    assert.deepEqual(t.counts(), { charges: 1, statuses: 1 });
  });

  test('a request refused before the gateway leaves no trace: the same id may pay afterwards', async () => {
    const s = setup();
    const refused: CheckoutAnswer = { httpStatus: 400, body: { status: 'ERROR', code: 'INVALID_REQUEST' }, notSent: true };
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(refused), s.status(pending)), { kind: 'charged', answer: refused });
    assert.equal(await s.store.get('k'), undefined);
    assert.equal(await s.guard.known('k'), false);
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'charged', answer: approved });
    assert.equal(s.counts().charges, 2);
  });
});

describe('another process holds the lock', () => {
  test('a live lock is "in progress" with a Retry-After of 1 to 5 seconds, rounded up', async () => {
    const s = setup({ lockMs: 60_000 });
    await s.store.acquire('k', 'h', 1_000_000 + 60_000);
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'in-progress', retryAfterSeconds: 5 });
    s.advance(57_500);
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'in-progress', retryAfterSeconds: 3 });
    s.advance(2_499);
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'in-progress', retryAfterSeconds: 1 });
    assert.equal(await s.guard.inFlight('k'), true);
    assert.deepEqual(s.counts(), { charges: 0, statuses: 0 });
  });

  test('a lock past its time (the holder died) becomes a status query, never a second charge', async () => {
    const s = setup();
    await s.store.acquire('k', 'h', 1_000_000 + 1_000);
    s.advance(1_000);
    assert.equal(await s.guard.inFlight('k'), false);
    assert.equal(await s.guard.known('k'), true);
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(approved)), { kind: 'status', answer: approved });
    assert.deepEqual(s.counts(), { charges: 0, statuses: 1 });
  });

  test('the lock taken for a charge lasts lockMs from now', async () => {
    const s = setup({ lockMs: 7_000 });
    const held = heldCharge();
    const first = s.guard.run('k', 'h', held.charge, s.status(pending));
    await held.started;
    assert.deepEqual(await s.store.get('k'), { state: 'in-flight', bodyHash: 'h', lockedUntil: 1_000_000 + 7_000 });
    assert.equal(await s.guard.inFlight('k'), true);
    held.finish(approved);
    await first;
    assert.equal(await s.guard.inFlight('k'), false);
    assert.equal(await s.guard.known('k'), true);
    assert.equal(await s.guard.inFlight('never-seen'), false);
    assert.equal(await s.guard.known('never-seen'), false);
  });
});

describe('a store that fails after the charge', () => {
  test('the answer still reaches the payer and the failure is reported', async () => {
    const memory = createMemoryIdempotencyStore();
    const failing: IdempotencyStore = { ...memory, settle: () => Promise.reject(new Error('redis gone')) };
    const s = setup({ store: failing });
    assert.deepEqual(await s.guard.run('k', 'h', s.charge(approved), s.status(pending)), { kind: 'charged', answer: approved });
    assert.equal(s.storeErrors.length, 1);
    await assert.rejects(
      s.guard.run('j', 'h', () => Promise.reject(new RangeError('boom')), s.status(pending)),
      RangeError,
    );
    assert.equal(s.storeErrors.length, 2);
  });
});
