import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Two rules of docs/architecture.md that no other check holds: short source files, and a repository
// that explains itself (its comments and docs cite its own docs/, never a document outside it).

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

test('every source file under src/ is shorter than 250 lines', () => {
  const long = [...files('src')]
    .filter((path) => path.endsWith('.ts'))
    .map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines >= 250);
  assert.deepEqual(long, [], 'split these along a seam');
});

test('nothing in src, test, docs or the README points at a document outside the repository', () => {
  // Written in pieces so that this file does not find itself.
  const outside = [['..', 'shared'].join('/'), ['contract', '§'].join(' '), ['the', 'seed'].join(' ')];
  const texts = ['src', 'test', 'docs'].flatMap((dir) => [...files(dir)]).filter((path) => /\.(ts|tsx|mjs|js|md|html|json)$/.test(path));
  const found = [...texts, 'README.md'].flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, index) => outside.filter((words) => line.includes(words)).map((words) => `${path}:${index + 1}: "${words}"`)),
  );
  assert.deepEqual(found, [], 'cite docs/ instead');
});
