// The README's demo, end to end in Debian's Chromium: the demo server (shop page, server-side
// orders, checkout handlers and both sandboxes on one port), the fake Google Pay client, payments
// through both elements, 3-D Secure, the hosted fallback, under the page's strict CSP.
// Needs `npm run build` first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemoInChromium } from './chromium.js';

const demo = useDemoInChromium();

interface Opened {
  page: Page;
  errors: string[];
  /** The server's order the page shows. */
  order: () => Promise<{ id: string; total: number; status: string }>;
}

async function openDemo(query = '', settled = ['ready', 'ready']): Promise<Opened> {
  const page = await demo.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.origin}/${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForFunction((states) => ['paytool', 'feennex'].every((id, i) => document.getElementById(id)?.getAttribute('state') === states[i]), settled);
  const order = async () => {
    const id = (await page.locator('#order-ref').textContent())!;
    return (await (await fetch(`${demo.origin}/demo-api/orders/${id}`)).json()) as { id: string; total: number; status: string };
  };
  return { page, errors, order };
}

const cspErrors = (errors: string[]) => errors.filter((e) => /Content Security Policy|Trusted Type/i.test(e));
const onceEvent = (page: Page, type: string) =>
  page.evaluate((t) => new Promise((resolve) => document.addEventListener(t, (e) => resolve((e as CustomEvent).detail), { once: true })), type);

/** The payer in the fake Google Pay sheet: picks the card whose label matches, presses Pay. */
async function payInSheet(page: Page, card?: RegExp) {
  const sheet = page.getByRole('dialog', { name: 'Google Pay' });
  await sheet.waitFor();
  if (card) await sheet.getByRole('radio', { name: card }).check();
  await sheet.getByRole('button', { name: 'Pay', exact: true }).click();
  return sheet;
}

async function sandboxRecord(transactionId: string) {
  const all = (await (await fetch(`${demo.origin}/demo-api/transactions`)).json()) as {
    fenige: { transactionId: string; amount: number }[];
    feennex: { shopOrderId: string }[];
  };
  return all.fenige.find((t) => t.transactionId === transactionId) ?? all.feennex.find((t) => t.shopOrderId === transactionId);
}

