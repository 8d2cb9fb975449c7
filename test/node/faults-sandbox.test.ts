import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FenigeClient, FenigeError, toNodeListener } from '../../src/server/index.js';
import { createSandbox, createTestToken, startSandbox, type FaultSettings, type RunningSandbox } from '../../src/sandbox/index.js';
import { listen } from '../support/http.js';
import { waitFor } from '../support/wait.js';
import { sandboxFenigeClient } from '../support/checkout.js';

/** Every fault of the sandbox, seen from a client over real HTTP. */

const PAY = '/fenige/external-api/transactions/google-pay';

let sb: RunningSandbox;
before(async () => {
  sb = await startSandbox();
});
after(() => sb.close());
beforeEach(() => {
  sb.faults.clear();
  sb.emulators.fenige.reset();
});

const authorization = () => `Basic ${Buffer.from(`${sb.fenige.login}:${sb.fenige.password}`).toString('base64')}`;

function paymentBody(card = '4111111111111111') {
  return {
    transactionId: randomUUID(),
    amount: 1000,
    currency: 'PLN',
    description: 'Order 42',
    sender: { firstName: 'Jan', lastName: 'Kowalski' },
    token: createTestToken({ gateway: 'fenige', gatewayMerchantId: sb.fenige.gatewayMerchantId, card }),
  };
}

/**
 * A client that gives up after `ms`, and notes when it did: the sandbox's own timers run in this
 * process, so one due later than this one always fires after it, however busy the machine is.
 */
function impatience(ms: number) {
  const controller = new AbortController();
  const state = { signal: controller.signal, gaveUpAt: Infinity };
  setTimeout(() => {
    state.gaveUpAt = Date.now();
    controller.abort(new DOMException('the client gave up', 'TimeoutError'));
  }, ms);
  return state;
}

/** POSTs a Google Pay payment; `{ error }` when no HTTP answer came at all. */
async function pay(body = paymentBody(), timeout: number | AbortSignal = 30_000): Promise<{ status?: number; body?: any; error?: unknown; id: string }> {
  try {
    const response = await fetch(sb.url + PAY, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization() },
      body: JSON.stringify(body),
      signal: typeof timeout === 'number' ? AbortSignal.timeout(timeout) : timeout,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // an HTML proxy page stays text
    }
    return { status: response.status, body: parsed, id: body.transactionId };
  } catch (error) {
    return { error, id: body.transactionId };
  }
}

const recorded = (id: string) => sb.emulators.fenige.transactions().filter((t) => t.transactionId === id);
const only = (rule: FaultSettings['rules'][number]): FaultSettings => ({ rules: [{ path: PAY, ...rule }] });

