import { createServer, Server, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../src/server/index.js';

/** A server of a test, listening on 127.0.0.1 at a port the system chose. */
export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  server: Server;
  /** Stops listening and ends every connection, idle keep-alive ones included. */
  close: () => Promise<void>;
}

/** Serves `target` (a listener, or a server not listening yet) on 127.0.0.1 port 0. */
export async function listen(target: RequestListener | Server): Promise<Listening> {
  const server = target instanceof Server ? target : createServer(target);
  // fetch keeps idle sockets ~1 s less than the server's keep-alive; on a busy machine its coarse
  // timer can fire after the server closed the socket, and the next request fails ECONNRESET.
  // A long keep-alive takes that race out of the tests (close() ends idle sockets anyway).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** One request a recording backend received, its body read whole. */
export interface ReceivedRequest {
  method: string;
  /** The path and query. */
  path: string;
  /** The `Idempotency-Key` header. */
  key: string | undefined;
  text: string;
}

/** A test server that keeps every request it received. */
export type Recording = Listening & { received: ReceivedRequest[] };

/**
 * A merchant backend of a test: records every request in `received` (in arrival order), then lets
 * `reply` answer it (or hold, or drop, the response).
 */
export async function serveRecording(reply: (request: ReceivedRequest, res: ServerResponse) => void): Promise<Recording> {
  const received: ReceivedRequest[] = [];
  const listening = await listen(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const request = { method: req.method!, path: req.url!, key: req.headers['idempotency-key'] as string | undefined, text };
    received.push(request);
    reply(request, res);
  });
  return { ...listening, received };
}

/** Serves a WHATWG handler (an emulator, a handler under test) through the package's own Node adapter. */
export function serveFetch(handler: (request: Request) => Promise<Response>): Promise<Listening> {
  return listen(toNodeListener(handler));
}

/** A POST as the element sends it (JSON, `Idempotency-Key` = transactionId). */
export function postInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  const id = (body as { transactionId?: string } | undefined)?.transactionId;
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(id ? { 'Idempotency-Key': id } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, postInit(body, headers));
  return { response, body: (await response.json()) as Record<string, any> };
}
