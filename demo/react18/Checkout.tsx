// React 18: the typed wrapper sets `data` as a property and turns `onPayment*` props into listeners.
import { useState } from 'react';
import { PaytoolButton } from 'paytool-elements/react';

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
      <PaytoolButton
        data={{ apiKey: gatewayMerchantId, amount: 1000, currencyCode: 'PLN', description: 'Order 42' }}
        buttonType="pay"
        disabled={!accepted}
        nonce={nonce}
        onPaymentReady={() => record('payment-ready')}
        onPaymentSuccess={(e) => {
          record('payment-success');
          setOutcome(`Paid: ${e.detail.status}, transaction ${e.detail.transactionId}`);
        }}
        onPaymentFailure={(e) => setOutcome(`Not paid: ${e.detail.message}`)}
        onPaymentError={(e) => setOutcome(`Integration error: ${e.detail.message}`)}
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
