/**
 * The fake's visible payment sheet (option `sheet: true`): Google's sheet as a payer sees it — the
 * merchant and total, the cards in the payer's wallet, a Pay button, progress while the merchant
 * authorises, and the merchant's decline message in the sheet so the payer can pick another card.
 * A modal dialog in its own shadow root, styled through a constructed stylesheet (no `<style>`,
 * no `innerHTML`: it runs under a strict CSP with Trusted Types).
 */
import { googlePayMark } from './google-logo.js';
import { SHEET_CSS } from './sheet.styles.js';

export interface SheetCard {
  /** e.g. "Visa •••• 1111". */
  label: string;
  network: string;
  /** A second line, e.g. what the sandbox does with the card. */
  hint?: string;
}

export interface SheetView {
  merchantName?: string;
  totalPrice?: string;
  currencyCode?: string;
  email: string;
  cards: SheetCard[];
  /** The card selected when the sheet opens. */
  selected: number;
}

export interface FakeSheet {
  /** Waits for the payer: the index of the card they paid with, or `undefined` once they closed the sheet. */
  choose(): Promise<number | undefined>;
  /** The merchant is authorising: a spinner, nothing to press. */
  processing(): void;
  /** The merchant declined: its message in the sheet, the cards and Pay again. */
  declined(message: string): void;
  /** Approved: a short confirmation, then the sheet closes. */
  succeeded(): Promise<void>;
  close(): void;
}

let stylesheet: CSSStyleSheet | undefined;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
};

function formatTotal(totalPrice: string | undefined, currencyCode: string | undefined): string {
  if (!totalPrice || !currencyCode) return totalPrice ?? '';
  try {
    const format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'currency', currency: currencyCode });
    return format.format(totalPrice as unknown as number); // a decimal string is formatted exactly
  } catch {
    return `${currencyCode} ${totalPrice}`;
  }
}

const prefersDark = () =>
  getComputedStyle(document.documentElement).colorScheme.split(' ')[0] === 'dark' ||
  (getComputedStyle(document.documentElement).colorScheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches);

export function openFakeSheet(view: SheetView): FakeSheet {
  const host = el('div');
  host.dataset.fakeGooglePaySheet = '';
  const root = host.attachShadow({ mode: 'open' });
  stylesheet ??= new CSSStyleSheet();
  if (!stylesheet.cssRules.length) stylesheet.replaceSync(SHEET_CSS);
  root.adoptedStyleSheets = [stylesheet];

  const scrim = el('div', 'scrim');
  const sheet = el('div', `sheet${prefersDark() ? ' dark' : ''}`);
  sheet.setAttribute('role', 'dialog');
  sheet.setAttribute('aria-modal', 'true');
  sheet.setAttribute('aria-label', 'Google Pay');

  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  const avatar = el('span', 'avatar', view.email.slice(0, 1).toUpperCase());
  avatar.setAttribute('aria-hidden', 'true');
  const account = el('span', 'account');
  account.append(avatar, el('span', '', view.email));
  const header = el('div', 'head');
  header.append(googlePayMark('mark', 22), account, close);

  const merchant = el('div', 'merchant');
  const total = el('div', 'total');
  total.append(el('small', '', 'Total'), el('strong', '', formatTotal(view.totalPrice, view.currencyCode)));
  merchant.append(el('h2', '', view.merchantName || 'Merchant'), total);

  const methods = el('fieldset');
  methods.append(el('legend', '', 'Payment method'));
  const radios = view.cards.map((card, index) => {
    const row = el('label', 'card');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = 'card';
    radio.value = String(index);
    radio.checked = index === view.selected;
    const network = card.network.toLowerCase();
    const brand = el('span', `brand ${network}`, network === 'visa' ? 'VISA' : '');
    brand.setAttribute('aria-hidden', 'true');
    const text = el('span', 'text');
    text.append(el('span', '', card.label));
    if (card.hint) text.append(el('span', 'hint', card.hint));
    row.append(radio, brand, text);
    methods.append(row);
    return radio;
  });

  const error = el('div', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const pay = el('button', 'pay', 'Pay');
  pay.type = 'button';
  const progress = el('div', 'progress');
  progress.setAttribute('role', 'status');
  const footer = el('div', 'footer');
  footer.append(pay, progress);
  const fine = el('p', 'fine', 'Test sheet from paytool-elements/testing: no real card is charged.');
  sheet.append(header, merchant, methods, error, footer, fine);
  root.append(scrim, sheet);

  const opener = document.activeElement as HTMLElement | null;
  document.body.append(host);
  let answer: ((index: number | undefined) => void) | undefined;
  let busy = false;

  const setBusy = (value: boolean) => {
    busy = value;
    pay.hidden = value;
    close.disabled = value;
    for (const radio of radios) radio.disabled = value;
  };
  const selected = () =>
    Math.max(
      0,
      radios.findIndex((radio) => radio.checked),
    );
  const finish = (index: number | undefined) => {
    answer?.(index);
    answer = undefined;
  };
  const dismiss = () => {
    if (!busy) finish(undefined);
  };

  pay.addEventListener('click', () => finish(selected()));
  close.addEventListener('click', dismiss);
  scrim.addEventListener('click', dismiss);
  sheet.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return dismiss();
    if (event.key !== 'Tab') return;
    // Keep focus inside the modal sheet.
    const focusable = [close, ...radios.filter((r) => r.checked), pay].filter((node) => !node.hidden && !node.disabled);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && root.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && root.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  pay.focus();

  const sheetApi: FakeSheet = {
    choose() {
      setBusy(false);
      progress.replaceChildren();
      return new Promise((resolve) => {
        answer = resolve;
        pay.focus();
      });
    },
    processing() {
      error.hidden = true;
      setBusy(true);
      progress.replaceChildren(el('span', 'spinner'), el('span', '', 'Processing…'));
    },
    declined(message) {
      error.textContent = message;
      error.hidden = false;
      setBusy(false);
      progress.replaceChildren();
    },
    async succeeded() {
      progress.replaceChildren(el('span', 'done', '✓ Done'));
      await new Promise((resolve) => setTimeout(resolve, 600));
      sheetApi.close();
    },
    close() {
      finish(undefined);
      if (!host.isConnected) return;
      host.remove();
      if (opener?.isConnected) opener.focus();
    },
  };
  return sheetApi;
}
