// npm run build:examples: every framework example, once, for the e2e suite and the demo server.
// - Vite examples (React 19, React 18 wrapper, Vue, Svelte): demo/<name>/ → dist/examples/<name>/.
// - The edge app (examples/edge: worker.ts for workerd, deno.ts for Deno) → dist/examples/edge/,
//   one self-contained ES module each, the way wrangler or `deno bundle` would ship it.
// - The Hono shop's page script (examples/hono/client.ts) → dist/examples/hono/client.js.
// - Apps with their own toolchain and install (Angular: its compiler needs TypeScript 5.9; Next.js
//   brings its own bundler and server): demo/angular → dist/examples/angular/, examples/nextjs →
//   examples/nextjs/.next/ (`next start` serves it). Their node_modules are installed with
//   `npm ci` when missing or older than their package-lock.json.
// All of them bundle the package as published (dist/npm), so this runs after the package build.
// `npm run build:examples -- svelte angular` builds only those.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { build } from 'vite';

const VITE_EXAMPLES = ['react19', 'react18', 'vue', 'svelte'];
const EDGE_ENTRIES = ['worker', 'deno'];
/** Example → [its folder, its build command]. */
const APPS = {
  angular: ['demo/angular', ['node_modules/@angular/cli/bin/ng.js', 'build']],
  nextjs: ['examples/nextjs', ['node_modules/next/dist/bin/next', 'build']],
};

if (!existsSync('dist/npm/index.js')) {
  console.error('build-examples: dist/npm is missing; run `npm run build` first');
  process.exit(1);
}
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !VITE_EXAMPLES.includes(name) && name !== 'edge' && name !== 'hono' && !(name in APPS));
if (unknown.length) {
  console.error(`build-examples: unknown example ${unknown.join(', ')}; one of ${[...VITE_EXAMPLES, 'edge', 'hono', ...Object.keys(APPS)].join(', ')}`);
  process.exit(1);
}
const selected = (name) => wanted.length === 0 || wanted.includes(name);

for (const example of VITE_EXAMPLES.filter(selected)) {
  await build({ configFile: 'demo/examples.vite.config.ts', mode: example, logLevel: 'warn' });
}

// Web APIs only: no Node built-ins, and the `worker`/`browser` export conditions of dependencies.
for (const entry of selected('edge') ? EDGE_ENTRIES : []) {
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'webworker', resolve: { conditions: ['worker', 'browser'], externalConditions: [] } },
    build: {
      ssr: `examples/edge/${entry}.ts`,
      outDir: 'dist/examples/edge',
      emptyOutDir: entry === EDGE_ENTRIES[0],
      target: 'es2022',
      rolldownOptions: { output: { format: 'es', entryFileNames: `${entry}.js` } },
    },
  });
}

if (selected('hono')) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      lib: { entry: 'examples/hono/client.ts', formats: ['es'], fileName: () => 'client.js' },
      outDir: 'dist/examples/hono',
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  });
}

for (const [example, [dir, command]] of Object.entries(APPS).filter(([name]) => selected(name))) {
  const installed = `${dir}/node_modules/.package-lock.json`;
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(`${dir}/package-lock.json`).mtimeMs) {
    // --include=dev: Vite's build() above set NODE_ENV=production, which would make npm ci skip the compilers.
    console.log(`build-examples: installing ${example}'s own dependencies (npm ci in ${dir})…`);
    execFileSync('npm', ['ci', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  const started = Date.now();
  try {
    execFileSync(process.execPath, command, {
      cwd: dir,
      stdio: 'pipe',
      encoding: 'utf8',
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NEXT_TELEMETRY_DISABLED: '1' },
    });
  } catch (error) {
    console.error(`build-examples: ${example} failed to build:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    process.exit(1);
  }
  console.log(`build-examples: ${example} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