describe('faults between a client and the emulators', () => {
  test('drop-before: the connection is cut, the emulator never sees the request', async () => {
    sb.faults.set(only({ fault: 'drop-before', next: 1 }));
    const dropped = await pay();
    assert.ok(dropped.error instanceof TypeError, 'no HTTP answer at all');
    assert.equal(dropped.status, undefined);
    assert.equal(recorded(dropped.id).length, 0);
    assert.deepEqual(sb.faults.injected().at(-1), { request: sb.faults.injected().at(-1)!.request, fault: 'drop-before', method: 'POST', path: PAY });

    const next = await pay();
    assert.equal(next.status, 200, 'next: 1 fires once');
  });

  test('drop-after: the emulator did the work, the client gets no answer', async () => {
    sb.faults.set(only({ fault: 'drop-after' }));
    const dropped = await pay();
    assert.ok(dropped.error instanceof TypeError);
    assert.equal(recorded(dropped.id).length, 1);
    assert.equal(recorded(dropped.id)[0]!.state, 'SUCCESS_WAITING_FOR_CLEARING');
  });

  test('http-error: a proxy answers 502 with HTML; nothing is processed', async () => {
    sb.faults.set(only({ fault: 'http-error', status: 502 }));
    const answer = await pay();
    assert.equal(answer.status, 502);
    assert.match(String(answer.body), /502 Bad Gateway/);
    assert.equal(recorded(answer.id).length, 0);
    sb.faults.set(only({ fault: 'http-error' }));
    assert.equal((await pay()).status, 500, 'default 500');
  });

  test('fenige-e9001: 503 E9001, nothing processed, and FenigeClient calls it retriable', async () => {
    sb.faults.set(only({ fault: 'fenige-e9001' }));
    const answer = await pay();
    assert.equal(answer.status, 503);
    assert.equal(answer.body.status, 'E9001');
    assert.equal(answer.body.httpStatus, 'SERVICE_UNAVAILABLE');
    assert.equal(recorded(answer.id).length, 0);

    const client = sandboxFenigeClient(sb);
    const error = await client.googlePay(paymentBody() as Parameters<FenigeClient['googlePay']>[0]).catch((e: unknown) => e);
    assert.ok(error instanceof FenigeError && error.isRetriable && error.status === 'E9001');
  });

  test('fenige-e0153: processed, answered 500 E0153 PENDING; the details tell the true state', async () => {
    sb.faults.set(only({ fault: 'fenige-e0153' }));
    const answer = await pay(paymentBody('5105105105105100'));
    assert.equal(answer.status, 500);
    assert.equal(answer.body.status, 'E0153');
    assert.equal(answer.body.transactionStatus, 'PENDING');
    assert.equal(recorded(answer.id)[0]!.state, 'FAILURE', 'the declined card was really processed');
  });

  test('timeout, processing before: the work is done, the answer comes after the client gave up', async () => {
    // The answer is held 2 s after the work; the client gives up at 0.3 s, so it never hears it.
    sb.faults.set(only({ fault: 'timeout', ms: 2_000 }));
    const answer = await pay(undefined, 300);
    assert.equal((answer.error as Error).name, 'TimeoutError');
    await waitFor(() => recorded(answer.id).length === 1, 'the payment was processed');
  });

  test('timeout shorter than the client waits: a slow but real answer', async () => {
    sb.faults.set(only({ fault: 'timeout', ms: 200 }));
    const started = Date.now();
    const answer = await pay();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'APPROVED');
    assert.ok(Date.now() - started >= 200);
  });

  test('timeout, processing after: the request lands after the client gave up', async () => {
    sb.faults.set(only({ fault: 'timeout', ms: 600, processing: 'after' }));
    const client = impatience(200);
    const answer = await pay(undefined, client.signal);
    assert.equal((answer.error as Error).name, 'TimeoutError');
    await waitFor(() => recorded(answer.id).length === 1, 'the late request landed');
    assert.ok(recorded(answer.id)[0]!.createdAt >= client.gaveUpAt, 'it landed after the client gave up');
  });

  test('timeout, processing none: nothing ever happens', async () => {
    sb.faults.set(only({ fault: 'timeout', ms: 300, processing: 'none' }));
    const answer = await pay();
    assert.ok(answer.error instanceof TypeError, 'dropped after the silence');
    assert.equal(recorded(answer.id).length, 0);
  });

  test('duplicate: three deliveries at once, one transaction, the first answer', async () => {
    sb.faults.set(only({ fault: 'duplicate', copies: 3 }));
    const answer = await pay();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'APPROVED');
    assert.equal(recorded(answer.id).length, 1);
    assert.equal(sb.emulators.fenige.transactions().length, 1);
  });

  test('latency with jitter delays the request, then it is answered normally', async () => {
    sb.faults.set(only({ fault: 'latency', ms: 150, jitterMs: 100 }));
    const started = Date.now();
    const answer = await pay();
    assert.ok(Date.now() - started >= 150);
    assert.equal(answer.status, 200);
  });

  test('latency adds up with another fault: the first non-latency rule wins', async () => {
    sb.faults.set({
      rules: [
        { fault: 'latency', ms: 100 },
        { fault: 'fenige-e9001', path: PAY },
        { fault: 'http-error', path: PAY },
      ],
    });
    const started = Date.now();
    const answer = await pay();
    assert.ok(Date.now() - started >= 100);
    assert.equal(answer.status, 503);
    assert.deepEqual(
      sb.faults
        .injected()
        .slice(-2)
        .map((f) => f.fault),
      ['latency', 'fenige-e9001'],
    );
  });

  test('path and method filters: a rule for payments leaves the details alone', async () => {
    const paid = await pay();
    sb.faults.set({
      rules: [
        { fault: 'http-error', path: PAY },
        { fault: 'drop-before', method: 'DELETE' },
      ],
    });
    const details = await fetch(`${sb.fenige.url}/transactions/details/${paid.id}`, { headers: { Authorization: authorization() } });
    assert.equal(details.status, 200);
    assert.equal((await pay()).status, 500);
    sb.faults.set({ rules: [{ fault: 'http-error', path: /\/details\// }] });
    assert.equal((await fetch(`${sb.fenige.url}/transactions/details/${paid.id}`, { headers: { Authorization: authorization() } })).status, 500);
  });

  test('clear() ends the faults', async () => {
    sb.faults.set(only({ fault: 'drop-before' }));
    assert.ok((await pay()).error);
    sb.faults.clear();
    assert.equal((await pay()).status, 200);
  });
});

describe('fault settings', () => {
  /** Which of 40 status requests a 30 % rule hits, for a seed. */
  async function pattern(seed: number): Promise<number[]> {
    const local = await startSandbox({ faults: { seed, rules: [{ fault: 'http-error', probability: 0.3 }] } });
    try {
      const hits: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${local.fenige.url}/transactions/details/${randomUUID()}`);
        await response.body?.cancel();
        if (response.status === 500) hits.push(i);
      }
      assert.deepEqual(
        local.faults.injected().map((f) => f.request - 1),
        hits,
      );
      return hits;
    } finally {
      await local.close();
    }
  }

  test('the same seed gives the same faults; probability is honoured roughly', async () => {
    const first = await pattern(7);
    assert.deepEqual(await pattern(7), first);
    assert.notDeepEqual(await pattern(8), first);
    assert.ok(first.length > 4 && first.length < 22, `about 30 % of 40, got ${first.length}`);
  });

  test('next: N fires for N matching requests only, with a probability counting only hits', async () => {
    sb.faults.set({ seed: 3, rules: [{ fault: 'http-error', path: PAY, next: 2, probability: 0.5 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await pay()).status!);
    assert.equal(statuses.filter((s) => s === 500).length, 2);
  });

  test('bad settings are refused with the field named', async () => {
    await assert.rejects(startSandbox({ faults: { rules: [{ fault: 'nope' } as never] } }), /faults: rules\.0\.fault must be one of latency, drop-before/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'drop-after', probability: 2 }] }), /rules\.0\.probability must be from 0 to 1/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'latency' } as never] }), /rules\.0\.ms/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'duplicate', copies: 1 }] }), /rules\.0\.copies must be 2 or more/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'timeout', processing: 'later' as never }] }), /rules\.0\.processing/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'drop-before', path: 'fenige' }] }), /rules\.0\.path/);
    assert.throws(() => sb.faults.set({ rules: [], seed: 1.5 }), /seed must be an integer/);
    assert.throws(() => sb.faults.set({ rules: [{ fault: 'drop-before', extra: 1 } as never] }), /rules\.0\.extra unknown field/);
  });

  test('createSandbox under a basePath: rule paths are inside the sandbox', async (t) => {
    const sandbox = createSandbox({ basePath: '/sandbox', faults: { rules: [{ fault: 'fenige-e9001', path: '/fenige' }] } });
    const server = await listen(toNodeListener(async (request) => (await sandbox.handle(request)) ?? new Response('outside', { status: 404 })));
    t.after(server.close);
    const answer = await fetch(`${server.url}/sandbox/fenige/transactions/details/${randomUUID()}`);
    assert.equal(answer.status, 503);
    assert.equal((await answer.json()).status, 'E9001');
    const index = await fetch(`${server.url}/sandbox/`);
    assert.equal(index.status, 200, 'the index page is not a gateway endpoint');
    await index.body?.cancel();
  });
});
