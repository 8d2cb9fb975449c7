import { defineConfig } from 'vite';

/**
 * Builds the script-tag files: `dist/paytool.js`, a small ES module that registers both elements
 * and requests pay.js at its first statement, plus sibling chunks it imports from its own folder
 * (`dist/paytool-*.js`): the ones it needs before Google Pay is ready are imported statically; the
 * checkout after the click and other languages are imported lazily and prefetched once ready. Lit
 * and zod/mini are inlined: nothing comes from npm at run time. `SINGLE_FILE=1` builds
 * `dist/paytool.standalone.js`, the same code in one file, for pages that cannot deploy a folder.
 * The npm modules are emitted unbundled by `tsc` (see scripts/build.mjs).
 */
const single = process.env.SINGLE_FILE === '1';
/**
 * V8's compile hint on the split build's entry: Chromium compiles every function of paytool.js at
 * once, before its first statement runs, instead of each one lazily when first called (almost all
 * of it runs before payment-ready). Measured with the paired bench against a build without it
 * (bench/RESULTS.md): less main-thread CPU to ready, at the price of pay.js being requested a few
 * ms later. `COMPILE_HINTS=0` builds without it, for that comparison. Not on the standalone file,
 * whose after-click half does not run at load.
 */
const hints = !single && process.env.COMPILE_HINTS !== '0';
const postBanner = (chunk: { isEntry: boolean }) => (hints && chunk.isEntry ? '//# allFunctionsCalledOnLoad' : '');

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2021',
    sourcemap: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => (single ? 'paytool.standalone.js' : 'paytool.js'),
    },
    rolldownOptions: {
      // Lazily loaded parts (the after-click code, each payer language) are sibling files of paytool.js: deploy the folder.
      output: single ? { minify: true, codeSplitting: false } : { minify: true, chunkFileNames: 'paytool-[name].js', postBanner },
    },
  },
});
