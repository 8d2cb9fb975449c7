/**
 * The checkout handler's process in the server bench, forked by run-server.ts without tsx: it
 * imports a BUILT `server/index.js` (tsc's output of a tree's src/, as a merchant's server runs the
 * package's dist/npm), so its CPU is the handler's, not a TypeScript loader's at first use.
 * Plain JavaScript for that reason. The parent sends one `{ serverModule, fenige }` message; the
 * child answers `{ url, startCpuMs }` once listening (`startCpuMs`: its CPU so far: Node's start,
 * the import, the set-up), then `{ cpuMs }` to each `{ cpu: true }`, and stops on SIGTERM.
 */
import { createServer } from 'node:http';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** @param {{ serverModule: string, fenige: { url: string, login: string, password: string, merchantUuid: string } }} message */
async function start({ serverModule, fenige }) {
  const { createCheckoutHandler, FenigeClient, toNodeListener } = await import(serverModule);
  const gateway = new FenigeClient({ baseUrl: fenige.url, login: fenige.login, password: fenige.password, merchantUuid: fenige.merchantUuid });
  const handler = createCheckoutHandler({ gateway, unsafeTrustBrowserAmount: true, logger: { warn: () => {}, error: console.error } });
  const server = createServer(toNodeListener(handler));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}${handler.basePath}`, close };
}

process.once('message', (message) => {
  start(message).then(
    ({ url, close }) => {
      process.once('SIGTERM', () => void close().then(() => process.exit(0)));
      process.on('message', (query) => {
        if (query.cpu) process.send({ cpuMs: cpuMs() });
      });
      process.send({ url, startCpuMs: cpuMs() });
    },
    (error) => {
      console.error(`bench handler: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
});
