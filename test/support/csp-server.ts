/**
 * Serves test/support/csp-page.html under a strict Content-Security-Policy with Trusted Types, the
 * built dist/ files, a checkout handler at /pay (in front of a gateway that approves and records)
 * and, on a second origin, a stand-in for Google's pay.js: a cross-origin script that only a
 * nonce lets in, exactly like https://pay.google.com/gp/p/js/pay.js on a merchant's page.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { listen } from './http.js';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { toNodeListener } from '../../src/server/adapters.js';
import type { CheckoutGateway } from '../../src/server/gateway.js';
import type { CheckoutRequest } from '../../src/protocol/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const PAGE = fileURLToPath(new URL('./csp-page.html', import.meta.url));

/** The policy under test; `trustedTypes` is the `trusted-types` directive's list of policy names. */
export function strictCsp(nonce: string, trustedTypes = 'lit-html paytool-elements'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

export interface CspPage {
  /** `page`: google.payments.api exists before the element; `script`: the element injects pay.js. */
  google: 'page' | 'script';
  /** Whether the element carries the page's nonce attribute. */
  elementNonce: boolean;
  trustedTypes?: string;
  /** Names pay.js in `<meta name="paytool-google-pay-script" nonce>` instead of configureGooglePay(). */
  meta?: boolean;
}

export interface CspServer {
  origin: string;
  /** The stand-in pay.js, on another origin. */
  payJsUrl: string;
  /** How often the stand-in pay.js was fetched. */
  payJsFetches(): number;
  /** The payments the checkout handler passed to the gateway. */
  payments: CheckoutRequest[];
  /** A URL serving the page as `options` say; each response has a fresh nonce, returned by `nonceOf`. */
  pageUrl(options: CspPage): string;
  nonceOf(url: string): string | undefined;
  close(): Promise<void>;
}

export async function startCspServer(): Promise<CspServer> {
  let fetches = 0;
  const payJs = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('window.google = window.__pendingGoogle;\n');
  });
  const payJsServer = await listen(payJs);
  const payJsUrl = `${payJsServer.url}/gp/p/js/pay.js`;

  const payments: CheckoutRequest[] = [];
  const gateway: CheckoutGateway = {
    id: 'csp-test',
    defaultBasePath: '/pay',
    async pay(request) {
      payments.push(request);
      return { httpStatus: 200, body: { transactionId: request.transactionId, status: 'APPROVED' } };
    },
    async status(transactionId) {
      return { httpStatus: 404, body: { transactionId, status: 'NOT_FOUND' } };
    },
    async hosted(request) {
      return { httpStatus: 422, body: { transactionId: request.transactionId, status: 'UNSUPPORTED' } };
    },
  };
  const checkout = toNodeListener(
    createCheckoutHandler({ gateway, basePath: '/pay', unsafeTrustBrowserAmount: true, logger: { warn: () => {}, error: console.error } }),
  );
  const nonces = new Map<string, string>();
  let pages = 0;

  const site = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/pay' || url.pathname.startsWith('/pay/')) return checkout(req, res);
    if (url.pathname === '/page') {
      const nonce = randomBytes(16).toString('base64');
      nonces.set(url.searchParams.get('id') ?? '', nonce);
      const html = (await readFile(PAGE, 'utf8'))
        .replaceAll('__NONCE__', nonce)
        .replaceAll('__ELEMENT_NONCE__', url.searchParams.get('elementNonce') === '1' ? `nonce="${nonce}"` : '')
        .replaceAll('__GOOGLE__', url.searchParams.get('google') === 'script' ? 'script' : 'page')
        .replaceAll(
          '__META__',
          url.searchParams.get('meta') === '1'
            ? `<meta name="paytool-google-pay-script" content="${payJsUrl}" nonce="${nonce}" data-unsafe-allow-any-origin />`
            : '',
        )
        .replaceAll('__PAY_JS__', payJsUrl);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': strictCsp(nonce, url.searchParams.get('tt') ?? undefined),
      });
      return res.end(html);
    }
    if (url.pathname.startsWith('/dist/') && url.pathname.endsWith('.js')) {
      const file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (file.startsWith(DIST + sep)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
          return res.end(body);
        } catch {
          // fall through to 404
        }
      }
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  const siteServer = await listen(site);
  const origin = siteServer.url;

  return {
    origin,
    payJsUrl,
    payJsFetches: () => fetches,
    payments,
    pageUrl({ google, elementNonce, trustedTypes, meta }) {
      const params = new URLSearchParams({ id: String(++pages), google, elementNonce: elementNonce ? '1' : '0' });
      if (trustedTypes !== undefined) params.set('tt', trustedTypes);
      if (meta) params.set('meta', '1');
      return `${origin}/page?${params}`;
    },
    nonceOf: (url) => nonces.get(new URL(url).searchParams.get('id') ?? ''),
    close: async () => {
      await Promise.all([siteServer.close(), payJsServer.close()]);
    },
  };
}
