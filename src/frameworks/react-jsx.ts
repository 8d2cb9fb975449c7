/**
 * `paytool-elements/jsx` — React 19 JSX typings for `<paytool-button>` and `<feennex-pay>`.
 * Opt in once per project: `import type {} from 'paytool-elements/jsx';`
 *
 * React 19 sets a prop as a property when the element has one (`data`, `disabled`, …) and as an
 * attribute otherwise (`button-type`, …); a prop named `on` + the exact event name
 * (`onpayment-success`) becomes an `addEventListener` for that event. React's camelCase
 * `onPaymentSuccess` would listen for an event called `PaymentSuccess`, so it is not typed here.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PaymentEventMap } from '../elements/events.js';
import type { FeennexPay } from '../elements/feennex-pay.js';
import type { PaytoolButton } from '../elements/paytool-button.js';
import type { PaymentElementAttributes } from './element-props.js';

/** `onpayment-success` etc., each with its event's `detail` type. */
export type PaymentEventListenerProps = {
  [K in keyof PaymentEventMap as `on${K}`]?: (event: PaymentEventMap[K]) => void;
};

/** Props of `<paytool-button>` / `<feennex-pay>` in React 19 JSX, `ref` included. */
export type PaymentElementJsxProps<E extends HTMLElement> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof PaymentElementAttributes> &
  PaymentElementAttributes &
  PaymentEventListenerProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace; augmenting it needs the same form
  namespace JSX {
    interface IntrinsicElements {
      'paytool-button': PaymentElementJsxProps<PaytoolButton>;
      'feennex-pay': PaymentElementJsxProps<FeennexPay>;
    }
  }
}
