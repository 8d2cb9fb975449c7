import { expect, oneEvent } from '@open-wc/testing';
import { backend, click, freshGooglePay, mount, mountReady, statusText, validData } from '../helpers.js';
import { registerMessages, type Messages } from '../../../src/index.js';
import { en } from '../../../src/i18n/en.js';
import { enFailure } from '../../../src/i18n/en-failure.js';
import { loadMessages } from '../../../src/i18n/index.js';
import { waitFor } from '../../support/wait.js';

/** Waits until the element's status line says `text` (a language arrives as its own chunk). */
async function statusBecomes(el: HTMLElement & { updateComplete: Promise<unknown> }, text: RegExp): Promise<string> {
  return waitFor(async () => {
    await el.updateComplete;
    const now = statusText(el);
    return text.test(now) && now;
  }, `the status ${text}`);
}

describe('payer languages, each loaded when a page asks for it', () => {
  beforeEach(() => freshGooglePay());

  it('speaks German from locale="de-AT": status, and the failure message in the event', async () => {
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint, attrs: 'locale="de-AT"' });
    await loadMessages('de-AT'); // the element asked for it when it rendered; the payer is never faster
    const failure = oneEvent(el, 'payment-failure');
    click(el);
    const { detail } = await failure;
    expect(detail.message).to.equal('Die Zahlung wurde abgelehnt. Bitte versuchen Sie es mit einer anderen Karte.');
    expect(statusText(el)).to.equal(detail.message);
  });

  it('follows the page’s lang, also when <html lang> changes while the page runs', async () => {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.lang = 'ja';
    try {
      const el = await mount('feennex-pay', { data: { ...validData, amount: 0 } }); // invalid: the status shows the set-up message
      // payers read one plain sentence; what is wrong with `amount` goes to payment-error and the console
      expect(await statusBecomes(el as never, /^この支払いボタンは正しく設定されていません/)).not.to.include('amount');
      root.lang = 'zh-Hant-TW';
      await statusBecomes(el as never, /^此付款按鈕的設定不正確/);
    } finally {
      if (before === null) root.removeAttribute('lang');
      else root.setAttribute('lang', before);
    }
  });

  it('passes Google a buttonLocale it knows: Norwegian Bokmål (nb) is Google’s no', async () => {
    const fake = freshGooglePay();
    const wrapper = document.createElement('div');
    wrapper.lang = 'nb-NO';
    document.body.append(wrapper);
    try {
      const el = document.createElement('paytool-button') as HTMLElement & { data: unknown };
      const ready = oneEvent(el, 'payment-ready');
      wrapper.append(el);
      el.data = validData;
      await ready;
      expect((fake.calls.createButton.at(-1) as { buttonLocale?: string }).buttonLocale).to.equal('no');
    } finally {
      wrapper.remove();
    }
  });

  it('writes right-to-left text the right way round inside a left-to-right page', async () => {
    const el = await mount('paytool-button', { data: { ...validData, amount: 0 }, attrs: 'locale="ar"' });
    await statusBecomes(el as never, /^زر الدفع هذا غير مُعدّ بشكل صحيح/);
    const status = el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
    expect(getComputedStyle(status).direction).to.equal('rtl');
  });

  it('lets registerMessages replace a built-in language', async () => {
    const custom: Messages = { ...en, failure: { ...en.failure, ...enFailure }, invalidData: 'Bitte den Shop kontaktieren (eigener Text)' };
    registerMessages('de-LI', custom);
    const el = await mount('paytool-button', { data: { ...validData, amount: 0 }, attrs: 'locale="de-LI"' });
    await el.updateComplete;
    expect(statusText(el)).to.match(/^Bitte den Shop kontaktieren \(eigener Text\)\./);
  });

  it('stays English for a language nobody provides', async () => {
    const el = await mount('paytool-button', { data: { ...validData, amount: 0 }, attrs: 'locale="tlh"' });
    await el.updateComplete;
    expect(statusText(el)).to.match(/^This payment button is not set up correctly\./);
  });
});
