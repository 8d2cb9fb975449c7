// src/frameworks/element-api.ts from custom-elements.json (the manifest `npm run build` generates from
// the elements' JSDoc): the settable properties and attributes that the React, Vue and Svelte typings
// and the React 18 wrapper are built on. Names and descriptions come from the manifest; each type is
// the element's own (`PaymentElement['buttonType']`), so the typings cannot drift from the element.
// `node scripts/framework-types.mjs` rewrites the file; build.mjs runs it, and
// test/node/framework-types.test.ts fails when the file and the manifest drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import * as prettier from 'prettier';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUT = 'src/frameworks/element-api.ts';

const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\s*\n\s*/g, ' ').replaceAll('*/', '*\\/')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** What a page may set on one element: its reactive properties, and the attributes without a property of their own. */
function settable(element) {
  const attributes = element.attributes ?? [];
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
  const owner = (attribute) => fields.find((f) => attribute.fieldName === f.name || attribute.name === (f.attribute ?? f.name));
  const properties = fields
    .filter((f) => f.attribute && !f.readonly)
    .map((f) => ({ property: f.name, attribute: f.attribute, type: `PaymentElement['${f.name}']`, description: f.description }));
  // `nonce` is the platform's; a reflected read-only attribute (`state`) is not for setting.
  const plain = attributes
    .filter((a) => !owner(a))
    .map((a) => ({ property: a.name, attribute: a.name, type: a.type?.text ?? 'string', description: a.description }));
  return [...properties, ...plain];
}

export async function renderFrameworkTypes(manifest) {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  if (!elements.length) throw new Error('framework-types: the manifest has no custom elements');
  const apis = elements.map((e) => settable(e));
  if (apis.some((api) => JSON.stringify(api) !== JSON.stringify(apis[0]))) {
    throw new Error(`framework-types: ${elements.map((e) => `<${e.tagName}>`).join(' and ')} no longer share one API; generate one set of types per element`);
  }
  const api = apis[0];
  const source = [
    '// Generated from custom-elements.json by scripts/framework-types.mjs (npm run build). Do not edit:',
    '// change the JSDoc in src/elements/ and rebuild. test/node/framework-types.test.ts checks it.',
    "import type { PaymentElement } from '../elements/payment-element.js';",
    '',
    `/** What a page may set on ${elements.map((e) => `\`<${e.tagName}>\``).join(' and ')}, by JavaScript (camelCase) property names. */`,
    'export interface PaymentElementProperties {',
    ...api.map((p) => `${doc(p.description)}  ${key(p.property)}?: ${p.type};`),
    '}',
    '',
    '/** The same settings by their HTML attribute (kebab-case) names. */',
    'export interface PaymentElementAttributes {',
    ...api.map((p) => `${doc(p.description)}  ${key(p.attribute)}?: ${p.type};`),
    '}',
    '',
  ].join('\n');
  const options = await prettier.resolveConfig(resolve(ROOT, OUTPUT));
  return prettier.format(source, { ...options, filepath: resolve(ROOT, OUTPUT) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'custom-elements.json'), 'utf8'));
  writeFileSync(resolve(ROOT, OUTPUT), await renderFrameworkTypes(manifest));
}
