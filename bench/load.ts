/**
 * Load with faults: hundreds of concurrent checkouts through the checkout handler (one instance,
 * or two behind a round-robin balancer sharing Redis) in front of the Fenige sandbox with 20 % of
 * its payments hit by faults, plus identical replays of one transactionId. Every checkout is
 * driven by the element's own backend client (retries, status polling), then checked against
 * the sandbox's records: one charge per id, no lost request, every answer true, bounded store.
 *
 *   node --import tsx bench/load.ts [--quick] [--redis] [--write]   (or npm run bench -- --load …)
 *
 * `--redis` also runs two handler instances sharing a throwaway redis-server; `--write` puts the
 * tables into bench/RESULTS.md between the load markers. `runLoad` is what the node tests use.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { submit, type BackendAnswer, type BackendPolicy } from '../src/checkout/backend-client.js';
import { classifyResponse } from '../src/protocol/index.js';
import { createSandbox, createTestToken, type FaultKind, type FaultRule, type RunningSandbox, type SandboxOptions } from '../src/sandbox/index.js';
import {
  createCheckoutHandler,
  createMemoryIdempotencyStore,
  createRedisIdempotencyStore,
  FenigeClient,
  toNodeListener,
  type CheckoutEvent,
  type IdempotencyStore,
} from '../src/server/index.js';
import { describeMachine } from './machine.js';
import { quantile } from './stats.js';

const PAY = '/fenige/external-api/transactions/google-pay';
const DETAILS = /^\/fenige\/transactions\/details\//;
/** Kinds of payment faults; each fires with the same chance so that together they hit `faultRate`. */
const PAYMENT_FAULTS: FaultRule[] = [
  { fault: 'drop-before' },
  { fault: 'drop-after' },
  { fault: 'http-error', status: 502 },
  { fault: 'fenige-e9001' },
  { fault: 'fenige-e0153' },
  { fault: 'timeout', ms: 6_000 },
  { fault: 'duplicate', copies: 2 },
];
/** Cards by checkout number: mostly approved, some declined, some E0153 that settle as paid later. */
const CARDS = [
  '4111111111111111',
  '4111111111111111',
  '5555555555554444',
  '4111111111111111',
  '5105105105105100',
  '4111111111111111',
  '4000000000001539',
  '4111111111111111',
  '5555555555554444',
  '4111111111111111',
];
const SUCCESS_STATES = ['SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING'];

/**
 * The gateway client's timeout leaves the sandbox seconds to answer on a busy machine, so the
 * late-landing case (a payment still processed when the client gave up; see
 * test/e2e/faults-fenige.test.ts) comes from the `timeout` fault rather than from load alone.
 */
export const LOAD_TIMINGS = { gatewayTimeoutMs: 5_000, handlerTimeoutMs: 8_000, settleMs: 1_000 } as const;
/** How long resolveByStatus asks before it calls a checkout unresolved: only a broken run gets there. */
const RESOLVE_BOUND_MS = 120_000;
export const LOAD_POLICY: BackendPolicy = { requestTimeoutMs: 12_000, maxPosts: 3, deadlineMs: 40_000, initialDelayMs: 100, maxDelayMs: 500 };

/** The idempotency store(s) under test and how to count what they hold. */
export interface LoadStore {
  name: string;
  /** One per handler instance (they may share the same backend). */
  stores: IdempotencyStore[];
  /** Entries held right now for these transactionIds. */
  count(ids: readonly string[]): Promise<number>;
  /** The most entries the store may hold, when it has such a bound. */
  maxEntries?: number;
  /** Lets the entries' time to live pass (an injected clock), when the store allows it. */
  expire?(): void;
}

