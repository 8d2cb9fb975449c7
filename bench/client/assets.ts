import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

/** The script-tag build in `dir`: paytool.js and the chunks it may load from its own folder (not the npm modules). */
function scriptTagBuild(dir: string, prefix: string): Array<[string, Asset]> {
  if (!existsSync(join(dir, 'paytool.js'))) throw new Error(`${join(dir, 'paytool.js')} is missing: run npm run build first`);
  const entries: Array<[string, Asset]> = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path);
      if (entry.isDirectory()) {
        if (rel !== 'npm' && rel !== 'examples') walk(path);
      } else if (entry.name.endsWith('.js')) entries.push([`${prefix}/${rel.split('\\').join('/')}`, asset(JS, readFileSync(path))]);
    }
  };
  walk(dir);
  return entries;
}

/**
 * Everything the benchmark page loads, from this checkout: nothing comes from the network.
 * `baseline`: a folder with an earlier script-tag build (bench/build-baseline.sh), served under /baseline/.
 */
export async function loadAssets(options: { baseline?: string } = {}): Promise<BenchAssets> {
  const files = new Map<string, Asset>([
    ['/', asset('text/html; charset=utf-8', readFileSync(new URL('./page.html', import.meta.url)))],
    ['/harness.js', asset(JS, readFileSync(new URL('./harness.js', import.meta.url)))],
    ['/fake-google.js', asset(JS, await bundleFakeGoogle())],
    ...scriptTagBuild(`${ROOT}dist`, ''),
    ...(options.baseline ? scriptTagBuild(resolve(options.baseline), '/baseline') : []),
    ['/google-pay-button.js', asset(JS, readFileSync(`${ROOT}${GOOGLE_ELEMENT}`))],
  ]);
  const { version } = JSON.parse(readFileSync(`${ROOT}node_modules/@google-pay/button-element/package.json`, 'utf8')) as { version: string };
  return { files, googleVersion: version };
}
