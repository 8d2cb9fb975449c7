// Demo bootstrap, not part of a shop: the fake Google Pay client (offline), the Fenige sandbox's
// merchant id (the fake seals its tokens for it) and the page's CSP nonce, which Vite's
// `html.cspNonce` puts on `<meta property="csp-nonce">` (the `nonce` property keeps the value the
// browser hides from the attribute).
import { mount } from 'svelte';
import { installFakeGooglePay } from 'paytool-elements/testing';
import App from './App.svelte';

installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

void fetch('/demo-api/config')
  .then((response) => response.json() as Promise<{ fenige: { gatewayMerchantId: string } }>)
  .then((config) => {
    const target = document.getElementById('app')!;
    mount(App, { target, props: { gatewayMerchantId: config.fenige.gatewayMerchantId, ...(nonce ? { nonce } : {}) } });
    const footer = document.createElement('footer');
    footer.textContent = 'Svelte 5';
    target.append(footer);
  });
