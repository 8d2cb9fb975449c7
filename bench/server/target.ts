/**
 * A server process for the load test, forked by run-server.ts. The parent sends one
 * `TargetStart` message; the child answers `{ url }` once listening and stops on SIGTERM.
 *   sandbox → the Fenige/Feennex sandbox (`startSandbox`); also answers its Fenige credentials
 *   handler → `createCheckoutHandler` with a `FenigeClient` for that sandbox, mounted with
 *             `toNodeListener`: the merchant backend of docs/protocol.md §4
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../src/sandbox/index.js';

export interface FenigeAccess {
  url: string;
  login: string;
  password: string;
  merchantUuid: string;
  gatewayMerchantId: string;
}

/** `srcRoot`: another tree's `src/` folder (e.g. an earlier commit's, for `--server-baseline`); default this one's. */
export type TargetStart = { role: 'sandbox' } | { role: 'handler'; fenige: FenigeAccess; srcRoot?: string };

export interface TargetReady {
  /** Where the load goes: the sandbox's Fenige base URL, or the handler's endpoint. */
  url: string;
  /** The sandbox's public test credentials (sandbox role only). */
  fenige?: FenigeAccess;
}

async function start(message: TargetStart): Promise<{ ready: TargetReady; close: () => Promise<void> }> {
  if (message.role === 'sandbox') {
    const sandbox = await startSandbox();
    return { ready: { url: sandbox.fenige.url, fenige: sandbox.fenige }, close: sandbox.close };
  }
  const { fenige } = message;
  const serverModule = message.srcRoot ? pathToFileURL(`${message.srcRoot}/server/index.ts`).href : '../../src/server/index.js';
  const { createCheckoutHandler, FenigeClient, toNodeListener } = (await import(serverModule)) as typeof import('../../src/server/index.js');
  const gateway = new FenigeClient({ baseUrl: fenige.url, login: fenige.login, password: fenige.password, merchantUuid: fenige.merchantUuid });
  const handler = createCheckoutHandler({ gateway, unsafeTrustBrowserAmount: true, logger: { warn: () => {}, error: console.error } });
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { ready: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${handler.basePath}` }, close };
}

/** Asked before and after each load level: this process's CPU time so far, in ms (user + system). */
export interface CpuQuery {
  cpu: true;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

process.once('message', (message: TargetStart) => {
  start(message).then(
    ({ ready, close }) => {
      process.once('SIGTERM', () => void close().then(() => process.exit(0)));
      process.on('message', (query: CpuQuery) => {
        if (query.cpu) process.send!({ cpuMs: cpuMs() });
      });
      process.send!(ready);
    },
    (error: unknown) => {
      console.error(`bench target (${message.role}): ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
});
