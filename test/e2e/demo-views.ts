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
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.getElementById('merchant-panel')?.dataset.loaded === 'true');
  await page.waitForFunction(() =>
    ['paytool', 'feennex'].every((id) => ['ready', 'unavailable'].includes(document.getElementById(id)?.getAttribute('state') ?? '')),
  );
  // Fonts and images settle before a screenshot.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, context };
}

/** Opens the Google Pay sheet from `<paytool-button>` and waits for it. */
export async function openSheet(page: Page): Promise<void> {
  await page.locator('#paytool [part="button"] button').click();
  await page.getByRole('dialog', { name: 'Google Pay' }).getByRole('button', { name: 'Pay', exact: true }).waitFor();
}

/** Pays the order through `<paytool-button>` and waits until the back office lists the payment. */
export async function payAndShowBackOffice(page: Page): Promise<void> {
  await openSheet(page);
  await page.getByRole('dialog', { name: 'Google Pay' }).getByRole('button', { name: 'Pay', exact: true }).click();
  await page.locator('.paid .notice').waitFor();
  await page.locator('#mp-fenige tbody tr').first().waitFor();
}

/**
 * The screens Google's integration review asks for, from the demo: item selection, the
 * pre-purchase screen, the payment method screen, the Google Pay sheet and the post-purchase
 * screen (docs/demo.md says which ones need Google's real sheet instead of the fake's).
 */
export async function googleIntegrationShots(browser: Browser, origin: string, out: string): Promise<string[]> {
  const { page, context } = await openDemoView(browser, origin, { name: 'google', width: 1280, theme: 'light' });
  const files: string[] = [];
  const path = (name: string) => {
    files.push(`${out}/${name}.png`);
    return `${out}/${name}.png`;
  };
  await page.locator('.cart').screenshot({ path: path('google-pay-1-item-selection') });
  await page.locator('#checkout').screenshot({ path: path('google-pay-2-pre-purchase') });
  await page.locator('#pay').screenshot({ path: path('google-pay-3-payment-method') });
  await openSheet(page);
  await page.screenshot({ path: path('google-pay-4-payment-sheet') });
  const sheet = page.getByRole('dialog', { name: 'Google Pay' });
  await sheet.getByRole('button', { name: 'Pay', exact: true }).click();
  await sheet.waitFor({ state: 'detached' });
  await page.locator('.paid .notice').waitFor();
  await page.screenshot({ path: path('google-pay-5-post-purchase') });
  await context.close();
  return files;
}
