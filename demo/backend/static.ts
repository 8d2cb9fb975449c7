/** Static files for the demo server: the page (demo/), the build (dist/) and the docs, under a strict CSP. */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * A strict policy: no inline script, no eval, Trusted Types enforced. Inline `<style>` only with
 * this response's nonce: the page hands it to the elements (`nonce="__CSP_NONCE__"`, filled in
 * here), which pass it to the Google Pay client for the button's styles. Google's pay.js and its
 * button assets are allowed for when the real client is used.
 */
const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;

function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' https://pay.google.com`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: https://www.gstatic.com https://pay.google.com",
    "connect-src 'self' https://pay.google.com https://google.com",
    'frame-src https://pay.google.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types lit-html paytool-elements vue svelte-trusted-html angular 'allow-duplicates'",
  ].join('; ');
}

export const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves `urlPath` from `root`; dot-files, unknown types and paths outside `root` are 404. */
export async function serveStatic(root: string, urlPath: string, request: Request, missingHint = ''): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath));
  } catch {
    return text(400, 'Bad path');
  }
  const file = join(root, relative.endsWith(sep) ? join(relative, 'index.html') : relative);
  const type = CONTENT_TYPES[extname(file)];
  if (!file.startsWith(root + sep) || !type || relative.split(sep).some((part) => part.startsWith('.'))) {
    return text(404, 'Not found');
  }
  try {
    if (!(await stat(file)).isFile()) return text(404, 'Not found');
  } catch {
    return text(404, `Not found${missingHint}`);
  }
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (!type.startsWith('text/html')) return new Response(request.method === 'HEAD' ? null : await readFile(file), { headers });
  const nonce = randomBytes(16).toString('base64');
  headers['Content-Security-Policy'] = pageCsp(nonce);
  headers['Referrer-Policy'] = 'same-origin';
  const html = (await readFile(file, 'utf8')).replace(NONCE_PLACEHOLDER, nonce);
  return new Response(request.method === 'HEAD' ? null : html, { headers });
}
