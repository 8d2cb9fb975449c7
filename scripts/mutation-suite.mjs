// The tests that guard one folder of src/, for StrykerJS (stryker.config.mjs). Node-only runs use the
// tap runner with these node lists; otherwise the command runner runs this script: exit code 0 =
// every test passed (the mutant survived), anything else kills it; it stops at the first failing
// suite, and the active mutant reaches the browser through web-test-runner.mutation.mjs.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SUITES = {
  protocol: {
    node: [
      'test/node/protocol-outcome.test.ts',
      'test/node/handler-validation.test.ts',
      'test/node/body-hash.test.ts',
      'test/node/handler-fenige-readings.test.ts',
      'test/node/handler-feennex-readings.test.ts',
      'test/node/handler-token-refusal.test.ts',
      'test/node/hostile-handler.test.ts',
      'test/node/server-fenige-checkout.test.ts',
      'test/node/server-feennex-checkout.test.ts',
      'test/node/checkout-backend-client.test.ts',
      'test/node/mutants-protocol-fields.test.ts',
    ],
    browser: ['test/browser/protocol.test.ts', 'test/browser/elements/validation.test.ts'],
  },
  checkout: {
    node: ['test/node/checkout-backend-client.test.ts'],
    browser: ['test/browser/elements/{backend,payment,money-paths,returning,fallback,developer-hint}.test.ts', 'test/browser/redirect.test.ts'],
  },
  elements: { node: [], browser: ['test/browser/elements/*.test.ts'] },
  'google-pay': { node: [], browser: ['test/browser/loader.test.ts', 'test/browser/elements/{payment,rendering}.test.ts'] },
  server: {
    node: [
      'test/node/handler-*.test.ts',
      'test/node/hostile-handler.test.ts',
      'test/node/hostile-money.test.ts',
      'test/node/hostile-redirects.test.ts',
      'test/node/faults-handler.test.ts',
      'test/node/body-hash.test.ts',
      'test/node/redis-store.test.ts',
      'test/node/server-fenige-checkout.test.ts',
      'test/node/server-feennex-checkout.test.ts',
      'test/node/mutants-server-guard.test.ts',
      'test/node/mutants-server-store.test.ts',
      'test/node/mutants-server-request.test.ts',
    ],
    browser: [],
  },
};

// Imported by stryker.config.mjs for the lists; run by the command runner for one folder.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv[2]);

function main(folder) {
  const suite = SUITES[folder];
  if (!suite) {
    console.error(`mutation-suite: unknown folder "${folder}"; one of ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }

  const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: true }).status ?? 1;

  // MUTATE_NODE_TESTS=a.test.ts,b.test.ts: these node suites instead of the folder's list.
  const nodeTests = process.env.MUTATE_NODE_TESTS ? process.env.MUTATE_NODE_TESTS.split(',') : suite.node;
  // MUTATE_NODE_SHARED=1: the listed node suites in ONE process (an import of each), not one process
  // per file: a mutant then costs one node and tsx start (~1.5 s of CPU instead of ~4 s for five
  // files). Only for suites that share globals peacefully; explicit file names, no globs.
  if (nodeTests.length && process.env.MUTATE_NODE_SHARED) {
    const entry = `.mutation-node-suite-${process.pid}.mjs`; // one per runner: runners share the sandbox
    writeFileSync(entry, nodeTests.map((file) => `import ${JSON.stringify(pathToFileURL(resolve(file)).href)};\n`).join(''));
    const status = run('node', ['--import', 'tsx', '--test', '--test-reporter=dot', entry]);
    rmSync(entry, { force: true });
    if (status !== 0) process.exit(status);
  } else if (nodeTests.length) {
    const status = run('node', ['--import', 'tsx', '--test', '--test-reporter=dot', ...nodeTests]);
    if (status !== 0) process.exit(status);
  }
  // MUTATE_NODE_ONLY=1: the node suites alone (minutes instead of hours on a small machine).
  // MUTATE_BROWSER_TESTS=test/browser/loader.test.ts,…: these browser suites instead of the folder's
  // list (one file group's tests: a fresh Chromium per mutant costs seconds, each suite more).
  const browserTests = process.env.MUTATE_BROWSER_TESTS ? process.env.MUTATE_BROWSER_TESTS.split(',') : suite.browser;
  if (browserTests.length && !process.env.MUTATE_NODE_ONLY) {
    const files = browserTests.map((f) => `"${f}"`);
    process.exit(run('node_modules/.bin/web-test-runner', ['--config', 'web-test-runner.mutation.mjs', ...files]));
  }
}
