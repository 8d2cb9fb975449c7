/**
 * `paytool-elements/react` — React components for React 18 (which cannot set properties on custom
 * elements or listen to their events), built with `@lit/react`. React 19 needs no wrapper: use
 * the elements directly with `paytool-elements/jsx`.
 *
 * Props: the elements' properties by their JavaScript names (`data`, `buttonType`, …) and
 * `onPaymentSuccess`-style handlers, each typed with its event's `detail`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { PaymentEventMap } from '../elements/events.js';
import { FeennexPay as FeennexPayElement } from '../elements/feennex-pay.js';
import { PaytoolButton as PaytoolButtonElement } from '../elements/paytool-button.js';
import type { PaymentElementProperties, PaymentEventHandlerProps } from '../frameworks/element-props.js';

const event = <K extends keyof PaymentEventMap>(name: K) => name as EventName<PaymentEventMap[K]>;

const events = {
  onPaymentReady: event('payment-ready'),
  onPaymentUnavailable: event('payment-unavailable'),
  onPaymentCancel: event('payment-cancel'),
  onPaymentSuccess: event('payment-success'),
  onPaymentFailure: event('payment-failure'),
  onPaymentError: event('payment-error'),
  onPaymentRedirect: event('payment-redirect'),
} satisfies Record<keyof PaymentEventHandlerProps, string>;

/** Props of `<PaytoolButton>` / `<FeennexPay>`: the elements' settings, event handlers, `ref` and ordinary HTML attributes. */
export type PaymentElementProps<E extends HTMLElement> = Omit<React.HTMLAttributes<E>, keyof PaymentElementProperties> &
  PaymentElementProperties &
  PaymentEventHandlerProps &
  React.RefAttributes<E>;

/** Props of the React `PaytoolButton`: the element's properties plus `onPaymentSuccess`-style event props. */
export type PaytoolButtonProps = PaymentElementProps<PaytoolButtonElement>;
/** Props of the React `FeennexPay`: the element's properties plus `onPaymentSuccess`-style event props. */
export type FeennexPayProps = PaymentElementProps<FeennexPayElement>;

/** `<paytool-button>` (Fenige Payment Hub) as a React component. */
export const PaytoolButton: React.ForwardRefExoticComponent<PaytoolButtonProps> = createComponent({
  react: React,
  tagName: 'paytool-button',
  elementClass: PaytoolButtonElement,
  events,
  displayName: 'PaytoolButton',
});

/** `<feennex-pay>` (Feennex) as a React component. */
export const FeennexPay: React.ForwardRefExoticComponent<FeennexPayProps> = createComponent({
  react: React,
  tagName: 'feennex-pay',
  elementClass: FeennexPayElement,
  events,
  displayName: 'FeennexPay',
});
