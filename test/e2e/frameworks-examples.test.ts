// The framework examples (demo/react19, demo/react18, demo/vue, demo/svelte, demo/angular), built by `npm run build:examples`
// and served by the demo server: each renders <paytool-button> through its framework, passes
// `data` as a property, pays with the fake Google Pay through the Fenige sandbox and hears
// `payment-success` through the framework's own event binding. Needs `npm run build` and
// `npm run build:examples` first.
import { before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { useDemoInChromium } from './chromium.js';
import { waitFor } from '../support/wait.js';
import type { PaytoolButton } from '../../src/index.js';

const EXAMPLES = ['react19', 'react18', 'vue', 'svelte', 'angular'] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

before(() => {
  for (const example of EXAMPLES) {
    if (!existsSync(`dist/examples/${example}/index.html`)) throw new Error(`dist/examples/${example} is missing: run npm run build && npm run build:examples`);
  }
});
const demo = useDemoInChromium();

async function open(example: string): Promise<{ page: Page; errors: string[] }> {
  const page = await demo.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(10_000);
  await page.goto(`${demo.origin}/dist/examples/${example}/`);
  await page.locator('paytool-button').waitFor({ state: 'attached' });
  const registered = await page.evaluate(() => customElements.get('paytool-button') !== undefined);
  assert.ok(registered, 'the bundle registers <paytool-button> (package.json sideEffects must keep dist/npm/elements/*.js)');
  await page.waitForFunction(() => document.querySelector('paytool-button')?.getAttribute('state') === 'ready');
  return { page, errors };
}

/**
 * Waits until the event log the example's own handlers render (each framework on its own schedule)
 * is exactly `expected`; fails showing the log last seen.
 */
async function logReaches(page: Page, expected: string[], why?: string): Promise<void> {
  const items = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
  let seen: string[] = [];
  const same = async () => {
    seen = await items.allTextContents();
    return seen.length === expected.length && seen.every((entry, i) => entry === expected[i]);
  };
  await waitFor(same, 'the event log').catch(() => assert.deepEqual(seen, expected, why));
}

/** The React the React 18 example was built with: React 18 when the `react-18` alias package is installed. */
function expectedReact18Major(): string {
  const require = createRequire(import.meta.url);
  try {
    return require('react-18/package.json').version.split('.')[0];
  } catch {
    return require('react/package.json').version.split('.')[0];
  }
}

describe('framework examples (npm run build:examples)', () => {
  for (const example of EXAMPLES) {
    it(`${example}: renders, sets data, pays, and its own handler hears payment-success`, async (t: TestContext) => {
      const { page, errors } = await open(example);
      const element = page.locator('paytool-button');
      assert.equal(await element.evaluate((el: PaytoolButton) => (el.data as { amount?: number } | undefined)?.amount), 1000, 'data arrived as a property');
      await logReaches(page, ['payment-ready']);

      // Accepting the terms re-renders the component. React and Vue then pass a new `data` object
      // with the same content; Svelte's and Angular's compiled templates keep the object, since
      // nothing it depends on changed. Either way the button must not be rebuilt.
      type Before = { firstData?: unknown; firstButton?: Element | null };
      await element.evaluate((el: PaytoolButton) => {
        Object.assign(window, { firstData: el.data, firstButton: el.shadowRoot!.querySelector('[part="button"] button') } satisfies Before);
      });
      await page.getByLabel('I accept the terms').check();
      await page.waitForFunction(() => !document.querySelector('paytool-button')!.disabled);
      // The button below is the same one (no new readiness run); a late second payment-ready would also break the log after paying.
      await logReaches(page, ['payment-ready'], 'equal data does not fire payment-ready again');
      const after = await element.evaluate((el: PaytoolButton) => {
        const before = window as Before;
        return { newObject: el.data !== before.firstData, sameButton: el.shadowRoot!.querySelector('[part="button"] button') === before.firstButton };
      });
      const rerendersData = example === 'react19' || example === 'react18' || example === 'vue';
      assert.deepEqual(after, { newObject: rerendersData, sameButton: true }, 'the button was not rebuilt');

      await element.locator('[part="button"] button').click();
      const status = page.getByRole('status').filter({ hasText: /^Paid/ });
      await status.waitFor();
      const text = (await status.textContent())!;
      assert.match(text, /^Paid: (APPROVED|SUCCESS|SUCCESS_WAITING_FOR_CLEARING), transaction /);
      await logReaches(page, ['payment-ready', 'payment-success']);
      assert.equal(await element.getAttribute('state'), 'success');

      const transactions = await (await fetch(`${demo.origin}/demo-api/transactions`)).text();
      assert.ok(transactions.includes(UUID.exec(text)![0]), 'the Fenige sandbox recorded the payment');
      assert.deepEqual(errors, []);

      if (example === 'react18') {
        const footer = (await page.locator('footer').textContent())!;
        assert.equal(/React (\d+)\./.exec(footer)?.[1], expectedReact18Major());
        if (!footer.startsWith('React 18.')) t.diagnostic(`the React 18 example ran on ${footer}: install react-18 / react-dom-18 to run it on React 18`);
      }
      await page.close();
    });
  }
});
