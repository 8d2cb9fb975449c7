import { expect, oneEvent } from '@open-wc/testing';
import { backend, click, firstEvent, freshGooglePay, googleButton, mount, mountReady, statusText, validData } from '../helpers.js';
import type { PaymentElement } from '../../../src/elements/payment-element.js';
import { loadMessages } from '../../../src/i18n/index.js';
import { waitFor } from '../../support/wait.js';
import { FENIGE_DOCUMENTED_CODE_LIST } from '../../support/fenige-documented-codes.js';

type Lang = 'en' | 'pl';

const until = async (el: PaymentElement, state: string) => {
  await waitFor(() => el.state === state, `the state ${state}`);
  await el.updateComplete;
};

/** Brings an element into each state of docs/protocol.md §2.2. */
const states: Record<string, (lang: Lang) => Promise<PaymentElement>> = {
  loading: (lang) => mount('paytool-button', { attrs: `locale="${lang}"` }),
  ready: (lang) => mountReady('paytool-button', { attrs: `locale="${lang}"` }),
  unavailable: async (lang) => {
    freshGooglePay({ ready: false });
    const el = await mount('paytool-button', { data: validData, attrs: `locale="${lang}" fallback="hosted"` });
    await firstEvent(el, 'payment-unavailable');
    return el;
  },
  invalid: async (lang) => {
    const el = await mount('feennex-pay', { data: { ...validData, amount: 0 }, attrs: `locale="${lang}"` });
    await until(el, 'invalid');
    return el;
  },
  processing: async (lang) => {
    const server = await backend({ pay: [{ body: { status: 'APPROVED' }, hold: true }] }); // never released: the element stays processing
    const el = await mountReady('paytool-button', { endpoint: server.endpoint, attrs: `locale="${lang}"` });
    click(el);
    await until(el, 'processing');
    return el;
  },
  success: async (lang) => {
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint, attrs: `locale="${lang}"` });
    const done = oneEvent(el, 'payment-success');
    click(el);
    await done;
    await el.updateComplete;
    return el;
  },
  failure: async (lang) => {
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150' } }] });
    const el = await mountReady('feennex-pay', { endpoint: server.endpoint, attrs: `locale="${lang}"` });
    const done = oneEvent(el, 'payment-failure');
    click(el);
    await done;
    await el.updateComplete;
    return el;
  },
};

describe('accessibility in every state, in English and Polish (axe)', () => {
  before(() => loadMessages('pl')); // Polish is a lazily loaded chunk: have it before the first render
  beforeEach(() => freshGooglePay());
  for (const lang of ['en', 'pl'] as const) {
    for (const [state, enter] of Object.entries(states)) {
      it(`${state} (${lang})`, async () => {
        const el = await enter(lang);
        expect(el.state).to.equal(state);
        await expect(el).to.be.accessible();
      });
    }
  }
});

describe('languages', () => {
  beforeEach(() => freshGooglePay());

  it('speaks Polish from the locale attribute, in the status and in event details', async () => {
    const server = await backend({ pay: [{ status: 422, body: { status: 'E0150' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint, attrs: 'locale="pl"' });
    const failure = oneEvent(el, 'payment-failure');
    click(el);
    const { detail } = await failure;
    expect(detail.message).to.equal('Płatność została odrzucona. Spróbuj inną kartą.');
    expect(statusText(el)).to.equal(detail.message);
  });

  it('follows the page’s lang and passes it to Google as buttonLocale', async () => {
    const fake = freshGooglePay();
    const wrapper = document.createElement('div');
    wrapper.lang = 'pl-PL';
    document.body.append(wrapper);
    const el = document.createElement('paytool-button');
    wrapper.append(el);
    const ready = oneEvent(el, 'payment-ready');
    el.data = validData;
    await ready;
    expect((fake.calls.createButton[0] as { buttonLocale?: string }).buttonLocale).to.equal('pl');
    wrapper.remove();
  });

  it('describes every Fenige and Feennex code in words, in both languages', async () => {
    const { failureMessage } = await import('../../../src/i18n/failure.js');
    const { fenigeOutcomes, feennexOutcomes } = await import('../../../src/gateways/outcomes.js');
    const messages = { en: await loadMessages('en'), pl: await loadMessages('pl') };
    const messagesFor = (lang: 'en' | 'pl') => messages[lang];
    const generic = { en: messagesFor('en').failure.generic, pl: messagesFor('pl').failure.generic };
    // Fenige's documented codes (test/support), not read from the catalogue: a code the catalogue loses still needs its message.
    const codes = [...FENIGE_DOCUMENTED_CODE_LIST];
    for (let n = 1; n <= 19; n++) codes.push(`FEENNEX_${n}`);
    for (const code of codes) {
      for (const lang of ['en', 'pl'] as const) {
        const groups = code.startsWith('FEENNEX_') ? feennexOutcomes.failureGroups : fenigeOutcomes.failureGroups;
        expect(failureMessage(messagesFor(lang), code, groups), `${code} ${lang}`).not.to.equal(generic[lang]);
      }
    }
  });
});

describe('keyboard and focus', () => {
  beforeEach(() => freshGooglePay());

  it('pays from the keyboard and keeps focus inside the element after the button goes', async () => {
    const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
    const el = await mountReady('paytool-button', { endpoint: server.endpoint });
    googleButton(el).focus();
    expect(el.shadowRoot!.activeElement).to.equal(googleButton(el));
    const success = oneEvent(el, 'payment-success');
    googleButton(el).click(); // what Enter/Space do on a focused <button>
    await success;
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement!.getAttribute('part')).to.equal('status');
  });

  it('the Pay by card button is a real, focusable button', async () => {
    freshGooglePay({ ready: false });
    const el = await mount('paytool-button', { data: validData, attrs: 'fallback="hosted"' });
    await firstEvent(el, 'payment-unavailable');
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="fallback-button"]')!;
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });
});