/** The in-memory store of one handler instance, with a clock the run can move past the TTL. */
export function memoryLoadStore(options: { maxEntries: number; ttlMs: number }): LoadStore {
  let offset = 0;
  const store = createMemoryIdempotencyStore({ ...options, now: () => Date.now() + offset });
  // Every key the handlers wrote (payments and token claims, each named by gateway and merchant).
  const keys = new Set<string>();
  const tracked = { ...store, acquire: (key: string, hash: string, until: number) => (keys.add(key), store.acquire(key, hash, until)) };
  return {
    name: `in-memory (maxEntries ${options.maxEntries}, ttl ${options.ttlMs / 1000} s)`,
    stores: [tracked],
    maxEntries: options.maxEntries,
    count: async () => (await Promise.all([...keys].map((key) => store.get(key)))).filter(Boolean).length,
    expire: () => void (offset += options.ttlMs + 1),
  };
}

/** Redis shared by every instance (one ioredis client each); entries counted by key prefix. */
export function redisLoadStore(clients: import('ioredis').Redis[], options: { prefix: string; ttlMs: number }): LoadStore {
  return {
    name: `Redis shared by ${clients.length} instances (ttl ${options.ttlMs / 1000} s)`,
    stores: clients.map((client) => createRedisIdempotencyStore({ client, ...options })),
    count: async () => (await clients[0]!.keys(`${options.prefix}*`)).length,
  };
}

export interface LoadOptions {
  checkouts: number;
  /** Identical POSTs of one more transactionId, sent at the same time as the checkouts. */
  replays: number;
  /** Share of payment requests hit by a fault (0…1). */
  faultRate: number;
  /** Rounds of checkouts + replays; later waves push older entries out of a bounded store. */
  waves?: number;
  store: LoadStore;
  seed?: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  store: string;
  instances: number;
  checkouts: number;
  replays: number;
  waves: number;
  faultRate: number;
  durationMs: number;
  /** Faults the sandbox injected into payment requests, by kind. */
  faults: Partial<Record<FaultKind, number>>;
  /** Faults injected into the handlers' status reads. */
  statusReadFaults: number;
  /** Payment requests that reached the sandbox, and how many of them got a fault. */
  paymentRequests: number;
  faultedPaymentRequests: number;
  outcomes: { success: number; failure: number; resolvedByStatus: number; unresolved: number };
  /** Why the payments that were not paid were not: the failure code the payer got. */
  failureCodes: Record<string, number>;
  /** Per wave: what the identical replays of one id were told, and what the gateway and the handlers did with it. */
  replayed: { told: Record<string, number>; transactions: number; payCalls: number }[];
  /** Successful charges at the gateway; transactions of any state. */
  charges: number;
  gatewayTransactions: number;
  /** `gateway.pay` calls made by the handlers (at most one per id). */
  handlerCharges: number;
  latencyMs: { p50: number; p99: number; max: number };
  entries: { max?: number; peak: number; afterRun: number; afterTtl?: number };
  heapMB: { before: number; after: number };
  /** Broken rules; empty when every checkout was charged at most once and answered truly. */
  violations: string[];
}

