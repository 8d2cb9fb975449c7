// npm run build:examples: the React 19, React 18 (wrapper) and Vue examples, demo/<name>/ →
// dist/examples/<name>/, served by the demo server. They bundle the package as published
// (dist/npm), so this runs after the package build.
import { existsSync } from 'node:fs';
import { build } from 'vite';

const EXAMPLES = ['react19', 'react18', 'vue'];

if (!existsSync('dist/npm/index.js')) {
  console.error('build-examples: dist/npm is missing; run `npm run build` first');
  process.exit(1);
}
for (const example of EXAMPLES) {
  await build({ configFile: 'demo/examples.vite.config.ts', mode: example, logLevel: 'warn' });
}
