import { feennexProfile } from '../gateways/profiles.js';
import { PaymentElement } from './payment-element.js';

/**
 * Google Pay™ checkout through Feennex.
 * Its attributes, events, parts and custom properties are `PaymentElement`'s (payment-element.ts).
 *
 * @summary Google Pay button that POSTs the encrypted token to the merchant's backend (gateway `feennex`; `endpoint` defaults to `/feennex/payments`).
 * @tagname feennex-pay
 */
export class FeennexPay extends PaymentElement {}
FeennexPay.define('feennex-pay', feennexProfile);

declare global {
  interface HTMLElementTagNameMap {
    'feennex-pay': FeennexPay;
  }
}
