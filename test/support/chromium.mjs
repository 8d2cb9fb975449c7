// Debian's Chromium and the flags it needs on this machine (no sandbox as root, no GPU, no network
// beyond 127.0.0.1): one list for the browser suites (web-test-runner) and the e2e suites.
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
