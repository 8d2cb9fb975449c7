import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { toMiddleware, toNodeListener, type MiddlewareRequest } from '../../src/server/adapters.js';
import { createMemoryIdempotencyStore } from '../../src/server/idempotency/index.js';
import { payBody } from '../support/checkout.js';
import { listen, postJson } from '../support/http.js';
import { fakeGateway, TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

/** A tiny Connect-style app: optional JSON body parser, the middleware, then a 404 fallback. */
function app(middleware: ReturnType<typeof toMiddleware>, parseJson: boolean, mountPath = '') {
  return (req: IncomingMessage, res: ServerResponse) => {
    const fallback = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('next() was called');
    };
    const run = () => {
      const r = req as MiddlewareRequest;
      // Express strips the mount path from req.url and keeps it in originalUrl.
      if (mountPath && req.url!.startsWith(mountPath)) {
        r.originalUrl = req.url;
        req.url = req.url!.slice(mountPath.length) || '/';
      }
      middleware(r, res, fallback);
    };
    if (!parseJson || req.method !== 'POST') return run();
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const r = req as MiddlewareRequest;
      r.body = JSON.parse(text);
      r._body = true;
      run();
    });
  };
}

for (const parseJson of [false, true]) {
  test(`toMiddleware serves its basePath ${parseJson ? 'after a body parser consumed the body' : 'from the raw stream'} and calls next() elsewhere`, async (t) => {
    const gateway = fakeGateway();
    const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway, basePath: '/api/pay' });
    const server = await listen(app(toMiddleware(handler), parseJson, '/api'));
    t.after(server.close);

    const body = payBody();
    const paid = await postJson(`${server.url}/api/pay`, body);
    assert.equal(paid.response.status, 200);
    assert.equal(paid.body.status, 'APPROVED');
    assert.deepEqual(gateway.payCalls[0]!.request, body);

    const status = await fetch(`${server.url}/api/pay/${body.transactionId}`);
    assert.equal(status.status, 200);

    const other = await fetch(`${server.url}/api/payments`);
    assert.equal(other.status, 404);
    assert.equal(await other.text(), 'next() was called');
  });
}

/** One request over node:http (no fetch, so nothing on the client side makes a `Request` or a `Response`). */
function nodeCall(url: string, method: string, body?: string): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.once('error', reject).end(body);
  });
}

test('toNodeListener serves the checkout handler on its direct Node path: no Request, no Response, no web stream', async (t) => {
  const gateway = fakeGateway();
  const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway, maxBodyBytes: 4096 });
  const server = await listen(toNodeListener(handler));
  t.after(server.close);
  const url = server.url + handler.basePath;
  const body = payBody();
  let made = 0;
  const { Request: WebRequest, Response: WebResponse, ReadableStream: WebStream } = globalThis;
  const counting = <C extends new (...args: never[]) => object>(Base: C) =>
    class extends Base {
      constructor(...args: any[]) {
        made++;
        super(...(args as never[]));
      }
    };
  Object.assign(globalThis, { Request: counting(WebRequest), Response: counting(WebResponse), ReadableStream: counting(WebStream) });
  let answers;
  try {
    answers = [
      await nodeCall(url, 'POST', JSON.stringify(body)),
      await nodeCall(url, 'POST', JSON.stringify(body)),
      await nodeCall(`${url}/${body.transactionId}`, 'GET'),
      await nodeCall(url, 'POST', JSON.stringify({ ...body, amount: 'x' })),
      await nodeCall(url, 'POST', 'x'.repeat(5000)),
      await nodeCall(url, 'GET'),
      await nodeCall(url, 'OPTIONS'),
    ];
  } finally {
    Object.assign(globalThis, { Request: WebRequest, Response: WebResponse, ReadableStream: WebStream });
  }
  assert.equal(made, 0, 'no Request, Response or ReadableStream was made');
  const [paid, replayed, status, invalid, tooLarge, wrongMethod, options] = answers;
  assert.equal(paid!.status, 200);
  assert.equal(JSON.parse(paid!.text).status, 'APPROVED');
  assert.equal(replayed!.headers['idempotent-replayed'], 'true');
  assert.equal(gateway.payCalls.length, 1);
  assert.equal(status!.status, 200);
  assert.equal(invalid!.status, 400);
  assert.deepEqual(JSON.parse(invalid!.text).errors.amount.length, 1);
  assert.equal(tooLarge!.status, 413);
  assert.equal(wrongMethod!.status, 405);
  assert.equal(wrongMethod!.headers.allow, 'POST, OPTIONS');
  assert.equal(options!.status, 204);
  assert.equal(paid!.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(paid!.headers['cache-control'], 'no-store');
});