interface Checkout {
  id: string;
  body: Record<string, unknown> & { transactionId: string };
  answer?: BackendAnswer;
  final?: 'success' | 'failure';
  ms?: number;
  byStatus?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function faultRules(rate: number): FaultRule[] {
  // Tried in order, the first that fires wins: k rules of chance p miss together with (1 - p)^k.
  const p = rate > 0 ? 1 - Math.pow(1 - rate, 1 / PAYMENT_FAULTS.length) : 0;
  return [
    { fault: 'latency', ms: 0, jitterMs: 40 },
    ...(p > 0 ? PAYMENT_FAULTS.map((rule) => ({ ...rule, path: PAY, probability: p }) as FaultRule) : []),
    ...(rate > 0 ? [{ fault: 'http-error', status: 502, path: DETAILS, probability: rate / 4 } as FaultRule] : []),
  ];
}

function checkoutBody(sb: RunningSandbox, card: string, amount: number) {
  return {
    transactionId: crypto.randomUUID(),
    apiKey: 'pk_load',
    amount,
    currency: 'PLN',
    description: 'Load test order',
    sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
    token: createTestToken({ gateway: 'fenige', gatewayMerchantId: sb.fenige.gatewayMerchantId, card }),
  };
}

/**
 * After "we could not confirm": asks `GET {url}/{id}` until the outcome is final; 404 = never reached
 * the gateway. It waits for that condition, not for a time: the bound only ends a run that is broken
 * (a payment that never settles), far above what a busy machine needs — a shorter one turned slow
 * answers on a loaded machine into "unresolved" checkouts.
 */
async function resolveByStatus(url: string, id: string, deadlineMs = RESOLVE_BOUND_MS): Promise<'success' | 'failure' | undefined> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/${id}`, { signal: AbortSignal.timeout(5_000) });
      const body = await response.json().catch(() => ({}));
      if (response.status === 404) return 'failure';
      const outcome = classifyResponse(response.status, body);
      if (outcome.kind === 'success' || outcome.kind === 'failure') return outcome.kind;
    } catch {
      // no answer this time: ask again
    }
    await sleep(250);
  }
  return undefined;
}

/** The sandbox on a server of the load's own, which also says how many requests it is still working on. */
export type WatchedSandbox = RunningSandbox & { busy(): number };

export async function startWatchedSandbox(options: SandboxOptions): Promise<WatchedSandbox> {
  const sandbox = createSandbox(options);
  let busy = 0;
  const server = createServer(
    toNodeListener(async (request) => {
      // Until the sandbox is done with it, including the work a fault does after its caller left.
      busy++;
      try {
        return (await sandbox.handle(request)) ?? Response.json({ error: 'Not found' }, { status: 404 });
      } finally {
        busy--;
      }
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...sandbox.describe(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    emulators: sandbox.emulators,
    faults: sandbox.faults,
    busy: () => busy,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Waits until nothing can change the sandbox's records any more: it works on no request and no
 * E0153 payment is still IN_PROGRESS. A condition, not a time; the bound only ends a broken run.
 */
export async function untilSettled(sb: WatchedSandbox, boundMs = RESOLVE_BOUND_MS): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (sb.busy() > 0 || sb.emulators.fenige.transactions().some((t) => t.state === 'IN_PROGRESS')) {
    if (Date.now() > deadline) throw new Error(`the sandbox did not settle within ${boundMs} ms (${sb.busy()} requests in work)`);
    await sleep(20);
  }
}

/** Runs the load and checks the money rules against the sandbox's own records. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { checkouts, replays, faultRate, store } = options;
  const waves = options.waves ?? 1;
  const log = options.log ?? (() => {});
  const heapBefore = process.memoryUsage().heapUsed;
  const sb = await startWatchedSandbox({
    fenige: { pendingSettleMs: LOAD_TIMINGS.settleMs },
    faults: { seed: options.seed ?? 42, rules: faultRules(faultRate) },
  });
  const events: CheckoutEvent[] = [];
  const handlers = store.stores.map((idempotencyStore) =>
    createCheckoutHandler({
      gateway: new FenigeClient({
        baseUrl: sb.fenige.url,
        login: sb.fenige.login,
        password: sb.fenige.password,
        merchantUuid: sb.fenige.merchantUuid,
        timeoutMs: LOAD_TIMINGS.gatewayTimeoutMs,
      }),
      store: idempotencyStore,
      timeoutMs: LOAD_TIMINGS.handlerTimeoutMs,
      unsafeTrustBrowserAmount: true, // the load's own orders are what the browser sends
      logger: { warn: () => {}, error: console.error },
      onEvent: (event) => events.push(event),
    }),
  );
  // The load balancer: each request to the next instance, so one payment's retries cross instances.
  let turn = 0;
  const server = createServer(toNodeListener((request, info) => handlers[turn++ % handlers.length]!(request, info)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${handlers[0]!.basePath}`;

