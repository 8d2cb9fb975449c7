/**
 * The load generator, forked by run-server.ts so it never shares an event loop with a server.
 * It receives one `LoadJob`, sends every body once — `concurrency` clients, each on its own
 * keep-alive connection, each sending its next request as soon as the previous answer arrived —
 * and answers a `LoadResult`. The first `warmup` bodies are sent the same way, untimed; then it
 * sends `{ warm: true }` (`WarmedUp`) and waits for `{ go: true }`, so the parent can read the
 * servers' CPU between the warm-up and the timed requests.
 */
import { Agent, request } from 'node:http';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  /** Serialized JSON bodies, each with its own transactionId. */
  bodies: string[];
  warmup: number;
  concurrency: number;
  /** The answer's HTTP status every request must get. */
  expectStatus: number;
}

export interface LoadResult {
  requests: number;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with another status, timeouts and connection errors. */
  errors: number;
  statuses: Record<string, number>;
  /** This process's CPU time (user + system) for the timed requests, in ms. */
  cpuMs: number;
}

/** Sent to the parent after the warm-up; the parent answers `{ go: true }`. */
export interface WarmedUp {
  warm: true;
}

const REQUEST_TIMEOUT_MS = 30_000;

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) }, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', () => resolve(0));
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', () => resolve(0));
    req.end(body);
  });
}

async function send(job: LoadJob, agent: Agent, bodies: string[]): Promise<{ latencies: number[]; statuses: Map<number, number>; elapsedMs: number }> {
  const url = new URL(job.url);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const client = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const started = performance.now();
      const status = await post(agent, url, job.headers, body);
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, client));
  return { latencies, statuses, elapsedMs: performance.now() - started };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  try {
    await send(job, agent, job.bodies.slice(0, job.warmup));
    const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
    process.send!({ warm: true } satisfies WarmedUp);
    await go;
    const cpu = process.cpuUsage();
    const { latencies, statuses, elapsedMs } = await send(job, agent, job.bodies.slice(job.warmup));
    const sorted = latencies.sort((a, b) => a - b);
    const used = process.cpuUsage(cpu);
    return {
      cpuMs: (used.user + used.system) / 1000,
      requests: sorted.length,
      elapsedMs,
      requestsPerSecond: (sorted.length / elapsedMs) * 1000,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      errors: sorted.length - (statuses.get(job.expectStatus) ?? 0),
      statuses: Object.fromEntries(statuses),
    };
  } finally {
    agent.destroy();
  }
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(`load generator: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
});
