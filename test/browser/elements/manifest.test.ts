// The public properties are declared once, in `PaymentElement.properties` (each `as Property<T>`),
// and custom-elements.json is generated from that table by a plugin of our own
// (custom-elements-manifest.config.mjs). This checks the manifest against what Lit really does
// with the table in the browser, so a plugin that misreads an option cannot go unnoticed.
import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import { PaymentElement } from '../../../src/elements/payment-element.js';

interface Member {
  kind: string;
  name: string;
  static?: boolean;
  privacy?: string;
  attribute?: string;
  reflects?: boolean;
  description?: string;
  type?: { text: string };
}
interface Attribute {
  name: string;
  fieldName?: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  name: string;
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
}

const declarations = async (): Promise<Declaration[]> => {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Declaration[] }> };
  return manifest.modules.flatMap((m) => m.declarations ?? []);
};

describe('custom-elements.json says what Lit does with the properties table', () => {
  for (const tag of ['paytool-button', 'feennex-pay']) {
    it(`<${tag}>: every public reactive property, with its attribute, reflection, type and description`, async () => {
      const element = (await declarations()).find((d) => d.tagName === tag)!;
      const lit = (customElements.get(tag) as unknown as typeof PaymentElement).elementProperties;
      const publicProperties = [...lit].filter(([, options]) => !options.state);
      expect(publicProperties.map(([name]) => name)).to.have.members(Object.keys(PaymentElement.properties));

      const documented = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.attribute !== undefined);
      expect(documented.map((m) => m.name)).to.have.members(publicProperties.map(([name]) => String(name)));
      for (const [name, options] of publicProperties) {
        const member = documented.find((m) => m.name === name)!;
        const attribute = options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase();
        expect(String(member.attribute), `${String(name)} attribute`).to.equal(String(attribute));
        expect(!!member.reflects, `${String(name)} reflects`).to.equal(!!options.reflect);
        expect(member.description, `${String(name)} description`).to.match(/\w{3}/);
        expect(member.type?.text ?? 'no type', `${String(name)} type`).not.to.equal('no type');
        if (options.type === Number) expect(member.type!.text).to.match(/^number\b/);
        if (options.type === Boolean) expect(member.type!.text).to.equal('boolean');
        const attr = element.attributes!.find((a) => a.fieldName === name)!;
        expect(attr, `${String(name)} attribute entry`).to.deep.include({ name: attribute, type: member.type, description: member.description });
      }
    });
  }

  it('the inner state (validation) is private: no attribute, nothing a page may set', async () => {
    expect(PaymentElement.elementProperties.get('validation' as never)?.state).to.equal(true);
    const element = (await declarations()).find((d) => d.tagName === 'paytool-button')!;
    const validation = element.members!.find((m) => m.name === 'validation')!;
    expect(validation.privacy).to.equal('private');
    expect(validation.attribute).to.equal(undefined);
    expect(element.attributes!.map((a) => a.name)).not.to.include('validation');
  });
});
