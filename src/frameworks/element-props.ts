/**
 * Framework-neutral shapes of the elements' public API (docs/protocol.md §2.2, §2.3), shared by the React
 * 19 JSX typings, the Vue and Svelte typings and the React 18 wrapper so they can never disagree.
 */
import type { PaymentEventMap } from '../elements/events.js';

export type { GooglePayButtonColor, GooglePayButtonSizeMode, GooglePayButtonType } from '../elements/readiness.js';
// The settable properties (camelCase) and attributes (kebab-case), generated from the manifest.
// `state` is read-only; `backendPolicy` is a plain field frameworks cannot tell from an attribute
// (set it through a `ref`).
export type { PaymentElementAttributes, PaymentElementProperties } from './element-api.js';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `payment-success` → `PaymentSuccess`. */
export type PaymentEventName<K extends keyof PaymentEventMap> = Capitalize<CamelCase<K>>;

/** `onPaymentSuccess`-style handler props (React 18 wrapper, Vue), each with its event's `detail` type. */
export type PaymentEventHandlerProps = {
  [K in keyof PaymentEventMap as `on${PaymentEventName<K>}`]?: (event: PaymentEventMap[K]) => void;
};
