// React 19: the elements in JSX with `paytool-elements/jsx`.
import { useRef } from 'react';
import 'paytool-elements';
import type {} from 'paytool-elements/jsx';
import type { FeennexPay, PaymentSuccessDetail, PaytoolButton } from 'paytool-elements';
import { order, sameNamedProps } from './shared.js';

export function Valid() {
  const ref = useRef<PaytoolButton>(null);
  return (
    <>
      <paytool-button
        ref={ref}
        {...sameNamedProps}
        button-type="pay"
        button-color="black"
        button-radius={8}
        button-size-mode="fill"
        locale="pl"
        disabled={false}
        fallback="hosted"
        return-url="https://shop.example/return"
        nonce="abc"
        onpayment-ready={(event) => event.detail}
        onpayment-unavailable={(event) => event.detail.reason satisfies 'not-ready' | 'load-failed' | 'error'}
        onpayment-cancel={() => undefined}
        onpayment-success={(event: CustomEvent<PaymentSuccessDetail>) => event.detail.transactionId}
        onpayment-failure={(event) => `${event.detail.code}: ${event.detail.message}`}
        onpayment-error={(event) => event.detail.issues?.[0]?.path}
        onpayment-redirect={(event) => event.detail.method === 'POST' && event.preventDefault()}
      />
      <feennex-pay data={JSON.stringify(order)} ref={(el: FeennexPay | null) => void el?.focus()} />
    </>
  );
}

export function Misuse() {
  return (
    <>
      {/* @ts-expect-error the success detail has no `orderId` */}
      <paytool-button onpayment-success={(event) => event.detail.orderId} />
      {/* @ts-expect-error `amount` is an integer of minor units, not a decimal string */}
      <paytool-button data={{ ...order, amount: '10.00' }} />
      {/* @ts-expect-error unknown `data` field (a typo of `currencyCode`) */}
      <paytool-button data={{ apiKey: 'pk_test', amount: 1000, currency: 'PLN', description: 'Order 42' }} />
      {/* @ts-expect-error the environment is TEST or PRODUCTION */}
      <paytool-button environment="SANDBOX" />
      {/* @ts-expect-error the radius is a number of pixels */}
      <paytool-button button-radius="round" />
      {/* @ts-expect-error not one of Google's button types */}
      <feennex-pay button-type="huge" />
      {/* @ts-expect-error a failure handler gets the failure detail */}
      <feennex-pay onpayment-failure={(event: CustomEvent<PaymentSuccessDetail>) => event.detail.status} />
      {/* @ts-expect-error React 19 would listen for an event named "PaymentSuccess": use onpayment-success */}
      <paytool-button onPaymentSuccess={() => undefined} />
      {/* @ts-expect-error `state` is read-only */}
      <paytool-button state="success" />
    </>
  );
}
