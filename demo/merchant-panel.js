// The demo's merchant back office: what a shop does after the payment, through its own backend
// (/demo-api on demo/server.ts, which calls the real FenigeClient and FeennexClient against the
// sandboxes). Plain DOM, no innerHTML (the page enforces Trusted Types), no inline styles.

const API = '/demo-api';

/** `h('button', { type: 'button', onclick }, 'Clear')` → an element; `on*` keys become listeners. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return element;
}

async function api(path, init) {
  const response = await fetch(`${API}${path}`, {
    ...init,
    headers: init?.body ? { 'Content-Type': 'application/json' } : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error ?? {};
    throw new Error([error.code, error.message ?? `HTTP ${response.status}`].filter(Boolean).join(': '));
  }
  return body;
}

const post = (path, body = {}) => api(path, { method: 'POST', body: JSON.stringify(body) });

function minorToText(amount, currency) {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    const units = String(amount).padStart(digits + 1, '0');
    return `${digits ? `${units.slice(0, -digits)}.${units.slice(-digits)}` : units} ${currency}`;
  } catch {
    return `${amount} ${currency}`;
  }
}

const time = (value) => new Date(value).toLocaleTimeString();
const shortId = (id) => `${String(id).slice(0, 8)}…`;

function table(caption, headers, rows, empty) {
  if (!rows.length) return h('p', {}, empty);
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows),
  );
}

/**
 * Renders the merchant panel into `container` and keeps it current: it refreshes after every
 * `payment-success` / `payment-failure` on the page and shows the backend's feed (verified
 * notifications, checkout events) live. Returns a function that stops it.
 */
