import { feennexProfile } from '../gateways/profiles.js';
import { PaymentElement } from './payment-element.js';

/**
 * Google Pay™ checkout through Feennex.
 *
 * @summary Google Pay button that POSTs the encrypted token to the merchant's backend (gateway `feennex`; `endpoint` defaults to `/feennex/payments`).
 * @event {CustomEvent<PaymentReadyDetail>} payment-ready - Google Pay is available and the button is shown. `detail: {}`
 * @event {CustomEvent<PaymentUnavailableDetail>} payment-unavailable - `isReadyToPay` said no, or the client failed to load. `detail: { reason }`
 * @event {CustomEvent<PaymentCancelDetail>} payment-cancel - The payer closed the Google Pay sheet. `detail: {}`
 * @event {CustomEvent<PaymentSuccessDetail>} payment-success - The backend reported an approved payment. `detail: { transactionId, status, response }`
 * @event {CustomEvent<PaymentFailureDetail>} payment-failure - Declined or rejected, or the outcome could not be established. `detail: { transactionId, code, message, response }`
 * @event {CustomEvent<PaymentErrorDetail>} payment-error - An integration error: invalid `data` or bad configuration. `detail: { code, message, issues? }`
 * @event {CustomEvent<PaymentRedirectDetail>} payment-redirect - Cancelable; fired just before navigating to 3-D Secure or a hosted page. `detail: { transactionId, url, method }`
 * @attr {string} nonce - CSP nonce put on the injected pay.js `<script>` and passed to Google's `PaymentsClient`.
 * @attr {PaymentState} state - Read-only, reflected: `loading`, `ready`, `unavailable`, `invalid`, `processing`, `success` or `failure`.
 * @csspart container - The wrapper of everything the element shows.
 * @csspart button - The box holding Google's button (the button itself is never restyled).
 * @csspart fallback-button - The "Pay by card" button of `fallback="hosted"`.
 * @csspart status - The status message (polite live region).
 * @cssprop --paytool-font - Font of the element's own texts.
 * @cssprop --paytool-text-color - Text colour.
 * @cssprop --paytool-gap - Space between the button and the status message.
 * @cssprop --paytool-button-height - Height held for Google's button while Google Pay loads, so the page does not move when it arrives (default 40px).
 * @cssprop --paytool-radius - Corner radius of the status area and the fallback button.
 * @cssprop --paytool-status-padding - Padding of the status area.
 * @cssprop --paytool-status-background - Background of the status area.
 * @cssprop --paytool-success-color - Colour of the success message.
 * @cssprop --paytool-error-color - Colour of failure and configuration messages.
 * @cssprop --paytool-fallback-background - Background of the "Pay by card" button.
 * @cssprop --paytool-fallback-color - Text colour of the "Pay by card" button.
 * @cssprop --paytool-fallback-border - Border colour of the "Pay by card" button.
 * @cssprop --paytool-focus-color - Focus ring colour.
 */
export class FeennexPay extends PaymentElement {
  static override profile = feennexProfile;
}

if (!customElements.get('feennex-pay')) customElements.define('feennex-pay', FeennexPay);

declare global {
  interface HTMLElementTagNameMap {
    'feennex-pay': FeennexPay;
  }
}
