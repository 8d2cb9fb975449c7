// The elements under the strictest policy a merchant may serve, in Debian's Chromium: no
// unsafe-inline, no unsafe-eval, Trusted Types enforced (see strictCsp in test/support/csp-server.ts).
// Needs `npm run build` first: the page loads dist/paytool.js and dist/npm/testing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startCspServer, type CspPage, type CspServer } from '../support/csp-server.js';

interface Report {
  violations: Array<{ directive: string; blocked: string; sample: string }>;
  policies: string[];
  scriptUrls: Array<{ policy: string; value: string }>;
  events: Array<{ type: string; detail: Record<string, unknown> }>;
  scriptsAtImport: Array<{ src: string; nonce: string }>;
  loadError?: string;
  started?: boolean;
}

let server: CspServer;
let browser: Browser;

interface Opened {
  page: Page;
  nonce: string;
  /** Console errors and uncaught page errors. */
  errors: string[];
  report: () => Promise<Report>;
}

async function open(options: CspPage): Promise<Opened> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const url = server.pageUrl(options);
  const response = await page.goto(url);
  assert.match(response!.headers()['content-security-policy']!, /require-trusted-types-for 'script'/);
  await page.waitForFunction(() => (window as unknown as { __csp?: Report }).__csp?.started === true);
  return {
    page,
    nonce: server.nonceOf(url)!,
    errors,
    report: () => page.evaluate(() => (window as unknown as { __csp: Report }).__csp),
  };
}

const waitForEvent = (page: Page, type: string) =>
  page.waitForFunction((t) => (window as unknown as { __csp: Report }).__csp.events.some((e) => e.type === t), type);

const cspErrors = (errors: string[]) => errors.filter((e) => /Content Security Policy|Trusted Type|TrustedScriptURL|TrustedHTML/i.test(e));

/** No violation and no CSP error, only our two Trusted Types policies, pay.js their one script URL; then a payment goes through. */
async function expectCleanPayment({ page, errors }: Pick<Opened, 'page' | 'errors'>, { violations, policies, scriptUrls }: Report): Promise<void> {
  assert.deepEqual(violations, []);
  assert.deepEqual(cspErrors(errors), []);
  assert.deepEqual(policies.sort(), ['lit-html', 'paytool-elements']);
  assert.deepEqual(scriptUrls, [{ policy: 'paytool-elements', value: server.payJsUrl }]);
  await page.locator('paytool-button [part="button"] button').click();
  await waitForEvent(page, 'payment-success');
  await page.close();
}

