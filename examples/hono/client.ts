// The page's script: the element, and listeners typed by the package's event map. In sandbox
// mode (the server marks the page) the fake Google Pay client is installed first, so the element
// never loads Google's pay.js; hence the dynamic import.
import type {} from 'paytool-elements';

const button = document.querySelector('paytool-button')!;
// The browser hides a nonce from attributes; the `nonce` property keeps the value for the element.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
if (nonce) button.nonce = nonce;

if (document.documentElement.dataset.paytoolSandbox === 'true') {
  const { installFakeGooglePay } = await import('paytool-elements/testing');
  installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
}
await import('paytool-elements');

const status = document.querySelector('[role="status"]')!;
const log = document.querySelector('ol[aria-label="Events"]')!;
const record = (entry: string) => log.append(Object.assign(document.createElement('li'), { textContent: entry }));

button.addEventListener('payment-ready', () => record('payment-ready'));
button.addEventListener('payment-success', (event) => {
  record('payment-success');
  status.textContent = `Paid: ${event.detail.status}, transaction ${event.detail.transactionId}`;
});
button.addEventListener('payment-failure', (event) => (status.textContent = `Not paid: ${event.detail.message}`));
button.addEventListener('payment-error', (event) => (status.textContent = `Integration error: ${event.detail.message}`));
