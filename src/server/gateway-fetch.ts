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
export const gatewayFetch: typeof fetch = (input, init) => (nodeTransport()?.fetch ?? fetch)(input, init);

/** A gateway call as the package's own clients make it: a string body, plain headers, never a redirect followed. */
export interface GatewayCall {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** The whole answer, read: what the clients use of a `Response`. */
export interface GatewayAnswer {
  status: number;
  text: string;
}

/**
 * One call as the package's clients make it: through the default transport on Node without a
 * `Response`, through any other `fetch` (the merchant's own, or an edge runtime's) as it is. A
 * redirect is never followed (it would replay a payment request elsewhere): a 3xx is a TypeError.
 * `onStatus` learns the status as soon as it is known, before the body is read (a 3xx's too, before
 * the TypeError, so the client can name it).
 */
export async function callGateway(
  fetchImpl: typeof fetch,
  url: string,
  call: GatewayCall,
  gateway: string,
  onStatus: (status: number) => void,
): Promise<GatewayAnswer> {
  const redirected = (status: number) => new TypeError(`fetch failed: ${gateway} answered a redirect (HTTP ${status}), which is not followed`);
  // The default transport on Node: status and text straight from `node:http`, no `Response`.
  const plain = fetchImpl === gatewayFetch ? nodeTransport()?.call : undefined;
  if (plain) {
    const answer = await plain(url, call);
    onStatus(answer.status);
    if (answer.status >= 300 && answer.status < 400) throw redirected(answer.status);
    return answer;
  }
  // 'manual' rather than 'error', which workerd (Cloudflare Workers) refuses.
  const response = await fetchImpl(url, { ...call, redirect: 'manual' });
  onStatus(response.status);
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel();
    throw redirected(response.status);
  }
  return { status: response.status, text: await response.text() };
}

type NodeRequest = (options: RequestOptions, callback: (res: IncomingMessage) => void) => import('node:http').ClientRequest;
interface NodeHttp {
  request: NodeRequest;
  Agent: new (options: { keepAlive: boolean; timeout: number; scheduling: 'lifo' }) => HttpAgent;
}

/** Idle sockets are closed after 4 s, before the usual server keep-alive (Node 5 s, nginx 75 s) closes them under a request. */
const IDLE_SOCKET_MS = 4_000;

interface NodeTransport {
  fetch: typeof fetch;
  call: (url: string, call: GatewayCall) => Promise<GatewayAnswer>;
}

let transport: NodeTransport | null | undefined;

function nodeTransport(): NodeTransport | null {
  if (transport !== undefined) return transport;
  const process = (globalThis as { process?: { versions?: Record<string, string | undefined>; getBuiltinModule?: (id: string) => unknown } }).process;
  const versions = process?.versions;
  const isNode = typeof versions?.node === 'string' && !versions.bun && !versions.deno && typeof process?.getBuiltinModule === 'function';
  const http = isNode ? (process!.getBuiltinModule!('node:http') as NodeHttp | undefined) : undefined;
  const https = isNode ? (process!.getBuiltinModule!('node:https') as NodeHttp | undefined) : undefined;
  transport = http && https ? nodeTransportOf({ 'http:': http, 'https:': https }) : null;
  return transport;
}

const utf8 = new TextDecoder();

/** What `node:http` makes of a URL (its `urlToHttpOptions`), read from the URL already parsed. */
function requestTarget(url: URL): RequestOptions {
  const { hostname, port, username, password } = url;
  return {
    protocol: url.protocol,
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    path: url.pathname + url.search,
    ...(port === '' ? {} : { port: Number(port) }),
    ...(username || password ? { auth: `${decodeURIComponent(username)}:${decodeURIComponent(password)}` } : {}),
  };
}

interface RawAnswer {
  res: IncomingMessage;
  body: Buffer;
}

function nodeTransportOf(modules: Record<'http:' | 'https:', NodeHttp>): NodeTransport {
  const agents = new Map<string, HttpAgent>();
  const agentOf = (protocol: 'http:' | 'https:') => {
    let agent = agents.get(protocol);
    if (!agent) agents.set(protocol, (agent = new modules[protocol].Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' })));
    return agent;
  };

  function exchange(url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined, signal: AbortSignal | undefined) {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<RawAnswer>((resolve, reject) => {
      if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      const protocol = url.protocol as 'http:' | 'https:';
      // The URL's parts rather than the URL (Node converts it again) and our own abort listener
      // rather than `signal` (Node's also watches the stream's end): a sixth of the request's set-up.
      const request = modules[protocol].request({ ...requestTarget(url), method, headers, agent: agentOf(protocol) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', fail);
        res.once('close', () => {
          if (!res.complete) fail(new Error('the connection closed before the whole answer arrived'));
        });
        res.once('end', () => {
          signal?.removeEventListener('abort', abort);
          resolve({ res, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
        });
      });
      function abort() {
        request.destroy(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
      }
      function fail(error: Error) {
        signal?.removeEventListener('abort', abort);
        // As fetch does: the signal's own reason when the caller aborted, a TypeError otherwise.
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
      }
      signal?.addEventListener('abort', abort, { once: true });
      request.once('error', fail);
      request.end(body);
    });
  }

  const fetchOverNode: typeof fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (input instanceof Request || !plainBody || (url.protocol !== 'http:' && url.protocol !== 'https:')) return fetch(input, init);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const { res, body: bytes } = await exchange(url, init.method ?? 'GET', headers, body ?? undefined, init.signal ?? undefined);
    const status = res.statusCode ?? 0;
    const raw = res.rawHeaders;
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
    const nullBody = status === 204 || status === 205 || status === 304;
    try {
      return new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer>), { status, statusText: res.statusMessage ?? '', headers: pairs });
    } catch (error) {
      throw new TypeError('fetch failed', { cause: error });
    }
  };

  const call = async (url: string, { method, headers, body, signal }: GatewayCall): Promise<GatewayAnswer> => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new TypeError(`fetch failed: ${target.protocol} is not http(s)`);
    const { res, body: bytes } = await exchange(target, method, { ...headers }, body, signal);
    // Decoded as Response.text() decodes: UTF-8, a byte-order mark dropped, bad bytes replaced.
    return { status: res.statusCode ?? 0, text: utf8.decode(bytes) };
  };

  return { fetch: fetchOverNode, call };
}
