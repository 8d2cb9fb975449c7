import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spread, type Spread } from '../stats.js';
import { loadAssets } from './assets.js';
import { servePayJs, type PayJsServer } from './pay-js-server.js';
import { standInPayJs } from './stand-in-pay-js.js';
import { serveAssets } from './static-server.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../../test/support/chromium.mjs';
import { CPU_CATEGORIES, mainThreadCpu, type TraceEvent } from './trace-cpu.js';
import { emulateProfile, handshakeDelayMs, PROFILES, type Profile } from './profiles.js';

/** Today's build, Google's element and, with `--baseline`, an earlier build of ours. */
export type PairedKindId = 'paytool' | 'google' | 'baseline';

/** One page load, as the harness measures it plus the main thread's CPU time from CDP. */
export interface LoadSample {
  readyMs: number;
  /** Main-thread CPU time from the script's creation to ready: the thread time of the renderer's tasks in a trace, cut at the harness's marks. */
  cpuMs: number;
  /** The same from CDP `ThreadTime` read after the page call returned: to ready plus two frames and 60 ms (the figure of earlier runs). */
  cpuSettledMs: number;
  cls: number;
  /** Each layout shift counted in `cls`: its time, value and the boxes that moved (kept in the raw JSON). */
  shifts: Array<{ atMs: number; value: number; sources: Array<{ node: string; from: string; to: string }> }>;
  /** gzip bytes of the element's own files fetched before ready. */
  criticalBytes: number;
  criticalFiles: number;
  /** When pay.js was requested, from the script's creation (−1: not fetched). */
  payJsRequestMs: number;
  payJsBytes: number;
}

export interface PairedKind {
  readyMs: Spread;
  cpuMs: Spread;
  cpuSettledMs: Spread;
  cls: Spread;
  criticalBytes: Spread;
  criticalFiles: Spread;
  payJsRequestMs: Spread;
  payJsBytes: Spread;
  /** Every distinct layout shift seen (boxes moved, value) and in how many of the rounds. */
  shifts: Array<{ shift: string; rounds: number }>;
}

export interface PairedProfileResult {
  profile: Profile;
  rounds: number;
  kinds: Partial<Record<PairedKindId, PairedKind>>;
  /** Per round `a` / `b` (ours/google, baseline/google, ours/baseline), then their median and quartiles. */
  comparisons: Comparison[];
}

export interface Comparison {
  a: PairedKindId;
  b: PairedKindId;
  readyRatio: Spread;
  cpuRatio: Spread;
  cpuSettledRatio: Spread;
  /** Per round a − b, in ms. */
  readyDiffMs: Spread;
  cpuDiffMs: Spread;
}

export interface PairedResult {
  kinds: PairedKindId[];
  chromium: string;
  googleVersion: string;
  payJs: { bytes: number; gzip: number };
  profiles: PairedProfileResult[];
  /** The machine's 1-minute load average, sampled before every timed page load, and its range. */
  load: Spread & { min: number; max: number };
}

async function measure(browser: Browser, origin: string, payServer: PayJsServer, profile: Profile, kind: PairedKindId): Promise<LoadSample> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    payServer.setHandshakeDelay(handshakeDelayMs(profile));
    await page.goto(`${origin}/${profile.google === 'network' ? '?google=network' : ''}`);
    await page.waitForFunction(() => 'bench' in window);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await emulateProfile(cdp, profile);
    // ThreadTime: CPU time of the page's main thread (not wall time, which a busy machine inflates).
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    const before = await taskSeconds();
    await browser.startTracing(page, { categories: CPU_CATEGORIES });
    const sample = await page.evaluate((k) => window.bench.measureReady(k as 'paytool', 1), kind); // the harness knows 'baseline' too
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const after = await taskSeconds();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const s = sample as unknown as Omit<LoadSample, 'cpuMs'>;
    // The harness waits two frames and 60 ms after ready (for the layout-shift entries), and an
    // element may start work once ready (ours prefetches its after-click code): the trace's figure
    // stops at ready, ThreadTime does not.
    return {
      readyMs: s.readyMs,
      cpuMs: mainThreadCpu(Array.isArray(trace) ? trace : trace.traceEvents),
      cpuSettledMs: (after - before) * 1000,
      cls: s.cls,
      shifts: s.shifts,
      criticalBytes: s.criticalBytes,
      criticalFiles: s.criticalFiles,
      payJsRequestMs: s.payJsRequestMs,
      payJsBytes: s.payJsBytes,
    };
  } finally {
    await context.close();
  }
}

