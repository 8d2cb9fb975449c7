// A valid order, shared by the consumer files.
import type { PaymentData } from 'paytool-elements';

export const order: PaymentData = {
  apiKey: 'pk_test',
  amount: 1000,
  currencyCode: 'PLN',
  description: 'Order 42',
  sender: { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' },
};
