// Demo bootstrap, not part of a shop: the fake Google Pay client (offline), the Fenige sandbox's
// merchant id (the fake seals its tokens for it) and the page's CSP nonce, which Vite's
// `html.cspNonce` puts on `<meta property="csp-nonce">` (the `nonce` property keeps the value the
// browser hides from the attribute).
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { installFakeGooglePay } from 'paytool-elements/testing';
import { Checkout } from './Checkout.js';

installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

void fetch('/demo-api/config')
  .then((response) => response.json() as Promise<{ fenige: { gatewayMerchantId: string } }>)
  .then((config) =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Checkout gatewayMerchantId={config.fenige.gatewayMerchantId} nonce={nonce} />
        <footer>React {version}</footer>
      </StrictMode>,
    ),
  );
