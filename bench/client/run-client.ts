import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { spread, type Spread } from '../stats.js';
import { loadAssets } from './assets.js';
import { heapCensus, type HeapCensus } from './heap-snapshot.js';
import { serveAssets } from './static-server.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../../test/support/chromium.mjs';

export const ELEMENT_KINDS = ['paytool', 'google'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

interface ReadySample {
  readyMs: number;
  /** Until the script's `load` event: download, parse, compile and evaluation. */
  scriptMs: number;
  longTaskCount: number;
  longTaskMs: number;
  transferBytes: number;
  decodedBytes: number;
}

export interface ElementResult {
  transferBytes: Spread;
  decodedBytes: Spread;
  script1: Spread;
  ready1: Spread;
  ready20: Spread;
  /** From the script's `load` event to ready: the elements' own start-up, without the script's cost. */
  mount1: Spread;
  mount20: Spread;
  longTasks1: { count: Spread; ms: Spread };
  longTasks20: { count: Spread; ms: Spread };
  /** usedSize after − before `cycles` mount/unmount cycles (after as many warm-up cycles), both after a forced GC, in bytes. */
  heapGrowth: Spread;
  heapBefore: Spread;
  /** Instances of the element's class still alive after the cycles and a GC (0 = none leaked). */
  liveInstances: Spread;
  /** Heap snapshots before and after the cycles (one page): what grew, JS values apart from engine internals. */
  snapshotGrowth: HeapCensus;
}

export interface ClientResult {
  chromium: string;
  googleVersion: string;
  runs: number;
  cycles: number;
  elements: Record<ElementKind, ElementResult>;
}

declare global {
  interface Window {
    bench: {
      measureReady(kind: ElementKind, count: number): Promise<ReadySample>;
      cycles(kind: ElementKind, count: number): Promise<number>;
      loadElement(kind: ElementKind): Promise<void>;
    };
  }
}

/** A fresh browser context per page: nothing (module map, code cache, HTTP cache) carries over. */
async function withPage<T>(browser: Browser, origin: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'bench' in window);
    const result = await use(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Forces a full GC (twice: the first pass may only run finalizers whose garbage the second frees). */
async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** How many objects have the element class's prototype: every instance ever created that is still reachable. */
async function liveInstances(cdp: CDPSession, tag: string): Promise<number> {
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype` });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId! });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId! });
  await cdp.send('Runtime.releaseObject', { objectId: prototype.objectId! });
  return result.value as number;
}

const TAGS: Record<ElementKind, string> = { paytool: 'paytool-button', google: 'google-pay-button' };

/**
 * Heap before and after `cycles` mount/unmount cycles, each after a forced GC. As many cycles run
 * first, untimed: V8 tiers hot code up (and keeps its feedback and optimized code in the heap)
 * over the first hundred or so, which is growth that stops, not a leak.
 */
async function measureHeap(page: Page, kind: ElementKind, cycles: number): Promise<HeapSample> {
  const cycle = (n: number) => page.evaluate(([k, count]) => window.bench.cycles(k, count), [kind, n] as const);
  await page.evaluate((k) => window.bench.loadElement(k), kind);
  await cycle(cycles);
  const cdp = await page.context().newCDPSession(page);
  try {
    await collectGarbage(cdp);
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const left = await cycle(cycles);
    if (left !== 0) throw new Error(`${kind}: ${left} elements still in the page after the cycles`);
    await collectGarbage(cdp);
    const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { before, after, live: await liveInstances(cdp, TAGS[kind]) };
  } finally {
    await cdp.detach();
  }
}

/** The same cycles once more, between two heap snapshots: does anything of the page's own JavaScript pile up? */
async function snapshotGrowth(page: Page, kind: ElementKind, cycles: number): Promise<HeapCensus> {
  const cycle = (n: number) => page.evaluate(([k, count]) => window.bench.cycles(k, count), [kind, n] as const);
  await page.evaluate((k) => window.bench.loadElement(k), kind);
  await cycle(cycles);
  const cdp = await page.context().newCDPSession(page);
  try {
    const before = await heapCensus(cdp);
    await cycle(cycles);
    const after = await heapCensus(cdp);
    return { jsObjects: after.jsObjects - before.jsObjects, jsBytes: after.jsBytes - before.jsBytes, otherBytes: after.otherBytes - before.otherBytes };
  } finally {
    await cdp.detach();
  }
}

interface HeapSample {
  before: number;
  after: number;
  live: number;
}

interface Samples {
  ready1: ReadySample[];
  ready20: ReadySample[];
  heap: HeapSample[];
}

function summarize(samples: Samples, snapshot: HeapCensus): ElementResult {
  const of = (list: ReadySample[], key: keyof ReadySample) => spread(list.map((s) => s[key]));
  return {
    transferBytes: of(samples.ready1, 'transferBytes'),
    decodedBytes: of(samples.ready1, 'decodedBytes'),
    script1: of(samples.ready1, 'scriptMs'),
    ready1: of(samples.ready1, 'readyMs'),
    ready20: of(samples.ready20, 'readyMs'),
    mount1: spread(samples.ready1.map((s) => s.readyMs - s.scriptMs)),
    mount20: spread(samples.ready20.map((s) => s.readyMs - s.scriptMs)),
    longTasks1: { count: of(samples.ready1, 'longTaskCount'), ms: of(samples.ready1, 'longTaskMs') },
    longTasks20: { count: of(samples.ready20, 'longTaskCount'), ms: of(samples.ready20, 'longTaskMs') },
    heapGrowth: spread(samples.heap.map((h) => h.after - h.before)),
    heapBefore: spread(samples.heap.map((h) => h.before)),
    liveInstances: spread(samples.heap.map((h) => h.live)),
    snapshotGrowth: snapshot,
  };
}

/**
 * Runs every scenario for both elements in one browser, `runs` times, alternating which element
 * goes first so that drift on a busy machine hits both alike.
 */
export async function runClientBench(options: { runs: number; cycles: number; log: (line: string) => void }): Promise<ClientResult> {
  const { files, googleVersion } = await loadAssets();
  const server = await serveAssets(files);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const samples: Record<ElementKind, Samples> = {
      paytool: { ready1: [], ready20: [], heap: [] },
      google: { ready1: [], ready20: [], heap: [] },
    };
    // One untimed pass: the first page of a new browser pays for process and cache warm-up.
    for (const kind of ELEMENT_KINDS) await withPage(browser, server.origin, (page) => page.evaluate((k) => window.bench.measureReady(k, 1), kind));
    for (let run = 0; run < options.runs; run++) {
      const order = run % 2 === 0 ? ELEMENT_KINDS : [...ELEMENT_KINDS].reverse();
      for (const kind of order) {
        const s = samples[kind];
        s.ready1.push(await withPage(browser, server.origin, (page) => page.evaluate((k) => window.bench.measureReady(k, 1), kind)));
        s.ready20.push(await withPage(browser, server.origin, (page) => page.evaluate((k) => window.bench.measureReady(k, 20), kind)));
        s.heap.push(await withPage(browser, server.origin, (page) => measureHeap(page, kind, options.cycles)));
      }
      options.log(`client run ${run + 1}/${options.runs}`);
    }
    const snapshots = {} as Record<ElementKind, HeapCensus>;
    for (const kind of ELEMENT_KINDS) snapshots[kind] = await withPage(browser, server.origin, (page) => snapshotGrowth(page, kind, options.cycles));
    return {
      chromium: browser.version(),
      googleVersion,
      runs: options.runs,
      cycles: options.cycles,
      elements: { paytool: summarize(samples.paytool, snapshots.paytool), google: summarize(samples.google, snapshots.google) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
