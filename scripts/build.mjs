// npm run build: the npm modules (tsc: ES2021 + .d.ts), dist/paytool.js with its sibling chunks and
// dist/paytool.standalone.js (vite), custom-elements.json (cem) and what is generated from it.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('vite'), ['build', '--logLevel', 'warn']);
execFileSync(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, SINGLE_FILE: '1' } });
run(bin('cem'), ['analyze']);
run('node', ['scripts/elements-api-docs.mjs']); // docs/elements-api.md from the manifest
run('node', ['scripts/framework-types.mjs']); // src/frameworks/element-api.ts (React, Vue, Svelte typings) from the manifest
