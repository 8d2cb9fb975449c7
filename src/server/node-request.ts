import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlainAnswer, PlainRequest } from './plain-http.js';
import type { BodyBytes, ReadBodyOptions } from './read-body.js';

/** Reading Node's `IncomingMessage` and answering on its `ServerResponse`, for `adapters.ts`. */

/** What Express and Connect pass; `body` is set when a body parser already read the request. */
export type MiddlewareRequest = IncomingMessage & { originalUrl?: string; body?: unknown; _body?: boolean };

export function plainRequestOfNode(req: MiddlewareRequest, url: string): PlainRequest {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const origin = `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  let distinct: Record<string, string[] | undefined> | undefined;
  return {
    method: req.method ?? 'GET',
    url: url.startsWith('/') ? origin + url : new URL(url, origin).href,
    // As `Headers.get`: every value of a repeated header, joined (Node keeps only the first of some).
    headers: { get: (name) => (distinct ??= req.headersDistinct)[name.toLowerCase()]?.join(', ') ?? null },
    readBody: (options) => readNodeBody(req, options),
  };
}

/** `read-body.ts` for Node's stream: the same cap (refused as soon as it is passed), deadline and signal. */
export async function readNodeBody(req: MiddlewareRequest, options: ReadBodyOptions): Promise<BodyBytes> {
  const { maxBytes } = options;
  const parsed = parsedBody(req);
  if (parsed !== undefined) {
    const bytes = typeof parsed === 'string' ? new TextEncoder().encode(parsed) : parsed;
    return bytes.byteLength > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
  }
  if (Number(req.headers['content-length']) > maxBytes) return { ok: false, reason: 'too-large' };
  try {
    const bytes = await readBounded(req, maxBytes + 1, options.timeoutMs, options.signal);
    return bytes.byteLength > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { ok: false, reason: 'timeout' };
    throw error;
  }
}

export function writePlain(answer: PlainAnswer, req: MiddlewareRequest, res: ServerResponse): void {
  // An answer given without reading the body (415, 413 from Content-Length…): drain what the
  // client is still sending, or its socket is reset before it reads the answer.
  if (!req.readableEnded) req.resume();
  res.writeHead(answer.status, answer.headers as Record<string, string>);
  res.end(answer.text ?? undefined);
}

/**
 * The body, or its first `max` bytes as soon as it is longer (the handler then answers 413 at once);
 * the rest is read and discarded, so the socket can still carry the answer.
 */
export function readBounded(req: IncomingMessage, max: number, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const late = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', late);
      req.off('data', onData).off('end', done).off('close', closed).off('error', reject);
      reject(new DOMException('the body did not arrive in time', 'TimeoutError'));
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(late, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', late);
      req.off('data', onData).off('end', done).off('close', closed).off('error', reject);
      const all = Buffer.concat(chunks, Math.min(size, max));
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength) as Uint8Array<ArrayBuffer>);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= max) {
        done();
        req.resume(); // discard the rest
      }
    };
    const closed = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', late);
      reject(new Error('the client went away before sending the whole body'));
    };
    req.on('data', onData).once('end', done).once('close', closed).once('error', reject);
    if (signal?.aborted) late();
    else signal?.addEventListener('abort', late, { once: true });
  });
}

/** The body a parser already consumed, serialized again; undefined when the stream is still unread. */
export function parsedBody(req: MiddlewareRequest): string | Uint8Array<ArrayBuffer> | undefined {
  if (req._body !== true && !req.readableEnded) return undefined;
  const body = req.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
}
