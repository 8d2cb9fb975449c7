import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirm, submit, type BackendPolicy } from '../../src/checkout/backend-client.js';
import { serveRecording, type ReceivedRequest } from '../support/http.js';

/** The element's backend client against a scripted backend over real HTTP. */

type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string>; drop?: boolean };
const script = new Map<string, Answer[]>();
let seen: ReceivedRequest[] = [];

let base = '';
let close = async () => {};
before(async () => {
  const server = await serveRecording(({ method, path }, res) => {
    const queue = script.get(`${method} ${path}`) ?? [];
    const answer = queue.length > 1 ? queue.shift()! : queue[0];
    if (!answer) return void res.writeHead(500).end('nothing scripted');
    if (answer.drop) return void res.socket?.destroy(); // no answer at all, as after a timeout
    res.writeHead(answer.status, { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain', ...answer.headers });
    res.end(answer.text ?? JSON.stringify(answer.body ?? {}));
  });
  ({ url: base, received: seen, close } = server);
});
after(() => close());

let scenario = 0;
function backend(answers: { pay?: Answer[]; status?: Answer[] }) {
  const path = `/s${++scenario}/pay`;
  const id = `tx-${scenario}`;
  script.set(`POST ${path}`, answers.pay ?? []);
  script.set(`GET ${path}/${id}`, answers.status ?? []);
  const log = () => seen.filter((r) => r.path.startsWith(path));
  return { url: base + path, id, body: { transactionId: id, amount: 1000 }, log };
}

// The machine may be busy: generous timeouts, and "no answer" made by dropping the connection.
const policy: BackendPolicy = { requestTimeoutMs: 10_000, maxPosts: 3, deadlineMs: 20_000, initialDelayMs: 5, maxDelayMs: 20 };

describe('submit: follow one payment until its outcome is known', () => {
  test('posts JSON with Idempotency-Key = transactionId and classifies the answer', async () => {
    const b = backend({ pay: [{ status: 200, body: { status: 'APPROVED' } }] });
    const answer = await submit(b.url, b.body, policy);
    assert.deepEqual(answer, { outcome: { kind: 'success', status: 'APPROVED' }, response: { status: 'APPROVED' } });
    const [post] = b.log();
    assert.equal(post!.method, 'POST');
    assert.equal(post!.key, b.id);
    assert.deepEqual(JSON.parse(post!.text), b.body);
  });

  test('Retry-After is capped by maxDelayMs: a backend asking for an hour does not stall the payer', async () => {
    const b = backend({
      pay: [
        { status: 503, headers: { 'Retry-After': '3600' } },
        { status: 200, body: { status: 'APPROVED' } },
      ],
    });
    const answer = await submit(b.url, b.body, policy);
    assert.equal(answer.outcome.kind, 'success');
    assert.equal(b.log().length, 2);
  });

  test('a short Retry-After is honoured instead of the backoff', async () => {
    const slowBackoff = { ...policy, initialDelayMs: 60_000, maxDelayMs: 60_000 };
    const b = backend({ pay: [{ status: 429, headers: { 'Retry-After': '0.01' } }], status: [{ status: 200, body: { status: 'SUCCESS' } }] });
    const answer = await submit(b.url, b.body, slowBackoff);
    assert.equal(answer.outcome.kind, 'success');
  });

  test('5xx and no answer re-send the identical POST, at most maxPosts times, then ask the status', async () => {
    const b = backend({ pay: [{ status: 502, text: 'bad gateway' }], status: [{ status: 200, body: { transactionState: 'SUCCESS' } }] });
    const answer = await submit(b.url, b.body, policy);
    assert.deepEqual(answer.outcome, { kind: 'success', status: 'SUCCESS' });
    const posts = b.log().filter((r) => r.method === 'POST');
    assert.equal(posts.length, 3);
    assert.ok(posts.every((p) => p.key === b.id && p.text === posts[0]!.text));
    assert.deepEqual(
      b
        .log()
        .slice(3)
        .map((r) => `${r.method} ${r.path}`),
      [`GET ${new URL(b.url).pathname}/${b.id}`],
    );
  });

  test('a pending answer is followed by status queries, never by a second POST', async () => {
    const b = backend({
      pay: [{ status: 202, body: { status: 'PENDING' } }],
      status: [
        { status: 200, body: { status: 'IN_PROGRESS' } },
        { status: 200, body: { status: 'DECLINED' } },
      ],
    });
    const answer = await submit(b.url, b.body, policy);
    assert.deepEqual(answer.outcome, { kind: 'failure', code: 'DECLINED' });
    assert.deepEqual(
      b.log().map((r) => r.method),
      ['POST', 'GET', 'GET'],
    );
  });

  test('a status 404 means the POST never arrived: the identical POST is sent again', async () => {
    const b = backend({
      pay: [
        { status: 202, body: { status: 'PENDING' } },
        { status: 200, body: { status: 'APPROVED' } },
      ],
      status: [{ status: 404, body: {} }],
    });
    const answer = await submit(b.url, b.body, policy);
    assert.equal(answer.outcome.kind, 'success');
    assert.deepEqual(
      b.log().map((r) => r.method),
      ['POST', 'GET', 'POST'],
    );
  });

  test('no answer is an unknown outcome, re-sent with the same key', async () => {
    const b = backend({
      pay: [
        { status: 200, drop: true },
        { status: 200, body: { status: 'APPROVED' } },
      ],
    });
    const answer = await submit(b.url, b.body, policy);
    assert.equal(answer.outcome.kind, 'success');
    assert.deepEqual(
      b.log().map((r) => r.key),
      [b.id, b.id],
    );
  });

  test('when the deadline passes the outcome is OUTCOME_UNKNOWN, never success', async () => {
    const b = backend({ pay: [{ status: 500, body: { status: 'APPROVED' } }], status: [{ status: 500, body: { status: 'APPROVED' } }] });
    const answer = await submit(b.url, b.body, { ...policy, deadlineMs: 0 });
    assert.deepEqual(answer, { outcome: { kind: 'failure', code: 'OUTCOME_UNKNOWN' }, response: { status: 'APPROVED' } });
    assert.equal(b.log().length, 1);
  });

  test('a non-JSON or non-object body is classified by its status alone', async () => {
    for (const answer of [
      { status: 422, text: 'nope' },
      { status: 422, body: ['APPROVED'] },
      { status: 422, body: null },
    ]) {
      const b = backend({ pay: [answer] });
      assert.deepEqual(await submit(b.url, b.body, policy), { outcome: { kind: 'failure', code: 'HTTP_422' }, response: {} });
    }
  });
});

describe('confirm: a returning payer’s outcome', () => {
  test('asks GET {url}/{id} until the outcome is known', async () => {
    const b = backend({
      status: [
        { status: 200, body: { status: 'PROCESSING' } },
        { status: 200, body: { status: 'APPROVED' } },
      ],
    });
    const answer = await confirm(`${b.url}/`, b.id, policy);
    assert.deepEqual(answer?.outcome, { kind: 'success', status: 'APPROVED' });
    assert.deepEqual(
      b.log().map((r) => r.method),
      ['GET', 'GET'],
    );
  });

  test('a backend that does not know the payment: undefined, and nothing is posted', async () => {
    const b = backend({ status: [{ status: 404, body: {} }] });
    assert.equal(await confirm(b.url, b.id, policy), undefined);
    assert.deepEqual(
      b.log().map((r) => r.method),
      ['GET'],
    );
  });
});
