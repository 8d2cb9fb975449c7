import { expect, oneEvent } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { freshGooglePay, googleButton, mountReady, validData } from '../helpers.js';
import { sleep } from '../../support/wait.js';

/** Presses and releases the real mouse on `target` (separate steps, so the page can act in between). */
async function pressAndRelease(target: Element, between: () => Promise<void>): Promise<void> {
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
  await sendMouse({ type: 'down' });
  await between();
  await sendMouse({ type: 'up' });
}

function restoreLang(value: string | null): void {
  if (value === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', value);
}

describe('the page’s language and Google’s button', () => {
  afterEach(() => resetMouse());

  // i18n libraries, SPA routers and the demo set <html lang> on every keystroke or focus change —
  // often to the value it already has. A rebuilt button between the payer's press and release
  // swallowed the click: the sheet never opened.
  it('keeps the payer’s click when the page sets <html lang> to the same value during it', async () => {
    const fake = freshGooglePay({ action: 'cancel' });
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
    const el = await mountReady();
    const setSameLang = () => root.setAttribute('lang', 'en');
    document.addEventListener('pointerdown', setSameLang, true);
    try {
      const cancelled = oneEvent(el, 'payment-cancel');
      await pressAndRelease(googleButton(el), () => el.updateComplete.then(() => undefined));
      // The click runs synchronously in the release, and the sheet opens inside it.
      expect(fake.calls.loadPaymentData).to.have.length(1);
      expect(fake.calls.createButton).to.have.length(1);
      await cancelled;
    } finally {
      document.removeEventListener('pointerdown', setSameLang, true);
      restoreLang(before);
    }
  });

  it('rebuilds the button once when the button’s language really changes, not for another region', async () => {
    const fake = freshGooglePay();
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
    const el = await mountReady();
    const locales = () => fake.calls.createButton.map((o) => (o as { buttonLocale?: string }).buttonLocale);
    const settled = async () => {
      await sleep(0); // the MutationObserver's delivery
      await el.updateComplete;
    };
    try {
      expect(locales()).to.deep.equal(['en']);
      root.setAttribute('lang', 'de');
      await settled();
      expect(locales()).to.deep.equal(['en', 'de']);
      root.setAttribute('lang', 'de-AT'); // the same button language
      await settled();
      expect(locales()).to.deep.equal(['en', 'de']);
      expect(googleButton(el)).to.not.be.oneOf([null, undefined]);
    } finally {
      restoreLang(before);
    }
  });

  it('follows a wrapper’s lang too, and stops following once disconnected', async () => {
    const fake = freshGooglePay();
    const wrapper = document.createElement('div');
    wrapper.lang = 'pl';
    document.body.append(wrapper);
    try {
      const el = document.createElement('paytool-button');
      wrapper.append(el);
      const ready = oneEvent(el, 'payment-ready');
      el.data = validData;
      await ready;
      const locales = () => fake.calls.createButton.map((o) => (o as { buttonLocale?: string }).buttonLocale);
      wrapper.lang = 'de';
      await sleep(0); // the MutationObserver's delivery
      await el.updateComplete;
      expect(locales()).to.deep.equal(['pl', 'de']);
      el.remove();
      wrapper.lang = 'fr';
      await sleep(0);
      expect(locales()).to.deep.equal(['pl', 'de'], 'a disconnected element rebuilds nothing');
    } finally {
      wrapper.remove();
    }
  });
});
