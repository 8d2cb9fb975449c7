/**
 * The sandbox's process for the load test, forked by run-server.ts (with tsx: the sandbox is the
 * bench's stand-in for Fenige, not what is measured). The parent sends one `TargetStart` message;
 * the child answers `TargetReady` once listening and stops on SIGTERM. The checkout handler runs
 * in a process of its own, from built JavaScript (handler-process.mjs).
 */
import { startSandbox } from '../../src/sandbox/index.js';

export interface FenigeAccess {
  url: string;
  login: string;
  password: string;
  merchantUuid: string;
  gatewayMerchantId: string;
}

export interface TargetStart {
  role: 'sandbox';
}

export interface TargetReady {
  /** The sandbox's Fenige base URL. */
  url: string;
  /** The sandbox's public test credentials. */
  fenige: FenigeAccess;
}

async function start(): Promise<{ ready: TargetReady; close: () => Promise<void> }> {
  const sandbox = await startSandbox();
  return { ready: { url: sandbox.fenige.url, fenige: sandbox.fenige }, close: sandbox.close };
}

/** Asked before and after each load level: this process's CPU time so far, in ms (user + system). */
export interface CpuQuery {
  cpu: true;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

process.once('message', () => {
  start().then(
    ({ ready, close }) => {
      process.once('SIGTERM', () => void close().then(() => process.exit(0)));
      process.on('message', (query: CpuQuery) => {
        if (query.cpu) process.send!({ cpuMs: cpuMs() });
      });
      process.send!(ready);
    },
    (error: unknown) => {
      console.error(`bench sandbox: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
});
