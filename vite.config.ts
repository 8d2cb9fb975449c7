import { defineConfig, type Plugin } from 'vite';

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
const postBanner = (chunk: { facadeModuleId: string | null }) => (hints && isElements(chunk) ? '//# allFunctionsCalledOnLoad' : '');
/** The chunk src/script-entry.ts awaits: src/elements.ts and what it imports statically. */
const isElements = (chunk: { facadeModuleId: string | null }) => /[\\/]src[\\/]elements\.ts$/.test(chunk.facadeModuleId ?? '');

/**
 * The element's stylesheets (`css\`…\`` in `src/**\/*.styles.ts`, no `${}` inside) without their
 * comments and indentation: whitespace next to `{ } ;` and after a property's colon means nothing in CSS, and any other run of
 * it is one space (a descendant combinator stays). The npm modules (tsc) keep the readable text.
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/:\s+/g, ':') // after a property name; a pseudo-class has no space after its colon
    .replace(/;}/g, '}')
    .trim();
}
const cssLiterals: Plugin = {
  name: 'paytool-css-literals',
  transform(code, id) {
    if (!/[\\/]src[\\/].+\.styles\.ts$/.test(id)) return undefined;
    return { code: code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${minifyCss(text)}\``), map: null };
  },
};

export default defineConfig({
  plugins: [cssLiterals],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2021',
    sourcemap: false,
    lib: {
      entry: single ? 'src/index.ts' : 'src/script-entry.ts',
      formats: ['es'],
      fileName: () => (single ? 'paytool.standalone.js' : 'paytool.js'),
    },
    rolldownOptions: {
      // ES2021 syntax everywhere, with one exception: the top-level await of src/script-entry.ts
      // (supported by every browser with Google Pay and module scripts). Only that warning is dropped.
      onLog(level, log, handler) {
        if (log.code === 'TOLERATED_TRANSFORM' && /Top-level await/.test(log.message) && /script-entry\.ts/.test(log.id ?? log.message)) return;
        handler(level, log);
      },
      // Lazily loaded parts (the after-click code, each payer language) are sibling files of paytool.js: deploy the folder.
      // No `/* @__PURE__ */` left in the shipped files: they help a later bundler, and nothing bundles these again.
      output: single
        ? { minify: true, comments: { annotation: false }, codeSplitting: false }
        : {
            minify: true,
            comments: { annotation: false },
            chunkFileNames: (chunk) => (isElements(chunk) ? 'paytool-elements.js' : 'paytool-[name].js'),
            postBanner,
          },
    },
  },
});
