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
  close(): Promise<void>;
}

export async function startFakeFeennex(): Promise<FakeFeennex> {
  const requests: Recorded[] = [];
  const scripts = new Map<string, Script | ((body: Record<string, unknown>, calls: number) => Script)>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const method = (req.url ?? '').slice(1);
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const previous = requests.filter((r) => r.method === method).length;
      requests.push({ method, httpMethod: req.method ?? '', headers: req.headers, body });
      const send = (json: unknown, status = 200) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const keys = FEENNEX_SIGNED_KEYS[method as FeennexMethod] as readonly string[] | undefined;
      if (!keys) return send({ data: null, error_code: 1, message: 'no such method', result: false }, 404);
      const signed = Object.fromEntries(keys.map((k) => [k, body[k] as string]));
      if (keys.some((k) => typeof body[k] !== 'string') || body.sign !== signRequest(signed, FAKE_SHOP.secretKey)) {
        return send({ data: null, error_code: 10, message: `Invalid sign, string_to_sign: ${stringToSign(signed)}`, result: false });
      }
      const entry = scripts.get(method);
      const script = typeof entry === 'function' ? entry(body, previous) : (entry ?? { error: 7, message: 'not scripted' });
      if (script === 'hang') return;
      if (script === 'drop') return req.socket.destroy();
      if ('httpStatus' in script) {
        res.writeHead(script.httpStatus, { 'content-type': 'text/html' });
        return res.end(script.text);
      }
      if ('error' in script) return send({ data: null, error_code: script.error, message: script.message ?? `error ${script.error}`, result: false });
      send({ data: script.data, error_code: 0, message: 'Ok', result: true });
    });
  });
  const listening = await listen(server);
  return {
    url: `${listening.url}/`,
    requests,
    on: (method, script) => void scripts.set(method, script),
    calls: (method) => requests.filter((r) => r.method === method),
    close: listening.close,
  };
}
