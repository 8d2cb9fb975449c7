// React 19: the element itself. React sets `data` as a property and listens to `onpayment-*`.
import { useState } from 'react';
import 'paytool-elements';
import type {} from 'paytool-elements/jsx';

export function Checkout({ gatewayMerchantId, nonce }: { gatewayMerchantId: string; nonce?: string }) {
  const [accepted, setAccepted] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const record = (entry: string) => setLog((entries) => [...entries, entry]);

  return (
    <main>
      <h1>Order 42 — 10.00 PLN</h1>
      <label>
        <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} /> I accept the terms
      </label>
      <paytool-button
        data={{ apiKey: gatewayMerchantId, amount: 1000, currencyCode: 'PLN', description: 'Order 42' }}
        button-type="pay"
        disabled={!accepted}
        nonce={nonce}
        onpayment-ready={() => record('payment-ready')}
        onpayment-success={(e) => {
          record('payment-success');
          setOutcome(`Paid: ${e.detail.status}, transaction ${e.detail.transactionId}`);
        }}
        onpayment-failure={(e) => setOutcome(`Not paid: ${e.detail.message}`)}
        onpayment-error={(e) => setOutcome(`Integration error: ${e.detail.message}`)}
      />
      <p role="status">{outcome}</p>
      <ol aria-label="Events">
        {log.map((entry, i) => (
          <li key={i}>{entry}</li>
        ))}
      </ol>
    </main>
  );
}
