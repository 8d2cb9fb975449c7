import { readFileSync, writeFileSync } from 'node:fs';
import type { PairedKindId, PairedResult } from './client/paired.js';
import type { ClientResult, ElementResult } from './client/run-client.js';
import type { Machine } from './machine.js';
import { CONCURRENCY, type ServerResult } from './server/run-server.js';
import type { Spread } from './stats.js';

export interface SizeShare {
  owner: string;
  min: number;
  gzip: number;
  share: number;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: Machine;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: number;
  durationS: number;
  client?: ClientResult;
  paired?: PairedResult;
  server?: ServerResult;
  size?: { gzip: number; min: number; budget: number; shares: SizeShare[] };
}

const bytes = (n: number) => `${Math.round(n).toLocaleString('en-US')} B`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const number = (n: number) => String(Math.round(n * 10) / 10);
const ratio = (ours: number, theirs: number) => (theirs === 0 ? (ours === 0 ? '=' : '—') : `${(ours / theirs).toFixed(2)}×`);
/** `43.4 ms (32.6–54.1)`: the median with its unit, then the interquartile range. */
const withSpread = (s: Spread, format: (n: number) => string) => `${format(s.median)} (${format(s.p25).split(' ')[0]}–${format(s.p75).split(' ')[0]})`;

const snapshotCell = (e: ElementResult) => `${bytes(e.snapshotGrowth.jsBytes)} in ${e.snapshotGrowth.jsObjects} objects`;

function clientRows(c: ClientResult): string[] {
  const { paytool: ours, google } = c.elements;
  const row = (label: string, pick: (e: ElementResult) => Spread, format: (n: number) => string, spreadShown = true) => {
    const show = (e: ElementResult) => (spreadShown ? withSpread(pick(e), format) : format(pick(e).median));
    return `| ${label} | ${show(ours)} | ${show(google)} | ${ratio(pick(ours).median, pick(google).median)} |`;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    `| metric (median of ${c.runs} fresh pages; p25–p75) | \`<paytool-button>\` (dist/paytool.js) | \`<google-pay-button>\` ${c.googleVersion} | ours / Google |`,
    '|---|---|---|---|',
    row('bytes shipped: the element script, gzip -9 as transferred', (e) => e.transferBytes, bytes, false),
    row('the same, uncompressed', (e) => e.decodedBytes, bytes, false),
    row('script loaded (fetch, parse, evaluate), 1 element', (e) => e.script1, ms),
    row('**`<script>` start → ready, 1 element**', (e) => e.ready1, ms),
    row('**`<script>` start → all ready, 20 elements**', (e) => e.ready20, ms),
    row('of which the elements alone (script loaded → ready), 1 element', (e) => e.mount1, ms),
    row('of which the elements alone, 20 elements', (e) => e.mount20, ms),
    row('long tasks (> 50 ms), 1 element: count', (e) => e.longTasks1.count, number),
    row('long tasks, 1 element: total', (e) => e.longTasks1.ms, ms),
    row('long tasks, 20 elements: count', (e) => e.longTasks20.count, number),
    row('long tasks, 20 elements: total', (e) => e.longTasks20.ms, ms),
    row(`heap growth over ${c.cycles} mount/unmount cycles (after ${c.cycles} warm-up cycles, GC before and after)`, (e) => e.heapGrowth, kb),
    row(`element instances alive after the cycles and GC`, (e) => e.liveInstances, number, false),
    `| the same cycles between two heap snapshots (1 page): growth of JS values | ${snapshotCell(ours)} | ${snapshotCell(google)} | |`,
    `| … and of engine internals (compiled code, feedback, DOM backing stores) | ${bytes(ours.snapshotGrowth.otherBytes)} | ${bytes(google.snapshotGrowth.otherBytes)} | |`,
    row('JS heap used before the cycles (page + fake Google client + element)', (e) => e.heapBefore, kb, false),
  ];
}

/** `1.04× (1.02–1.11)`: a median of ratios with its interquartile range. */
const ratioSpread = (s: Spread) => `${s.median.toFixed(2)}× (${s.p25.toFixed(2)}–${s.p75.toFixed(2)})`;
const signedMs = (s: Spread) => `${s.median >= 0 ? '+' : ''}${s.median.toFixed(1)} ms (${s.p25.toFixed(1)}–${s.p75.toFixed(1)})`;
const cls = (s: Spread) => (s.p75 === 0 ? '0' : `${s.median.toFixed(4)} (${s.p25.toFixed(4)}–${s.p75.toFixed(4)})`);

const KIND_LABEL: Record<PairedKindId, string> = {
  paytool: 'ours (dist/paytool.js)',
  baseline: 'ours before (--baseline)',
  google: "Google's `<google-pay-button>`",
};

