// React 18: the typed wrapper from `paytool-elements/react` (react19.tsx checks the JSX elements
// themselves, which React 18 cannot give properties or events). Both take the same props; the
// ones with the same name in both are in shared.ts, the rest are named as each spells them.
import { useRef } from 'react';
import { FeennexPay, PaytoolButton, type PaytoolButtonProps } from 'paytool-elements/react';
import type { FeennexPay as FeennexPayElement, PaymentSuccessDetail, PaytoolButton as PaytoolButtonElement } from 'paytool-elements';
import { order, sameNamedProps } from './shared.js';

export function Valid() {
  const ref = useRef<PaytoolButtonElement>(null);
  const props: PaytoolButtonProps = { data: order, buttonType: 'pay' };
  return (
    <>
      <PaytoolButton
        ref={ref}
        {...sameNamedProps}
        buttonType="pay"
        buttonColor="white"
        buttonRadius={8}
        buttonSizeMode="static"
        locale="pl"
        disabled
        fallback="hosted"
        returnUrl="https://shop.example/return"
        nonce="abc"
        onPaymentReady={(event) => event.detail}
        onPaymentUnavailable={(event) => event.detail.reason}
        onPaymentCancel={() => undefined}
        onPaymentSuccess={(event) => `${event.detail.status} ${event.detail.transactionId}`}
        onPaymentFailure={(event) => event.detail.code}
        onPaymentError={(event) => event.detail.issues?.length}
        onPaymentRedirect={(event) => event.detail.url}
      />
      <PaytoolButton {...props} />
      <FeennexPay data={JSON.stringify(order)} ref={(el: FeennexPayElement | null) => void el?.focus()} />
    </>
  );
}

export function Misuse() {
  return (
    <>
      {/* @ts-expect-error the success detail has no `orderId` */}
      <PaytoolButton onPaymentSuccess={(event) => event.detail.orderId} />
      {/* @ts-expect-error `amount` is an integer of minor units, not a decimal string */}
      <PaytoolButton data={{ ...order, amount: '10.00' }} />
      {/* @ts-expect-error unknown `data` field (a typo of `currencyCode`) */}
      <PaytoolButton data={{ apiKey: 'pk_test', amount: 1000, currency: 'PLN', description: 'Order 42' }} />
      {/* @ts-expect-error the environment is TEST or PRODUCTION */}
      <FeennexPay environment="LIVE" />
      {/* @ts-expect-error the radius is a number of pixels */}
      <FeennexPay buttonRadius="8px" />
      {/* @ts-expect-error a failure handler gets the failure detail */}
      <FeennexPay onPaymentFailure={(event: CustomEvent<PaymentSuccessDetail>) => event.detail.status} />
      {/* @ts-expect-error `state` is read-only */}
      <PaytoolButton state="success" />
    </>
  );
}
