import type { FieldIssue } from '../protocol/index.js';
import { errorResponse, invalidRequest, withHeaders } from './http-answers.js';
import { jsonStructureProblem } from './json-body.js';
import { plainRequestOf, type PlainAnswer, type PlainRequest } from './plain-http.js';
import { CLOSE_CONNECTION } from './read-body.js';

/** Reading the parts of a checkout request: its route, its JSON body, the payer's IP. */

export type Route = { kind: 'pay' } | { kind: 'hosted' } | { kind: 'status'; id: string };

export function routeOf(path: string, basePath: string): Route | undefined {
  if (path === basePath) return { kind: 'pay' };
  const prefix = basePath === '/' ? '/' : `${basePath}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  if (rest === 'hosted') return { kind: 'hosted' };
  return rest && !rest.includes('/') ? { kind: 'status', id: rest } : undefined;
}

export function normalizeBasePath(path: string): string {
  if (!path.startsWith('/')) throw new TypeError(`basePath must start with "/", got "${path}"`);
  return path.replace(/\/+$/, '') || '/';
}

/** One decoder for every body: without `stream`, each `decode` starts afresh. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export type BodyRead = { ok: true; value: unknown } | { ok: false; code: string; response: PlainAnswer };

/** Reads a JSON body of at most `limit` bytes within `timeoutMs`, without trusting Content-Length alone. */
export async function readJsonBody(request: PlainRequest | Request, limit: number, timeoutMs: number): Promise<BodyRead> {
  const plain = 'readBody' in request ? request : plainRequestOf(request);
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    const message = 'The body must be JSON sent with Content-Type: application/json';
    return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', response: errorResponse(415, 'ERROR', 'UNSUPPORTED_MEDIA_TYPE', message) };
  }
  const read = await plain.readBody({ maxBytes: limit, timeoutMs });
  if (!read.ok) {
    // A body too slow is not waited for again on this connection; an oversized one is drained by
    // the adapter so the client can still read the 413.
    const response =
      read.reason === 'too-large'
        ? errorResponse(413, 'ERROR', 'PAYLOAD_TOO_LARGE', `The body must be at most ${limit} bytes`)
        : withHeaders(errorResponse(408, 'ERROR', 'REQUEST_TIMEOUT', `The body did not arrive within ${timeoutMs} ms`), CLOSE_CONNECTION);
    return { ok: false, code: read.reason === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'REQUEST_TIMEOUT', response };
  }
  let text: string;
  let value: unknown;
  try {
    text = strictUtf8.decode(read.bytes);
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the input, which may be the token: say only what is wrong.
    return { ok: false, code: 'INVALID_JSON', response: errorResponse(400, 'ERROR', 'INVALID_JSON', 'The body is not valid UTF-8 JSON') };
  }
  const problem: FieldIssue | undefined = jsonStructureProblem(text);
  if (problem) return { ok: false, code: 'INVALID_REQUEST', response: invalidRequest([problem]) };
  return { ok: true, value };
}

const IP = /^[0-9a-fA-F:.]{2,45}$/;

export function clientIp(
  request: { readonly headers: { get(name: string): string | null } },
  peerIp: string | undefined,
  trustProxy: boolean,
): string | undefined {
  if (trustProxy) {
    const first = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim();
    if (first && IP.test(first)) return first;
  }
  const peer = peerIp?.replace(/^::ffff:(?=\d+\.)/, '');
  return peer && IP.test(peer) ? peer : undefined;
}

export function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