export function mountMerchantPanel(container) {
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'merchant-status' });
  const amountInput = h('input', { id: 'mp-amount', type: 'number', min: '1', step: '1', inputmode: 'numeric' });
  const fenigeRegion = h('div', { id: 'mp-fenige' });
  const feennexRegion = h('div', { id: 'mp-feennex' });
  const payoutsRegion = h('div', { id: 'mp-payouts' });
  const balanceRegion = h('div', { id: 'mp-balance' });
  const details = h('pre', { id: 'mp-details', tabindex: '0', 'aria-label': 'Transaction details' });
  const feed = h('ol', { class: 'log', 'aria-label': 'Backend events, newest first' });

  const say = (message) => (status.textContent = message);

  async function act(label, run) {
    say(`${label}…`);
    try {
      const result = await run();
      say(`${label}: done.`);
      await refresh();
      return result;
    } catch (error) {
      say(`${label} failed — ${error.message}`);
      return undefined;
    }
  }

  const amountOr = (fallback) => {
    const value = amountInput.valueAsNumber;
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };

  function fenigeRow(tx) {
    const id = tx.transactionId;
    const button = (text, run) => h('button', { type: 'button', 'aria-label': `${text} ${id}`, onclick: run }, text);
    return h(
      'tr',
      {},
      h('td', {}, h('code', { title: id }, shortId(id))),
      h('td', {}, tx.state, tx.errorCode ? ` (${tx.errorCode})` : ''),
      h('td', {}, minorToText(tx.amount, tx.currency)),
      h('td', {}, tx.cardLast4 ? `${tx.cardNetwork ?? ''} •••• ${tx.cardLast4}` : tx.source),
      h('td', {}, time(tx.createdAt)),
      h(
        'td',
        { class: 'actions' },
        button('Details', () => act('Details', async () => (details.textContent = JSON.stringify(await api(`/fenige/${id}/details`), null, 2)))),
        button('Clear', () => act('Clear', () => post(`/fenige/${id}/clear`, { amount: amountOr(tx.amount) }))),
        button('Reverse', () => act('Reverse', () => post(`/fenige/${id}/reverse`))),
        button('Refund', () => act('Refund', () => post(`/fenige/${id}/refund`, { amount: amountOr(tx.amount - (tx.refundedAmount ?? 0)) }))),
      ),
    );
  }

  const feennexRow = (invoice) =>
    h(
      'tr',
      {},
      h('td', {}, h('code', { title: invoice.shopOrderId }, shortId(invoice.shopOrderId))),
      h('td', {}, `${invoice.statusName} (${invoice.status})`),
      h('td', {}, `${invoice.amount} ${invoice.currency}`),
      h('td', {}, invoice.payway ?? invoice.type),
      h('td', {}, time(invoice.created)),
    );

  const payoutForm = h(
    'form',
    {
      class: 'grid',
      'aria-label': 'Feennex payout to a test card',
      onsubmit: (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        act('Payout', () =>
          post('/feennex/payout', { amount: Number(form.get('amount')), currency: String(form.get('currency')), card: String(form.get('card')) }),
        );
      },
    },
    h('label', {}, 'Amount (minor units) ', h('input', { name: 'amount', type: 'number', min: '1', step: '1', value: '500', required: true })),
    h('label', {}, 'Currency ', h('select', { name: 'currency' }, ['PLN', 'EUR', 'USD'].map((c) => h('option', {}, c)))),
    h(
      'label',
      {},
      'Card ',
      h(
        'select',
        { name: 'card' },
        h('option', { value: '4111111111111111' }, '4111 1111 1111 1111 — pays out'),
        h('option', { value: '4000000000001315' }, '4000 0000 0000 1315 — no such card'),
        h('option', { value: '4000000000001414' }, '4000 0000 0000 1414 — card blocked'),
      ),
    ),
    h('button', { type: 'submit' }, 'Pay out'),
  );

  async function refresh() {
    try {
      const [transactions, balance] = await Promise.all([api('/transactions'), api('/feennex/balance')]);
      const fenigeRows = [...transactions.fenige].reverse().map(fenigeRow);
      fenigeRegion.replaceChildren(
        table('Fenige transactions (sandbox)', ['Transaction', 'State', 'Amount', 'Card', 'Created', 'Actions'], fenigeRows, 'No Fenige transactions yet.'),
      );
      const invoiceRows = [...transactions.feennex].reverse().map(feennexRow);
      feennexRegion.replaceChildren(
        table('Feennex invoices (sandbox)', ['Order', 'Status', 'Amount', 'Payway', 'Created'], invoiceRows, 'No Feennex invoices yet.'),
      );
      const payoutRows = [...transactions.payouts].reverse().map((p) =>
        h('tr', {}, h('td', {}, String(p.id)), h('td', {}, `${p.statusName} (${p.status})`), h('td', {}, `${p.writeOff} ${p.shopCurrency}`), h('td', {}, p.account), h('td', {}, time(p.created))),
      );
      payoutsRegion.replaceChildren(table('Feennex payouts (sandbox)', ['Payout', 'Status', 'Amount', 'Account', 'Created'], payoutRows, 'No payouts yet.'));
      balanceRegion.replaceChildren(
        h(
          'dl',
          {},
          balance.balances.flatMap((b) => [
            h('dt', {}, b.currency),
            h('dd', {}, `${b.available?.decimal ?? '0'} available${b.hold?.minor ? `, ${b.hold.decimal} on hold` : ''}`),
          ]),
        ),
      );
    } catch (error) {
      say(`Could not load the merchant data — ${error.message}`);
    }
  }

  function describe(item) {
    const id = item.transactionId ? shortId(item.transactionId) : '';
    if (item.source === 'checkout') {
      const answer = [item.httpStatus && `HTTP ${item.httpStatus}`, item.outcome, item.code].filter(Boolean).join(' ');
      return `checkout ${item.type} ${id} → ${answer}${item.idempotency ? ` (${item.idempotency})` : ''}`;
    }
    if (item.source === 'merchant') {
      return `merchant ${item.action} ${id || item.id || ''}${item.status !== undefined ? ` → status ${item.status}` : ''}`;
    }
    const what = item.state ?? item.status ?? item.error ?? '';
    return `${item.source} ${id} ${what}${item.verified ? ' — signature verified' : ''}`;
  }

  function showFeedItem(item) {
    feed.prepend(h('li', {}, `${time(item.at)} ${describe(item)}`));
    document.dispatchEvent(new CustomEvent('merchant-notification', { detail: item }));
    if (item.source !== 'checkout') void refresh();
  }

  const events = new EventSource(`${API}/events`);
  events.addEventListener('message', (event) => showFeedItem(JSON.parse(event.data)));

  const onPayment = () => void refresh();
  document.addEventListener('payment-success', onPayment);
  document.addEventListener('payment-failure', onPayment);

  container.replaceChildren(
    status,
    h('h3', {}, 'Fenige'),
    h('p', {}, h('label', { for: 'mp-amount' }, 'Amount for Clear / Refund (minor units; empty = the whole amount) '), amountInput),
    fenigeRegion,
    details,
    h('h3', {}, 'Feennex'),
    feennexRegion,
    h('h4', {}, 'Balance'),
    balanceRegion,
    h('h4', {}, 'Payout'),
    payoutForm,
    payoutsRegion,
    h('h3', {}, 'Backend events and notifications'),
    feed,
  );
  void refresh();

  return () => {
    events.close();
    document.removeEventListener('payment-success', onPayment);
    document.removeEventListener('payment-failure', onPayment);
  };
}
