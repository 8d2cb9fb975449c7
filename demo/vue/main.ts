// Demo bootstrap, not part of a shop: the fake Google Pay client (offline), the Fenige sandbox's
// merchant id (the fake seals its tokens for it) and the page's CSP nonce, which Vite's
// `html.cspNonce` puts on `<meta property="csp-nonce">` (the `nonce` property keeps the value the
// browser hides from the attribute).
import { createApp, h, version } from 'vue';
import { installFakeGooglePay } from 'paytool-elements/testing';
import App from './App.vue';

installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

void fetch('/demo-api/config')
  .then((response) => response.json() as Promise<{ fenige: { gatewayMerchantId: string } }>)
  .then((config) =>
    createApp({
      render: () => [h(App, { gatewayMerchantId: config.fenige.gatewayMerchantId, nonce }), h('footer', `Vue ${version}`)],
    }).mount('#app'),
  );