describe('demo (npm run demo)', () => {
  it('pays the server-priced order through <paytool-button> and the Fenige sandbox, whatever amount the page sends', async () => {
    const { page, errors, order } = await openDemo();
    const { total, id } = await order();
    assert.equal((await page.locator('#total').textContent())?.replace(/\s/g, ''), `${(total / 100).toFixed(2)}PLN`);
    // A tampering payer: the page asks for 1 grosz; the checkout handler charges the server's order.
    await page.locator('#paytool').evaluate((el: HTMLElement & { data: Record<string, unknown> }) => (el.data = { ...el.data, amount: 1 }));
    const success = onceEvent(page, 'payment-success');
    await page.locator('#paytool [part="button"] button').click();
    await payInSheet(page);
    const detail = (await success) as { status: string; transactionId: string };
    assert.match(detail.status, /^(APPROVED|SUCCESS|SUCCESS_WAITING_FOR_CLEARING)$/);
    assert.equal(await page.locator('#paytool').getAttribute('state'), 'success');
    assert.equal(((await sandboxRecord(detail.transactionId)) as { amount: number }).amount, total, 'charged the order total, not the page amount');
    await page.getByText(`Order ${id} is paid`).waitFor();
    assert.equal((await order()).status, 'paid');
    assert.deepEqual(cspErrors(errors), []);
    await page.close();
  });

  it('pays through <feennex-pay> with a 3-D Secure card: challenge page, approve, back to the shop', async () => {
    const { page, errors, order } = await openDemo();
    const { id } = await order();
    await page.locator('#feennex [part="button"] button').click();
    await payInSheet(page, /3220/);
    await page.waitForURL(/\/3ds\//);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL((url) => url.origin === demo.origin && !url.pathname.includes('3ds'));
    // back on the shop's page the element confirms the outcome with the backend
    await page.waitForFunction(() => document.getElementById('feennex')?.getAttribute('state') === 'success');
    assert.doesNotMatch(page.url(), /paytool-result/);
    await page.getByText(`Order ${id} is paid`).waitFor();
    assert.deepEqual(cspErrors(errors), []);
    await page.close();
  });

  it('with Google Pay unavailable: the log has both early payment-unavailable events and the hosted page pays the order', async () => {
    const { page, errors, order } = await openDemo('?google-pay=unavailable', ['unavailable', 'unavailable']);
    const { id, total } = await order();
    assert.equal(await page.getByRole('switch', { name: 'Google Pay available' }).isChecked(), false);
    // The elements fired these as they connected, before the page's own code ran: the log heard them.
    const logged = await page
      .locator('#event-log li')
      .evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.type} ${(li as HTMLElement).dataset.element}`));
    assert.deepEqual(logged.filter((entry) => entry.startsWith('payment-unavailable')).sort(), ['payment-unavailable feennex', 'payment-unavailable paytool']);

    const fallback = page.locator('#paytool [part="fallback-button"]');
    await fallback.click();
    await page.waitForURL(/\/sandbox\//);
    await page
      .getByText(`${(total / 100).toFixed(2)}`)
      .first()
      .waitFor();
    await page.getByLabel('Card number').fill('4111111111111111');
    await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
    await page.getByLabel('Security code (CVC)').fill('123');
    await page.getByLabel('Name on card').fill('Jan Kowalski');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL((url) => url.origin === demo.origin && !url.pathname.startsWith('/sandbox'));
    await page.waitForFunction(() => document.getElementById('paytool')?.getAttribute('state') === 'success');
    await page.getByText(`Order ${id} is paid`).waitFor();
    assert.deepEqual(cspErrors(errors), []);
    await page.close();
  });

  it('the switch turns Google Pay off and on without a reload', async () => {
    const { page } = await openDemo();
    const toggle = page.getByRole('switch', { name: 'Google Pay available' });
    await toggle.uncheck();
    await page.waitForFunction(() => ['paytool', 'feennex'].every((id) => document.getElementById(id)?.getAttribute('state') === 'unavailable'));
    assert.equal(await page.locator('#feennex [part="fallback-button"]').isVisible(), true);
    assert.match(page.url(), /google-pay=unavailable/);
    await toggle.check();
    await page.waitForFunction(() => ['paytool', 'feennex'].every((id) => document.getElementById(id)?.getAttribute('state') === 'ready'));
    assert.equal(await page.locator('#paytool [part="button"] button').isVisible(), true);
    await page.close();
  });

  it('merchant back office: clear, then partial and full refunds, each state offering only its actions', async () => {
    const { page, order } = await openDemo();
    const { id, total } = await order();
    const success = onceEvent(page, 'payment-success');
    await page.locator('#paytool [part="button"] button').click();
    await payInSheet(page);
    await success;
    const row = page.locator('#mp-fenige tr', { hasText: id });
    const actions = async () => (await row.getByRole('button').allTextContents()).map((t) => t.trim());
    const cell = (label: string) => row.locator(`td[data-label="${label}"]`);

    await row.getByText('Authorised').waitFor();
    assert.deepEqual(await actions(), ['Clear', 'Reverse', 'Details'], 'an authorisation can be cleared or reversed, not refunded');

    await row.getByRole('button', { name: `Clear ${(total / 100).toFixed(2)} PLN of ${id}` }).click();
    await row.getByText('Cleared').waitFor();
    assert.deepEqual(await actions(), ['Refund', 'Details'], 'a cleared payment can only be refunded');
    assert.equal(await cell('Cleared').textContent(), `${(total / 100).toFixed(2)} PLN`);

    await row.getByLabel(`Amount to refund of ${id} (PLN)`).fill('10.00');
    await row.getByRole('button', { name: `Refund ${id}` }).click();
    await cell('Refunded').getByText('10.00 PLN').waitFor();
    assert.equal(await row.getByLabel(`Amount to refund of ${id} (PLN)`).inputValue(), ((total - 1000) / 100).toFixed(2), 'the rest is offered');

    await row.getByRole('button', { name: `Refund ${id}` }).click();
    await row.getByText('Refunded', { exact: true }).waitFor();
    assert.deepEqual(await actions(), ['Details'], 'nothing left to do with a refunded payment');
    assert.equal(await cell('Refunded').textContent(), `${(total / 100).toFixed(2)} PLN`);
    await page.close();
  });

  for (const [element, gateway] of [
    ['paytool', 'fenige'],
    ['feennex', 'feennex'],
  ] as const) {
    it(`<${element === 'paytool' ? 'paytool-button' : 'feennex-pay'}>: a decline shows in the Google Pay sheet, which stays open; another card pays the same order`, async () => {
      const { page, errors, order } = await openDemo();
      const { id } = await order();
      const events: string[] = [];
      await page.exposeFunction('recordPaymentEvent', (type: string) => events.push(type));
      await page.evaluate(() =>
        ['payment-success', 'payment-failure', 'payment-cancel'].forEach((t) =>
          document.addEventListener(t, () => (window as unknown as { recordPaymentEvent(t: string): void }).recordPaymentEvent(t)),
        ),
      );
      const success = onceEvent(page, 'payment-success');
      await page.locator(`#${element} [part="button"] button`).click();
      const sheet = await payInSheet(page, /5100/);
      const alert = sheet.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent())!, /declined/i, 'the payer reads the decline in the sheet');
      assert.equal(await sheet.isVisible(), true, 'the sheet stays open');
      assert.equal(await page.locator(`#${element}`).getAttribute('state'), 'processing');

      await sheet.getByRole('radio', { name: /1111/ }).check();
      await sheet.getByRole('button', { name: 'Pay', exact: true }).click();
      const detail = (await success) as { transactionId: string };
      await sheet.waitFor({ state: 'detached' });
      await page.getByText(`Order ${id} is paid`).waitFor();
      assert.deepEqual(events, ['payment-success'], 'the page hears the outcome, not the attempt the payer replaced');

      // Two attempts at the gateway, each with its own transactionId, both for the same order.
      const all = (await (await fetch(`${demo.origin}/demo-api/transactions`)).json()) as Record<
        string,
        { transactionId?: string; shopOrderId?: string; order?: string }[]
      >;
      const attempts = all[gateway]!.filter((t) => t.order === id).map((t) => t.transactionId ?? t.shopOrderId);
      assert.equal(attempts.length, 2, `two ${gateway} attempts for ${id}: ${JSON.stringify(attempts)}`);
      assert.notEqual(attempts[0], attempts[1]);
      assert.ok(attempts.includes(detail.transactionId));
      assert.deepEqual(cspErrors(errors), []);
      await page.close();
    });
  }

  it('closing the Google Pay sheet cancels: payment-cancel, the order stays open', async () => {
    const { page, order } = await openDemo();
    const cancel = onceEvent(page, 'payment-cancel');
    await page.locator('#paytool [part="button"] button').click();
    const sheet = page.getByRole('dialog', { name: 'Google Pay' });
    await sheet.getByRole('button', { name: 'Close' }).click();
    await cancel;
    await sheet.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#paytool').getAttribute('state'), 'ready');
    assert.equal((await order()).status, 'open');
    await page.close();
  });

  it('the language menu switches the elements to the payer language (here the hosted fallback, in German)', async () => {
    const { page } = await openDemo('?google-pay=unavailable', ['unavailable', 'unavailable']);
    const fallback = page.locator('#paytool [part="fallback-button"]');
    assert.equal((await fallback.textContent())?.trim(), 'Pay by card');
    await page.getByLabel('Language').selectOption('de');
    await page.waitForFunction(
      () => document.querySelector('#paytool')?.shadowRoot?.querySelector('[part="fallback-button"]')?.textContent?.trim() === 'Mit Karte bezahlen',
    );
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.match(page.url(), /lang=de/);
    await page.close();
  });
});
