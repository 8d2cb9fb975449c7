// Svelte 5: what svelte-check checks markup's `<paytool-button>` against, from `paytool-elements/svelte`.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'paytool-elements/svelte';
import type { PaymentSuccessDetail, PaytoolButton } from 'paytool-elements';
import { order } from './shared.js';

type PaytoolButtonAttributes = SvelteHTMLElements['paytool-button'];
type FeennexPayAttributes = SvelteHTMLElements['feennex-pay'];

export const valid: PaytoolButtonAttributes = {
  data: order,
  endpoint: '/api/pay',
  environment: 'TEST',
  'button-type': 'pay',
  'button-radius': 8,
  disabled: false,
  fallback: 'hosted',
  'return-url': 'https://shop.example/return',
  nonce: 'abc',
  class: 'checkout',
  'onpayment-success': (event: CustomEvent<PaymentSuccessDetail>) => event.detail.transactionId,
  'onpayment-failure': (event) => event.detail.message,
  'onpayment-redirect': (event) => event.detail.method,
  'onpayment-ready': (event) => (event.currentTarget satisfies PaytoolButton).state,
};
export const validJson: FeennexPayAttributes = { data: JSON.stringify(order), 'onpayment-unavailable': (event) => event.detail.reason };

// --- misuse: each property below must fail to compile ---

export const wrongDetail: PaytoolButtonAttributes = {
  // @ts-expect-error the success detail has no `orderId`
  'onpayment-success': (event) => event.detail.orderId,
};
export const wrongAmount: PaytoolButtonAttributes = {
  // @ts-expect-error `amount` is an integer of minor units, not a decimal string
  data: { ...order, amount: '10.00' },
};
export const wrongButtonType: FeennexPayAttributes = {
  // @ts-expect-error not one of Google's button types
  'button-type': 'purchase',
};