  const all: Checkout[] = [];
  const replayRuns: Checkout[][] = [];
  const ids = () => [...new Set([...all, ...replayRuns.flat()].map((c) => c.id))];
  let peak = 0;
  let durationMs = 0;
  try {
    for (let wave = 0; wave < waves; wave++) {
      const batch: Checkout[] = Array.from({ length: checkouts }, (_, i) => {
        const body = checkoutBody(sb, CARDS[i % CARDS.length]!, 1_000 + i);
        return { id: body.transactionId, body };
      });
      const replayBody = checkoutBody(sb, CARDS[0]!, 4_242);
      const replaying: Checkout[] = Array.from({ length: replays }, () => ({ id: replayBody.transactionId, body: replayBody }));
      all.push(...batch);
      replayRuns.push(replaying);
      log(`load: wave ${wave + 1}/${waves}: ${checkouts} checkouts + ${replays} replays at once, ${store.name}, ${handlers.length} instance(s)`);
      const sampler = setInterval(() => void store.count(ids()).then((n) => (peak = Math.max(peak, n))), 200);
      const started = performance.now();
      await Promise.all(
        [...batch, ...replaying].map(async (checkout) => {
          const t0 = performance.now();
          checkout.answer = await submit(url, checkout.body, LOAD_POLICY);
          checkout.ms = performance.now() - t0;
          const kind = checkout.answer.outcome.kind;
          if (kind === 'success' || kind === 'failure') checkout.final = kind;
          if (kind === 'failure' && checkout.answer.outcome.code === 'OUTCOME_UNKNOWN') {
            checkout.byStatus = true;
            checkout.final = await resolveByStatus(url, checkout.id);
          }
        }),
      );
      durationMs += performance.now() - started;
      clearInterval(sampler);
    }
    // E0153 payments and late work settle; nothing may change what was already answered.
    await untilSettled(sb);
    const afterRun = await store.count(ids());
    peak = Math.max(peak, afterRun);
    let afterTtl: number | undefined;
    if (store.expire) {
      store.expire();
      afterTtl = await store.count(ids());
    }
    return report({
      options,
      sb,
      events,
      all,
      replayRuns,
      durationMs,
      instances: handlers.length,
      entries: { peak, afterRun, ...(afterTtl === undefined ? {} : { afterTtl }) },
      heapBefore,
    });
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await sb.close();
  }
}

