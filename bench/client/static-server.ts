import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Asset } from './assets.js';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the benchmark's files on 127.0.0.1, gzip-encoded (level 9) like a CDN would, and never
 * cacheable, so every fresh page fetches, parses and compiles each script again.
 */
export async function serveAssets(files: Map<string, Asset>): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'Content-Type': file.type,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      // Resource Timing reports sizes of cross-origin-safe responses only; this origin is the page's.
      'Timing-Allow-Origin': '*',
    });
    res.end(gzip ? file.gzip : file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
