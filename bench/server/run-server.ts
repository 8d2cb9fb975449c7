import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createTestToken, FENIGE_SANDBOX_DEFAULTS, type GooglePayToken } from '../../src/sandbox/index.js';
import { median, spread, type Spread } from '../stats.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import type { FenigeAccess, TargetReady, TargetStart } from './target.js';

export const CONCURRENCY = [1, 16, 64] as const;
export type Concurrency = (typeof CONCURRENCY)[number];
export const MODES = ['handler', 'direct'] as const;
/** `baseline`: the handler of another tree (`--server-baseline DIR`), in the same rounds. */
export type Mode = (typeof MODES)[number] | 'baseline';

/** CPU ms per payment in each process, over the level's warm-up and timed requests. */
export interface CpuPerPayment {
  handler?: number;
  sandbox: number;
  generator: number;
}

export interface LevelResult {
  cpu: CpuPerPayment;
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
  /** Handler CPU per payment over the rounds (median, p25–p75), per mode that runs a handler. */
  handlerCpu: Partial<Record<'handler' | 'baseline', Record<Concurrency, Spread>>>;
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

function forkChild(file: string, profile = false): ChildProcess {
  const execArgv = profile && PROFILE_DIR ? [...TSX, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : TSX;
  return fork(new URL(file, import.meta.url), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Sends `message` to a child and waits for its one answer (or its death). */
async function ask<T>(child: ChildProcess, message: unknown, timeoutMs: number): Promise<T> {
  child.send(message as object);
  const answer = once(child, 'message', { signal: AbortSignal.timeout(timeoutMs) }) as Promise<[T]>;
  const died = once(child, 'exit').then(([code]) => {
    throw new Error(`bench child exited with code ${code} before answering`);
  });
  const [value] = await Promise.race([answer, died]);
  return value;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function startTarget(start: TargetStart): Promise<{ child: ChildProcess; ready: TargetReady }> {
  const child = forkChild('./target.ts', start.role === 'handler');
  try {
    return { child, ready: await ask<TargetReady>(child, start, START_TIMEOUT_MS) };
  } catch (error) {
    await stop(child);
    throw error;
  }
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

/** One mode at the three concurrency levels, on fresh server processes. */
type LevelRun = LoadResult & { cpu: CpuPerPayment };

const cpuOf = async (target: { child: ChildProcess }) => (await ask<{ cpuMs: number }>(target.child, { cpu: true }, START_TIMEOUT_MS)).cpuMs;

async function runMode(
  mode: Mode,
  tokens: GooglePayToken[],
  options: { warmup: number; requests: Record<Concurrency, number>; baseline?: string },
): Promise<Record<Concurrency, LevelRun>> {
  const sandbox = await startTarget({ role: 'sandbox' });
  const fenige = sandbox.ready.fenige!;
  if (fenige.gatewayMerchantId !== FENIGE_SANDBOX_DEFAULTS.gatewayMerchantId) throw new Error('the tokens were sealed for another merchant');
  const handler =
    mode === 'direct' ? undefined : await startTarget({ role: 'handler', fenige, ...(mode === 'baseline' ? { srcRoot: options.baseline! } : {}) });
  try {
    const url = handler ? handler.ready.url : sandbox.ready.url;
    const results = {} as Record<Concurrency, LevelRun>;
    let used = 0;
    for (const concurrency of CONCURRENCY) {
      const count = options.warmup + options.requests[concurrency];
      const job = jobFor(mode, url, fenige, tokens.slice(used, used + count), options.warmup, concurrency);
      used += count;
      const generator = forkChild('./load-generator.ts');
      try {
        const sandbox0 = await cpuOf(sandbox);
        const handler0 = handler ? await cpuOf(handler) : 0;
        const result = await ask<LoadResult>(generator, job, 10 * 60_000);
        const perPayment = (ms: number) => ms / count;
        results[concurrency] = {
          ...result,
          cpu: {
            sandbox: perPayment((await cpuOf(sandbox)) - sandbox0),
            ...(handler ? { handler: perPayment((await cpuOf(handler)) - handler0) } : {}),
            generator: perPayment(result.cpuMs),
          },
        };
      } finally {
        await stop(generator);
      }
    }
    return results;
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
  const runs: Record<Mode, Record<Concurrency, LevelRun>[]> = { handler: [], direct: [], baseline: [] };
  for (let round = 0; round < options.rounds; round++) {
    // Each round runs every mode on fresh processes, in a rotated order, so a busy spell of the
    // machine hits each mode in turn; the per-round ratios then compare neighbours.
    const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
    for (const mode of order) runs[mode].push(await runMode(mode, tokens, options));
    options.log(`server round ${round + 1}/${options.rounds}`);
  }

  const levels = {} as ServerResult['levels'];
  const handlerCpu: ServerResult['handlerCpu'] = {};
  for (const mode of modes) {
    if (mode !== 'direct') {
      handlerCpu[mode] = {} as Record<Concurrency, Spread>;
      for (const c of CONCURRENCY) handlerCpu[mode][c] = spread(runs[mode].map((r) => r[c].cpu.handler!));
    }
    levels[mode] = {} as Record<Concurrency, LevelResult>;
    for (const c of CONCURRENCY) {
      const results = runs[mode].map((r) => r[c]);
      const cpus = results.flatMap((r) => (r.cpu.handler === undefined ? [] : [r.cpu.handler]));
      levels[mode]![c] = {
        cpu: {
          sandbox: median(results.map((r) => r.cpu.sandbox)),
          generator: median(results.map((r) => r.cpu.generator)),
          ...(cpus.length ? { handler: median(cpus) } : {}),
        },
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
      const rounds = runs.handler.map((r, i) => ({ now: r[c], before: runs.baseline[i]![c] }));
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
    ...(paired ? { paired, baseline: options.baseline! } : {}),
    tokenMs,
  };
}
