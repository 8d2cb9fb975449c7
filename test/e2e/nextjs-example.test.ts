// examples/nextjs (built by `npm run build:examples`): `next start` against the Fenige sandbox.
// The page (a server component) creates the order; a client component renders <paytool-button>;
// the App Router route handler app/paytool/transactions/[[...path]]/route.ts is
// createCheckoutHandler itself. Chromium pays with the fake Google Pay over real HTTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

const APP = 'examples/nextjs';

describe('Next.js example (examples/nextjs)', () => {
  let sandbox: RunningSandbox;
  let next: ChildProcess;
  let origin: string;
  let browser: Browser;
  let output = '';

  before(async () => {
    if (!existsSync(`${APP}/.next/BUILD_ID`)) throw new Error(`${APP}/.next is missing: run npm run build`);
    sandbox = await startSandbox({ port: 0 });
    next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', '0', '-H', '127.0.0.1'], {
      cwd: APP,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        FENIGE_URL: sandbox.fenige.url,
        FENIGE_LOGIN: sandbox.fenige.login,
        FENIGE_PASSWORD: sandbox.fenige.password,
        FENIGE_MERCHANT_UUID: sandbox.fenige.merchantUuid,
        FENIGE_GATEWAY_MERCHANT_ID: sandbox.fenige.gatewayMerchantId,
        PAYTOOL_SANDBOX: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    next.stderr!.on('data', (chunk) => (output += chunk));
    for await (const chunk of next.stdout!) {
      output += chunk;
      const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && /Ready in/.test(output)) {
        origin = match[1]!;
        break;
      }
    }
    assert.ok(origin, `next start did not start: ${output}`);
    next.stdout!.resume();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    if (next && next.exitCode === null && next.signalCode === null) {
      next.kill('SIGTERM');
      await once(next, 'exit');
    }
    await sandbox?.close();
  });

  it('the client component pays through the route handler; the sandbox charged the server-created order', async (t) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.querySelector('paytool-button')?.getAttribute('state') === 'ready');
    const element = page.locator('paytool-button');
    const transactionId = await element.evaluate((el) => (el as unknown as { data: { transactionId: string } }).data.transactionId);
    assert.match(transactionId, /^[0-9a-f-]{36}$/, 'data (with the server-created transactionId) arrived as a property');

    await element.locator('[part="button"] button').click();
    // The page's own status line (the fake payment sheet has one too).
    const status = page.locator('main > p[role="status"]');
    await page.waitForFunction(() => document.querySelector('main > p[role="status"]')?.textContent);
    const text = (await status.textContent())!;
    assert.match(text, new RegExp(`^Paid: (APPROVED|SUCCESS|SUCCESS_WAITING_FOR_CLEARING), transaction ${transactionId}$`));
    assert.deepEqual(await page.getByRole('list', { name: 'Events' }).getByRole('listitem').allTextContents(), ['payment-ready', 'payment-success']);
    assert.equal(sandbox.emulators.fenige.transactions().find((tx) => tx.transactionId === transactionId)?.amount, 1000);

    // The route handler also answers the element's status query for that transaction.
    const answer = await fetch(`${origin}/paytool/transactions/${transactionId}`);
    assert.equal(answer.status, 200);
    assert.deepEqual(errors, []);
    t.diagnostic(`next.js ${/Next\.js ([\d.]+)/.exec(output)?.[1]}: ${text}`);
    await page.close();
  });
});
