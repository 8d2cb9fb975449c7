// docs/elements-api.md is generated from custom-elements.json (scripts/elements-api-docs.mjs, run by
// `npm run build`): this fails when the two drift apart, e.g. after a JSDoc change without a rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain .mjs script without types
import { OUTPUT, renderElementsApi } from '../../scripts/elements-api-docs.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

test('docs/elements-api.md is what the manifest generates', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), renderElementsApi(manifest), 'run `npm run build` and commit docs/elements-api.md');
});

test('it lists every attribute, event, part and custom property of both elements', () => {
  const doc: string = renderElementsApi(manifest);
  for (const element of manifest.modules.flatMap((m: { declarations?: any[] }) => m.declarations ?? []).filter((d: any) => d.tagName)) {
    assert.ok(doc.includes(`\`<${element.tagName}>\``), element.tagName);
    for (const list of [element.attributes, element.events, element.cssParts, element.cssProperties]) {
      for (const { name } of list ?? []) assert.match(doc, new RegExp(`\\| \`${name}\` \\|`), name);
    }
  }
});
