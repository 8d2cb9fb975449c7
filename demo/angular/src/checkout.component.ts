// Angular: the element itself, declared with CUSTOM_ELEMENTS_SCHEMA. Angular sets `[data]` as a
// property and listens to `(payment-success)`. Under `strictTemplates`, `$event` is typed from the
// package's event map (`GlobalEventHandlersEventMap`): `paid($event)` compiles only because it is
// a `CustomEvent<PaymentSuccessDetail>`.
import { Component, CUSTOM_ELEMENTS_SCHEMA, inject, InjectionToken, signal, VERSION } from '@angular/core';
import 'paytool-elements';
import type { PaymentData, PaymentErrorDetail, PaymentFailureDetail, PaymentSuccessDetail } from 'paytool-elements';

export interface CheckoutConfig {
  gatewayMerchantId: string;
  nonce?: string;
}
export const CHECKOUT_CONFIG = new InjectionToken<CheckoutConfig>('checkout config');

@Component({
  selector: 'app-checkout',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Order 42 — 10.00 PLN</h1>
      <label><input #terms type="checkbox" (change)="accepted.set(terms.checked)" /> I accept the terms</label>
      <paytool-button
        [data]="order"
        button-type="pay"
        [disabled]="!accepted()"
        [nonce]="config.nonce"
        (payment-ready)="record('payment-ready')"
        (payment-success)="paid($event)"
        (payment-failure)="notPaid($event)"
        (payment-error)="failed($event)"
      ></paytool-button>
      <p role="status">{{ outcome() }}</p>
      <ol aria-label="Events">
        @for (entry of log(); track $index) {
          <li>{{ entry }}</li>
        }
      </ol>
    </main>
    <footer>Angular {{ version }}</footer>
  `,
})
export class CheckoutComponent {
  protected readonly config = inject(CHECKOUT_CONFIG);
  protected readonly version = VERSION.full;
  protected readonly order: PaymentData = {
    apiKey: this.config.gatewayMerchantId, // the Gateway Merchant Id Google Pay seals the card for (docs/identifiers.md)
    amount: 1000,
    currencyCode: 'PLN',
    description: 'Order 42',
  };
  protected readonly accepted = signal(false);
  protected readonly outcome = signal('');
  protected readonly log = signal<string[]>([]);

  protected record(entry: string): void {
    this.log.update((entries) => [...entries, entry]);
  }
  protected paid(event: CustomEvent<PaymentSuccessDetail>): void {
    this.record('payment-success');
    this.outcome.set(`Paid: ${event.detail.status}, transaction ${event.detail.transactionId}`);
  }
  protected notPaid(event: CustomEvent<PaymentFailureDetail>): void {
    this.outcome.set(`Not paid: ${event.detail.message}`);
  }
  protected failed(event: CustomEvent<PaymentErrorDetail>): void {
    this.outcome.set(`Integration error: ${event.detail.message}`);
  }
}
