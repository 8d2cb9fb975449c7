// StrykerJS over the node and browser suites: `npm run mutate -- <folder>` (see docs/testing.md).
// One folder per run (the machine is small): MUTATE_FOLDER picks it, scripts/mutate.mjs sets it.
import { SUITES } from './scripts/mutation-suite.mjs';

const folder = process.env.MUTATE_FOLDER ?? 'protocol';
const files = process.env.MUTATE_FILES; // optional: a comma-separated subset of the folder
const suite = SUITES[folder] ?? { node: [], browser: [] };
const nodeTests = process.env.MUTATE_NODE_TESTS ? process.env.MUTATE_NODE_TESTS.split(',') : suite.node;
// Node-only folders run through the tap runner: one test FILE is one Stryker "test", with the code
// it reached recorded per file, so a mutant runs only the files that reach it (minutes, not hours).
// Folders with browser suites keep the command runner, which knows nothing of coverage.
const tap = suite.browser.length === 0 || process.env.MUTATE_NODE_ONLY;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...(tap
    ? {
        testRunner: 'tap',
        plugins: ['@stryker-mutator/tap-runner'],
        // node:test prints TAP when stdout is not a terminal; the hook records what each file reached.
        tap: { testFiles: nodeTests, nodeArgs: ['-r', '{{hookFile}}', '--import', 'tsx', '{{testFile}}'], forceBail: true },
        coverageAnalysis: 'perTest',
      }
    : {
        testRunner: 'command',
        commandRunner: { command: `node scripts/mutation-suite.mjs ${folder}` },
        coverageAnalysis: 'off',
      }),
  mutate: files ? files.split(',') : [`src/${folder}/**/*.ts`],
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
  // The first run of every suite (with coverage) took 3–4 minutes on the busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // Stryker rewrites tsconfig.json through TypeScript's JavaScript API, which TypeScript 7 no longer
  // has; the tests run through tsx and esbuild, which need no rewrite. Point it at no file.
  tsconfigFile: 'stryker-no-tsconfig.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'reports', 'bench/results', 'examples/*/node_modules', 'demo/*/node_modules', '.stryker-tmp'],
  thresholds: { high: 90, low: 80, break: null },
};
