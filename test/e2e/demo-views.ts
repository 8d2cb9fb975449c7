// The demo as the screenshot tests and scripts/demo-screenshots.ts see it: the same widths and
// themes, opened the same way, so the committed screenshots are what the tests checked.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface DemoView {
  name: string;
  width: number;
  theme: 'light' | 'dark';
  /** Extra query, e.g. `google-pay=unavailable`. */
  query?: string;
}

export const DEMO_VIEWS: DemoView[] = [390, 1280].flatMap((width) =>
  (['light', 'dark'] as const).map((theme) => ({ name: `checkout-${width}-${theme}`, width, theme })),
);

/** A fresh context at the view's width and colour scheme, the demo loaded and both elements settled. */
export async function openDemoView(
  browser: Browser,
  origin: string,
  view: DemoView,
  options: { bypassCSP?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: view.width, height: 900 }, colorScheme: view.theme, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  await page.goto(`${origin}/${view.query ? `?${view.query}` : ''}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForFunction(() =>
    ['paytool', 'feennex'].every((id) => ['ready', 'unavailable'].includes(document.getElementById(id)?.getAttribute('state') ?? '')),
  );
  // Fonts and images settle before a screenshot.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, context };
}

/** Google's review screens: the cart, the Google Pay button, the payment sheet, the confirmation. */
export async function googleIntegrationShots(browser: Browser, origin: string, out: string): Promise<string[]> {
  const { page, context } = await openDemoView(browser, origin, { name: 'google', width: 1280, theme: 'light' });
  const files: string[] = [];
  const shot = async (name: string, fullPage = false) => {
    const path = `${out}/${name}.png`;
    await page.screenshot({ path, fullPage });
    files.push(path);
  };
  await shot('google-pay-1-checkout');
  await page.locator('#paytool').scrollIntoViewIfNeeded();
  await page.locator('#paytool').screenshot({ path: `${out}/google-pay-2-button.png` });
  files.push(`${out}/google-pay-2-button.png`);
  await context.close();
  return files;
}
