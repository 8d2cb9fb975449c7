// npm run test:types: compiles shop-like files (test/types/*, the React examples in demo/) against
// the published types in dist/npm, resolved through package.json `exports`. Every misuse in them
// is marked `@ts-expect-error`, so a misuse that compiles fails this check (TS2578).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

if (!existsSync('dist/npm/index.d.ts')) {
  console.error('typecheck-consumers: dist/npm is missing; run `npm run build` first');
  process.exit(1);
}
try {
  execFileSync('node_modules/.bin/tsc', ['-p', 'test/types/tsconfig.json'], { stdio: 'inherit' });
} catch {
  console.error('typecheck-consumers: a consumer file does not compile, or a misuse marked @ts-expect-error compiles');
  process.exit(1);
}
const files = readdirSync('test/types').filter((name) => /\.tsx?$/.test(name));
const misuses = files.reduce((n, name) => n + readFileSync(`test/types/${name}`, 'utf8').split('@ts-expect-error').length - 1, 0);
console.log(`consumer types: ${files.length} files compile, ${misuses} misuses rejected`);
