// The shop's back office: what a merchant does after the payment, through its own backend
// (/demo-api on demo/server.ts, which calls the real FenigeClient and FeennexClient against the
// sandboxes). Each payment offers only the actions its state allows (the server says which).
import { api, h, money, send, toMinor } from './dom.js';
import { feedEntry } from './drawer.js';

const shortId = (id) => `${String(id).slice(0, 8)}…`;
const STATE_TONE = { SUCCESS: 'good', SUCCESS_WAITING_FOR_CLEARING: 'info', FAILURE: 'bad', REVERSED: 'warn', REFUNDED: 'warn', IN_PROGRESS: 'info' };
const STATE_LABEL = {
  SUCCESS_WAITING_FOR_CLEARING: 'Authorised',
  SUCCESS: 'Cleared',
  FAILURE: 'Declined',
  REVERSED: 'Reversed',
  REFUNDED: 'Refunded',
  IN_PROGRESS: 'In progress',
};

/** A table that becomes a list of cards on narrow screens (each cell carries its column's label). */
function table(caption, headers, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h(
    'table',
    { class: 'responsive' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((text) => h('th', { scope: 'col' }, text)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        h(
          'tr',
          {},
          cells.map((cell, i) => h('td', { 'data-label': headers[i] }, cell)),
        ),
      ),
    ),
  );
}

const pill = (text, tone) => h('span', { class: `pill ${tone ?? ''}` }, text);

/**
 * Renders the back office into `container` and keeps it current: after every payment outcome on
 * the page and every verified notification in the backend feed.
 */
