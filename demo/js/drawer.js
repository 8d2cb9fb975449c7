// The developer drawer: element events (demo/js/event-log.js) and the backend feed, side by side
// with the shop. Closes with Escape or its Close button and gives focus back to its toggle.
import { h } from './dom.js';

export function mountDrawer() {
  const drawer = document.getElementById('dev-drawer');
  const toggle = document.getElementById('dev-toggle');
  const close = document.getElementById('dev-close');

  function setOpen(open) {
    drawer.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('drawer-open', open);
    if (open) close.focus();
    else toggle.focus();
  }

  toggle.addEventListener('click', () => setOpen(drawer.hidden));
  close.addEventListener('click', () => setOpen(false));
  drawer.addEventListener('keydown', (event) => event.key === 'Escape' && setOpen(false));
  if (new URL(location.href).searchParams.get('drawer') === 'open') setOpen(true);
  return { setOpen };
}

/** One backend feed item as a line of the drawer. */
export function feedEntry(item, text) {
  return h(
    'li',
    {
      class: `entry ${item.outcome === 'failure' || item.error ? 'bad' : item.outcome === 'success' || item.verified ? 'good' : ''}`,
      'data-source': item.source,
    },
    h('div', {}, h('strong', {}, item.source), h('span', { class: 'muted' }, ` ${new Date(item.at).toLocaleTimeString()}`)),
    h('code', {}, text),
  );
}
