import { expect, oneEvent } from '@open-wc/testing';
import { installFakeGooglePay } from '../../src/testing/index.js';
import { styles } from '../../src/elements/payment-element.styles.js';

// The build strips comments and indentation from the element's stylesheet (vite.config.ts,
// minifyCss): the browser must read the shipped text as exactly the rules of the source.
describe('dist/paytool.js, the element stylesheet', () => {
  before(async () => {
    installFakeGooglePay();
    await import(/* @vite-ignore */ `${location.origin}/dist/paytool.js`);
  });

  const rulesOf = (sheet: CSSStyleSheet) => Array.from(sheet.cssRules, (rule) => rule.cssText);

  it('holds the same rules as the source, in the same order, and is shorter', async () => {
    const el = document.createElement('paytool-button') as HTMLElement & { data?: unknown };
    const ready = oneEvent(el, 'payment-ready');
    document.body.append(el);
    el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'PLN', description: 'css' };
    await ready;
    const shipped = el.shadowRoot!.adoptedStyleSheets;
    expect(shipped).to.have.length(1);
    const source = new CSSStyleSheet();
    source.replaceSync(styles.cssText);
    expect(rulesOf(source).length).to.be.greaterThan(10);
    expect(rulesOf(shipped[0]!)).to.deep.equal(rulesOf(source));
    const shippedText = (el.constructor as unknown as { elementStyles: Array<{ cssText: string }> }).elementStyles[0]!.cssText;
    expect(shippedText.length).to.be.lessThan(styles.cssText.length * 0.8);
    expect(shippedText).to.not.include('/*');
    el.remove();
  });
});
