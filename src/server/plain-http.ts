import { answerTexts } from './answer-text.js';
import { readBodyBytes, type BodyBytes, type ReadBodyOptions } from './read-body.js';

/**
 * The checkout handler's own view of one HTTP exchange: only what both a WHATWG `Request` and
 * Node's `IncomingMessage` give without turning one into the other. `toNodeListener` builds it
 * straight from Node's request and writes the answer straight to Node's response — no `Request`,
 * `Response` or web stream in between, which cost about a fifth of the handler's CPU per payment
 * (bench/RESULTS.md, "Server"). `handler(request)` wraps a `Request` the same way.
 */
export interface PlainRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** `get(name)` as `Headers` has it: case-insensitive, repeated headers joined by `, `, null when absent. */
  readonly headers: { get(name: string): string | null };
  /** The body, with the cap and deadline of `read-body.ts`. */
  readBody(options: ReadBodyOptions): Promise<BodyBytes>;
}

/** An answer the handler built itself: always complete (JSON text or no body), never a stream. */
export interface PlainAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string | null;
}

/** The handler's entry for adapters that can serve a `PlainRequest` without a `Request`. */
export type PlainEntry = (request: PlainRequest, info: { clientIp?: string }) => Promise<PlainAnswer>;

/** Where a handler keeps its `PlainEntry` (not part of the public type; `toNodeListener` looks for it). */
export const PLAIN_ENTRY = Symbol.for('paytool-elements.plain-entry');

export function plainEntryOf(handler: object): PlainEntry | undefined {
  const entry = (handler as { [PLAIN_ENTRY]?: unknown })[PLAIN_ENTRY];
  return typeof entry === 'function' ? (entry as PlainEntry) : undefined;
}

export function plainRequestOf(request: Request): PlainRequest {
  return { method: request.method, url: request.url, headers: request.headers, readBody: (options) => readBodyBytes(request, options) };
}

export function responseOf(answer: PlainAnswer): Response {
  const response = new Response(answer.text, { status: answer.status, headers: answer.headers });
  if (answer.text !== null) answerTexts.set(response, answer.text);
  return response;
}
