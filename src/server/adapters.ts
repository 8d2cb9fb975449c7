import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerTexts } from './answer-text.js';
import { parsedBody, plainRequestOfNode, readBounded, writePlain, type MiddlewareRequest } from './node-request.js';
import { plainEntryOf, type PlainEntry } from './plain-http.js';

/**
 * Mounting a WHATWG handler on Node's `http` server or on Express/Connect. Only types come from
 * `node:http`, so importing `paytool-elements/server` stays fine on edge runtimes.
 */

export type FetchHandler = ((request: Request, info?: { clientIp?: string }) => Promise<Response>) & {
  /** The largest body the handler accepts: when set, the adapters read at most one byte more into memory. */
  readonly maxBodyBytes?: number;
  /** How long the whole body may take to arrive: past it the adapter answers 408 and closes. */
  readonly bodyTimeoutMs?: number;
};

/** A `node:http` request listener, as `toNodeListener(handler)` returns. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

export type { MiddlewareRequest };
/** An Express / Connect middleware, as `toMiddleware(handler)` returns. */
export type Middleware = (req: MiddlewareRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/** `(req, res)` for `http.createServer`: the handler answers every request. */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (req, res) => {
    void serve(handler, req, res, req.url ?? '/');
  };
}

/**
 * Express/Connect middleware answering requests under `basePath` (default: the handler's own
 * `basePath`) and passing every other request to `next()`. Works with or without a body parser.
 */
export function toMiddleware(handler: FetchHandler & { basePath?: string }, options: { basePath?: string } = {}): Middleware {
  const basePath = (options.basePath ?? handler.basePath ?? '/').replace(/\/+$/, '');
  return (req, res, next) => {
    // Under `app.use('/x', …)` Express strips the mount path from req.url; originalUrl keeps it.
    const url = req.originalUrl ?? req.url ?? '/';
    const path = url.split('?')[0]!;
    if (basePath && path !== basePath && !path.startsWith(`${basePath}/`)) {
      next();
      return;
    }
    void serve(handler, req, res, url);
  };
}

async function serve(handler: FetchHandler, req: MiddlewareRequest, res: ServerResponse, url: string): Promise<void> {
  try {
    const clientIp = req.socket.remoteAddress;
    const entry = plainEntryOf(handler);
    if (entry) return await servePlain(entry, req, res, url, clientIp);
    // Tells the handler (request.signal) and the answer's body stream when the client goes away.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const request = await toRequest(req, url, gone.signal, handler.maxBodyBytes, handler.bodyTimeoutMs);
    const response = await handler(request, clientIp ? { clientIp } : {});
    // An answer given without reading the body (415, 413 from Content-Length…): drain what the
    // client is still sending, or its socket is reset before it reads the answer.
    if (request.body && !request.bodyUsed) void request.body.cancel().catch(() => undefined);
    await writeResponse(response, res, gone.signal);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError' && !res.headersSent) {
      // The body did not arrive in time: answered, and the connection is not waited on again.
      res.writeHead(408, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(JSON.stringify({ status: 'ERROR', code: 'REQUEST_TIMEOUT', message: 'The body did not arrive in time' }));
      return;
    }
    // Internals stay in the server: the caller learns only that the outcome is unknown.
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: 'ERROR', code: 'INTERNAL_ERROR', message: 'Internal server error' }));
    } else {
      res.destroy();
    }
  }
}

/**
 * The direct Node path for handlers that have one (the checkout handler): Node's request is read
 * as it is and the answer written in one call, without a `Request`, a `Response` or a web stream.
 */
async function servePlain(entry: PlainEntry, req: MiddlewareRequest, res: ServerResponse, url: string, clientIp: string | undefined): Promise<void> {
  const answer = await entry(plainRequestOfNode(req, url), clientIp ? { clientIp } : {});
  writePlain(answer, req, res);
}

async function toRequest(req: MiddlewareRequest, url: string, signal: AbortSignal, limit: number | undefined, timeoutMs: number | undefined): Promise<Request> {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const origin = `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(new URL(url, origin), { method, headers, signal });

  const parsed = parsedBody(req);
  if (parsed !== undefined) {
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    return new Request(new URL(url, origin), { method, headers, signal, body: parsed });
  }
  if (limit !== undefined) {
    // The handler says how much it accepts: read that (and one byte more, so it can answer 413) into
    // one buffer, without a web stream bridged chunk by chunk from the Node stream.
    return new Request(new URL(url, origin), { method, headers, signal, body: await readBounded(req, limit + 1, timeoutMs) });
  }
  return new Request(new URL(url, origin), { method, headers, signal, body: streamOf(req), duplex: 'half' } as RequestInit);
}

function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let detach = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const onData = (chunk: Uint8Array) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      };
      const onEnd = () => controller.close();
      const onError = (error: Error) => controller.error(error);
      req.on('data', onData).once('end', onEnd).once('error', onError);
      detach = () => req.off('data', onData).off('end', onEnd).off('error', onError);
    },
    pull() {
      req.resume();
    },
    cancel() {
      // Discard the rest (e.g. an oversized body) but keep the socket, so the answer can still be sent.
      detach();
      req.resume();
    },
  });
}

async function writeResponse(response: Response, res: ServerResponse, gone: AbortSignal): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const text = answerTexts.get(response);
  if (text !== undefined) {
    res.writeHead(response.status, headers);
    res.end(text);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // A long-lived body (e.g. Server-Sent Events) must stop when nobody reads it any more.
  const stop = () => void reader.cancel().catch(() => undefined);
  gone.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone.aborted) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
  } finally {
    gone.removeEventListener('abort', stop);
  }
  res.end();
}
