import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestToken, FENIGE_SANDBOX_DEFAULTS, type GooglePayToken } from '../../src/sandbox/index.js';
import { median, spread, type Spread } from '../stats.js';
import type { LoadJob, LoadResult, WarmedUp } from './load-generator.js';
import type { FenigeAccess, TargetReady, TargetStart } from './target.js';

export const CONCURRENCY = [1, 16, 64] as const;
export type Concurrency = (typeof CONCURRENCY)[number];
export const MODES = ['handler', 'direct'] as const;
/** `baseline`: the handler of another tree (`--server-baseline DIR`), in the same rounds. */
export type Mode = (typeof MODES)[number] | 'baseline';

/**
 * CPU ms per payment in each process, in steady state: over the level's timed requests, read after
 * its warm-up. What the first requests of a process cost more is `warmupCpu`, reported apart.
 */
export interface CpuPerPayment {
  handler?: number;
  sandbox: number;
  generator: number;
}

export interface LevelResult {
  cpu: CpuPerPayment;
  /** The handler's CPU per request over the level's untimed warm-up requests (the 1-client level's are a fresh process's first). */
  warmupCpu?: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ServerResult {
  rounds: number;
  warmup: number;
  requests: Record<Concurrency, number>;
  /** Medians over the rounds. */
  levels: Record<(typeof MODES)[number], Record<Concurrency, LevelResult>> & { baseline?: Record<Concurrency, LevelResult> };
  /** Handler CPU per payment in steady state over the rounds (median, p25–p75), per mode that runs a handler. */
  handlerCpu: Partial<Record<'handler' | 'baseline', Record<Concurrency, Spread>>>;
  /** The handler process's CPU until it listened (Node's start, importing the built server, set-up), per mode that runs a handler. */
  startCpu: Partial<Record<'handler' | 'baseline', Spread>>;
  /** How the handler ran: `built` (tsc's JavaScript, no loader) or `tsx` (`BENCH_SERVER_FROM_SRC=1`: from src/ through tsx). */
  handlerFrom: 'built' | 'tsx';
  /** With a baseline: per round, this handler's CPU per payment / the baseline's, and req/s likewise. */
  paired?: Record<Concurrency, { cpuRatio: Spread; rpsRatio: Spread }>;
  /** The folder of the baseline's `src/`, when one ran. */
  baseline?: string;
  tokenMs: number;
}

const TSX = ['--import', 'tsx'];
const START_TIMEOUT_MS = 30_000;

/** `BENCH_CPU_PROFILE=<dir>`: the handler process writes a V8 CPU profile there (open it in Chrome's DevTools). */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
/**
 * `BENCH_SERVER_FROM_SRC=1`: the handlers run from src/ through tsx, as this bench did before: for
 * measuring what tsx adds (it transpiles each module at its first import, some only at the first
 * payment). By default they run tsc's JavaScript, as a merchant's server runs dist/npm.
 */
const FROM_SRC = process.env.BENCH_SERVER_FROM_SRC === '1';

function forkChild(file: string, execArgv = TSX): ChildProcess {
  return fork(new URL(file, import.meta.url), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The checkout handler's module of a tree, built the same way for this tree and a baseline: tsc
 * with the tree's own tsconfig.json, types not checked (`--noCheck`: the JavaScript is the same),
 * into `outDir`, under the repository so the build finds node_modules. `srcDir` is the tree's src/.
 */
function serverModule(srcDir: string, outDir: string): string {
  if (FROM_SRC) return pathToFileURL(resolve(srcDir, 'server/index.ts')).href;
  const tsconfig = resolve(srcDir, '../tsconfig.json');
  if (basename(srcDir) !== 'src' || !existsSync(tsconfig)) {
    throw new Error(`${srcDir}: expected a src/ folder with a tsconfig.json beside it (run bash bench/server/baseline.sh <ref> again)`);
  }
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(resolve(ROOT, 'node_modules/.bin/tsc'), ['-p', tsconfig, '--noCheck', '--declaration', 'false', '--sourceMap', 'false', '--outDir', outDir], {
    stdio: 'inherit',
  });
  return pathToFileURL(resolve(outDir, 'server/index.js')).href;
}

/** Sends `message` to a child and waits for its one answer (or its death). Leaves no listener behind. */
async function ask<T>(child: ChildProcess, message: unknown, timeoutMs: number): Promise<T> {
  const answered = new AbortController();
  child.send(message as object);
  const answer = once(child, 'message', { signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), answered.signal]) }) as Promise<[T]>;
  const died = once(child, 'exit', { signal: answered.signal }).then(([code]) => {
    throw new Error(`bench child exited with code ${code} before answering`);
  });
  // The loser is aborted below: its rejection is expected.
  answer.catch(() => {});
  died.catch(() => {});
  try {
    const [value] = await Promise.race([answer, died]);
    return value;
  } finally {
    answered.abort();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function startChild<T>(child: ChildProcess, start: unknown): Promise<{ child: ChildProcess; ready: T }> {
  try {
    return { child, ready: await ask<T>(child, start, START_TIMEOUT_MS) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

const startSandbox = () => startChild<TargetReady>(forkChild('./target.ts'), { role: 'sandbox' } satisfies TargetStart);

interface HandlerReady {
  url: string;
  startCpuMs: number;
}

function startHandler(module: string, fenige: FenigeAccess) {
  const loader = FROM_SRC ? TSX : [];
  const execArgv = PROFILE_DIR ? [...loader, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : loader;
  return startChild<HandlerReady>(forkChild('./handler-process.mjs', execArgv), { serverModule: module, fenige });
}

const SENDER = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.com' };
const ORDER = { amount: 1000, currency: 'PLN', description: 'Bench order 42' };

/** The element's POST to the checkout handler (docs/protocol.md §4.1). */
const checkoutBody = (token: GooglePayToken) => JSON.stringify({ transactionId: randomUUID(), apiKey: 'pk_bench', ...ORDER, sender: SENDER, token });
/** What `FenigeClient.googlePay` sends for that same payment. */
const fenigeBody = (token: GooglePayToken) => JSON.stringify({ ...ORDER, transactionId: randomUUID(), deposit: false, sender: SENDER, token });

function jobFor(mode: Mode, url: string, fenige: FenigeAccess, tokens: GooglePayToken[], warmup: number, concurrency: number): LoadJob {
  if (mode !== 'direct') {
    return { url, headers: { 'Content-Type': 'application/json' }, bodies: tokens.map(checkoutBody), warmup, concurrency, expectStatus: 200 };
  }
  const authorization = `Basic ${Buffer.from(`${fenige.login}:${fenige.password}`).toString('base64')}`;
  return {
    url: `${url}/external-api/transactions/google-pay`,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: authorization },
    bodies: tokens.map(fenigeBody),
    warmup,
    concurrency,
    expectStatus: 200,
  };
}

type LevelRun = LoadResult & { cpu: CpuPerPayment; warmupCpu?: number };
type ModeRun = { levels: Record<Concurrency, LevelRun>; startCpuMs?: number };

const cpuOf = async (target: { child: ChildProcess }) => (await ask<{ cpuMs: number }>(target.child, { cpu: true }, START_TIMEOUT_MS)).cpuMs;

/** Runs a load job: `atWarm` when the generator has sent the warm-up (before it sends the timed requests), then its result. */
async function runLoad(job: LoadJob, atWarm: () => Promise<void>): Promise<LoadResult> {
  const generator = forkChild('./load-generator.ts');
  try {
    await ask<WarmedUp>(generator, job, 10 * 60_000);
    await atWarm();
    return await ask<LoadResult>(generator, { go: true }, 10 * 60_000);
  } finally {
    await stop(generator);
  }
}

/** One mode at the three concurrency levels, on fresh server processes. */
async function runMode(
  mode: Mode,
  tokens: GooglePayToken[],
  options: { warmup: number; requests: Record<Concurrency, number>; modules: Partial<Record<Mode, string>> },
): Promise<ModeRun> {
  const sandbox = await startSandbox();
  const fenige = sandbox.ready.fenige;
  if (fenige.gatewayMerchantId !== FENIGE_SANDBOX_DEFAULTS.gatewayMerchantId) throw new Error('the tokens were sealed for another merchant');
  const handler = mode === 'direct' ? undefined : await startHandler(options.modules[mode]!, fenige);
  try {
    const url = handler ? handler.ready.url : sandbox.ready.url;
    const results = {} as Record<Concurrency, LevelRun>;
    let used = 0;
    for (const concurrency of CONCURRENCY) {
      const timed = options.requests[concurrency];
      const job = jobFor(mode, url, fenige, tokens.slice(used, used + options.warmup + timed), options.warmup, concurrency);
      used += options.warmup + timed;
      const handler0 = handler ? await cpuOf(handler) : 0;
      let sandbox1 = 0;
      let handler1 = 0;
      const result = await runLoad(job, async () => {
        sandbox1 = await cpuOf(sandbox);
        handler1 = handler ? await cpuOf(handler) : 0;
      });
      results[concurrency] = {
        ...result,
        cpu: {
          sandbox: ((await cpuOf(sandbox)) - sandbox1) / timed,
          ...(handler ? { handler: ((await cpuOf(handler)) - handler1) / timed } : {}),
          generator: result.cpuMs / timed,
        },
        ...(handler ? { warmupCpu: (handler1 - handler0) / options.warmup } : {}),
      };
    }
    return { levels: results, ...(handler ? { startCpuMs: handler.ready.startCpuMs } : {}) };
  } finally {
    if (handler) await stop(handler.child);
    await stop(sandbox.child);
  }
}

/**
 * Requests per second and latency of `POST /paytool/transactions` (checkout handler → FenigeClient
 * → sandbox) against the same payment sent straight to the sandbox, at 1, 16 and 64 clients.
 * Every request is a new payment: its own transactionId and its own sealed token, made before
 * any timing starts.
 */
export async function runServerBench(options: {
  rounds: number;
  warmup: number;
  requests: Record<Concurrency, number>;
  /** A folder holding an earlier tree's `src/` (bench/server/baseline.sh): its handler runs in the same rounds. */
  baseline?: string;
  log: (line: string) => void;
}): Promise<ServerResult> {
  const perMode = CONCURRENCY.reduce((sum, c) => sum + options.warmup + options.requests[c], 0);
  const started = performance.now();
  const tokens = Array.from({ length: perMode }, () => createTestToken({ gateway: 'fenige', gatewayMerchantId: FENIGE_SANDBOX_DEFAULTS.gatewayMerchantId }));
  const tokenMs = (performance.now() - started) / perMode;
  options.log(`server: ${perMode} tokens sealed (${tokenMs.toFixed(1)} ms each)`);

  const modes: Mode[] = options.baseline ? ['handler', 'baseline', 'direct'] : [...MODES];
  const modules: Partial<Record<Mode, string>> = { handler: serverModule(resolve(ROOT, 'src'), resolve(ROOT, 'bench/.tmp/server-build')) };
  if (options.baseline) modules.baseline = serverModule(resolve(options.baseline), resolve(dirname(resolve(options.baseline)), 'npm'));
  options.log(`server: handlers from ${FROM_SRC ? 'src/ through tsx' : "tsc's JavaScript"}: ${Object.values(modules).join(', ')}`);
  const runs: Record<Mode, ModeRun[]> = { handler: [], direct: [], baseline: [] };
  for (let round = 0; round < options.rounds; round++) {
    // Each round runs every mode on fresh processes, in a rotated order, so a busy spell of the
    // machine hits each mode in turn; the per-round ratios then compare neighbours.
    const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
    for (const mode of order) runs[mode].push(await runMode(mode, tokens, { ...options, modules }));
    options.log(`server round ${round + 1}/${options.rounds}`);
  }

  const levels = {} as ServerResult['levels'];
  const handlerCpu: ServerResult['handlerCpu'] = {};
  const startCpu: ServerResult['startCpu'] = {};
  for (const mode of modes) {
    if (mode !== 'direct') {
      handlerCpu[mode] = {} as Record<Concurrency, Spread>;
      for (const c of CONCURRENCY) handlerCpu[mode][c] = spread(runs[mode].map((r) => r.levels[c].cpu.handler!));
      startCpu[mode] = spread(runs[mode].map((r) => r.startCpuMs!));
    }
    levels[mode] = {} as Record<Concurrency, LevelResult>;
    for (const c of CONCURRENCY) {
      const results = runs[mode].map((r) => r.levels[c]);
      const cpus = results.flatMap((r) => (r.cpu.handler === undefined ? [] : [r.cpu.handler]));
      const warmups = results.flatMap((r) => (r.warmupCpu === undefined ? [] : [r.warmupCpu]));
      levels[mode]![c] = {
        cpu: {
          sandbox: median(results.map((r) => r.cpu.sandbox)),
          generator: median(results.map((r) => r.cpu.generator)),
          ...(cpus.length ? { handler: median(cpus) } : {}),
        },
        ...(warmups.length ? { warmupCpu: median(warmups) } : {}),
        requests: results.reduce((sum, r) => sum + r.requests, 0),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
        p50Ms: median(results.map((r) => r.p50Ms)),
        p99Ms: median(results.map((r) => r.p99Ms)),
      };
    }
  }
  let paired: ServerResult['paired'];
  if (options.baseline) {
    paired = {} as NonNullable<ServerResult['paired']>;
    for (const c of CONCURRENCY) {
      const rounds = runs.handler.map((r, i) => ({ now: r.levels[c], before: runs.baseline[i]!.levels[c] }));
      paired[c] = {
        cpuRatio: spread(rounds.map(({ now, before }) => now.cpu.handler! / before.cpu.handler!)),
        rpsRatio: spread(rounds.map(({ now, before }) => now.requestsPerSecond / before.requestsPerSecond)),
      };
    }
  }
  return {
    rounds: options.rounds,
    warmup: options.warmup,
    requests: options.requests,
    levels,
    handlerCpu,
    startCpu,
    handlerFrom: FROM_SRC ? 'tsx' : 'built',
    ...(paired ? { paired, baseline: options.baseline! } : {}),
    tokenMs,
  };
}
