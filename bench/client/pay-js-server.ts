import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The hosts Chromium maps to this server (--host-resolver-rules): pay.js's and its static assets'. */
export const GOOGLE_HOSTS = ['pay.google.com', 'www.gstatic.com'];

export interface PayJsServer {
  port: number;
  /** Chromium flags that send GOOGLE_HOSTS here and accept this server's throw-away certificate. */
  chromiumArgs: string[];
  /**
   * Holds every new connection this long before its TLS handshake may start: the round trips a
   * real new origin costs (TCP, TLS 1.3) that Chromium's request-level throttling does not model.
   */
  setHandshakeDelay(ms: number): void;
  close(): Promise<void>;
}

/** A throw-away self-signed certificate for GOOGLE_HOSTS, made with openssl for this run only. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'paytool-bench-'));
  try {
    const san = GOOGLE_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${GOOGLE_HOSTS[0]}`,
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves the pay.js stand-in at https://pay.google.com/gp/p/js/pay.js for Chromium, from its own
 * origin and its own TLS connection as the real one would come: gzip level 9, not cacheable.
 * Both elements load that URL unchanged, so neither needs a bench-only setting.
 */
export async function servePayJs(code: string): Promise<PayJsServer> {
  const gzip = gzipSync(code, { level: 9 });
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', 'https://pay.google.com').pathname;
    if (path !== '/gp/p/js/pay.js') {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store',
      'Timing-Allow-Origin': '*',
      ...(zipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(zipped ? gzip : code);
  });
  // Chromium connects to a plain TCP front; each connection waits there (unread, so the ClientHello
  // stays in the socket) for the delay, then is handed to the HTTPS server.
  let handshakeDelayMs = 0;
  const sockets = new Set<Socket>();
  const front = createTcpServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const handOver = () => server.emit('connection', socket);
    if (handshakeDelayMs > 0) setTimeout(handOver, handshakeDelayMs);
    else handOver();
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  const rules = GOOGLE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${port}`).join(',');
  return {
    port,
    chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    setHandshakeDelay: (ms) => {
      handshakeDelayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        front.close(() => resolve());
      }),
  };
}
