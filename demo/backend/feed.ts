/** The backend feed: what the merchant's backend saw, streamed to the page (Server-Sent Events). */

export interface FeedItem {
  at: string;
  source: 'checkout' | 'fenige-postback' | 'feennex-notification' | 'merchant' | 'shop';
  [key: string]: unknown;
}

export function createFeed(limit = 200) {
  const items: FeedItem[] = [];
  const listeners = new Set<(item: FeedItem) => void>();
  return {
    push(source: FeedItem['source'], data: Record<string, unknown>) {
      const item: FeedItem = { ...data, at: new Date().toISOString(), source };
      items.push(item);
      if (items.length > limit) items.shift();
      for (const listener of listeners) listener(item);
    },
    /** `GET /demo-api/events`: the recent items, then each new one as it happens. */
    stream(request: Request): Response {
      const encoder = new TextEncoder();
      let listener: (item: FeedItem) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (item: FeedItem) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(item)}\n\n`));
          items.forEach(send);
          listener = send;
          listeners.add(listener);
          request.signal.addEventListener('abort', () => listeners.delete(listener));
        },
        cancel() {
          listeners.delete(listener);
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
    },
  };
}

export type Feed = ReturnType<typeof createFeed>;
