/**
 * Where each element's main-thread time goes before ready: Chromium traces of the paired bench's
 * page loads (same page, servers, stand-in pay.js and profiles as bench/client/paired.ts), cut at
 * the harness's `bench:start` and `bench:ready` marks.
 *
 *   node --import tsx bench/client/trace.ts [--profile fast] [--rounds 3] [--kinds paytool,google] [--baseline DIR] [--out DIR]
 *
 * Prints per element: main-thread CPU to ready (the thread time of the renderer's tasks), the
 * trace events that spent it (self time), the sampled JS functions, and one load's timeline
 * (tasks, requests, responses). The raw traces are written to `--out` (default bench/.tmp/traces)
 * for chrome://tracing or DevTools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadAssets } from './assets.js';
import type { PairedKindId } from './paired.js';
import { emulateProfile, handshakeDelayMs, PROFILES, type Profile } from './profiles.js';
import { servePayJs } from './pay-js-server.js';
import { standInPayJs } from './stand-in-pay-js.js';
import { serveAssets } from './static-server.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium.mjs';
import { benchWindow, mainThreadCpu, overlap, type TraceEvent } from './trace-cpu.js';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'loading',
  'blink',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function traceOne(browser: Browser, origin: string, profile: Profile, kind: PairedKindId): Promise<TraceEvent[]> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/${profile.google === 'network' ? '?google=network' : ''}`);
    await page.waitForFunction(() => 'bench' in window);
    const cdp = await context.newCDPSession(page);
    await emulateProfile(cdp, profile);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.evaluate((k) => window.bench.measureReady(k as 'paytool', 1), kind);
    const buffer = await browser.stopTracing();
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  } finally {
    await context.close();
  }
}

interface Analysis {
  cpuMs: number;
  wallMs: number;
  self: Map<string, number>;
  functions: Map<string, number>;
  timeline: string[];
}

const short = (url: unknown) => String(url ?? '').replace(/^https?:\/\/[^/]+/, '') || '(no url)';

function analyse(events: TraceEvent[]): Analysis {
  const { pid, tid, start: t0, ready: t1 } = benchWindow(events);
  const cpu = mainThreadCpu(events) * 1000;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const inWindow = (e: TraceEvent) => overlap(e, t0, t1);
  // Self time per event name: each event's thread time minus its children's.
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const childTime = new Map<TraceEvent, number>();
  for (const e of onMain) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const own = (e.tdur ?? e.dur!) * inWindow(e);
    if (parent) childTime.set(parent, (childTime.get(parent) ?? 0) + own);
    stack.push(e);
  }
  for (const e of onMain) {
    const own = (e.tdur ?? e.dur!) * inWindow(e) - (childTime.get(e) ?? 0);
    if (own <= 0) continue;
    const detail =
      e.name === 'v8.compileModule' || e.name === 'v8.compile' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule'
        ? ` ${short(e.args?.data?.url ?? (e.args as { fileName?: string } | undefined)?.fileName)}`
        : '';
    const key = `${e.name}${detail}`;
    self.set(key, (self.get(key) ?? 0) + own);
  }
  // Sampled JS functions (the V8 CPU profiler's samples on the main thread), within [start, ready].
  const functions = new Map<string, number>();
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (profile) {
    const nodes = new Map<number, string>();
    let time = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
      const data = chunk.args?.data as {
        cpuProfile?: { nodes?: Array<{ id: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }>; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const node of data.cpuProfile?.nodes ?? []) {
        const frame = node.callFrame;
        nodes.set(
          node.id,
          `${frame.functionName || '(anonymous)'} ${short(frame.url)}${frame.lineNumber !== undefined && frame.url ? `:${frame.lineNumber + 1}` : ''}`,
        );
      }
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        const previous = time;
        time += deltas[i] ?? 0;
        if (time < t0 || time > t1) continue;
        const name = nodes.get(samples[i]!) ?? '?';
        if (name.startsWith('(idle)')) continue;
        functions.set(name, (functions.get(name) ?? 0) + (time - previous));
      }
    }
  }
  // The timeline: tasks over 0.2 ms of thread time, requests and responses, relative to the start.
  const at = (ts: number) => `${((ts - t0) / 1000).toFixed(1).padStart(7)} ms`;
  const timeline: string[] = [];
  for (const e of events.filter((x) => x.pid === pid && x.ts >= t0 - 1 && x.ts <= t1 + 1).sort((a, b) => a.ts - b.ts)) {
    const data = e.args?.data ?? {};
    if (e.name === 'ResourceSendRequest') timeline.push(`${at(e.ts)}  request  ${short(data.url)}${data.priority ? ` (${String(data.priority)})` : ''}`);
    else if (e.name === 'ResourceReceiveResponse') timeline.push(`${at(e.ts)}  response ${short(data.url ?? data.requestId)}`);
    else if (e.name === 'ResourceFinish') timeline.push(`${at(e.ts)}  finished ${String(data.requestId ?? '')} ${data.encodedDataLength ?? ''} B`);
    else if (e.tid === tid && e.cat.includes('toplevel') && e.ph === 'X' && (e.tdur ?? e.dur!) > 200) {
      const inside = onMain
        .filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur! <= e.ts + e.dur! && (c.tdur ?? c.dur!) > 100 && !c.cat.includes('toplevel'))
        .slice(0, 6)
        .map((c) => `${c.name}${c.args?.data?.url ? `(${short(c.args.data.url)})` : ''} ${((c.tdur ?? c.dur!) / 1000).toFixed(1)}`)
        .join(', ');
      timeline.push(`${at(e.ts)}  task ${((e.tdur ?? e.dur!) / 1000).toFixed(1)} ms cpu / ${(e.dur! / 1000).toFixed(1)} wall: ${inside}`);
    } else if (e.name === 'bench:ready' || e.name === 'bench:start') timeline.push(`${at(e.ts)}  mark ${e.name}`);
  }
  return { cpuMs: cpu / 1000, wallMs: (t1 - t0) / 1000, self, functions, timeline };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
};

function top(maps: Array<Map<string, number>>, n: number): string[] {
  const sum = new Map<string, number>();
  for (const map of maps) for (const [k, v] of map) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v / maps.length / 1000).toFixed(2).padStart(7)} ms  ${k}`);
}

async function main(): Promise<void> {
  const profile = PROFILES.find((p) => p.id === arg('--profile', 'fast'));
  if (!profile) throw new RangeError(`--profile must be one of ${PROFILES.map((p) => p.id).join(', ')}`);
  const rounds = Number(arg('--rounds', '3'));
  const baseline = arg('--baseline', '');
  const kinds = arg('--kinds', baseline ? 'paytool,baseline,google' : 'paytool,google').split(',') as PairedKindId[];
  const out = arg('--out', 'bench/.tmp/traces');
  mkdirSync(out, { recursive: true });
  const { files } = await loadAssets(baseline ? { baseline } : {});
  const payJs = await standInPayJs();
  const assets = await serveAssets(files);
  const payServer = await servePayJs(payJs.code);
  payServer.setHandshakeDelay(handshakeDelayMs(profile));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...payServer.chromiumArgs], headless: true });
  try {
    for (const kind of kinds) await traceOne(browser, assets.origin, profile, kind); // warm-up, untimed
    const results = new Map<PairedKindId, Analysis[]>(kinds.map((k) => [k, []]));
    for (let round = 0; round < rounds; round++) {
      for (const kind of round % 2 ? [...kinds].reverse() : kinds) {
        const events = await traceOne(browser, assets.origin, profile, kind);
        writeFileSync(join(out, `${profile.id}-${kind}-${round}.json`), JSON.stringify({ traceEvents: events }));
        results.get(kind)!.push(analyse(events));
      }
    }
    for (const [kind, list] of results) {
      console.log(`\n=== ${kind} (${profile.label}), ${list.length} loads`);
      console.log(`main-thread CPU to ready: median ${median(list.map((a) => a.cpuMs)).toFixed(1)} ms (${list.map((a) => a.cpuMs.toFixed(1)).join(', ')})`);
      console.log(`start → ready: median ${median(list.map((a) => a.wallMs)).toFixed(1)} ms (${list.map((a) => a.wallMs.toFixed(1)).join(', ')})`);
      console.log('self thread time by trace event (mean per load):');
      for (const line of top(
        list.map((a) => a.self),
        18,
      ))
        console.log(`  ${line}`);
      console.log('sampled JS (mean per load, wall time of samples):');
      for (const line of top(
        list.map((a) => a.functions),
        25,
      ))
        console.log(`  ${line}`);
      console.log('timeline of the last load:');
      for (const line of list.at(-1)!.timeline) console.log(`  ${line}`);
    }
  } finally {
    await browser.close();
    await payServer.close();
    await assets.close();
  }
}

await main();
