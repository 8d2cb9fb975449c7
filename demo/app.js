// The demo page: a fake Google Pay client (offline), both elements from dist/paytool.js, live
// data editing, an event log and the merchant panel. No inline scripts: the page runs under a
// strict Content-Security-Policy.
import { installFakeGooglePay } from '/dist/npm/testing/index.js';

const fake = installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
await import('/dist/paytool.js');

const form = document.getElementById('order');
const elements = [document.getElementById('paytool'), document.getElementById('feennex')];
const log = document.getElementById('log');

// The sandbox decrypts tokens sealed for its own merchant ids: the Fenige Gateway Merchant Id, the Feennex shop id.
const config = await fetch('/demo-api/config').then((r) => r.json()).catch(() => ({}));
const gatewayMerchantIds = {
  paytool: config.fenige?.gatewayMerchantId,
  feennex: config.feennex?.gatewayMerchantId,
};

const TEST_CARDS = [
  ['4111111111111111', 'Visa — approved'],
  ['5555555555554444', 'Mastercard — approved'],
];

async function loadTestCards() {
  const select = document.getElementById('card');
  let cards = TEST_CARDS;
  try {
    const res = await fetch('/demo-api/test-cards');
    if (res.ok) cards = (await res.json()).map((c) => [c.pan, `${c.label ?? c.outcome ?? ''}`.trim() || c.pan]);
  } catch {
    // the static list above is enough to pay
  }
  select.replaceChildren(...cards.map(([pan, label]) => new Option(`${pan} — ${label}`.replace(/ — $/, ''), pan)));
}

function currentData() {
  const f = new FormData(form);
  return {
    apiKey: 'pk_sandbox_demo',
    amount: Number(f.get('amount')),
    currencyCode: String(f.get('currencyCode')),
    description: String(f.get('description')),
    merchantName: 'Demo Shop',
  };
}

function apply() {
  const data = currentData();
  const f = new FormData(form);
  fake.setOptions({ card: String(f.get('card') || '4111111111111111'), action: String(f.get('action')) });
  document.documentElement.lang = String(f.get('lang'));
  document.documentElement.dataset.theme = String(f.get('theme'));
  for (const el of elements) {
    const gatewayMerchantId = gatewayMerchantIds[el.id];
    el.data = gatewayMerchantId ? { ...data, gatewayMerchantId } : data;
  }
  const price = document.getElementById('price');
  try {
    price.value = formatMinor(data.amount, data.currencyCode);
  } catch {
    price.value = `${data.amount} ${data.currencyCode}`;
  }
}

function formatMinor(amount, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const units = String(amount).padStart(digits + 1, '0');
  return `${digits ? `${units.slice(0, -digits)}.${units.slice(-digits)}` : units} ${currency}`;
}

function record(event) {
  const item = document.createElement('li');
  const source = event.target.localName;
  item.textContent = `${new Date().toLocaleTimeString()} <${source}> ${event.type} ${JSON.stringify(event.detail)}`;
  log.prepend(item);
}

for (const type of ['payment-ready', 'payment-unavailable', 'payment-cancel', 'payment-success', 'payment-failure', 'payment-error', 'payment-redirect']) {
  document.addEventListener(type, record);
}

form.addEventListener('input', apply);
form.addEventListener('change', apply);
await loadTestCards();
apply();

try {
  const { mountMerchantPanel } = await import('./merchant-panel.js');
  mountMerchantPanel(document.getElementById('merchant-panel'));
} catch (error) {
  document.getElementById('merchant-panel').textContent = `Merchant panel unavailable: ${error.message}`;
}
