// The developer drawer's event log. This module runs before the elements are even loaded (it is
// the page's first script), so it hears every event, including a `payment-unavailable` fired the
// moment an element connects.

const EVENTS = ['payment-ready', 'payment-unavailable', 'payment-cancel', 'payment-success', 'payment-failure', 'payment-error', 'payment-redirect'];
const TONES = { 'payment-success': 'good', 'payment-failure': 'bad', 'payment-error': 'bad', 'payment-unavailable': 'warn', 'payment-cancel': 'warn' };

const list = document.getElementById('event-log');
const count = document.getElementById('event-count');
let seen = 0;

function record(event) {
  const item = document.createElement('li');
  item.className = `entry ${TONES[event.type] ?? ''}`;
  item.dataset.type = event.type;
  item.dataset.element = event.target.id;
  const head = document.createElement('div');
  const type = document.createElement('strong');
  type.textContent = event.type;
  const source = document.createElement('span');
  source.className = 'muted';
  source.textContent = ` <${event.target.localName}> ${new Date().toLocaleTimeString()}`;
  head.append(type, source);
  const detail = document.createElement('code');
  detail.textContent = JSON.stringify(event.detail);
  item.append(head, detail);
  list.prepend(item);
  count.textContent = String(++seen);
}

for (const type of EVENTS) document.addEventListener(type, record);
