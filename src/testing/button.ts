/**
 * The fake's `createButton`: Google's button as pay.js draws it — black (or white) with "Pay with"
 * and the G Pay mark — as a `<div>` holding a `<button>` whose text reads "Pay with Google Pay". Its styles
 * go in a `<style>` added once per root (the `buttonRootNode`, else the document head) as pay.js
 * does, carrying the client's `nonce`; no inline `style` attributes, so it runs under a strict CSP.
 */
import { googleG } from './google-logo.js';
import type { ButtonOptions } from './types.js';

const CSS = `
.fake-gpay-container { display: inline-block; min-width: 150px; height: 40px; }
.fake-gpay-container.fill { display: block; width: 100%; }
.fake-gpay-button { position: relative; box-sizing: border-box; width: 100%; height: 100%; min-height: 40px; padding: 0 20px;
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; border-radius: 4px;
  font: 500 15px/1 'Google Sans', Roboto, system-ui, -apple-system, sans-serif; letter-spacing: .25px;
  white-space: nowrap; cursor: pointer; transition: background-color .15s, box-shadow .15s; }
.fake-gpay-button.black { background: #000; color: #fff; border: 0; }
.fake-gpay-button.black:hover { background: #3c4043; }
.fake-gpay-button.white { background: #fff; color: #3c4043; border: 1px solid #747775; }
.fake-gpay-button.white:hover { background: #f8f9fa; box-shadow: 0 1px 3px rgba(60,64,67,.3); }
.fake-gpay-button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.fake-gpay-button:disabled { opacity: .6; cursor: default; }
.fake-gpay-mark { display: inline-flex; align-items: center; gap: 4px; }
.fake-gpay-mark > span { font-size: 18px; font-weight: 500; letter-spacing: 0; }
.fake-gpay-button.white .fake-gpay-mark > span { color: #5f6368; }
.fake-gpay-mark > .fake-gpay-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

const PREFIX: Record<string, string> = {
  book: 'Book with',
  buy: 'Buy with',
  checkout: 'Checkout with',
  donate: 'Donate with',
  order: 'Order with',
  pay: 'Pay with',
  plain: '',
  subscribe: 'Subscribe with',
};

const styledRoots = new WeakSet<Node>();

function addStyleOnce(root: Document | ShadowRoot, nonce: string | undefined): void {
  const target = 'head' in root ? root.head : root;
  if (styledRoots.has(target)) return;
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  target.append(style);
  styledRoots.add(target);
}

export function createFakeButton(options: ButtonOptions, nonce: string | undefined): HTMLElement {
  const { onClick, buttonType = 'buy', buttonColor = 'default', buttonSizeMode = 'static', buttonRadius } = options;
  if (typeof onClick !== 'function') throw new TypeError('createButton: onClick must be a function');
  addStyleOnce(options.buttonRootNode ?? document, nonce);

  const prefix = PREFIX[buttonType] ?? PREFIX.buy!;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `fake-gpay-button ${buttonColor === 'white' ? 'white' : 'black'}`;
  // Google's button shows the G logo; its name, from its content, says "Pay with Google Pay".
  const google = document.createElement('span');
  google.className = 'fake-gpay-hidden';
  google.textContent = 'Google ';
  const mark = document.createElement('span');
  mark.className = 'fake-gpay-mark';
  const word = document.createElement('span');
  word.textContent = 'Pay';
  mark.append(googleG(18), google, word);
  button.append(prefix ? `${prefix} ` : '', mark);
  if (typeof buttonRadius === 'number') button.style.borderRadius = `${buttonRadius}px`; // CSSOM: allowed by CSP
  button.addEventListener('click', (event) => onClick(event));

  const container = document.createElement('div');
  container.className = `fake-gpay-container${buttonSizeMode === 'fill' ? ' fill' : ''}`;
  container.append(button);
  return container;
}
