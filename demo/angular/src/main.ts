// Demo bootstrap, not part of a shop: the fake Google Pay client (offline), the Fenige sandbox's
// merchant id (the fake seals its tokens for it) and the page's CSP nonce, from
// `<meta property="csp-nonce">` (the `nonce` property keeps the value the browser hides).
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { installFakeGooglePay } from 'paytool-elements/testing';
import { CHECKOUT_CONFIG, CheckoutComponent } from './checkout.component';

installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

const response = await fetch('/demo-api/config');
const config = (await response.json()) as { fenige: { gatewayMerchantId: string } };
await bootstrapApplication(CheckoutComponent, {
  providers: [
    provideZonelessChangeDetection(),
    { provide: CHECKOUT_CONFIG, useValue: { gatewayMerchantId: config.fenige.gatewayMerchantId, ...(nonce ? { nonce } : {}) } },
  ],
});
