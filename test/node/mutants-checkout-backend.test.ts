import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { confirm, submit, type BackendPolicy } from '../../src/checkout/backend-client.js';

/**
 * The element's exchange with the merchant's backend, beyond test/node/checkout-backend-client.test.ts:
 * the headers a strict backend checks, a request that never answers, a backend asking to be left
 * alone for a while, and a 5xx answer to the POST.
 */

type Seen = { method: string; path: string; headers: IncomingHttpHeaders; at: number };
let base = '';
const seen: Seen[] = [];
let answer: (request: Seen, n: number) => { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' = () => ({ status: 500 });
const held: ServerResponse[] = [];

const server = createServer(async (req, res) => {
  for await (const chunk of req) void chunk;
  const request = { method: req.method!, path: req.url!, headers: req.headers, at: performance.now() };
  seen.push(request);
  const reply = answer(request, seen.length);
  if (reply === 'hang') return void held.push(res);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body ?? {}));
});
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  seen.length = 0;
  for (const res of held.splice(0)) res.destroy();
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const policy: BackendPolicy = { requestTimeoutMs: 10_000, maxPosts: 3, deadlineMs: 20_000, initialDelayMs: 1, maxDelayMs: 5 };
const id = '08ea8e28-0aad-45eb-8368-f15bdadd5eba';
const body = { transactionId: id, amount: 1999 };

describe('backend exchange', () => {
  test('the POST says JSON both ways, the status query asks for JSON', async () => {
    answer = (r) => (r.method === 'POST' ? { status: 202, body: { status: 'PENDING' } } : { status: 200, body: { status: 'APPROVED' } });
    await submit(`${base}/pay`, body, policy);
    const [post, get] = seen;
    assert.equal(post?.headers['content-type'], 'application/json');
    assert.equal(post?.headers.accept, 'application/json');
    assert.equal(get?.method, 'GET');
    assert.equal(get?.headers.accept, 'application/json');
  });

  test('a request that never answers is given up after requestTimeoutMs and re-sent', async () => {
    answer = (_r, n) => (n === 1 ? 'hang' : { status: 200, body: { status: 'APPROVED' } });
    const result = await submit(`${base}/pay`, body, { ...policy, requestTimeoutMs: 100 });
    assert.equal(result.outcome.kind, 'success');
    assert.deepEqual(
      seen.map((r) => r.method),
      ['POST', 'POST'],
    );
  });

  test('a 5xx answer to the POST re-sends the identical POST before asking for the status', async () => {
    answer = (r, n) => (r.method === 'POST' && n > 1 ? { status: 200, body: { status: 'APPROVED' } } : { status: 500 });
    const result = await submit(`${base}/pay`, body, policy);
    assert.equal(result.outcome.kind, 'success');
    assert.deepEqual(
      seen.map((r) => r.method),
      ['POST', 'POST'],
    );
  });

  test('Retry-After in seconds is honoured: the backend is not asked again sooner', async () => {
    answer = (_r, n) => (n === 1 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 200, body: { status: 'APPROVED' } });
    await submit(`${base}/pay`, body, { ...policy, maxDelayMs: 5_000 });
    assert.equal(seen.length, 2);
    assert.ok(seen[1]!.at - seen[0]!.at >= 950, `asked again after ${Math.round(seen[1]!.at - seen[0]!.at)} ms`);
  });

  test('the status URL has exactly one slash before the id, however many the endpoint ends with', async () => {
    answer = () => ({ status: 200, body: { status: 'APPROVED' } });
    await confirm(`${base}/pay//`, id, policy);
    assert.equal(seen[0]?.path, `/pay/${id}`);
  });
});
