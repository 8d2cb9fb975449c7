// npm run mutate -- [folder …]: StrykerJS, one folder of src/ at a time (default: all five).
// Slow on purpose: every mutant runs the folder's node and browser tests. Not part of npm test.
import { spawnSync } from 'node:child_process';

const FOLDERS = ['protocol', 'checkout', 'elements', 'google-pay', 'server'];
const chosen = process.argv.slice(2);
for (const folder of chosen) {
  if (!FOLDERS.includes(folder)) {
    console.error(`mutate: unknown folder "${folder}"; one of ${FOLDERS.join(', ')}`);
    process.exit(2);
  }
}
let worst = 0;
for (const folder of chosen.length ? chosen : FOLDERS) {
  console.log(`\n== mutating src/${folder}`);
  const { status } = spawnSync('node_modules/.bin/stryker', ['run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_FOLDER: folder },
  });
  worst = Math.max(worst, status ?? 1);
}
process.exit(worst);
