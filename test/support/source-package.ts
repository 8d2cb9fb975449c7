// Lets a node test import `paytool-elements/<entry>` as a merchant's code does (the README's
// examples), resolved to the TypeScript sources instead of dist/: `npm run test:node` needs no
// build. Import this module before the code that uses the package name.
import { register } from 'node:module';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const exportsMap = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).exports as Record<string, { default?: string } | string>;

/** `paytool-elements/server` → src/server/index.ts, from package.json `exports` (dist/npm/x.js → src/x.ts). */
const sources: Record<string, string> = {};
for (const [key, target] of Object.entries(exportsMap)) {
  const file = typeof target === 'string' ? target : target.default;
  const match = file && /^\.\/dist\/npm\/(.+)\.js$/.exec(file);
  if (match) sources[`paytool-elements${key.slice(1)}`] = new URL(`src/${match[1]}.ts`, root).href;
}

const hook = `const sources = ${JSON.stringify(sources)};
export async function resolve(specifier, context, next) {
  const url = sources[specifier];
  return next(url ?? specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
