import { defineConfig } from 'vite';

/**
 * Builds `dist/paytool.js`: one self-contained, minified ES module (Lit and zod/mini inlined) that
 * registers both elements — the file a plain `<script type="module">` loads, as in Fenige's SDK.
 * The npm modules are emitted unbundled by `tsc` (see scripts/build.mjs).
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2021',
    sourcemap: false,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'paytool.js',
    },
    rolldownOptions: {
      // Lazily loaded parts (each payer language) are sibling files of paytool.js: deploy the folder.
      output: { minify: true, chunkFileNames: 'paytool-[name].js' },
    },
  },
});
