// A valid order and the props every way of writing the element takes under the same name, shared by the consumer files.
import type { PaymentData } from 'paytool-elements';

export const order: PaymentData = {
  apiKey: 'pk_test',
  amount: 1000,
  currencyCode: 'PLN',
  description: 'Order 42',
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
};

/** What the wrapper (react18.tsx) and the JSX elements (react19.tsx) both take under one name. */
export const sameNamedProps = { id: 'pay', className: 'checkout', data: order, endpoint: '/api/pay', environment: 'TEST' } as const;
