import { expect } from '@open-wc/testing';

// dist/paytool.standalone.js: the same elements in one file, for pages that cannot deploy the
// dist/ folder with its sibling chunks. Imports nothing from src (see dist.test.ts).
describe('dist/paytool.standalone.js, one file', () => {
  it('registers both elements and loads no sibling file, not even after the click code is asked for', async () => {
    const url = `${location.origin}/dist/paytool.standalone.js`;
    await import(/* @vite-ignore */ url);
    expect(customElements.get('paytool-button')).to.not.be.oneOf([null, undefined]);
    expect(customElements.get('feennex-pay')).to.not.be.oneOf([null, undefined]);
    const code = await (await fetch(url)).text();
    expect(code).not.to.match(/\bimport\s*\(|\bfrom\s*["'`]\.\//, 'no import of another file');
    const siblings = performance.getEntriesByType('resource').filter((r) => /\/dist\/paytool-[^/]+\.js$/.test(r.name));
    expect(siblings.map((r) => r.name)).to.deep.equal([]);
  });
});
