// Part of `npm run test:types`: every ```ts block in the README and the docs a merchant copies from
// compiles against the published types (dist/npm, through package.json `exports`) under the
// strict settings of the templates merchants start from — Vite's `vanilla-ts` for page code and a
// Node `NodeNext` project for server code — including noUnusedLocals and noUnusedParameters.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const DOCS = ['README.md', 'docs/server.md', 'docs/identifiers.md', 'docs/sandbox.md'];
const DIR = '.snippets'; // inside the package, so `paytool-elements` resolves to itself

/** What `npm create vite` (vanilla-ts) puts in tsconfig.json. */
const VITE = {
  target: 'ES2022',
  useDefineForClassFields: true,
  module: 'ESNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedSideEffectImports: true,
  types: [],
};
/** A Node 20 ESM project: @tsconfig/node20 with NodeNext and the same strictness. */
const NODE = {
  target: 'ES2022',
  lib: ['ES2023'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  types: ['node'],
};

if (!existsSync('dist/npm/index.d.ts')) {
  console.error('typecheck-snippets: dist/npm is missing; run `npm run build` first');
  process.exit(1);
}
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR);
const groups = { vite: [], node: [] };
for (const doc of DOCS) {
  const text = readFileSync(doc, 'utf8');
  let n = 0;
  for (const [, code] of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const file = `${doc.replace(/\W+/g, '-')}-${++n}.ts`;
    writeFileSync(`${DIR}/${file}`, code);
    const server = /from '(?:paytool-elements\/(?:server|sandbox)|node:[\w/]+|ioredis)'/.test(code);
    groups[server ? 'node' : 'vite'].push({ file, doc, n });
  }
}
let failed = false;
for (const [name, options] of Object.entries({ vite: VITE, node: NODE })) {
  if (!groups[name].length) continue;
  writeFileSync(`${DIR}/tsconfig.${name}.json`, JSON.stringify({ compilerOptions: options, files: groups[name].map((g) => g.file) }, null, 2));
  try {
    execFileSync('node_modules/.bin/tsc', ['-p', `${DIR}/tsconfig.${name}.json`], { stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`typecheck-snippets: a ${name} snippet does not compile (${groups[name].map((g) => `${g.file} = ${g.doc} block ${g.n}`).join(', ')})`);
  }
}
if (failed) process.exit(1);
rmSync(DIR, { recursive: true, force: true });
console.log(`doc snippets: ${groups.vite.length} page snippets compile as a Vite app, ${groups.node.length} server snippets as a NodeNext project`);
