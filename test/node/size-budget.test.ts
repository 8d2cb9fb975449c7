import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
// @ts-expect-error — a plain .mjs script without type declarations
import { BUDGET_GZIP_BYTES, budgetVerdict, bytesBySource, compressedSizes, criticalChunks, ownerOf, sharesOf } from '../../scripts/size.mjs';

/** `npm run size`: the budget rule, the compressed sizes and the per-dependency attribution. */

describe('budget', () => {
  test("is 15,700 B gzip for the critical path, under issue 12's 16 KB of 1024 bytes", () => {
    assert.equal(BUDGET_GZIP_BYTES, 15_700);
    assert.ok(BUDGET_GZIP_BYTES <= 16 * 1024);
  });

  test('exactly the budget passes with no margin; one byte more fails by one byte', () => {
    assert.deepEqual(budgetVerdict(15_700), { ok: true, budget: 15_700, margin: 0 });
    assert.deepEqual(budgetVerdict(15_701), { ok: false, budget: 15_700, margin: -1 });
    assert.deepEqual(budgetVerdict(15_000), { ok: true, budget: 15_700, margin: 700 });
    assert.deepEqual(budgetVerdict(101, 100), { ok: false, budget: 100, margin: -1 });
  });
});

describe('critical path', () => {
  test('is the entry, the chunk it awaits (its own dynamic import) and their static imports, transitively; lazy imports of other chunks stay out', () => {
    const chunk = (fileName: string, imports: string[], dynamicImports: string[] = [], isEntry = false) => ({ fileName, imports, dynamicImports, isEntry });
    const chunks = [
      chunk('lazy.js', ['shared.js']),
      chunk('paytool.js', [], ['paytool-elements.js'], true),
      chunk('paytool-elements.js', ['shared.js'], ['lazy.js', 'lang-pl.js']),
      chunk('shared.js', ['deep.js']),
      chunk('deep.js', []),
      chunk('lang-pl.js', [], []),
    ];
    assert.deepEqual(
      criticalChunks(chunks).map((c: { fileName: string }) => c.fileName),
      ['paytool.js', 'paytool-elements.js', 'shared.js', 'deep.js'],
    );
  });
});

describe('compressed sizes', () => {
  test('gzip is zlib level 9; brotli (quality 11) is smaller on text; strings and buffers measure alike', () => {
    const text = 'const messages = { en: "Pay with Google Pay", pl: "Zapłać przez Google Pay" };\n'.repeat(40);
    const sizes = compressedSizes(text);
    assert.equal(sizes.min, Buffer.byteLength(text));
    assert.equal(sizes.gzip, gzipSync(text, { level: 9 }).length);
    assert.ok(sizes.brotli < sizes.gzip, 'brotli at quality 11 beats gzip on text');
    assert.deepEqual(compressedSizes(Buffer.from(text)), sizes);
  });
});

