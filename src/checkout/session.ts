import type { PaymentData, Redirect } from '../protocol/index.js';
import type { GatewayProfile } from '../gateways/profile.js';
import type { PaymentsClient } from '../google-pay/types.js';
import type { PaymentErrorDetail, PaymentEventMap } from './events.js';
import { sheetIsOpen } from '../google-pay/clients.js';
import { paymentDataRequest } from '../google-pay/request.js';
import type { PageMessages } from '../i18n/index.js';
import type { BackendPolicy } from './backend-client.js';
import { loadFailed, payWithGooglePay, type FlowResult } from './google-pay-flow.js';
import { afterClick, loadAfterClick } from './lazy.js';

/** Where a payment is: at rest, posting, asking for its outcome, leaving for 3-D Secure or a hosted page, or done. */
export type Phase = 'idle' | 'processing' | 'checking' | 'redirecting' | 'success' | 'failure';

/** What the session needs from the element that shows it; none of it is DOM the session touches. */
export interface SessionView {
  /** The phase or the failure text changed: render again. */
  changed(): void;
  /** Fires a `payment-*` event; false when a cancelable event was cancelled. */
  emit<K extends keyof PaymentEventMap>(type: K, detail: PaymentEventMap[K]['detail'], cancelable?: boolean): boolean;
  /** An integration error, for developers (event and, unless `log` is false, the console). */
  reportError(detail: PaymentErrorDetail, log?: boolean): void;
  /** Sends the browser to a 3-D Secure or hosted payment page. */
  navigate(redirect: Redirect): void;
  /** A return link was confirmed: take its parameters off the page's address. */
  returned(): void;
}

/** The element's settings at the moment a payment starts. */
export interface PaymentSettings {
  endpoint: string;
  messages: PageMessages;
  policy?: BackendPolicy | undefined;
}

const running: Phase[] = ['processing', 'checking', 'redirecting'];

/**
 * One element's payments, without the element: the phases, the three flows (Google Pay, the
 * return from 3-D Secure or a hosted page, the hosted page of `fallback="hosted"`) and what each
 * outcome fires. `abort()` (the element left the page) cancels the work in flight: its requests
 * stop, and nothing fires for it afterwards.
 */
export class CheckoutSession {
  phase: Phase = 'idle';
  /** The payer's words for the last failure. */
  failureText = '';
  /** @internal A flow is running, or a sheet is open: nothing else may start. */
  busy = false;
  /** @internal The settings of the payment that runs or ran last. */
  declare settings: PaymentSettings;
  private controller = new AbortController();

  // What follows `@internal` is shared with session-outcome.ts, the part loaded after a click.
  constructor(
    /** @internal */ readonly view: SessionView,
    /** @internal */ readonly profile: GatewayProfile,
    /** @internal The element's tag name, for the console and for the payments it sends off the page. */
    readonly element: string,
  ) {}

  get running(): boolean {
    return running.includes(this.phase);
  }

  /** What the payer reads about the payment; nothing at rest. */
  statusText(messages: PageMessages): string | undefined {
    switch (this.phase) {
      case 'processing':
      case 'checking':
      case 'redirecting':
      case 'success':
        return messages[this.phase];
      case 'failure':
        return this.failureText;
    }
  }

  /** Only from rest or after a failure, one at a time, and never again after a success. */
  canStart(): boolean {
    return !this.busy && !sheetIsOpen() && (this.phase === 'idle' || this.phase === 'failure');
  }

  /** New data after a finished payment is a new order. */
  newOrder(): void {
    if (this.phase === 'success' || this.phase === 'failure') this.phase = 'idle';
  }

  /** Cancels the payment in flight. Its outcome is unknown (a request may have arrived), and nothing is announced. */
  abort(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.busy = false;
    if (this.phase === 'processing' || this.phase === 'checking') this.fail('OUTCOME_UNKNOWN');
  }

  /** One Google Pay payment: the sheet opens at once, inside the click's user gesture. */
  pay(client: PaymentsClient, data: PaymentData, settings: PaymentSettings): void {
    const signal = this.begin(settings);
    const { messages } = settings;
    void this.settle(
      payWithGooglePay({
        client,
        request: paymentDataRequest(data, this.profile.id),
        data,
        endpoint: settings.endpoint,
        policy: settings.policy,
        cancel: signal,
        describe: (code) => this.wordsFor(messages, code),
        checkingText: messages.checking,
        onProcessing: () => this.to('processing', signal),
        onChecking: () => this.to('checking', signal),
      }),
      data,
      signal,
    );
  }

  /**
   * A payer back from 3-D Secure or a hosted page (`transactionId` from the return link): see
   * `confirmReturn` in session-outcome.ts.
   */
  confirmReturn(data: PaymentData, transactionId: string, settings: PaymentSettings): Promise<void> | undefined {
    if (this.busy || this.phase !== 'idle') return;
    const { signal } = this.controller;
    return loadAfterClick().then(
      (code) => code.confirmReturn(this, data, transactionId, settings, signal),
      () => {},
    );
  }

  /** The `fallback="hosted"` payment: the gateway's own page, back at `returnUrl` (resolved against `base`). */
  payByCard(data: PaymentData, settings: PaymentSettings, returnUrl: string, base: string): Promise<void> {
    const before = this.phase;
    const signal = this.begin(settings);
    this.to('processing', signal);
    const paying = loadAfterClick().then((code) => code.payByCard(this, data, settings, returnUrl, base, before, signal), loadFailed);
    return this.settle(paying, data, signal);
  }

  /** @internal */
  begin(settings: PaymentSettings, signal = this.controller.signal): AbortSignal {
    this.busy = true;
    this.settings = settings;
    return signal;
  }

  /** @internal Finishes a flow unless it was cancelled meanwhile. */
  async settle(flow: Promise<FlowResult | void | undefined>, data: PaymentData, signal: AbortSignal): Promise<void> {
    try {
      const result = await flow;
      if (result && !signal.aborted) this.finish(result, data);
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      if (!signal.aborted) this.busy = false;
    }
  }

  /** @internal A phase change a flow asks for, unless the flow was cancelled. */
  to(phase: Phase, signal: AbortSignal): void {
    if (!signal.aborted) this.show(phase);
  }

  /** @internal */
  show(phase: Phase): void {
    this.phase = phase;
    this.view.changed();
  }

  /** @internal */
  fail(code: string): void {
    this.failureText = this.wordsFor(this.settings.messages, code);
    this.show('failure');
  }

  /**
   * The payer's words for a failure code. The code tables (and English's failure texts) come with
   * the after-click code; a failure without it (it did not load, or the element left while it
   * loaded) sent nothing, so the generic words are the right ones.
   */
  private wordsFor(messages: PageMessages, code: string): string {
    return afterClick()?.failureText(messages, code, this.profile.id) ?? messages.failure.generic;
  }

  /** What the payer sees and the page hears; all but a cancel or an error before any request come from the after-click code. */
  private finish(result: FlowResult, data: PaymentData): void {
    if (result.kind === 'cancel') {
      this.show('idle');
      this.view.emit('payment-cancel', {});
    } else if (result.kind === 'error' && result.code === 'LOAD_FAILED') {
      // The payer tried to pay and could not: plain words on the page (the code and the browser's reason are the developer's).
      this.fail(result.code);
      this.view.reportError({ code: result.code, message: result.message });
    } else if (result.kind === 'error' && !result.transactionId) {
      this.show('idle');
      this.view.reportError({ code: result.code, message: result.message });
    } else afterClick()!.announce(this, result, data);
  }
}
