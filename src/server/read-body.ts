/**
 * Reads a request body as bytes, streaming, with a byte cap and a read deadline: the checkout
 * handler and both notification receivers use it, so no body is ever held in memory beyond
 * `maxBytes` (a 150 MB chunked body is refused at the first chunk past the cap) and no slow body
 * keeps a request open past `timeoutMs`.
 */

export interface ReadBodyOptions {
  /** Bodies larger than this are refused (`too-large`) as soon as the cap is passed. */
  maxBytes: number;
  /** Longest time the whole body may take to arrive (`timeout`). Absent: no deadline. */
  timeoutMs?: number;
  /** Ends the read at once (`timeout`): for a caller's own deadline, and for deterministic tests. */
  signal?: AbortSignal;
}

export type BodyBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'timeout' };

export async function readBodyBytes(request: Request, options: ReadBodyOptions): Promise<BodyBytes> {
  const { maxBytes } = options;
  const declared = Number(request.headers.get('Content-Length'));
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const deadline = new Promise<'timeout'>((resolve) => {
    onAbort = () => resolve('timeout');
    if (options.timeoutMs !== undefined) timer = setTimeout(onAbort, options.timeoutMs);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') return { ok: false, reason: 'timeout' };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) return { ok: false, reason: 'too-large' };
      chunks.push(next.value);
    }
    complete = true;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Refused or late: drop the rest of the body without reading it into memory.
    if (!complete) void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Headers for an answer given before the body was read to its end: the connection is not reused. */
export const CLOSE_CONNECTION = { Connection: 'close' } as const;