export function mountMerchantPanel(container) {
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'merchant-status muted' });
  const fenigeRegion = h('div', { id: 'mp-fenige' });
  const feennexRegion = h('div', { id: 'mp-feennex' });
  const balanceRegion = h('div', { id: 'mp-balance' });
  const details = h('pre', { id: 'mp-details', class: 'details', tabindex: '0', 'aria-label': 'Gateway answer', hidden: true });
  const feed = document.getElementById('backend-feed');
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

  function showAnswer(result) {
    details.hidden = false;
    details.textContent = JSON.stringify(result, null, 2);
  }

  function fenigeActions(tx) {
    const name = tx.order ?? shortId(tx.transactionId);
    const buttons = [];
    if (tx.actions.includes('clear')) {
      buttons.push(
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            'aria-label': `Clear ${money(tx.amount, tx.currency)} of ${name}`,
            onclick: () => act('Clear', () => send('POST', `/fenige/${tx.transactionId}/clear`, { amount: tx.amount })),
          },
          'Clear',
        ),
      );
    }
    if (tx.actions.includes('reverse')) {
      buttons.push(
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary',
            'aria-label': `Reverse ${name}`,
            onclick: () => act('Reverse', () => send('POST', `/fenige/${tx.transactionId}/reverse`)),
          },
          'Reverse',
        ),
      );
    }
    if (tx.actions.includes('refund')) {
      const input = h('input', {
        type: 'text',
        inputmode: 'decimal',
        size: 7,
        value: money(tx.refundable, tx.currency).split(' ')[0],
        'aria-label': `Amount to refund of ${name} (${tx.currency})`,
      });
      buttons.push(
        h(
          'form',
          {
            class: 'inline-form',
            onsubmit: (event) => {
              event.preventDefault();
              const amount = toMinor(input.value, tx.currency);
              if (!amount || amount > tx.refundable) return say(`Refund: enter an amount from 0.01 to ${money(tx.refundable, tx.currency)}`);
              void act('Refund', () => send('POST', `/fenige/${tx.transactionId}/refund`, { amount }));
            },
          },
          input,
          h('button', { type: 'submit', class: 'button small secondary', 'aria-label': `Refund ${name}` }, 'Refund'),
        ),
      );
    }
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          class: 'button small ghost',
          'aria-label': `Details of ${name}`,
          onclick: () => act('Details', async () => showAnswer(await api(`/fenige/${tx.transactionId}/details`))),
        },
        'Details',
      ),
    );
    return h('div', { class: 'actions' }, buttons);
  }

  const fenigeRow = (tx) => [
    tx.order ?? h('span', { class: 'muted' }, 'example'),
    h('code', { title: tx.transactionId }, shortId(tx.transactionId)),
    tx.cardLast4 ? `${tx.cardNetwork ?? ''} •••• ${tx.cardLast4}` : tx.source,
    pill(`${STATE_LABEL[tx.state] ?? tx.state}${tx.errorCode ? ` ${tx.errorCode}` : ''}`, STATE_TONE[tx.state]),
    money(tx.amount, tx.currency),
    money(tx.clearedAmount, tx.currency),
    money(tx.refundedAmount, tx.currency),
    fenigeActions(tx),
  ];

  const feennexRow = (invoice) => [
    invoice.order ?? h('span', { class: 'muted' }, 'example'),
    h('code', { title: invoice.shopOrderId }, shortId(invoice.shopOrderId)),
    pill(invoice.statusName, invoice.statusName === 'success' ? 'good' : invoice.statusName === 'rejected' ? 'bad' : 'info'),
    `${invoice.amount} ${invoice.currency}`,
    invoice.payway ?? invoice.type,
    h(
      'button',
      {
        type: 'button',
        class: 'button small ghost',
        'aria-label': `Status of ${invoice.order ?? shortId(invoice.shopOrderId)}`,
        onclick: () => act('Status', async () => showAnswer(await api(`/feennex/status/${invoice.shopOrderId}`))),
      },
      'Status',
    ),
  ];

  async function refresh() {
    try {
      const [transactions, balance] = await Promise.all([api('/transactions'), api('/feennex/balance')]);
      fenigeRegion.replaceChildren(
        table(
          'Fenige payments',
          ['Order', 'Transaction', 'Card', 'State', 'Authorised', 'Cleared', 'Refunded', 'Actions'],
          [...transactions.fenige].reverse().map(fenigeRow),
          'No Fenige payments yet.',
        ),
      );
      feennexRegion.replaceChildren(
        table(
          'Feennex payments',
          ['Order', 'Payment', 'Status', 'Amount', 'Payway', 'Actions'],
          [...transactions.feennex].reverse().map(feennexRow),
          'No Feennex payments yet.',
        ),
      );
      const balances = balance.balances.filter((b) => b.available?.minor || b.hold?.minor);
      balanceRegion.replaceChildren(
        balances.length
          ? h(
              'dl',
              { class: 'balances' },
              balances.flatMap((b) => [
                h('dt', {}, b.currency),
                h('dd', {}, `${b.available?.decimal ?? '0'} available${b.hold?.minor ? ` · ${b.hold.decimal} on hold` : ''}`),
              ]),
            )
          : h('p', { class: 'muted' }, 'Feennex balance: nothing yet.'),
      );
    } catch (error) {
      say(`Could not load the merchant data — ${error.message}`);
    }
    container.dataset.loaded = 'true';
  }

  function describe(item) {
    const id = item.order ?? (item.transactionId ? shortId(item.transactionId) : '');
    if (item.source === 'checkout') {
      const answer = [item.httpStatus && `HTTP ${item.httpStatus}`, item.outcome, item.code].filter(Boolean).join(' ');
      return `${item.gateway} ${item.type} ${id} → ${answer}${item.idempotency ? ` (${item.idempotency})` : ''}`;
    }
    if (item.source === 'shop') return `${item.action} ${item.order} (${money(item.total, item.currency)})`;
    if (item.source === 'merchant') return `${item.action} ${id || item.id || ''}${item.status !== undefined ? ` → status ${item.status}` : ''}`;
    const what = item.state ?? item.status ?? item.error ?? '';
    return `${id} ${what}${item.verified ? ' — signature verified' : ''}`;
  }

  const events = new EventSource('/demo-api/events');
  events.addEventListener('message', (event) => {
    const item = JSON.parse(event.data);
    feed.prepend(feedEntry(item, describe(item)));
    if (item.source !== 'checkout' && item.source !== 'shop') void refresh();
  });

  const onPayment = () => void refresh();
  document.addEventListener('payment-success', onPayment);
  document.addEventListener('payment-failure', onPayment);

  container.replaceChildren(
    status,
    h('h3', {}, 'Fenige Payment Hub'),
    h('p', { class: 'muted small' }, 'Payments are authorised first: clear (capture) or reverse them; refund what was cleared.'),
    fenigeRegion,
    h('h3', {}, 'Feennex'),
    feennexRegion,
    balanceRegion,
    details,
  );
  void refresh();

  return () => {
    events.close();
    document.removeEventListener('payment-success', onPayment);
    document.removeEventListener('payment-failure', onPayment);
  };
}
