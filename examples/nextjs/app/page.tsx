// A server component: the order is created here, on the server, and handed to the client component.
import { version } from 'react';
import { createOrder } from '../lib/shop';
import { Checkout } from './checkout';

export const dynamic = 'force-dynamic';

export default function Page() {
  const order = createOrder({ amount: 1000, currency: 'PLN', description: 'Order 42' });
  return (
    <>
      <Checkout order={order} gatewayMerchantId={process.env.FENIGE_GATEWAY_MERCHANT_ID!} sandbox={process.env.PAYTOOL_SANDBOX === 'true'} />
      <footer>React {version}</footer>
    </>
  );
}