test('toNodeListener answers 500 without internals when the handler crashes', async (t) => {
  const server = await listen(
    toNodeListener(async () => {
      throw new Error('secret internal detail');
    }),
  );
  t.after(server.close);
  const response = await fetch(server.url);
  assert.equal(response.status, 500);
  const text = await response.text();
  assert.ok(!text.includes('secret internal detail'));
  assert.equal(JSON.parse(text).code, 'INTERNAL_ERROR');
});

test('toNodeListener passes the peer address, the method, headers and query, and streams the answer back', async (t) => {
  const seen: { url?: string; ip?: string; header?: string | null } = {};
  const server = await listen(
    toNodeListener(async (request, info) => {
      seen.url = request.url;
      seen.ip = info?.clientIp;
      seen.header = request.headers.get('x-test');
      const headers = new Headers({ 'Content-Type': 'text/plain' });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response('x'.repeat(100_000), { status: 201, headers });
    }),
  );
  t.after(server.close);
  const response = await fetch(`${server.url}/a/b?c=d`, { headers: { 'X-Test': 'yes' } });
  assert.equal(response.status, 201);
  assert.equal((await response.text()).length, 100_000);
  assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
  assert.equal(new URL(seen.url!).pathname + new URL(seen.url!).search, '/a/b?c=d');
  assert.match(seen.ip!, /127\.0\.0\.1$/);
  assert.equal(seen.header, 'yes');
});

test('toNodeListener aborts request.signal and cancels a streaming answer when the client goes away', async (t) => {
  let cancelled!: () => void;
  const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
  let requestSignal: AbortSignal | undefined;
  const server = await listen(
    toNodeListener(async (request) => {
      requestSignal = request.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: first\n\n'));
        },
        cancel: () => cancelled(),
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  t.after(server.close);
  const client = new AbortController();
  const response = await fetch(server.url, { signal: client.signal });
  const reader = response.body!.getReader();
  assert.match(new TextDecoder().decode((await reader.read()).value), /first/);
  client.abort();
  await wasCancelled;
  assert.equal(requestSignal?.aborted, true);
});

test('the memory store forgets entries after their TTL and holds at most maxEntries (refusing more)', async () => {
  let now = 0;
  const store = createMemoryIdempotencyStore({ ttlMs: 1000, maxEntries: 2, now: () => now });
  assert.deepEqual(await store.acquire('a', 'h', 10), { acquired: true });
  assert.equal((await store.acquire('a', 'h', 10)).acquired, false);
  await store.settle('a', { state: 'unknown', bodyHash: 'h' });
  assert.equal((await store.get('a'))?.state, 'unknown');

  now = 1001;
  assert.equal(await store.get('a'), undefined);

  await store.acquire('b', 'h', 0);
  await store.acquire('c', 'h', 0);
  await assert.rejects(store.acquire('d', 'h', 0), /maximum of 2/);
  assert.ok(await store.get('b'));
  assert.ok(await store.get('c'));
  assert.throws(() => createMemoryIdempotencyStore({ maxEntries: 0 }), /maxEntries/);
});
