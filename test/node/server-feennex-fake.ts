import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { listen } from '../support/http.js';
import { FEENNEX_SIGNED_KEYS, stringToSign, type FeennexMethod } from '../../src/gateways/feennex/server/sign.js';
import { signRequest } from '../support/feennex-sign.js';

/**
 * A tiny Feennex over real HTTP for the client's unit tests: checks each request's signature
 * (error 10 with `string_to_sign` otherwise), records it, and answers what a test scripts per method.
 */

export const FAKE_SHOP = { shopId: '5', secretKey: 'SecretKey01' };

export interface Recorded {
  method: string;
  httpMethod: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type Script =
  | { data: unknown }
  | { error: number; message?: string }
  /** Never answer: the client's timeout fires. */
  | 'hang'
  /** Close the connection without an answer: a network error. */
  | 'drop'
  | { httpStatus: number; text: string };

export interface FakeFeennex {
  url: string;
  requests: Recorded[];
  /** Scripts a method; a function sees the request and how many times the method was called before. */
  on(method: FeennexMethod, script: Script | ((body: Record<string, unknown>, calls: number) => Script)): void;
  calls(method: FeennexMethod): Recorded[];
  /**
   * The same fake without a socket, for a client with a short timeout (`FeennexClient`'s `fetch`):
   * an answer is read before the event loop turns again, so however busy the machine, only a
   * request scripted to hang ever meets that timeout.
   */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** What the fake does with one request: no answer at all, a cut connection, or an HTTP answer. */
type Reply = 'hang' | 'drop' | { status: number; contentType: string; text: string };

export async function startFakeFeennex(): Promise<FakeFeennex> {
  const requests: Recorded[] = [];
  const scripts = new Map<string, Script | ((body: Record<string, unknown>, calls: number) => Script)>();
  const json = (value: unknown, status = 200): Reply => ({ status, contentType: 'application/json', text: JSON.stringify(value) });
  function reply(path: string, httpMethod: string, headers: IncomingHttpHeaders, raw: string): Reply {
    const method = path.slice(1);
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    const previous = requests.filter((r) => r.method === method).length;
    requests.push({ method, httpMethod, headers, body });
    const keys = FEENNEX_SIGNED_KEYS[method as FeennexMethod] as readonly string[] | undefined;
    if (!keys) return json({ data: null, error_code: 1, message: 'no such method', result: false }, 404);
    const signed = Object.fromEntries(keys.map((k) => [k, body[k] as string]));
    if (keys.some((k) => typeof body[k] !== 'string') || body.sign !== signRequest(signed, FAKE_SHOP.secretKey)) {
      return json({ data: null, error_code: 10, message: `Invalid sign, string_to_sign: ${stringToSign(signed)}`, result: false });
    }
    const entry = scripts.get(method);
    const script = typeof entry === 'function' ? entry(body, previous) : (entry ?? { error: 7, message: 'not scripted' });
    if (script === 'hang' || script === 'drop') return script;
    if ('httpStatus' in script) return { status: script.httpStatus, contentType: 'text/html', text: script.text };
    if ('error' in script) return json({ data: null, error_code: script.error, message: script.message ?? `error ${script.error}`, result: false });
    return json({ data: script.data, error_code: 0, message: 'Ok', result: true });
  }
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const answer = reply(req.url ?? '', req.method ?? '', req.headers, raw);
      if (answer === 'hang') return;
      if (answer === 'drop') return req.socket.destroy();
      res.writeHead(answer.status, { 'content-type': answer.contentType });
      res.end(answer.text);
    });
  });
  const listening = await listen(server);
  return {
    url: `${listening.url}/`,
    requests,
    on: (method, script) => void scripts.set(method, script),
    calls: (method) => requests.filter((r) => r.method === method),
    async fetch(input, init = {}) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = Object.fromEntries(new Headers(init.headers)) as IncomingHttpHeaders;
      const answer = reply(url.pathname, init.method ?? 'GET', headers, typeof init.body === 'string' ? init.body : '');
      if (answer === 'drop') throw new TypeError('fetch failed', { cause: new Error('other side closed') });
      if (answer === 'hang') {
        const signal = init.signal;
        return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      }
      return new Response(answer.text, { status: answer.status, headers: { 'content-type': answer.contentType } });
    },
    close: listening.close,
  };
}
