// examples/hono: a Hono shop on Node (@hono/node-server). The server creates the order and renders
// it into the page; the checkout handler is a Hono route; Chromium pays with the fake Google Pay
// through the Fenige sandbox over HTTP, and the sandbox charged the server's amount.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startHonoShop } from '../../examples/hono/server.js';

describe('Hono example (examples/hono)', () => {
  let shop: Awaited<ReturnType<typeof startHonoShop>>;
  let browser: Browser;
  before(async () => {
    if (!existsSync('dist/examples/hono/client.js')) throw new Error('dist/examples/hono is missing: run npm run build');
    shop = await startHonoShop(0);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('renders the server-created order, pays through the Hono route, and the page hears payment-success', async (t) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(10_000);
    await page.goto(`${shop.origin}/`);
    await page.waitForFunction(() => document.querySelector('paytool-button')?.getAttribute('state') === 'ready');
    const { transactionId } = JSON.parse((await page.locator('paytool-button').getAttribute('data'))!) as { transactionId: string };
    assert.match(transactionId, /^[0-9a-f-]{36}$/, 'the server rendered its order into the page');

    await page.locator('paytool-button [part="button"] button').click();
    const status = page.getByRole('status').filter({ hasText: /^Paid/ });
    await status.waitFor();
    const text = (await status.textContent())!;
    assert.match(text, new RegExp(`^Paid: (APPROVED|SUCCESS|SUCCESS_WAITING_FOR_CLEARING), transaction ${transactionId}$`));
    assert.deepEqual(await page.getByRole('list', { name: 'Events' }).getByRole('listitem').allTextContents(), ['payment-ready', 'payment-success']);

    const charged = shop.sandbox.emulators.fenige.transactions().find((tx) => tx.transactionId === transactionId);
    assert.equal(charged?.amount, 1000, 'the sandbox charged the order the server created');
    assert.deepEqual(errors, []);
    t.diagnostic(`hono: ${text}`);
    await page.close();
  });
});