function report(run: {
  options: LoadOptions;
  sb: RunningSandbox;
  events: CheckoutEvent[];
  all: Checkout[];
  replayRuns: Checkout[][];
  durationMs: number;
  instances: number;
  entries: { peak: number; afterRun: number; afterTtl?: number };
  heapBefore: number;
}): LoadReport {
  const { options, sb, events, all, replayRuns } = run;
  const violations: string[] = [];
  const transactions = sb.emulators.fenige.transactions();
  const byId = new Map<string, typeof transactions>();
  for (const t of transactions) byId.set(t.transactionId, [...(byId.get(t.transactionId) ?? []), t]);
  const paidAtGateway = (id: string) => (byId.get(id) ?? []).some((t) => SUCCESS_STATES.includes(t.state));

  for (const [id, list] of byId) if (list.length > 1) violations.push(`${id}: ${list.length} transactions at the gateway`);
  const charged = new Map<string, number>();
  for (const e of events) if (e.type === 'payment' && e.source === 'charged') charged.set(e.transactionId!, (charged.get(e.transactionId!) ?? 0) + 1);
  for (const [id, n] of charged) if (n > 1) violations.push(`${id}: the handlers called the gateway's pay ${n} times`);

  for (const c of [...all, ...replayRuns.flat()]) {
    if (c.final === undefined) violations.push(`${c.id}: no definite outcome, even by status (${JSON.stringify(c.answer?.outcome)})`);
    else if (c.final === 'success' && !paidAtGateway(c.id))
      violations.push(`${c.id}: told success, the gateway has ${byId.get(c.id)?.map((t) => t.state) ?? 'nothing'}`);
    else if (c.final === 'failure' && paidAtGateway(c.id))
      violations.push(`${c.id}: told failure (${JSON.stringify(c.answer?.outcome)}), but the gateway charged it`);
  }
  for (const e of events) {
    if (e.outcome === 'success' && !paidAtGateway(e.transactionId!))
      violations.push(`${e.transactionId}: the merchant was told paid (${e.type}), the gateway did not charge`);
  }
  // Identical replays must all hear the same outcome (each also checked above against the gateway).
  for (const run of replayRuns) {
    const finals = new Set(run.map((c) => c.final));
    if (finals.size > 1) violations.push(`replays of ${run[0]!.id}: different outcomes ${[...finals].join(', ')}`);
  }
  const { maxEntries } = options.store;
  if (maxEntries !== undefined && run.entries.peak > maxEntries) violations.push(`the store held ${run.entries.peak} entries, more than its ${maxEntries}`);
  if (run.entries.afterTtl !== undefined && run.entries.afterTtl > 0) violations.push(`${run.entries.afterTtl} entries outlived their TTL`);

  const injected = sb.faults.injected();
  const faults: Partial<Record<FaultKind, number>> = {};
  for (const f of injected) if (f.fault !== 'latency' && f.path === PAY) faults[f.fault] = (faults[f.fault] ?? 0) + 1;
  const statusReadFaults = injected.filter((f) => f.fault !== 'latency' && f.path !== PAY).length;
  const paymentRequests = new Set(injected.filter((f) => f.path === PAY).map((f) => f.request)).size; // latency fires on every request
  const faultedPaymentRequests = injected.filter((f) => f.path === PAY && f.fault !== 'latency').length;
  const latencies = all.map((c) => c.ms!).filter(Number.isFinite);
  const count = (list: Checkout[], final: Checkout['final']) => list.filter((c) => c.final === final).length;
  const failureCodes: Record<string, number> = {};
  for (const c of all) {
    if (c.final !== 'failure') continue;
    const code = c.answer?.outcome.kind === 'failure' ? c.answer.outcome.code : 'unknown';
    failureCodes[code] = (failureCodes[code] ?? 0) + 1;
  }
  const replayed = replayRuns.map((run) => {
    const told: Record<string, number> = {};
    for (const c of run) told[c.final ?? 'nothing'] = (told[c.final ?? 'nothing'] ?? 0) + 1;
    const id = run[0]?.id ?? '';
    return { told, transactions: byId.get(id)?.length ?? 0, payCalls: charged.get(id) ?? 0 };
  });

  return {
    store: options.store.name,
    instances: run.instances,
    checkouts: options.checkouts,
    replays: options.replays,
    waves: options.waves ?? 1,
    faultRate: options.faultRate,
    durationMs: Math.round(run.durationMs),
    faults,
    statusReadFaults,
    paymentRequests,
    faultedPaymentRequests,
    outcomes: {
      success: count(all, 'success'),
      failure: count(all, 'failure'),
      resolvedByStatus: all.filter((c) => c.byStatus && c.final).length,
      unresolved: count(all, undefined),
    },
    failureCodes,
    replayed,
    charges: [...byId.keys()].filter(paidAtGateway).length,
    gatewayTransactions: transactions.length,
    handlerCharges: [...charged.values()].reduce((a, b) => a + b, 0),
    latencyMs: { p50: Math.round(quantile(latencies, 0.5)), p99: Math.round(quantile(latencies, 0.99)), max: Math.round(Math.max(...latencies)) },
    entries: { ...(maxEntries === undefined ? {} : { max: maxEntries }), ...run.entries },
    heapMB: { before: mb(run.heapBefore), after: mb(process.memoryUsage().heapUsed) },
    violations,
  };
}

// ---------------------------------------------------------------------------------------------
// The command: runs the full load (and the Redis variant), prints the tables, optionally writes them.

