// Every export a merchant can import carries a JSDoc line: editors show it on hover, and it is the
// only documentation many integrators read. The entries come from package.json `exports`; each
// one's typings map back to its source (`./dist/npm/x.d.ts` → `src/x.ts`), so no build is needed.
// The TypeScript compiler follows `export *`, `export type *` and renamed re-exports to the
// declaration whose comment an editor would show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

type Condition = { types?: string; default?: string };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Condition> };

/** Each entry with typings, and the source file its typings are built from. */
const entries = Object.entries(pkg.exports).flatMap(([entry, target]) => {
  const types = typeof target === 'string' ? undefined : target.types;
  if (!types) return [];
  const match = /^\.\/dist\/npm\/(.+)\.d\.ts$/.exec(types);
  assert.ok(match, `${entry}: typings ${types} are not under ./dist/npm/`);
  return [{ entry, source: `src/${match[1]}.ts` }];
});

function undocumentedExports(): Map<string, string[]> {
  const config = ts.readConfigFile('tsconfig.json', (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, '.');
  const program = ts.createProgram(
    entries.map((e) => e.source),
    { ...options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const missing = new Map<string, string[]>();
  for (const { entry, source } of entries) {
    const file = program.getSourceFile(source);
    assert.ok(file, `${entry}: ${source} does not exist`);
    const module = checker.getSymbolAtLocation(file);
    assert.ok(module, `${entry}: ${source} is not a module`);
    const exports = checker.getExportsOfModule(module);
    assert.ok(exports.length > 0, `${entry}: ${source} exports nothing`);
    const bare = exports.filter((symbol) => !documented(symbol, checker)).map((symbol) => symbol.getName());
    if (bare.length) missing.set(entry, bare.sort());
  }
  return missing;
}

/** Whether the export, or the declaration it re-exports, has JSDoc text (tags alone do not count). */
function documented(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  const hasText = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim().length > 0;
  if (hasText(symbol)) return true;
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0 && hasText(checker.getAliasedSymbol(symbol));
}

test('package.json lists the entries this test walks', () => {
  const names = entries.map((e) => e.entry);
  for (const entry of [
    '.',
    './paytool-button.js',
    './feennex-pay.js',
    './server',
    './server/feennex',
    './sandbox',
    './testing',
    './react',
    './jsx',
    './vue',
    './svelte',
  ]) {
    assert.ok(names.includes(entry), `package.json exports has no typed entry ${entry}`);
  }
});

test('every public export of every entry has a JSDoc comment', () => {
  const missing = undocumentedExports();
  const report = [...missing].map(([entry, names]) => `  ${entry} (${names.length}): ${names.join(', ')}`).join('\n');
  const count = [...missing.values()].reduce((n, names) => n + names.length, 0);
  assert.equal(count, 0, `${count} public exports have no JSDoc comment:\n${report}`);
});
