// web-test-runner for StrykerJS (scripts/mutation-suite.mjs): the normal configuration, plus the
// active mutant handed to the page before any module runs. Stryker's instrumented code reads
// globalThis.__stryker__.activeMutant, and process.env does not exist in a browser.
import config from './web-test-runner.config.mjs';

const activeMutant = process.env.__STRYKER_ACTIVE_MUTANT__;

export default {
  ...config,
  concurrency: 1,
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script>globalThis.__stryker__ = { activeMutant: ${JSON.stringify(activeMutant ?? null)} ?? undefined };</script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
};
