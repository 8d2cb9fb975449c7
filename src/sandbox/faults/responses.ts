/**
 * A Response whose body fails before its first byte. Any adapter (`toNodeListener`, a Fetch-based
 * server) then has to abort the connection: the caller gets a reset and no HTTP status at all,
 * which is what a dropped connection looks like from the other side.
 */
export function droppedConnection(): Response {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error('Connection dropped by a sandbox fault'));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const REASONS: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** What a load balancer or reverse proxy in front of a gateway answers: HTML, no gateway body. */
export function proxyError(status: number): Response {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return new Response(`<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>\n`, {
    status,
    headers: { 'Content-Type': 'text/html' },
  });
}
