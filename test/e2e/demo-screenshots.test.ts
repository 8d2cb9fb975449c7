// The demo as a payer and a reviewer see it, in Debian's Chromium: at 390 px (a phone) and 1280 px,
// in the light and the dark theme, the page never scrolls sideways and axe finds no violation —
// with the developer drawer closed and open, with Google Pay available and not, with the Google
// Pay sheet open, and once paid with the back office listing the payment. Each view's
// screenshot goes to test-results/ (scripts/demo-screenshots.ts writes the committed ones).
// Needs `npm run build` first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { useDemoInChromium } from './chromium.js';
import { DEMO_VIEWS, openDemoView, openSheet, payAndShowBackOffice, type DemoView } from './demo-views.js';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const demo = useDemoInChromium();

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** Elements wider than the viewport, named so a failure says what overflows. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const culprits = [...document.querySelectorAll('body *')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5) && getComputedStyle(node).position !== 'fixed';
      })
      .slice(0, 5)
      .map((node) => `${node.localName}${node.id ? `#${node.id}` : ''}.${[...node.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits };
  });
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map(({ id, impact, help, nodes }) => ({
    id,
    impact,
    help,
    nodes: nodes.slice(0, 3).map(({ target, failureSummary }) => ({ target, failureSummary })),
  }));
}

async function checkView(view: DemoView, prepare?: (page: Page) => Promise<void>): Promise<void> {
  // axe is injected as a script: this context lets it in past the page's CSP (the other e2e tests check the CSP).
  const { page, context } = await openDemoView(demo.browser, demo.origin, view, { bypassCSP: true });
  try {
    await prepare?.(page);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow.scrollWidth <= overflow.innerWidth, `${view.name}: the page scrolls sideways: ${JSON.stringify(overflow)}`);
    const png = await page.screenshot({ path: `test-results/${view.name}.png`, fullPage: true });
    assert.ok(png.length > 10_000, `${view.name}: a rendered page, not a blank one`);
    assert.deepEqual(await axeViolations(page), [], `${view.name}: axe violations`);
  } finally {
    await context.close();
  }
}

describe('demo screenshots: no sideways scroll, axe clean', () => {
  for (const view of DEMO_VIEWS) {
    it(`${view.name}: the checkout`, () => checkView(view));
    it(`${view.name}: the developer drawer open, Google Pay unavailable`, () =>
      checkView({ ...view, name: `${view.name}-drawer-unavailable`, query: 'google-pay=unavailable&drawer=open' }));
    it(`${view.name}: the Google Pay sheet open`, () => checkView({ ...view, name: `${view.name}-sheet` }, openSheet));
    it(`${view.name}: paid, the back office listing the payment`, () => checkView({ ...view, name: `${view.name}-paid` }, payAndShowBackOffice));
  }

  it('360 px, the narrowest phone we support: no sideways scroll', () => checkView({ name: 'checkout-360-light', width: 360, theme: 'light' }));
});
