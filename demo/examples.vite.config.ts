/**
 * Builds the framework examples (demo/react19, demo/react18, demo/vue, demo/svelte) into dist/examples/<name>/,
 * served by the demo server at /dist/examples/<name>/ — one example per run:
 * `vite build -c demo/examples.vite.config.ts --mode react19` (scripts/build-examples.mjs runs all).
 *
 * The examples import `paytool-elements` by name; Vite resolves the package's own name through
 * its `exports` to dist/npm (run `npm run build` first), so each example bundles the published
 * files — `sideEffects` and all — exactly as a shop's bundler does.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Alias, type PluginOption } from 'vite';

const EXAMPLES = ['react19', 'react18', 'vue', 'svelte'] as const;
type Example = (typeof EXAMPLES)[number];

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * React 18 for the React 18 example, from the `react-18` / `react-dom-18` aliases (npm:react@18)
 * when installed; otherwise the wrapper runs on the project's React, and the page says which.
 */
function react18Aliases(): Alias[] {
  const require = createRequire(import.meta.url);
  try {
    const react = dirname(require.resolve('react-18/package.json'));
    const reactDom = dirname(require.resolve('react-dom-18/package.json'));
    return [
      { find: /^react-dom(\/.*)?$/, replacement: `${reactDom}$1` },
      { find: /^react(\/.*)?$/, replacement: `${react}$1` },
    ];
  } catch {
    console.warn('examples: react-18 / react-dom-18 are not installed; the React 18 example uses the installed React');
    return [];
  }
}

const vuePlugin = () =>
  vue({
    template: {
      compilerOptions: {
        isCustomElement: (tag) => tag === 'paytool-button' || tag === 'feennex-pay',
      },
    },
  });

export default defineConfig(({ mode }) => {
  if (!(EXAMPLES as readonly string[]).includes(mode)) throw new Error(`--mode must be one of ${EXAMPLES.join(', ')}, not "${mode}"`);
  const example = mode as Example;
  const plugins: PluginOption[] = example === 'vue' ? [vuePlugin()] : example === 'svelte' ? [svelte()] : [];
  return {
    root: path(`./${example}`),
    base: `/dist/examples/${example}/`,
    resolve: { alias: example === 'react18' ? react18Aliases() : [] },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins,
    // The demo server fills in a fresh nonce per response; Vite puts it on its tags and a <meta>.
    html: { cspNonce: '__CSP_NONCE__' },
    build: {
      outDir: path(`../dist/examples/${example}`),
      emptyOutDir: true,
      target: 'es2021',
      modulePreload: { polyfill: false },
    },
  };
});
