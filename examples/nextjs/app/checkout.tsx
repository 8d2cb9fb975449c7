'use client';
// A client component with the element. It registers on the client only (custom elements need the
// browser), so the element renders once `paytool-elements` is loaded. React 19 sets `data` as a
// property and listens to `onpayment-*`.
import { useEffect, useState } from 'react';
import type {} from 'paytool-elements/jsx';

interface Order {
  transactionId: string;
  amount: number;
  currency: string;
  description: string;
}

export function Checkout({ order, gatewayMerchantId, sandbox }: { order: Order; gatewayMerchantId: string; sandbox: boolean }) {
  const [loaded, setLoaded] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const record = (entry: string) => setLog((entries) => [...entries, entry]);

  useEffect(() => {
    void (async () => {
      if (sandbox) (await import('paytool-elements/testing')).installFakeGooglePay({ payer: { name: 'Jan Kowalski' } });
      await import('paytool-elements');
      setLoaded(true);
    })();
  }, [sandbox]);

  return (
    <main>
      <h1>
        {order.description} — {(order.amount / 100).toFixed(2)} {order.currency}
      </h1>
      {loaded && (
        <paytool-button
          data={{
            apiKey: gatewayMerchantId,
            gatewayMerchantId,
            transactionId: order.transactionId,
            amount: order.amount,
            currencyCode: order.currency,
            description: order.description,
          }}
          button-type="pay"
          onpayment-ready={() => record('payment-ready')}
          onpayment-success={(e) => {
            record('payment-success');
            setOutcome(`Paid: ${e.detail.status}, transaction ${e.detail.transactionId}`);
          }}
          onpayment-failure={(e) => setOutcome(`Not paid: ${e.detail.message}`)}
          onpayment-error={(e) => setOutcome(`Integration error: ${e.detail.message}`)}
        />
      )}
      <p role="status">{outcome}</p>
      <ol aria-label="Events">
        {log.map((entry, i) => (
          <li key={i}>{entry}</li>
        ))}
      </ol>
    </main>
  );
}
