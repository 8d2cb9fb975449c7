// Plain DOM: the tag map gives the element classes, the event map gives each event's detail.
import 'paytool-elements';
import type { PaymentFailureDetail, PaymentSuccessDetail, PaymentState } from 'paytool-elements';
import { order } from './shared.js';

const button = document.querySelector('paytool-button')!;
const feennex = document.createElement('feennex-pay');
button.data = order;
button.data = JSON.stringify(order);
feennex.environment = 'PRODUCTION';
const state: PaymentState = button.state;

button.addEventListener('payment-success', (event) => {
  const detail: PaymentSuccessDetail = event.detail;
  console.log(detail.transactionId, detail.status, detail.response, state);
});
document.addEventListener('payment-failure', (event) => {
  const { code, message }: PaymentFailureDetail = event.detail;
  console.log(code, message);
});
feennex.addEventListener('payment-redirect', (event) => {
  if (event.detail.method === 'POST') event.preventDefault();
});
document.addEventListener('payment-error', (event) => event.detail.issues?.map((issue) => issue.path));

// --- misuse: each line below must fail to compile ---

// @ts-expect-error the success detail has no `orderId`
button.addEventListener('payment-success', (event) => event.detail.orderId);
// @ts-expect-error `amount` is an integer of minor units, not a decimal string
button.data = { ...order, amount: '10.00' };
// @ts-expect-error unknown `data` field (a typo of `currencyCode`)
button.data = { apiKey: 'pk_test', amount: 1000, currency: 'PLN', description: 'Order 42' };
// @ts-expect-error the environment is TEST or PRODUCTION
feennex.environment = 'SANDBOX';
// @ts-expect-error `state` is read-only
button.state = 'success';
// @ts-expect-error `payment-ready` has an empty detail
document.addEventListener('payment-ready', (event) => event.detail.reason);