describe('strict CSP + Trusted Types (Chromium)', () => {
  before(async () => {
    assert.ok(existsSync('dist/paytool.js') && existsSync('dist/npm/testing/index.js'), 'run `npm run build` first');
    server = await startCspServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders, becomes ready and pays with zero violations; the nonce reaches PaymentsClient and the button styles', async () => {
    const { page, nonce, errors, report } = await open({ google: 'page', elementNonce: true });
    await waitForEvent(page, 'payment-ready');
    const element = page.locator('paytool-button');
    assert.equal(await element.getAttribute('state'), 'ready');
    // Chromium hides a nonce attribute once a CSP applies; the element reads the property.
    assert.deepEqual(await element.evaluate((el) => [el.getAttribute('nonce'), (el as HTMLElement).nonce]), ['', nonce]);
    assert.equal(await page.evaluate(() => (window as any).__fake.calls.constructed[0].nonce), nonce);
    assert.equal(await element.evaluate((el) => (el.shadowRoot!.querySelector('style') as HTMLStyleElement | null)?.nonce), nonce);

    const paymentsBefore = server.payments.length;
    await page.locator('paytool-button [part="button"] button').click();
    await waitForEvent(page, 'payment-success');
    assert.equal(await element.getAttribute('state'), 'success');
    assert.equal(server.payments.length, paymentsBefore + 1, 'the checkout handler charged once');
    assert.equal(server.payments.at(-1)!.description, 'CSP');

    const { violations, policies, loadError } = await report();
    assert.equal(loadError, undefined);
    assert.deepEqual(violations, []);
    assert.deepEqual(cspErrors(errors), []);
    assert.deepEqual(policies, ['lit-html'], 'nothing but Lit needs a policy when pay.js is already there');
    await page.close();
  });

  it('with no google.payments.api, injects pay.js carrying the nonce, its URL made by the paytool-elements policy, and pays', async () => {
    const fetchesBefore = server.payJsFetches();
    const { page, nonce, errors, report } = await open({ google: 'script', elementNonce: true });
    await waitForEvent(page, 'payment-ready');
    const injected = await page.evaluate((src) => {
      const scripts = [...document.querySelectorAll('script')].filter((s) => s.src === src);
      return scripts.map((s) => ({ nonce: s.nonce, async: s.async, inHead: s.parentElement === document.head }));
    }, server.payJsUrl);
    assert.deepEqual(injected, [{ nonce, async: true, inHead: true }]);
    assert.equal(server.payJsFetches(), fetchesBefore + 1);

    await expectCleanPayment({ page, errors }, await report());
  });

  it('a <meta> naming pay.js with the nonce: the script requests it at its first statement, before any element exists, and pays', async () => {
    const fetchesBefore = server.payJsFetches();
    const { page, nonce, errors, report } = await open({ google: 'script', elementNonce: false, meta: true });
    await waitForEvent(page, 'payment-ready');
    const reported = await report();
    assert.deepEqual(reported.scriptsAtImport, [{ src: server.payJsUrl, nonce }], 'pay.js was requested by the import alone');
    assert.equal(server.payJsFetches(), fetchesBefore + 1, 'once: the element shared the boot load');
    await expectCleanPayment({ page, errors }, reported);
  });

  it('without the nonce attribute the injected pay.js is blocked: a script-src violation and payment-unavailable', async () => {
    const fetchesBefore = server.payJsFetches();
    const { page, errors, report } = await open({ google: 'script', elementNonce: false });
    await waitForEvent(page, 'payment-unavailable');
    const { violations, events } = await report();
    assert.ok(
      violations.some((v) => v.directive === 'script-src-elem' && v.blocked === server.payJsUrl),
      `expected the blocked pay.js among ${JSON.stringify(violations)}`,
    );
    assert.deepEqual(events.find((e) => e.type === 'payment-unavailable')!.detail, { reason: 'load-failed' });
    assert.equal(server.payJsFetches(), fetchesBefore, 'the browser never fetched it');
    assert.ok(cspErrors(errors).length > 0, 'Chromium reports the violation');
    await page.close();
  });

  it('a trusted-types list without paytool-elements refuses the loader its policy: load-failed, never a raw URL', async () => {
    const fetchesBefore = server.payJsFetches();
    const { page, report } = await open({ google: 'script', elementNonce: true, trustedTypes: 'lit-html' });
    await waitForEvent(page, 'payment-unavailable');
    const { violations, events, scriptUrls } = await report();
    assert.ok(
      violations.some((v) => v.directive === 'trusted-types' && v.sample === 'paytool-elements'),
      JSON.stringify(violations),
    );
    assert.deepEqual(events.find((e) => e.type === 'payment-unavailable')!.detail, { reason: 'load-failed' });
    assert.deepEqual(scriptUrls, []);
    assert.equal(server.payJsFetches(), fetchesBefore);
    await page.close();
  });

  it('a trusted-types list without lit-html stops the elements from loading at all', async () => {
    const { page, report } = await open({ google: 'page', elementNonce: true, trustedTypes: 'paytool-elements' });
    const { violations, loadError, events } = await report();
    assert.ok(
      violations.some((v) => v.directive === 'trusted-types' && v.sample === 'lit-html'),
      JSON.stringify(violations),
    );
    assert.match(loadError ?? '', /lit-html/);
    assert.deepEqual(events, []);
    await page.close();
  });
});
