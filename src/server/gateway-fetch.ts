import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';

/**
 * The `fetch` the gateway clients use unless given their own. On Node it sends through `node:http`
 * / `node:https` with one keep-alive agent per protocol: Node's global `fetch` keeps connections
 * alive too, but its WHATWG machinery (Request, web streams, the fetch algorithm) cost about twice
 * the CPU per gateway call (bench/RESULTS.md, "Server"). Everywhere else (workerd, Deno, Bun) it is
 * the runtime's own `fetch`: `node:http` is looked up at run time, never imported, so edge bundlers
 * see only Web APIs.
 *
 * What it does and does not do, as the clients need it: string or byte bodies; the caller's
 * `signal` aborts the call; a 3xx answer is returned as it is, never followed (a payment request
 * must not be replayed elsewhere); the whole answer is read before the `Response` is made.
 */
export const gatewayFetch: typeof fetch = (input, init) => (nodeTransport() ?? fetch)(input, init);

type NodeRequest = (url: URL, options: RequestOptions, callback: (res: IncomingMessage) => void) => import('node:http').ClientRequest;
interface NodeHttp {
  request: NodeRequest;
  Agent: new (options: { keepAlive: boolean; timeout: number; scheduling: 'lifo' }) => HttpAgent;
}

/** Idle sockets are closed after 4 s, before the usual server keep-alive (Node 5 s, nginx 75 s) closes them under a request. */
const IDLE_SOCKET_MS = 4_000;

let transport: typeof fetch | null | undefined;

function nodeTransport(): typeof fetch | null {
  if (transport !== undefined) return transport;
  const process = (globalThis as { process?: { versions?: Record<string, string | undefined>; getBuiltinModule?: (id: string) => unknown } }).process;
  const versions = process?.versions;
  const isNode = typeof versions?.node === 'string' && !versions.bun && !versions.deno && typeof process?.getBuiltinModule === 'function';
  const http = isNode ? (process!.getBuiltinModule!('node:http') as NodeHttp | undefined) : undefined;
  const https = isNode ? (process!.getBuiltinModule!('node:https') as NodeHttp | undefined) : undefined;
  transport = http && https ? nodeFetch({ 'http:': http, 'https:': https }) : null;
  return transport;
}

function nodeFetch(modules: Record<'http:' | 'https:', NodeHttp>): typeof fetch {
  const agents = new Map<string, HttpAgent>();
  const agentOf = (protocol: 'http:' | 'https:') => {
    let agent = agents.get(protocol);
    if (!agent) agents.set(protocol, (agent = new modules[protocol].Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' })));
    return agent;
  };

  return (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (input instanceof Request || !plainBody || (url.protocol !== 'http:' && url.protocol !== 'https:')) return fetch(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      if (typeof body === 'string' || body instanceof Uint8Array) headers['content-length'] = String(byteLength(body));
      const protocol = url.protocol as 'http:' | 'https:';
      const request = modules[protocol].request(
        url,
        { method: init.method ?? 'GET', headers, agent: agentOf(protocol), ...(signal ? { signal } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', fail);
          res.once('close', () => {
            if (!res.complete) fail(new Error('the connection closed before the whole answer arrived'));
          });
          res.once('end', () => {
            const status = res.statusCode ?? 0;
            const raw = res.rawHeaders;
            const pairs: [string, string][] = [];
            for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
            const nullBody = status === 204 || status === 205 || status === 304;
            try {
              resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: pairs }));
            } catch (error) {
              reject(new TypeError('fetch failed', { cause: error }));
            }
          });
        },
      );
      function fail(error: Error) {
        // As fetch does: the signal's own reason when the caller aborted, a TypeError otherwise.
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
      }
      request.once('error', fail);
      request.end(body ?? undefined);
    });
  };
}

const byteLength = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