function pairedRows(p: PairedResult): string[] {
  const lines = [
    `Stand-in pay.js: ${bytes(p.payJs.bytes)}, ${bytes(p.payJs.gzip)} gzip, from https://pay.google.com (its own origin and TLS connection; Chromium maps the host to a local server). ${p.profiles[0]?.rounds ?? 0} rounds per profile; each round loads every element on a fresh page, rotating the order. Medians (p25–p75).`,
    '',
    '| profile | element | `<script>` start → ready | main-thread CPU to ready (trace) | the same + 2 frames and 60 ms (ThreadTime) | pay.js requested after | own bytes before ready (gzip), files | CLS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of p.profiles) {
    for (const kind of p.kinds) {
      const k = r.kinds[kind]!;
      const fetchedAt = k.payJsRequestMs.median < 0 ? 'pre-installed' : withSpread(k.payJsRequestMs, ms);
      lines.push(
        `| ${r.profile.label} | ${KIND_LABEL[kind]} | ${withSpread(k.readyMs, ms)} | ${withSpread(k.cpuMs, ms)} | ${k.cpuSettledMs ? withSpread(k.cpuSettledMs, ms) : '–'} | ${fetchedAt} | ${bytes(k.criticalBytes.median)}, ${k.criticalFiles.median} | ${cls(k.cls)} |`,
      );
    }
  }
  lines.push(
    '',
    'Paired per round: the median of the per-round ratios and of the per-round differences (p25–p75).',
    '',
    '| profile | comparison | **time to ready: ratio** | difference | **main-thread CPU to ready: ratio** | difference | CPU + 2 frames and 60 ms: ratio |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of p.profiles) {
    for (const c of r.comparisons) {
      lines.push(
        `| ${r.profile.label} | ${KIND_LABEL[c.a]} / ${KIND_LABEL[c.b]} | **${ratioSpread(c.readyRatio)}** | ${signedMs(c.readyDiffMs)} | **${ratioSpread(c.cpuRatio)}** | ${signedMs(c.cpuDiffMs)} | ${c.cpuSettledRatio ? ratioSpread(c.cpuSettledRatio) : '–'} |`,
      );
    }
  }
  const noise = p.profiles.map((r) => {
    const g = r.kinds.google!.readyMs;
    return `${r.profile.id} ${((100 * (g.p75 - g.p25)) / g.median).toFixed(0)} %`;
  });
  lines.push('', `Noise: the interquartile range of Google's own time to ready as a share of its median — ${noise.join(', ')}.`);
  if (p.load) {
    const l = p.load;
    lines.push(
      '',
      `Machine load during these page loads (1-minute load average on 2 cores, sampled before each): median ${l.median.toFixed(1)} (p25–p75 ${l.p25.toFixed(1)}–${l.p75.toFixed(1)}, range ${l.min.toFixed(1)}–${l.max.toFixed(1)}).`,
    );
  }
  const shifts = p.profiles.flatMap((r) =>
    p.kinds.flatMap((kind) =>
      (r.kinds[kind]!.shifts ?? []).map((s) => `- ${r.profile.id}, ${KIND_LABEL[kind]}, ${s.rounds} of ${r.rounds} rounds: ${s.shift}`),
    ),
  );
  lines.push('', 'Layout shifts counted in the CLS column (value: box moved, from → to as x,y width×height):', '', ...(shifts.length ? shifts : ['- none']));
  return lines;
}

const cpuCell = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(2)} ms`);

function serverRows(s: ServerResult): string[] {
  const { handler, direct } = s.levels;
  const lines = [
    `| clients | requests per level | handler → sandbox: req/s | sandbox direct: req/s | handler / direct | handler p50 | direct p50 | handler p99 | direct p99 | errors (handler / direct) | steady CPU per payment, handler mode: handler · sandbox · load generator | direct mode: sandbox · load generator | handler CPU per warm-up request |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of CONCURRENCY) {
    const h = handler[c];
    const d = direct[c];
    lines.push(
      `| ${c} | ${s.requests[c]} × ${s.rounds} | ${h.requestsPerSecond.toFixed(0)} | ${d.requestsPerSecond.toFixed(0)} | ${ratio(h.requestsPerSecond, d.requestsPerSecond)} | ${ms(h.p50Ms)} | ${ms(d.p50Ms)} | ${ms(h.p99Ms)} | ${ms(d.p99Ms)} | ${h.errors} / ${d.errors} | **${cpuCell(h.cpu.handler)}** · ${cpuCell(h.cpu.sandbox)} · ${cpuCell(h.cpu.generator)} | ${cpuCell(d.cpu.sandbox)} · ${cpuCell(d.cpu.generator)} | ${cpuCell(h.warmupCpu)} |`,
    );
  }
  return lines;
}

