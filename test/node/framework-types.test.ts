// src/frameworks/element-api.ts (the props and attributes behind the React, Vue and Svelte typings) is
// generated from custom-elements.json by scripts/framework-types.mjs, run by `npm run build`: this
// fails when the two drift apart, e.g. after a new property or a JSDoc change without a rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain .mjs script without types
import { OUTPUT, renderFrameworkTypes } from '../../scripts/framework-types.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m: { declarations?: any[] }) => m.declarations ?? []).filter((d: any) => d.tagName);

test('src/frameworks/element-api.ts is what the manifest generates', async () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), await renderFrameworkTypes(manifest), 'run `npm run build` and commit src/frameworks/element-api.ts');
});

test('every settable attribute of the manifest is typed, by attribute and by property name; read-only ones are not', async () => {
  const source: string = await renderFrameworkTypes(manifest);
  const [properties, attributes] = source.split('export interface PaymentElementAttributes');
  for (const element of elements) {
    for (const attribute of element.attributes) {
      const field = element.members.find((m: any) => m.name === attribute.fieldName || m.name === attribute.name);
      const quoted = /^[a-z]+$/.test(attribute.name) ? attribute.name : `'${attribute.name}'`;
      if (field?.readonly) {
        assert.doesNotMatch(source, new RegExp(`\\n\\s*${quoted}\\?:`), `${attribute.name} is read-only`);
        continue;
      }
      assert.match(attributes!, new RegExp(`\\n\\s*${quoted}\\?:`), `attribute ${attribute.name}`);
      assert.match(properties!, new RegExp(`\\n\\s*${field?.name ?? attribute.name}\\?:`), `property ${field?.name ?? attribute.name}`);
    }
  }
});

test('a manifest whose elements disagree is refused rather than typed as one', async () => {
  const [first, second] = elements;
  const changed = structuredClone(manifest);
  const other = changed.modules.flatMap((m: { declarations?: any[] }) => m.declarations ?? []).find((d: any) => d.tagName === second.tagName);
  other.attributes = [...other.attributes, { name: 'only-here', type: { text: 'string' }, description: 'x' }];
  await assert.rejects(renderFrameworkTypes(changed), new RegExp(`<${first.tagName}>|<${second.tagName}>`));
});