export function renderLoad(reports: LoadReport[], command: string): string {
  const machine = describeMachine();
  const rows = reports.map((r) => {
    const faults = Object.entries(r.faults)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const entries = `peak ${r.entries.peak}${r.entries.max === undefined ? '' : ` (max ${r.entries.max})`}, after run ${r.entries.afterRun}${r.entries.afterTtl === undefined ? '' : `, after TTL ${r.entries.afterTtl}`}`;
    return `| ${r.store}, ${r.instances} instance(s) | ${r.waves} × (${r.checkouts} + ${r.replays} replays) | ${r.faultedPaymentRequests} of ${r.paymentRequests} payment requests (${faults}); ${r.statusReadFaults} status reads | ${r.outcomes.success} paid, ${r.outcomes.failure} not paid (${Object.entries(
      r.failureCodes,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${r.outcomes.resolvedByStatus} settled by status), ${r.outcomes.unresolved} lost | ${r.replayed
      .map(
        (w) =>
          `${Object.entries(w.told)
            .map(([k, n]) => `${n} × ${k}`)
            .join(', ')}; ${w.payCalls} pay call, ${w.transactions} transaction`,
      )
      .join(
        ' — ',
      )} | ${r.charges} charges, ${r.gatewayTransactions} transactions, ${r.handlerCharges} pay calls | ${r.latencyMs.p50} / ${r.latencyMs.p99} / ${r.latencyMs.max} ms | ${entries} | ${(r.durationMs / 1000).toFixed(1)} s | **${r.violations.length}** |`;
  });
  return [
    `Generated by \`${command}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage} at start.`,
    '',
    "Every checkout is a real Fenige Google Pay payment (own transactionId, own sealed token) driven by the element's backend client (`submit`: same POST re-sent after no answer or 5xx, status polled while pending); an outcome still unknown at its deadline is then asked for by status. Faults hit payment requests between the handler and the sandbox (each kind with an equal share) plus 1 in 20 status reads (502); every request also gets 0–40 ms latency. Checked against the sandbox's records: at most one transaction per transactionId, at most one first `pay` call per id across instances (a second only when the gateway said it never saw the id), every outcome the payer and the merchant were given true.",
    '',
    '"Not paid" are declines (E0150, FAILURE). A payment a fault kept from Fenige is sent again by the handler once Fenige\'s status says it never saw it, so it is paid once rather than lost (test/node/faults-handler.test.ts). "Settled by status" counts element runs that ended in "we could not confirm" and were then settled by a status read.',
    '',
    '| store | checkouts | faults injected | outcomes | replays of one id | at the gateway | checkout p50 / p99 / max | idempotency entries | time | rule violations |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const START = '<!-- load:start -->';
const END = '<!-- load:end -->';

export function writeLoadSection(file: URL, section: string): void {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // a new file with just the markers
  }
  if (!text.includes(START) || !text.includes(END)) text = `${text}${text && !text.endsWith('\n') ? '\n' : ''}${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START) + START.length);
  const after = text.slice(text.indexOf(END));
  writeFileSync(file, `${before}\n${section}\n${after}`);
}

/** `npm run bench -- --load [--quick] [--redis] [--write]` lands here (and `node --import tsx bench/load.ts …`). */
export async function runLoadBench(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const log = (line: string) => console.error(line);
  const size = quick ? { checkouts: 60, replays: 20 } : { checkouts: 200, replays: 50 };
  const reports: LoadReport[] = [];
  // Room for both waves: each id holds a payment entry and a token claim, and a full store refuses (503), never evicts.
  reports.push(await runLoad({ ...size, faultRate: 0.2, waves: 2, store: memoryLoadStore({ maxEntries: 1000, ttlMs: 10 * 60_000 }), log }));
  if (argv.includes('--redis')) {
    const { Redis } = await import('ioredis');
    const { startRedis } = await import('../test/support/redis.js');
    const redis = await startRedis();
    const clients = [new Redis(redis.url), new Redis(redis.url)];
    try {
      reports.push(await runLoad({ ...size, faultRate: 0.2, store: redisLoadStore(clients, { prefix: 'load:', ttlMs: 10 * 60_000 }), log }));
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
      await redis.stop();
    }
  }
  const command = ['node --import tsx bench/load.ts', ...argv].join(' ');
  const section = renderLoad(reports, command);
  console.log(section);
  for (const r of reports) for (const v of r.violations) console.error(`VIOLATION (${r.store}): ${v}`);
  if (argv.includes('--write')) writeLoadSection(new URL('./RESULTS.md', import.meta.url), section);
  if (reports.some((r) => r.violations.length)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runLoadBench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  });
}
