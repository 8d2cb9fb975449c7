// Generated from custom-elements.json by scripts/framework-types.mjs (npm run build). Do not edit:
// change the JSDoc in src/elements/ and rebuild. test/node/framework-types.test.ts checks it.
import type { PaymentElement } from '../elements/payment-element.js';

/** What a page may set on `<feennex-pay>` and `<paytool-button>`, by JavaScript (camelCase) property names. */
export interface PaymentElementProperties {
  /** Payment data (docs/protocol.md §2.1); also accepted as JSON text in the `data` attribute. */
  data?: PaymentElement['data'];
  /** Merchant backend URL the token is POSTed to. */
  endpoint?: PaymentElement['endpoint'];
  /** Google Pay environment: `TEST` or `PRODUCTION`. */
  environment?: PaymentElement['environment'];
  /** Google's `buttonType`: `book`, `buy`, `checkout`, `donate`, `order`, `pay`, `plain` or `subscribe`. */
  buttonType?: PaymentElement['buttonType'];
  /** Google's `buttonColor`: `default`, `black` or `white`. */
  buttonColor?: PaymentElement['buttonColor'];
  /** Google's `buttonRadius`: corner radius of the button, in pixels. */
  buttonRadius?: PaymentElement['buttonRadius'];
  /** Google's `buttonSizeMode`: `static` or `fill`. */
  buttonSizeMode?: PaymentElement['buttonSizeMode'];
  /** Language of the button (`buttonLocale`) and of the element's messages. */
  locale?: PaymentElement['locale'];
  /** When present, no payment can start. */
  disabled?: PaymentElement['disabled'];
  /** `hosted`: offer a "Pay by card" button to the gateway's hosted page when Google Pay is unavailable. */
  fallback?: PaymentElement['fallback'];
  /** Where the hosted payment page returns the payer; defaults to the current page. */
  returnUrl?: PaymentElement['returnUrl'];
  /** CSP nonce put on the injected pay.js `<script>` and passed to Google's `PaymentsClient`. */
  nonce?: string;
}

/** The same settings by their HTML attribute (kebab-case) names. */
export interface PaymentElementAttributes {
  /** Payment data (docs/protocol.md §2.1); also accepted as JSON text in the `data` attribute. */
  data?: PaymentElement['data'];
  /** Merchant backend URL the token is POSTed to. */
  endpoint?: PaymentElement['endpoint'];
  /** Google Pay environment: `TEST` or `PRODUCTION`. */
  environment?: PaymentElement['environment'];
  /** Google's `buttonType`: `book`, `buy`, `checkout`, `donate`, `order`, `pay`, `plain` or `subscribe`. */
  'button-type'?: PaymentElement['buttonType'];
  /** Google's `buttonColor`: `default`, `black` or `white`. */
  'button-color'?: PaymentElement['buttonColor'];
  /** Google's `buttonRadius`: corner radius of the button, in pixels. */
  'button-radius'?: PaymentElement['buttonRadius'];
  /** Google's `buttonSizeMode`: `static` or `fill`. */
  'button-size-mode'?: PaymentElement['buttonSizeMode'];
  /** Language of the button (`buttonLocale`) and of the element's messages. */
  locale?: PaymentElement['locale'];
  /** When present, no payment can start. */
  disabled?: PaymentElement['disabled'];
  /** `hosted`: offer a "Pay by card" button to the gateway's hosted page when Google Pay is unavailable. */
  fallback?: PaymentElement['fallback'];
  /** Where the hosted payment page returns the payer; defaults to the current page. */
  'return-url'?: PaymentElement['returnUrl'];
  /** CSP nonce put on the injected pay.js `<script>` and passed to Google's `PaymentsClient`. */
  nonce?: string;
}
