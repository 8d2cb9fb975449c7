/**
 * Framework-neutral shapes of the elements' public API (docs/protocol.md §2.2, §2.3), shared by the React
 * 19 JSX typings, the Vue typings and the React 18 wrapper so they can never disagree.
 */
import type { PaymentEventMap } from '../elements/events.js';
import type { Environment } from '../google-pay/types.js';
import type { PaymentData } from '../protocol/index.js';

/** Google's `ButtonOptions.buttonType`. */
export type GooglePayButtonType = 'book' | 'buy' | 'checkout' | 'donate' | 'order' | 'pay' | 'plain' | 'subscribe';
/** Google's `ButtonOptions.buttonColor`. */
export type GooglePayButtonColor = 'default' | 'black' | 'white';
/** Google's `ButtonOptions.buttonSizeMode`. */
export type GooglePayButtonSizeMode = 'static' | 'fill';

/**
 * The settable properties of both elements, by their JavaScript (camelCase) names. `state` is
 * read-only; `backendPolicy` is a plain field frameworks cannot tell from an attribute (set it
 * through a `ref`).
 */
export interface PaymentElementProperties {
  /** Payment data (docs/protocol.md §2.1), or its JSON text. */
  data?: PaymentData | string;
  endpoint?: string;
  environment?: Environment;
  buttonType?: GooglePayButtonType;
  buttonColor?: GooglePayButtonColor;
  /** Corner radius of Google's button, in pixels. */
  buttonRadius?: number;
  buttonSizeMode?: GooglePayButtonSizeMode;
  locale?: string;
  disabled?: boolean;
  fallback?: 'none' | 'hosted';
  returnUrl?: string;
  nonce?: string;
}

/** The same settings by their HTML attribute (kebab-case) names; `data` has no other name. */
export interface PaymentElementAttributes {
  data?: PaymentData | string;
  endpoint?: string;
  environment?: Environment;
  'button-type'?: GooglePayButtonType;
  'button-color'?: GooglePayButtonColor;
  'button-radius'?: number;
  'button-size-mode'?: GooglePayButtonSizeMode;
  locale?: string;
  disabled?: boolean;
  fallback?: 'none' | 'hosted';
  'return-url'?: string;
  nonce?: string;
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `payment-success` → `PaymentSuccess`. */
export type PaymentEventName<K extends keyof PaymentEventMap> = Capitalize<CamelCase<K>>;

/** `onPaymentSuccess`-style handler props (React 18 wrapper, Vue), each with its event's `detail` type. */
export type PaymentEventHandlerProps = {
  [K in keyof PaymentEventMap as `on${PaymentEventName<K>}`]?: (event: PaymentEventMap[K]) => void;
};
