// docs/elements-api.md from custom-elements.json (the manifest `npm run build` generates from the
// elements' JSDoc). `node scripts/elements-api-docs.mjs` rewrites the file; build.mjs runs it, and
// test/node/elements-api-docs.test.ts fails when the file and the manifest drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUT = 'docs/elements-api.md';

/** Table cells: one line, pipes escaped. */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

/** Whether `attribute` is `field`'s (declared with it, or a reflected attribute of the same name). */
const owns = (field, attribute) => attribute.fieldName === field.name || attribute.name === (field.attribute ?? field.name);

function publicFields(element) {
  return (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');
}

/** The sections describing one element's API, as markdown lines. */
function apiSections(element) {
  const attributes = element.attributes ?? [];
  const fields = publicFields(element);
  const rows = fields.map((field) => {
    const attribute = attributes.find((a) => owns(field, a))?.name ?? field.attribute;
    const access = field.readonly ? ' (read-only)' : '';
    return [code(field.name) + access, attribute ? code(attribute) : '—', code(field.type?.text), code(field.default), cell(field.description)];
  });
  // Attributes with no field of their own (the platform's `nonce`, the reflected `state`).
  for (const attribute of attributes) {
    if (fields.some((f) => owns(f, attribute))) continue;
    rows.push(['—', code(attribute.name), code(attribute.type?.text), code(attribute.default), cell(attribute.description)]);
  }
  const events = (element.events ?? []).map((e) => [code(e.name), code(e.type?.text?.replace(/^CustomEvent<(.*)>$/, '$1')), cell(e.description)]);
  const parts = (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]);
  const properties = (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]);
  return [
    '### Properties and attributes',
    '',
    ...table(['property', 'attribute', 'type', 'default', 'description'], rows),
    '',
    '### Events',
    '',
    'All bubble and are composed (they cross shadow roots).',
    '',
    ...table(['event', 'detail', 'when'], events),
    '',
    '### CSS parts',
    '',
    ...table(['part', 'description'], parts),
    '',
    '### CSS custom properties',
    '',
    'Inherited: set them on the element or any ancestor.',
    '',
    ...table(['property', 'default', 'description'], properties),
  ];
}

export function renderElementsApi(manifest) {
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })))
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const lines = [
    '# Elements API',
    '',
    '<!-- Generated from custom-elements.json by scripts/elements-api-docs.mjs (npm run build). Do not',
    '     edit: change the JSDoc in src/elements/ and rebuild. test/node/elements-api-docs.test.ts checks it. -->',
    '',
    ...elements.map((e) => `- \`<${e.tagName}>\` (\`${e.name}\`, ${e.module}): ${cell(e.summary ?? e.description)}`),
    '',
    'What `data` holds, what the backend answers and how every event is caused:',
    '[protocol.md](protocol.md). Payer languages: [languages.md](languages.md).',
    '',
  ];
  const sections = elements.map((e) => apiSections(e).join('\n'));
  if (sections.every((s) => s === sections[0])) {
    lines.push(`## ${elements.map((e) => `\`<${e.tagName}>\``).join(' and ')} (the same API)`, '', sections[0]);
  } else {
    elements.forEach((e, i) => lines.push(`## \`<${e.tagName}>\``, '', sections[i], ''));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'custom-elements.json'), 'utf8'));
  writeFileSync(resolve(ROOT, OUTPUT), renderElementsApi(manifest));
}
