import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mockBackend } from './test/support/mock-backend.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './test/support/chromium.mjs';
import { readFile } from 'node:fs/promises';

/**
 * The built script-tag files as a real server sends them, untouched by the esbuild transform below
 * (whose ES2021 target refuses dist/paytool.js's top-level await, which browsers run as it is).
 */
async function builtFiles(ctx, next) {
  if (!/^\/dist\/[\w.-]+\.js$/.test(ctx.path)) return next();
  try {
    ctx.body = await readFile(new URL(`.${ctx.path}`, import.meta.url), 'utf8');
    ctx.type = 'text/javascript';
  } catch {
    ctx.status = 404;
  }
}

/** Browser tests in Debian's Chromium, headless, with no network beyond 127.0.0.1. */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' })],
  middleware: [builtFiles, mockBackend()],
  concurrency: 2,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          // test files run side by side in background tabs: keep their timers at full speed
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  // Lit's dev banner, and the elements' own console reports of the invalid setups tests make on purpose.
  filterBrowserLogs: ({ args }) => !/Lit is in dev mode|^\[paytool-elements\]/.test(String(args[0] ?? '')),
};
