import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gatewayFetch } from '../../src/server/gateway-fetch.js';

/** The gateway clients' default transport on Node: node:http with a keep-alive agent, fetch's contract. */

type Route = (req: IncomingMessage, body: string, res: ServerResponse) => void;

describe('gatewayFetch on Node', () => {
  let server: Server;
  let base: string;
  const sockets = new Set<Socket>();
  const routes = new Map<string, Route>();
  const seen: { url: string; method: string; headers: IncomingMessage['headers']; body: string; socket: Socket }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ url: req.url!, method: req.method!, headers: req.headers, body, socket: req.socket });
        routes.get(req.url!)?.(req, body, res);
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    routes.set('/echo', (_req, body, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Two': 'a' });
      res.end(JSON.stringify({ got: body }));
    });
    routes.set('/redirect', (_req, _body, res) => {
      res.writeHead(302, { Location: `${base}/echo` });
      res.end();
    });
    routes.set('/no-content', (_req, _body, res) => {
      res.writeHead(204);
      res.end();
    });
    routes.set('/hang', () => {});
    routes.set('/cut', (_req, _body, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"partial":');
      setImmediate(() => res.socket?.destroy());
    });
  });

  after(async () => {
    server.closeAllConnections();
    server.close();
  });

  it('sends the method, headers and JSON body, and answers a Response with status, headers and body', async () => {
    const response = await gatewayFetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Basic eDp5' },
      body: JSON.stringify({ amount: 1000, description: 'zażółć' }),
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('x-two'), 'a');
    assert.deepEqual(await response.json(), { got: '{"amount":1000,"description":"zażółć"}' });
    const request = seen.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.headers.authorization, 'Basic eDp5');
    assert.equal(request.headers['content-length'], String(Buffer.byteLength('{"amount":1000,"description":"zażółć"}')));
  });

  it("reaches the URL's host, port, path and query as written, an IPv6 literal and URL credentials too", async (t) => {
    routes.set('/echo?a=1&b=%C5%BC', routes.get('/echo')!);
    await gatewayFetch(`${base}/echo?a=1&b=%C5%BC`, { method: 'GET' });
    assert.equal(seen.at(-1)!.url, '/echo?a=1&b=%C5%BC');

    const v6 = createServer((req, res) => res.end(JSON.stringify({ url: req.url, host: req.headers.host, authorization: req.headers.authorization })));
    v6.listen(0, '::1');
    await once(v6, 'listening');
    t.after(() => {
      v6.closeAllConnections();
      v6.close();
    });
    const { port } = v6.address() as AddressInfo;
    const answer = await gatewayFetch(`http://user%40x:p%3Aw@[::1]:${port}/v6/path?q=1`, { method: 'GET' });
    assert.deepEqual(await answer.json(), {
      url: '/v6/path?q=1',
      host: `[::1]:${port}`,
      authorization: `Basic ${Buffer.from('user@x:p:w').toString('base64')}`,
    });
  });

  it('keeps the connection alive: consecutive calls share one socket', async () => {
    const before = seen.length;
    for (let i = 0; i < 3; i++) await (await gatewayFetch(`${base}/echo`, { method: 'POST', body: `{"i":${i}}` })).text();
    const used = new Set(seen.slice(before).map((r) => r.socket));
    assert.equal(used.size, 1);
  });

  it('never follows a redirect: the 3xx is the answer', async () => {
    const before = seen.length;
    const response = await gatewayFetch(`${base}/redirect`, { method: 'POST', body: '{}', redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), `${base}/echo`);
    assert.equal(seen.length, before + 1);
  });

  it('answers 204 with an empty body', async () => {
    const response = await gatewayFetch(`${base}/no-content`);
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
  });

  it("rejects with the signal's reason when the caller aborts, and does not send an aborted call at all", async () => {
    const controller = new AbortController();
    const call = gatewayFetch(`${base}/hang`, { method: 'POST', body: '{}', signal: controller.signal });
    while (!seen.some((r) => r.url === '/hang')) await new Promise((resolve) => setImmediate(resolve));
    const reason = new DOMException('The gateway did not answer in time', 'TimeoutError');
    controller.abort(reason);
    await assert.rejects(call, (error) => error === reason);

    const before = seen.length;
    await assert.rejects(gatewayFetch(`${base}/echo`, { method: 'POST', body: '{}', signal: AbortSignal.abort(reason) }), (error) => error === reason);
    assert.equal(seen.length, before);
  });

  it('a refused connection is a TypeError whose cause carries the code, as with fetch', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await assert.rejects(gatewayFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }), (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.equal((error.cause as { code?: string }).code, 'ECONNREFUSED');
      return true;
    });
  });

  it('an answer cut off mid-body is an error, never a short body', async () => {
    await assert.rejects(gatewayFetch(`${base}/cut`, { method: 'POST', body: '{}' }), TypeError);
  });
});
