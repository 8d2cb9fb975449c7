// The demo shop: a fake Google Pay client (offline), both elements from dist/paytool.js, a cart
// whose order lives on the server, the developer drawer and the merchant back office. No inline
// scripts: the page runs under a strict Content-Security-Policy with Trusted Types.
import './event-log.js';
import { installFakeGooglePay } from '/dist/npm/testing/index.js';
import { api } from './dom.js';
import { mountShop } from './shop.js';
import { mountDrawer } from './drawer.js';

const root = document.documentElement;
const url = new URL(location.href);
const themeSelect = document.getElementById('theme');
const langSelect = document.getElementById('lang');
const available = document.getElementById('gpay-available');
const darkQuery = matchMedia('(prefers-color-scheme: dark)');

// --- Settings: theme, language, Google Pay availability (kept in the URL so a reload keeps it).
themeSelect.value = ['light', 'dark'].includes(localStorage.getItem('demo-theme')) ? localStorage.getItem('demo-theme') : 'system';
// The payer languages the elements speak (src/i18n), each named in itself.
const LANGUAGES = [
  'en',
  'ar',
  'bg',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'hr',
  'id',
  'it',
  'ja',
  'ko',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'ru',
  'sk',
  'sl',
  'sr',
  'sv',
  'th',
  'tr',
  'uk',
  'zh',
  'zh-TW',
];
langSelect.replaceChildren(...LANGUAGES.map((code) => new Option(new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code, code)));
langSelect.value = LANGUAGES.includes(url.searchParams.get('lang')) ? url.searchParams.get('lang') : 'en';
available.checked = url.searchParams.get('google-pay') !== 'unavailable';
root.lang = langSelect.value;

const isDark = () => themeSelect.value === 'dark' || (themeSelect.value === 'system' && darkQuery.matches);

function applyTheme() {
  if (themeSelect.value === 'system') delete root.dataset.theme;
  else root.dataset.theme = themeSelect.value;
  // Google's brand rules: the black button on light pages, the white one on dark pages.
  for (const element of payElements()) element.setAttribute('button-color', isDark() ? 'white' : 'black');
}

// `?google-pay=real` leaves Google's own pay.js (TEST environment) in charge: online only, for the
// payment-sheet screenshot Google's integration review asks for (docs/demo.md). The sandbox cannot
// open Google's TEST tokens, so those payments fail at the gateway.
const realGooglePay = url.searchParams.get('google-pay') === 'real';
const fake = realGooglePay
  ? undefined
  : installFakeGooglePay({
      ready: available.checked,
      payer: { name: 'Jan Kowalski', email: 'jan.kowalski@example.com' },
      // Google's sheet, drawn by the fake: the payer picks one of these sandbox test cards.
      sheet: true,
      wallet: [
        { card: '4111111111111111', label: 'Test card: approved' },
        { card: '5555555555554444', label: 'Test card: approved' },
        { card: '5105105105105100', label: 'Test card: declined by the issuer' },
        { card: '4000000000003220', label: 'Test card: 3-D Secure challenge at Feennex' },
      ],
    });

// For the browser console and the e2e tests: `fakeGooglePay.setOptions({ card: '4000000000003220' })`.
globalThis.fakeGooglePay = fake;

const payElements = () => [document.getElementById('paytool'), document.getElementById('feennex')];
applyTheme();

// The sandbox decrypts tokens sealed for its own merchant ids: the Fenige Gateway Merchant Id, the
// Feennex shop id. In production these come from the gateway's merchant panel.
const config = await api('/config');
const merchantIds = { paytool: config.fenige.gatewayMerchantId, feennex: config.feennex.gatewayMerchantId };

await import('/dist/paytool.js');

function setData(order) {
  const locked = order.status !== 'open' || order.total === 0;
  for (const element of payElements()) {
    element.disabled = locked;
    // A paid order keeps the data it was paid with: new data would start a new payment. A page
    // opened on the way back from 3-D Secure or the hosted page still gives the order's data, since
    // the element confirms a return only for the amount and currency it started with.
    if (!locked || (order.total > 0 && !element.data)) {
      element.data = {
        apiKey: merchantIds[element.id],
        amount: order.total,
        currencyCode: order.currency,
        description: order.description,
        merchantName: 'Demo Shop',
        countryCode: 'PL',
      };
    }
  }
}

/** A fresh element asks Google Pay again whether it can pay: how a payer without Google Pay meets the page. */
function remountElements() {
  for (const old of payElements()) {
    const fresh = document.createElement(old.localName);
    for (const { name, value } of old.attributes) if (name !== 'state') fresh.setAttribute(name, value);
    fresh.nonce = old.nonce; // the attribute reads empty once a CSP applies; the property keeps it
    fresh.disabled = old.disabled;
    if (old.data) fresh.data = old.data;
    old.replaceWith(fresh);
  }
}

themeSelect.addEventListener('change', () => {
  localStorage.setItem('demo-theme', themeSelect.value);
  applyTheme();
});
darkQuery.addEventListener('change', applyTheme);

langSelect.addEventListener('change', () => {
  root.lang = langSelect.value;
  url.searchParams.set('lang', langSelect.value);
  history.replaceState(history.state, '', url);
});

available.disabled = realGooglePay;
available.addEventListener('change', () => {
  fake?.setOptions({ ready: available.checked });
  if (available.checked) url.searchParams.delete('google-pay');
  else url.searchParams.set('google-pay', 'unavailable');
  history.replaceState(history.state, '', url);
  remountElements();
  applyTheme();
});

mountDrawer();
const shop = mountShop({ catalogue: config.shop.catalogue, freeShippingFrom: config.shop.freeShippingFrom, onOrder: setData });
await shop.start();
document.addEventListener('payment-success', () => void shop.refresh());

try {
  const { mountMerchantPanel } = await import('./merchant-panel.js');
  mountMerchantPanel(document.getElementById('merchant-panel'));
} catch (error) {
  document.getElementById('merchant-panel').textContent = `Merchant panel unavailable: ${error.message}`;
}
root.dataset.ready = 'true';
