import { seededRandom } from './faults/random.js';
import { GATEWAY_FAULTS } from '../gateways/registry.js';
import { droppedConnection, proxyError } from './faults/responses.js';
import { matches, parseFaultSettings, type FaultKind, type FaultRule, type FaultSettings } from './faults/rules.js';

export { FAULT_KINDS, type FaultKind, type FaultMatch, type FaultRule, type FaultSettings } from './faults/rules.js';

/** One fault the sandbox injected, for tests to check that the trouble really happened. */
export interface InjectedFault {
  /** Position of the request among all requests the sandbox saw, from 1. */
  request: number;
  fault: FaultKind;
  method: string;
  /** The path inside the sandbox. */
  path: string;
}

/** The sandbox's fault settings, changeable while it runs. */
export interface SandboxFaults {
  /** Replaces the rules and the random seed; `next` budgets start afresh. Throws a TypeError naming a bad field. */
  set(settings: FaultSettings): void;
  /** No faults from now on (requests already held keep their fault). */
  clear(): void;
  /** The faults injected so far, oldest first (at most the last 10,000). */
  injected(): InjectedFault[];
}

/** Answers a request that reached the sandbox's emulators (with the caller's request as it came). */
export type FaultTarget = (request: Request) => Promise<Response>;

const DEFAULT_SEED = 1;
const DEFAULT_TIMEOUT_MS = 120_000;
const KEEP_INJECTED = 10_000;

interface Plan {
  delayMs: number;
  rule?: Exclude<FaultRule, { fault: 'latency' }>;
}

/**
 * The layer between callers and the emulators that makes the network and the gateway misbehave on
 * purpose. Draws come from a seeded generator in arrival order, so a test with the same seed and
 * the same sequence of requests gets the same faults.
 */
export function createFaultLayer(initial?: FaultSettings) {
  let rules: FaultRule[] = [];
  let budgets: number[] = [];
  let random = seededRandom(DEFAULT_SEED);
  let seen = 0;
  const log: InjectedFault[] = [];

  const faults: SandboxFaults = {
    set(settings) {
      const parsed = parseFaultSettings(settings);
      rules = parsed.rules;
      budgets = rules.map((rule) => rule.next ?? Infinity);
      random = seededRandom(parsed.seed ?? DEFAULT_SEED);
    },
    clear() {
      rules = [];
      budgets = [];
    },
    injected: () => log.map((entry) => ({ ...entry })),
  };
  if (initial) faults.set(initial);

  function plan(method: string, path: string, request: number): Plan {
    const chosen: Plan = { delayMs: 0 };
    rules.forEach((rule, i) => {
      if (chosen.rule || budgets[i]! <= 0 || !matches(rule, method, path)) return;
      if (rule.probability !== undefined && rule.probability < 1 && random() >= rule.probability) return;
      budgets[i]!--;
      log.push({ request, fault: rule.fault, method, path });
      if (log.length > KEEP_INJECTED) log.shift();
      if (rule.fault === 'latency') chosen.delayMs += rule.ms + Math.floor(random() * (rule.jitterMs ?? 0));
      else chosen.rule = rule;
    });
    return chosen;
  }

  /** Runs `request` through the faults that fire for it, calling `target` as the faults allow. */
  async function apply(request: Request, path: string, target: FaultTarget): Promise<Response> {
    const { delayMs, rule } = plan(request.method, path, ++seen);
    if (!delayMs && !rule) return target(request);
    const copy = await replayable(request);
    // Latency is time on the way: the request arrives even if its caller gave up meanwhile.
    if (delayMs) await pause(delayMs);
    // The work a gateway does whatever happens to the connection: no caller signal, body drained.
    const processDetached = async () => {
      await (await target(copy(false))).arrayBuffer().catch(() => undefined);
    };

    switch (rule?.fault) {
      case undefined:
        return target(copy(true));
      case 'drop-before':
        return droppedConnection();
      case 'drop-after':
        await processDetached();
        return droppedConnection();
      case 'http-error':
        return proxyError(rule.status ?? 500);
      case 'fenige-e9001':
      case 'fenige-e0153': {
        // A gateway's own error answer, from its folder; some are given after the work was done.
        const fault = GATEWAY_FAULTS[rule.fault];
        if (fault.processFirst) await processDetached();
        return fault.answer();
      }
      case 'duplicate': {
        const extra = Array.from({ length: (rule.copies ?? 2) - 1 }, processDetached);
        const [first] = await Promise.all([target(copy(true)), ...extra]);
        return first;
      }
      case 'timeout':
        return silence(rule, request.signal, target, copy);
    }
  }

  return { faults, apply };
}

/** `timeout`: nothing for `ms`; the work happens before, after or never; a caller still there then gets the answer. */
async function silence(
  rule: Extract<FaultRule, { fault: 'timeout' }>,
  signal: AbortSignal,
  target: FaultTarget,
  copy: (withSignal: boolean) => Request,
): Promise<Response> {
  const ms = rule.ms ?? DEFAULT_TIMEOUT_MS;
  switch (rule.processing ?? 'before') {
    case 'before': {
      const answer = await target(copy(false));
      const body = await answer.arrayBuffer();
      await pause(ms, signal);
      return signal.aborted ? droppedConnection() : new Response(body, { status: answer.status, headers: answer.headers });
    }
    case 'after':
      // A request stuck on its way: it lands even when the caller has long given up.
      await pause(ms);
      return target(copy(false));
    case 'none':
      await pause(ms, signal);
      return droppedConnection();
  }
}

/** The request's body read once, so it can be delivered later, again, or after its caller left. */
async function replayable(request: Request): Promise<(withSignal: boolean) => Request> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return (withSignal) =>
    new Request(request.url, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
      ...(withSignal ? { signal: request.signal } : {}),
    });
}

/** Waits `ms`, or less when `signal` aborts. The timer never keeps a process alive on its own. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal?.addEventListener('abort', done, { once: true });
  });
}
