/**
 * `paytool-elements/svelte` — Svelte 5 typings for `<paytool-button>` and `<feennex-pay>` in
 * markup (svelte-check / the Svelte language server). Opt in once per project:
 * `import type {} from 'paytool-elements/svelte';`
 *
 * Svelte 5 sets an attribute as a property when the element has one (`data`, `disabled`, …) and
 * turns `onpayment-success={…}` into a listener for the `payment-success` event.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { PaymentEventMap } from '../elements/events.js';
import type { FeennexPay } from '../elements/feennex-pay.js';
import type { PaytoolButton } from '../elements/paytool-button.js';
import type { PaymentElementAttributes } from './element-props.js';

/** `onpayment-success` etc., each with its event's `detail` type and the element as `currentTarget`. */
export type SveltePaymentEventAttributes<E extends HTMLElement> = {
  [K in keyof PaymentEventMap as `on${K}`]?: (event: PaymentEventMap[K] & { currentTarget: EventTarget & E }) => unknown;
};

/** Attributes of `<paytool-button>` / `<feennex-pay>` in Svelte markup. */
export type SveltePaymentElementAttributes<E extends HTMLElement> = Omit<HTMLAttributes<E>, keyof PaymentElementAttributes> &
  PaymentElementAttributes &
  SveltePaymentEventAttributes<E>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'paytool-button': SveltePaymentElementAttributes<PaytoolButton>;
    'feennex-pay': SveltePaymentElementAttributes<FeennexPay>;
  }
}
