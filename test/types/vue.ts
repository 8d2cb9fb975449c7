// Vue 3: what vue-tsc checks a template's `<paytool-button>` against, from `paytool-elements/vue`.
import type { GlobalComponents } from 'vue';
import type {} from 'paytool-elements/vue';
import type { PaymentSuccessDetail } from 'paytool-elements';
import { order } from './shared.js';

type PaytoolButtonProps = InstanceType<GlobalComponents['paytool-button']>['$props'];
type FeennexPayProps = InstanceType<GlobalComponents['feennex-pay']>['$props'];

export const valid: PaytoolButtonProps = {
  data: order,
  endpoint: '/api/pay',
  environment: 'TEST',
  buttonType: 'pay',
  buttonColor: 'default',
  buttonRadius: 8,
  buttonSizeMode: 'fill',
  locale: 'pl',
  disabled: false,
  fallback: 'hosted',
  returnUrl: 'https://shop.example/return',
  nonce: 'abc',
  onPaymentSuccess: (event: CustomEvent<PaymentSuccessDetail>) => event.detail.transactionId,
  onPaymentFailure: (event) => event.detail.message,
  'onPayment-redirect': (event) => event.detail.method,
};
export const validJson: FeennexPayProps = { data: JSON.stringify(order), onPaymentUnavailable: (event) => event.detail.reason };

// --- misuse: each property below must fail to compile ---

export const wrongDetail: PaytoolButtonProps = {
  // @ts-expect-error the success detail has no `orderId`
  onPaymentSuccess: (event) => event.detail.orderId,
};
export const wrongKebabDetail: PaytoolButtonProps = {
  // @ts-expect-error the failure detail has no `status`
  'onPayment-failure': (event) => event.detail.status,
};
export const wrongAmount: PaytoolButtonProps = {
  // @ts-expect-error `amount` is an integer of minor units, not a decimal string
  data: { ...order, amount: '10.00' },
};
export const unknownField: FeennexPayProps = {
  // @ts-expect-error unknown `data` field (a typo of `currencyCode`)
  data: { apiKey: 'pk_test', amount: 1000, currency: 'PLN', description: 'Order 42' },
};
export const wrongEnvironment: FeennexPayProps = {
  // @ts-expect-error the environment is TEST or PRODUCTION
  environment: 'SANDBOX',
};
export const wrongRadius: FeennexPayProps = {
  // @ts-expect-error the radius is a number of pixels
  buttonRadius: '8px',
};
