/**
 * The elements' public properties are declared once, in `static properties`, each entry typed
 * `{ …Lit options } as Property<T>` (src/elements/payment-element.ts). The analyzer's Lit plugin
 * reads the entries' JSDoc but not through the `as`: this plugin reads the Lit options inside it
 * (attribute, reflect) and the type `T`, and lists the properties in the table's order.
 */
/** `object` with `first` keys leading, in that order (keeps the manifest's diffs small). */
const ordered = (object, first) =>
  Object.fromEntries(
    Object.entries(object)
      .sort(([a], [b]) => rank(first, a) - rank(first, b))
      .filter(([, v]) => v !== undefined),
  );
const rank = (first, key) => (first.includes(key) ? first.indexOf(key) : first.length);

function typedStaticProperties() {
  return {
    name: 'paytool-typed-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const table = node.members.find((m) => m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) && m.name?.getText() === 'properties');
      if (!table?.initializer || !ts.isObjectLiteralExpression(table.initializer)) return;
      const doc = moduleDoc.declarations.find((d) => d.name === node.name.getText());
      const typed = [];
      for (const entry of table.initializer.properties) {
        const cast = ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
        if (!cast || !ts.isAsExpression(cast) || cast.type.typeName?.getText() !== 'Property') continue;
        if (!ts.isObjectLiteralExpression(cast.expression))
          throw new Error(`${node.name.getText()}.properties.${entry.name.getText()}: the options must be an object literal`);
        const name = entry.name.getText();
        const option = (key) => cast.expression.properties.find((p) => p.name?.getText() === key)?.initializer;
        const attributeOption = option('attribute');
        const attribute = attributeOption === undefined ? name.toLowerCase() : ts.isStringLiteral(attributeOption) ? attributeOption.text : undefined;
        const type = { text: cast.type.typeArguments[0].getText() };
        const member = doc.members.find((m) => m.kind === 'field' && m.name === name);
        if (!member) throw new Error(`${node.name.getText()}.properties.${name}: the analyzer made no member of it`);
        const reflects = option('reflect')?.kind === ts.SyntaxKind.TrueKeyword;
        typed.push(
          ordered({ ...member, type, attribute, ...(reflects ? { reflects } : {}) }, [
            'kind',
            'name',
            'privacy',
            'type',
            'default',
            'description',
            'attribute',
          ]),
        );
        const attr = doc.attributes?.findIndex((a) => a.fieldName === name) ?? -1;
        if (attr >= 0 && attribute)
          doc.attributes[attr] = ordered({ ...doc.attributes[attr], name: attribute, type }, ['name', 'type', 'default', 'description']);
        else if (attr >= 0) doc.attributes.splice(attr, 1);
      }
      if (!typed.length) return;
      const untyped = doc.members.filter((m) => !typed.some((t) => t.name === m.name));
      doc.members = [...untyped.filter((m) => m.static), ...typed, ...untyped.filter((m) => !m.static)];
      if (doc.attributes) {
        const order = (a) => (a.fieldName ? typed.findIndex((m) => m.name === a.fieldName) : -1);
        doc.attributes = [...doc.attributes.filter((a) => order(a) < 0), ...doc.attributes.filter((a) => order(a) >= 0).sort((a, b) => order(a) - order(b))];
      }
    },
  };
}

/**
 * An element registered by `PaymentElement.define(tag, profile)` names its tag in its JSDoc
 * (`@tagname`); the analyzer takes the tag from there but lists no definition for it, as it does
 * for a `customElements.define('tag', Class)` call. This lists it.
 */
function tagnameDefinitions() {
  return {
    name: 'paytool-tagname-definitions',
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const defined = (moduleDoc.exports ?? []).some((e) => e.kind === 'custom-element-definition' && e.declaration.name === declaration.name);
        if (!declaration.tagName || defined) continue;
        const definition = { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: moduleDoc.path } };
        moduleDoc.exports = [...(moduleDoc.exports ?? []), definition];
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [typedStaticProperties(), tagnameDefinitions()],
};
