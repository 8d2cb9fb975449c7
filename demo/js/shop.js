// The cart and the order summary. The server owns the order: the page sends which products and
// how many, and shows the lines, shipping and total the server priced.
import { api, h, money, send } from './dom.js';

const ORDER_KEY = 'demo-shop-order';
const FIRST_CART = [
  { sku: 'beans-250', quantity: 2 },
  { sku: 'filters-100', quantity: 1 },
];

/** Renders the cart into the page and calls `onOrder(order)` whenever the server's order changes. */
export function mountShop({ catalogue, freeShippingFrom, onOrder }) {
  const linesList = document.getElementById('cart-lines');
  const suggestions = document.getElementById('suggestions');
  const paid = document.getElementById('paid');
  const pay = document.getElementById('pay');
  let order;
  let pending = Promise.resolve();

  const product = (sku) => catalogue.find((p) => p.sku === sku);

  function show(next) {
    order = next;
    sessionStorage.setItem(ORDER_KEY, order.id);
    render();
    onOrder(order);
  }

  /** Changes go to the server one at a time, in the order the payer made them. */
  function change(lines) {
    pending = pending.then(() => send('PUT', `/orders/${order.id}`, { lines }).then(show, (error) => say(`Could not update the cart — ${error.message}`)));
    return pending;
  }

  const linesWith = (sku, quantity) => {
    const lines = order.lines.map(({ sku: s, quantity: q }) => ({ sku: s, quantity: q }));
    const line = lines.find((l) => l.sku === sku);
    if (line) line.quantity = quantity;
    else lines.push({ sku, quantity });
    return lines.filter((l) => l.quantity > 0);
  };

  function say(text) {
    paid.replaceChildren(h('p', { class: 'notice bad' }, text));
  }

  function lineItem(line) {
    const p = product(line.sku);
    const open = order.status === 'open';
    const stepper = open
      ? h(
          'div',
          { class: 'stepper', role: 'group', 'aria-label': `Quantity of ${line.name}` },
          h(
            'button',
            { type: 'button', class: 'icon', 'aria-label': `One less ${line.name}`, onclick: () => change(linesWith(line.sku, line.quantity - 1)) },
            '−',
          ),
          h('output', { 'aria-live': 'off' }, String(line.quantity)),
          h(
            'button',
            {
              type: 'button',
              class: 'icon',
              'aria-label': `One more ${line.name}`,
              disabled: line.quantity >= 20,
              onclick: () => change(linesWith(line.sku, line.quantity + 1)),
            },
            '+',
          ),
        )
      : h('span', { class: 'muted' }, `× ${line.quantity}`);
    return h(
      'li',
      { class: 'line' },
      h('img', { src: p?.image, alt: '', width: 56, height: 56 }),
      h(
        'div',
        { class: 'line-text' },
        h('strong', {}, line.name),
        h('span', { class: 'muted small' }, `${p?.detail ?? ''} · ${money(line.unitPrice, order.currency)}`),
      ),
      stepper,
      h('span', { class: 'line-total' }, money(line.total, order.currency)),
    );
  }

  function render() {
    const open = order.status === 'open';
    linesList.replaceChildren(...(order.lines.length ? order.lines.map(lineItem) : [h('li', { class: 'empty muted' }, 'Your cart is empty.')]));
    const missing = open ? catalogue.filter((p) => !order.lines.some((l) => l.sku === p.sku)) : [];
    suggestions.replaceChildren(
      ...(missing.length
        ? [
            h('h2', { class: 'small-title' }, 'Add to your order'),
            h(
              'ul',
              { class: 'lines' },
              missing.map((p) =>
                h(
                  'li',
                  { class: 'line suggestion' },
                  h('img', { src: p.image, alt: '', width: 40, height: 40 }),
                  h(
                    'div',
                    { class: 'line-text' },
                    h('strong', {}, p.name),
                    h('span', { class: 'muted small' }, `${p.detail} · ${money(p.price, order.currency)}`),
                  ),
                  h('button', { type: 'button', class: 'button secondary', 'aria-label': `Add ${p.name}`, onclick: () => change(linesWith(p.sku, 1)) }, 'Add'),
                ),
              ),
            ),
          ]
        : []),
    );
    document.getElementById('order-ref').textContent = order.id;
    document.getElementById('subtotal').textContent = money(order.subtotal, order.currency);
    document.getElementById('shipping').textContent = order.shipping ? money(order.shipping, order.currency) : 'Free';
    document.getElementById('total').textContent = money(order.total, order.currency);
    const toFree = freeShippingFrom - order.subtotal;
    document.getElementById('shipping-note').textContent =
      open && order.subtotal > 0 && toFree > 0 ? `Add ${money(toFree, order.currency)} more for free shipping.` : '';
    pay.hidden = !open || order.total === 0;
    if (open) paid.replaceChildren();
    else {
      paid.replaceChildren(
        h('p', { class: 'notice good' }, h('strong', {}, 'Thank you! '), `Order ${order.id} is paid. A confirmation is on its way.`),
        h('button', { type: 'button', class: 'button', onclick: () => void startNew() }, 'Start a new order'),
      );
    }
  }

  async function startNew() {
    show(await send('POST', '/orders', { lines: FIRST_CART }));
  }

  return {
    async start() {
      const saved = sessionStorage.getItem(ORDER_KEY);
      const existing = saved ? await api(`/orders/${encodeURIComponent(saved)}`).catch(() => undefined) : undefined;
      if (existing) show(existing);
      else await startNew();
    },
    /** Asks the server again (after a payment): it knows whether the order is paid. */
    async refresh() {
      await pending;
      show(await api(`/orders/${order.id}`));
    },
    get order() {
      return order;
    },
  };
}
