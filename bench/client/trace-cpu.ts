/** Chrome trace events, as much of them as the bench reads. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
  id?: string;
}

/** What a trace needs for `mainThreadCpu`: the renderer's tasks (with thread time) and the harness's marks. */
export const CPU_CATEGORIES = ['toplevel', 'blink.user_timing'];

/** The renderer main thread that holds the harness's `bench:start` mark, and the marks' times. */
export function benchWindow(events: TraceEvent[]): { pid: number; tid: number; start: number; ready: number } {
  const start = events.find((e) => e.name === 'bench:start');
  const ready = events.find((e) => e.name === 'bench:ready');
  if (!start || !ready) throw new Error('the trace has no bench:start / bench:ready marks');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain');
  return { pid: start.pid, tid: main?.tid ?? start.tid, start: start.ts, ready: ready.ts };
}

/** Share of an event's span inside [from, to]. */
export const overlap = (e: TraceEvent, from: number, to: number): number =>
  Math.max(0, Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from)) / Math.max(e.dur ?? 0, 1);

/**
 * Main-thread CPU from the `<script>`'s creation to ready, in ms: the thread time (`tdur`) of the
 * renderer main thread's top-level tasks between the harness's marks, a task that straddles a
 * mark counted in proportion. Unlike a `ThreadTime` reading after the page call returns, it stops
 * at ready: nothing the element does afterwards (the after-click prefetch) is counted.
 */
export function mainThreadCpu(events: TraceEvent[]): number {
  const { pid, tid, start, ready } = benchWindow(events);
  let cpu = 0;
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.dur === undefined || !e.cat.includes('toplevel')) continue;
    cpu += (e.tdur ?? e.dur) * overlap(e, start, ready);
  }
  return cpu / 1000;
}
