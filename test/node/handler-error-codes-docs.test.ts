// Every error code the checkout handler can answer is a row of docs/protocol.md's table, so a
// developer who meets one in `payment-error` or `onEvent` finds what it means and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SERVER = 'src/server';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `code: 'X'` and the code argument of `errorResponse(status, state, 'X', …)`. */
export function answeredCodes(text: string): Set<string> {
  const codes = new Set<string>();
  for (const match of text.matchAll(/\bcode: '([A-Z][A-Z0-9_]+)'/g)) codes.add(match[1]!);
  for (const match of text.matchAll(/errorResponse\(\s*\d{3},\s*'[A-Z_]+',\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(match[1]!);
  return codes;
}

function documentedCodes(): Set<string> {
  const doc = readFileSync('docs/protocol.md', 'utf8');
  const rows = doc.split('\n').filter((line) => /^\s*\| \d{3}/.test(line));
  return new Set(rows.flatMap((row) => [...row.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
}

test('every code the handler answers has a row in docs/protocol.md', () => {
  const answered = new Set(sources(SERVER).flatMap((file) => [...answeredCodes(readFileSync(file, 'utf8'))]));
  assert.ok(answered.size >= 15, `found only ${answered.size} codes in ${SERVER}: the scan is broken`);
  const documented = documentedCodes();
  const missing = [...answered].filter((code) => !documented.has(code)).sort();
  assert.deepEqual(missing, [], `add these codes to the handler's error table in docs/protocol.md: ${missing.join(', ')}`);
});

test('the scan finds codes in both shapes the handler writes them', () => {
  const sample = "errorResponse(503, 'ERROR', 'SOME_CODE', 'm', id); body: { code: 'OTHER_CODE' }";
  assert.deepEqual([...answeredCodes(sample)].sort(), ['OTHER_CODE', 'SOME_CODE']);
});