describe('attribution', () => {
  // Segments: "AAAA" = column 0 of source 0; "ECAA" = 2 columns on, next source; "G" = 3 columns on, unmapped.
  const map = { sources: ['node_modules/lit-html/lit-html.js', 'src/i18n/pl.ts'], mappings: 'AAAA,ECAA,G;' };

  test('each range goes to its mapping, continuation lines to the mapping before them, bytes in UTF-8', () => {
    const code = 'aaBBBzz\nCC';
    const totals = bytesBySource(code, map);
    assert.equal(totals.get('node_modules/lit-html/lit-html.js'), 2);
    assert.equal(totals.get('src/i18n/pl.ts'), 3);
    assert.equal(totals.get(null), 2 + 1 + 2, 'after "G" nothing is mapped until the next mapping');
    const polish = bytesBySource('aałłł', { ...map, mappings: 'AAAA,ECAA' });
    assert.equal(polish.get('src/i18n/pl.ts'), 6, 'ł is two bytes');
  });

  test('every byte is counted once, and compressed shares add up to the whole', () => {
    const code = 'aaBBBzz\nCC';
    const shares = sharesOf(code, map, { gzip: 100, brotli: 90 }, (source: string) => ownerOf(source));
    assert.deepEqual(
      shares.map((s: { owner: string }) => s.owner),
      ['(unmapped)', 'ours: i18n', 'lit'],
    );
    assert.equal(
      shares.reduce((sum: number, s: { min: number }) => sum + s.min, 0),
      Buffer.byteLength(code),
    );
    assert.equal(
      shares.reduce((sum: number, s: { gzip: number }) => sum + s.gzip, 0),
      100,
    );
  });

  test('owners: Lit is one dependency, transitive packages count as the dependency that brings them, our code by folder', () => {
    const via = new Map([['nub', 'currency-codes']]);
    assert.equal(ownerOf('node_modules/@lit/reactive-element/css-tag.js'), 'lit');
    assert.equal(ownerOf('node_modules/lit-element/lit-element.js'), 'lit');
    assert.equal(ownerOf('node_modules/@lit/react/index.js'), '@lit/react');
    assert.equal(ownerOf('node_modules/zod/v4/core/schemas.js'), 'zod');
    assert.equal(ownerOf('node_modules/nub/index.js', via), 'currency-codes');
    assert.equal(ownerOf('node_modules/a/node_modules/zod/index.js'), 'zod');
    assert.equal(ownerOf('src/elements/payment-element.ts'), 'ours: elements');
    assert.equal(ownerOf('dist/npm/server/fenige/client.js'), 'ours: server/fenige');
    assert.equal(ownerOf('src/index.ts'), 'ours: entry');
    assert.equal(ownerOf('\0rolldown/runtime.js'), '(bundler runtime)');
  });
});

describe('npm run size', () => {
  const built = existsSync('dist/paytool.js') && existsSync('dist/npm/index.js');
  test('exits 1 exactly when the critical path is over budget, and reports every entry point', { skip: !built && 'needs npm run build' }, async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ['scripts/size.mjs', '--json'], { timeout: 60_000 }, (error, out) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout: out }),
      );
    });
    const report = JSON.parse(stdout);
    assert.equal(report.paytool.budget.budget, BUDGET_GZIP_BYTES);
    assert.equal(report.paytool.budget.margin, BUDGET_GZIP_BYTES - report.paytool.gzip);
    // The critical path is the tiny entry and the elements' chunk it awaits; the after-click code is lazy.
    assert.deepEqual(
      report.paytool.criticalFiles.map((f: { file: string }) => f.file),
      ['dist/paytool.js', 'dist/paytool-elements.js'],
    );
    assert.ok(report.paytool.criticalFiles[0].gzip < 1024, `the entry stays tiny: ${report.paytool.criticalFiles[0].gzip} B gzip`);
    assert.ok(
      report.paytool.lazyFiles.some((f: { file: string }) => /^dist\/paytool-after-click(-[\w-]+)?\.js$/.test(f.file)),
      JSON.stringify(report.paytool.lazyFiles),
    );
    assert.equal(
      report.paytool.gzip,
      report.paytool.criticalFiles.reduce((sum: number, f: { gzip: number }) => sum + f.gzip, 0),
    );
    assert.equal(code, report.paytool.budget.ok ? 0 : 1);
    const keys = report.entries.map((e: { key: string }) => e.key);
    for (const key of ['.', './paytool-button.js', './feennex-pay.js', './testing', './server', './sandbox']) assert.ok(keys.includes(key), key);
    const main = report.entries.find((e: { key: string }) => e.key === '.');
    const owners = main.shares.map((s: { owner: string }) => s.owner);
    assert.ok(owners.includes('lit') && owners.includes('ours: elements'), owners.join());
    // The page validates data with the hand-written rules; zod is for the server's request bodies.
    assert.ok(!owners.includes('zod'), `no schema library before payment-ready: ${owners.join()}`);
    assert.ok(!report.paytool.shares.some((s: { owner: string }) => s.owner === 'zod'), 'dist/paytool.js holds no zod');
    const server = report.entries.find((e: { key: string }) => e.key === './server');
    assert.ok(
      !server.external.some((name: string) => name.startsWith('node:')),
      `the server needs no Node built-in (edge runtimes): ${server.external.join()}`,
    );
    const sandbox = report.entries.find((e: { key: string }) => e.key === './sandbox');
    assert.ok(
      sandbox.external.some((name: string) => name.startsWith('node:')),
      sandbox.external.join(),
    );
  });
});
