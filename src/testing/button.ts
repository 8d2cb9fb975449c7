/**
 * The fake's `createButton`: a `<div>` holding a `<button>` named by its visible text ("Pay with Google Pay"), styled by a
 * `<style>` added once per root (the `buttonRootNode`, else the document head) as pay.js does.
 * No inline `style` attributes and the client's `nonce` on the `<style>`, so it runs under a strict CSP.
 */
import type { ButtonOptions } from './types.js';

const CSS = `
.fake-gpay-container { display: inline-block; min-width: 90px; height: 40px; }
.fake-gpay-container.fill { display: block; width: 100%; }
.fake-gpay-button { box-sizing: border-box; width: 100%; height: 100%; min-height: 40px; padding: 0 24px;
  border-radius: 4px; font: 500 14px/1 system-ui, sans-serif; cursor: pointer; }
.fake-gpay-button.black { background: #000; color: #fff; border: 0; }
.fake-gpay-button.white { background: #fff; color: #3c4043; border: 1px solid #dadce0; }
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

  const button = document.createElement('button');
  button.type = 'button';
  // Its visible text is its accessible name (Google's real button shows a logo and is labelled).
  button.className = `fake-gpay-button ${buttonColor === 'white' ? 'white' : 'black'}`;
  button.textContent = `${PREFIX[buttonType] ?? PREFIX.buy} Google Pay`.trim();
  if (typeof buttonRadius === 'number') button.style.borderRadius = `${buttonRadius}px`; // CSSOM: allowed by CSP
  button.addEventListener('click', (event) => onClick(event));

  const container = document.createElement('div');
  container.className = `fake-gpay-container${buttonSizeMode === 'fill' ? ' fill' : ''}`;
  container.append(button);
  return container;
}