/** What the handler's numbers include, and its process start (one-time, apart from the per-payment figures). */
function serverMethod(s: ServerResult): string {
  const from =
    s.handlerFrom === 'built'
      ? "The handler runs tsc's JavaScript of its tree's src/ (no TypeScript loader), as a merchant's server runs dist/npm"
      : 'The handler runs from src/ through tsx (`BENCH_SERVER_FROM_SRC=1`): its first requests include transpiling modules at their first import';
  const start = (['handler', 'baseline'] as const).flatMap((m) =>
    s.startCpu[m] ? [`${m === 'handler' ? 'this tree' : 'before'} ${withSpread(s.startCpu[m], ms)}`] : [],
  );
  return `${from}. Steady CPU per payment: each process's CPU over a level's timed requests, read after its ${s.warmup} warm-up requests. The warm-up column is the handler's CPU per request over those warm-up requests: at 1 client they are a fresh process's first (lazy compilation, V8's optimisation, first-use allocations). Handler process start until listening (Node, importing the server module, set-up), CPU: ${start.join('; ')}.`;
}

const spreadCell = (s: Spread, digits = 2, unit = ' ms') => `${s.median.toFixed(digits)}${unit} (${s.p25.toFixed(digits)}–${s.p75.toFixed(digits)})`;

/** `--server-baseline`: this tree's handler against an earlier one's, paired by round. */
function serverBaselineRows(s: ServerResult): string[] {
  const before = s.levels.baseline!;
  const after = s.levels.handler;
  const lines = [
    `Before: the handler of \`${s.baseline}\`; after: this tree's. Both in front of the same sandbox, in the same rounds (order rotated per round). CPU per payment: median over the rounds (p25–p75); ratios: median of the per-round ratios (p25–p75).`,
    '',
    '| clients | handler steady CPU per payment, before | after | after / before (per round) | req/s before | req/s after | after / before (per round) | sandbox direct req/s | after / direct | handler CPU per warm-up request, before → after |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of CONCURRENCY) {
    const p = s.paired![c];
    lines.push(
      `| ${c} | ${spreadCell(s.handlerCpu.baseline![c])} | **${spreadCell(s.handlerCpu.handler![c])}** | ${spreadCell(p.cpuRatio, 2, '×')} | ${before[c].requestsPerSecond.toFixed(0)} | ${after[c].requestsPerSecond.toFixed(0)} | ${spreadCell(p.rpsRatio, 2, '×')} | ${s.levels.direct[c].requestsPerSecond.toFixed(0)} | ${ratio(after[c].requestsPerSecond, s.levels.direct[c].requestsPerSecond)} | ${cpuCell(before[c].warmupCpu)} → ${cpuCell(after[c].warmupCpu)} |`,
    );
  }
  return lines;
}

function sizeRows(size: NonNullable<BenchReport['size']>): string[] {
  return [
    `critical path (dist/paytool.js and its static imports): ${bytes(size.min)} minified, **${bytes(size.gzip)} gzip** (budget ${bytes(size.budget)} = ${size.budget / 1024} KB of 1024 B). Shares from \`npm run size\` (minified bytes via the source map; gzip in proportion):`,
    '',
    '| part | minified | ≈ gzip | share |',
    '|---|---|---|---|',
    ...size.shares.map((s) => `| ${s.owner} | ${bytes(s.min)} | ${bytes(s.gzip)} | ${(s.share * 100).toFixed(1)}% |`),
  ];
}

/** The generated part of bench/RESULTS.md. */
export function renderResults(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Generated by \`${report.command}\` on ${report.date} (${report.durationS.toFixed(0)} s).`,
    '',
    '| machine | |',
    '|---|---|',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| RAM | ${m.ramGiB} GiB (${m.freeRamGiB} GiB free at start) |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    ...((report.client ?? report.paired)
      ? [`| Chromium | ${(report.client ?? report.paired)!.chromium} (headless, /usr/bin/chromium, flags of test/e2e) |`]
      : []),
    `| load average (1 min) | ${m.loadAverage} at start, ${report.loadAverageAtEnd} at end — other agents share these ${m.cores} cores |`,
  ];
  if (report.paired)
    lines.push(
      '',
      '### Browser, paired page loads: our element vs `@google-pay/button-element` with pay.js over the network',
      '',
      ...pairedRows(report.paired),
    );
  if (report.client) lines.push('', '### Browser: our element vs `@google-pay/button-element`, same run', '', ...clientRows(report.client));
  if (report.server) {
    lines.push(
      '',
      '### Server: checkout handler in front of the sandbox vs the sandbox directly',
      '',
      `Medians over ${report.server.rounds} round(s) of fresh processes; ${report.server.warmup} untimed warm-up requests per level; every request a new payment (own transactionId, own sealed token).`,
      '',
      serverMethod(report.server),
      '',
      ...serverRows(report.server),
      ...(report.server.paired ? ['', ...serverBaselineRows(report.server)] : []),
    );
  }
  if (report.size) lines.push('', '### Size', '', ...sizeRows(report.size));
  return lines.join('\n');
}

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

/** Replaces the generated section of bench/RESULTS.md; the rest of the file is left as it is. */
export function writeResults(file: URL, generated: string): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file.pathname} has no ${START} … ${END} section`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${generated}\n${text.slice(end)}`);
}
