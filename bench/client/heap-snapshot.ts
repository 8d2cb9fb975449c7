import type { CDPSession } from 'playwright-core';

/** Node types of a V8 heap snapshot that are the page's own JavaScript values (not code or engine internals). */
const JS_VALUE_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'regexp',
  'number',
  'heap number',
  'symbol',
  'bigint',
]);

export interface HeapCensus {
  /** Count and bytes (self size) of JavaScript values. */
  jsObjects: number;
  jsBytes: number;
  /** Everything else: compiled code, hidden classes, feedback, DOM and engine internals. */
  otherBytes: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

/** Takes a heap snapshot (after a full GC) and sums it by kind. Slow (a second or so): used once per element. */
export async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const census: HeapCensus = { jsObjects: 0, jsBytes: 0, otherBytes: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const size = nodes[i + sizeAt]!;
    if (JS_VALUE_TYPES.has(typeNames[nodes[i + typeAt]!]!)) {
      census.jsObjects++;
      census.jsBytes += size;
    } else {
      census.otherBytes += size;
    }
  }
  return census;
}
