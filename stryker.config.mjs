// StrykerJS over the node and browser suites: `npm run mutate -- <folder>` (see docs/testing.md).
// One folder per run (the machine is small): MUTATE_FOLDER picks it, scripts/mutate.mjs sets it.
const folder = process.env.MUTATE_FOLDER ?? 'protocol';
const files = process.env.MUTATE_FILES; // optional: a comma-separated subset of the folder

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: { command: `node scripts/mutation-suite.mjs ${folder}` },
  mutate: files ? files.split(',') : [`src/${folder}/**/*.ts`],
  // The command runner knows nothing of coverage: every mutant runs the folder's suite.
  coverageAnalysis: 'off',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
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
