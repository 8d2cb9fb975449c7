import { fenigeProfile } from '../gateways/profiles.js';
import { PaymentElement } from './payment-element.js';

/**
 * Google Pay™ checkout through Fenige's Payment Hub.
 * Its attributes, events, parts and custom properties are `PaymentElement`'s (payment-element.ts).
 *
 * @summary Google Pay button that POSTs the encrypted token to the merchant's backend (gateway `fenige`; `endpoint` defaults to `/paytool/transactions`).
 * @tagname paytool-button
 */
export class PaytoolButton extends PaymentElement {}
PaytoolButton.define('paytool-button', fenigeProfile);

declare global {
  interface HTMLElementTagNameMap {
    'paytool-button': PaytoolButton;
  }
}