const summarizeKind = (samples: LoadSample[]): PairedKind => {
  const of = (key: Exclude<keyof LoadSample, 'shifts'>) => spread(samples.map((s) => s[key]));
  return {
    readyMs: of('readyMs'),
    cpuMs: of('cpuMs'),
    cpuSettledMs: of('cpuSettledMs'),
    cls: of('cls'),
    criticalBytes: of('criticalBytes'),
    criticalFiles: of('criticalFiles'),
    payJsRequestMs: of('payJsRequestMs'),
    payJsBytes: of('payJsBytes'),
    shifts: distinctShifts(samples),
  };
};

function distinctShifts(samples: LoadSample[]): Array<{ shift: string; rounds: number }> {
  const rounds = new Map<string, number>();
  for (const sample of samples) {
    const seen = new Set(sample.shifts.map((s) => `${s.value.toFixed(4)}: ${s.sources.map((x) => `${x.node} ${x.from} → ${x.to}`).join(', ')}`));
    for (const shift of seen) rounds.set(shift, (rounds.get(shift) ?? 0) + 1);
  }
  return [...rounds].map(([shift, n]) => ({ shift, rounds: n }));
}

/**
 * Ours and Google's element loaded on fresh pages in every profile, interleaved and paired: each
 * round loads both (alternating which goes first), and the comparison is the median of the
 * per-round ratios, which cancels most of the drift a shared machine adds to both alike.
 */
export async function runPairedBench(options: { rounds: number; profiles?: string[]; baseline?: string; log: (line: string) => void }): Promise<PairedResult> {
  const { files, googleVersion } = await loadAssets(options.baseline ? { baseline: options.baseline } : {});
  const kinds: PairedKindId[] = options.baseline ? ['paytool', 'baseline', 'google'] : ['paytool', 'google'];
  const payJs = await standInPayJs();
  const assets = await serveAssets(files);
  const payServer = await servePayJs(payJs.code);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...payServer.chromiumArgs], headless: true });
  const profiles = PROFILES.filter((p) => !options.profiles || options.profiles.includes(p.id));
  try {
    const results: PairedProfileResult[] = [];
    const loads: number[] = [];
    for (const profile of profiles) {
      // Untimed: the first pages of a profile pay for process and connection warm-up.
      for (const kind of kinds) await measure(browser, assets.origin, payServer, profile, kind);
      const samples: Partial<Record<PairedKindId, LoadSample[]>> = Object.fromEntries(kinds.map((k) => [k, []]));
      for (let round = 0; round < options.rounds; round++) {
        // Rotate the order, so that no element always goes first (or right after another).
        const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
        if (round % 2 === 1) order.reverse();
        for (const kind of order) {
          loads.push(loadavg()[0]!);
          samples[kind]!.push(await measure(browser, assets.origin, payServer, profile, kind));
        }
      }
      const compare = (a: PairedKindId, b: PairedKindId): Comparison => {
        const pairs = samples[a]!.map((x, i) => [x, samples[b]![i]!] as const);
        return {
          a,
          b,
          readyRatio: spread(pairs.map(([x, y]) => x.readyMs / y.readyMs)),
          cpuRatio: spread(pairs.map(([x, y]) => x.cpuMs / y.cpuMs)),
          cpuSettledRatio: spread(pairs.map(([x, y]) => x.cpuSettledMs / y.cpuSettledMs)),
          readyDiffMs: spread(pairs.map(([x, y]) => x.readyMs - y.readyMs)),
          cpuDiffMs: spread(pairs.map(([x, y]) => x.cpuMs - y.cpuMs)),
        };
      };
      const comparisons = [compare('paytool', 'google'), ...(options.baseline ? [compare('baseline', 'google'), compare('paytool', 'baseline')] : [])];
      results.push({ profile, rounds: options.rounds, kinds: Object.fromEntries(kinds.map((k) => [k, summarizeKind(samples[k]!)])), comparisons });
      const c = comparisons[0]!;
      options.log(
        `paired ${profile.id}: ready ${c.readyRatio.median.toFixed(2)}× (IQR ${c.readyRatio.p25.toFixed(2)}–${c.readyRatio.p75.toFixed(2)}), CPU ${c.cpuRatio.median.toFixed(2)}×`,
      );
      for (const kind of kinds)
        for (const { shift, rounds } of results.at(-1)!.kinds[kind]!.shifts)
          options.log(`  layout shift, ${kind}, ${rounds}/${options.rounds} rounds: ${shift}`);
    }
    return {
      kinds,
      chromium: browser.version(),
      googleVersion,
      payJs: { bytes: payJs.code.length, gzip: payJs.gzip },
      profiles: results,
      load: { ...spread(loads), min: Math.min(...loads), max: Math.max(...loads) },
    };
  } finally {
    await browser.close();
    await payServer.close();
    await assets.close();
  }
}
