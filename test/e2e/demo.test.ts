// The README's demo, end to end in Debian's Chromium: the demo server (page + checkout handlers +
// both sandboxes on one port), the fake Google Pay sheet, a Fenige payment and a Feennex payment
// through 3-D Secure and back, under the page's strict CSP. Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startDemoServer } from './chromium.js';


let stopDemo: (() => Promise<void>) | undefined;
let origin: string;
let browser: Browser;


async function openDemo(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => ['paytool', 'feennex'].every((id) => document.getElementById(id)?.getAttribute('state') === 'ready'));
  return { page, errors };
}

describe('demo (npm run demo)', () => {
  before(async () => {
    ({ origin, stop: stopDemo } = await startDemoServer());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await stopDemo?.();
  });

  it('pays through <paytool-button>, the checkout handler and the Fenige sandbox', async () => {
    const { page, errors } = await openDemo();
    const success = page.evaluate(() => new Promise((resolve) => document.addEventListener('payment-success', (e) => resolve((e as CustomEvent).detail), { once: true })));
    await page.locator('#paytool [part="button"] button').click();
    const detail = (await success) as { status: string; transactionId: string };
    assert.match(detail.status, /^(APPROVED|SUCCESS|SUCCESS_WAITING_FOR_CLEARING)$/);
    assert.equal(await page.locator('#paytool').getAttribute('state'), 'success');
    const transactions = await (await fetch(`${origin}/demo-api/transactions`)).json();
    assert.ok(JSON.stringify(transactions).includes(detail.transactionId), 'the sandbox recorded the payment');
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Trusted Type/i.test(e)), []);
    await page.close();
  });

  it('pays through <feennex-pay> with a 3-D Secure card: challenge page, approve, back to the shop', async () => {
    const { page, errors } = await openDemo();
    await page.selectOption('#card', '4000000000003220');
    await page.locator('#feennex [part="button"] button').click();
    await page.waitForURL(/\/3ds\//);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL((url) => url.origin === origin && !url.pathname.includes('3ds'));
    // back on the shop's page the element confirms the outcome with the backend
    await page.waitForFunction(() => document.getElementById('feennex')?.getAttribute('state') === 'success');
    assert.doesNotMatch(page.url(), /paytool-result/);
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Trusted Type/i.test(e)), []);
    await page.close();
  });

  it('stays presentable (screenshot)', async () => {
    const { page } = await openDemo();
    await page.setViewportSize({ width: 1280, height: 900 });
    const png = await page.screenshot({ path: 'test-results/demo.png', fullPage: true });
    assert.ok(png.length > 20_000, 'a rendered page, not a blank one');
    await page.close();
  });
});
