import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GOOGLE_ELEMENT = 'node_modules/@google-pay/button-element/dist/index.min.js';

export interface Asset {
  type: string;
  body: Buffer;
  /** gzip level 9: what the static server sends. */
  gzip: Buffer;
}

const asset = (type: string, body: Buffer | string): Asset => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { type, body: bytes, gzip: gzipSync(bytes, { level: 9 }) };
};

const JS = 'text/javascript; charset=utf-8';

/** The fake Google Pay client of `paytool-elements/testing`, bundled for the page (both elements use it). */
async function bundleFakeGoogle(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2021',
      minify: true,
      lib: { entry: 'src/testing/index.ts', formats: ['es'], fileName: () => 'fake-google.js' },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling src/testing produced no chunk');
  return chunk.code;
}

export interface BenchAssets {
  files: Map<string, Asset>;
  /** Package version of the Google element, for the report. */
  googleVersion: string;
}

/** Everything the benchmark page loads, from this checkout: nothing comes from the network. */
export async function loadAssets(): Promise<BenchAssets> {
  const paytool = `${ROOT}dist/paytool.js`;
  if (!existsSync(paytool)) throw new Error('dist/paytool.js is missing: run npm run build first');
  const files = new Map<string, Asset>([
    ['/', asset('text/html; charset=utf-8', readFileSync(new URL('./page.html', import.meta.url)))],
    ['/harness.js', asset(JS, readFileSync(new URL('./harness.js', import.meta.url)))],
    ['/fake-google.js', asset(JS, await bundleFakeGoogle())],
    ['/paytool.js', asset(JS, readFileSync(paytool))],
    ['/google-pay-button.js', asset(JS, readFileSync(`${ROOT}${GOOGLE_ELEMENT}`))],
  ]);
  const { version } = JSON.parse(readFileSync(`${ROOT}node_modules/@google-pay/button-element/package.json`, 'utf8')) as { version: string };
  return { files, googleVersion: version };
}
