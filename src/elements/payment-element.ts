import { html, LitElement, type PropertyValues } from 'lit';
import type { PaymentData, Validation } from '../protocol/index.js';
import { pageNonce } from '../google-pay/loader.js';
import type { GatewayProfile } from '../gateways/profile.js';
import type { Environment } from '../google-pay/types.js';
import type { BackendPolicy } from '../checkout/backend-client.js';
import { CheckoutSession, type PaymentSettings } from '../checkout/session.js';
import { afterClick, loadAfterClick } from '../checkout/lazy.js';
import { returningTransaction, withoutReturnParams } from '../protocol/return-url.js';
import { buttonLocaleFor, localeOf, messagesFor, pageLanguage, type PageMessages } from '../i18n/index.js';
import { emit, type PaymentErrorDetail } from './events.js';
import { styles } from './payment-element.styles.js';
import { PageLanguage } from './page-language.js';
import { GooglePayReadiness, buttonOptions, type GooglePayButtonColor, type GooglePayButtonSizeMode, type GooglePayButtonType } from './readiness.js';
import { checkData, contentKey, dataConverter } from './data-check.js';
import { FocusKeeper } from './focus-keeper.js';
import type { FieldsOf, Property } from './property-table.js';
import { stateOf, type PaymentState } from './state.js';
export type { PaymentState } from './state.js';

/**
 * Shared implementation of `<paytool-button>` and `<feennex-pay>`, a view: it validates `data` and
 * renders what its controllers know — Google Pay's readiness (readiness.ts), the page's language
 * (page-language.ts) — and its payments (`CheckoutSession`, src/checkout/session.ts).
 *
 * @event {CustomEvent<PaymentReadyDetail>} payment-ready - Google Pay is available and the button is shown. `detail: {}`
 * @event {CustomEvent<PaymentUnavailableDetail>} payment-unavailable - `isReadyToPay` said no, or the client failed to load. `detail: { reason }`
 * @event {CustomEvent<PaymentCancelDetail>} payment-cancel - The payer closed the Google Pay sheet. `detail: {}`
 * @event {CustomEvent<PaymentSuccessDetail>} payment-success - The backend reported an approved payment. `detail: { transactionId, status, response }`
 * @event {CustomEvent<PaymentFailureDetail>} payment-failure - Declined or rejected, or the outcome could not be established. `detail: { transactionId, code, message, response }`
 * @event {CustomEvent<PaymentErrorDetail>} payment-error - An integration error: invalid `data` or bad configuration. `detail: { code, message, issues? }`
 * @event {CustomEvent<PaymentRedirectDetail>} payment-redirect - Cancelable; fired just before navigating to 3-D Secure or a hosted page. `detail: { transactionId, url, method }`
 * @attr {string} nonce - CSP nonce put on the injected pay.js `<script>` and passed to Google's `PaymentsClient`.
 * @attr {PaymentState} state - Read-only, reflected: `loading`, `ready`, `unavailable`, `invalid`, `processing`, `success` or `failure`.
 * @csspart container - The wrapper of everything the element shows.
 * @csspart button - The box holding Google's button (the button itself is never restyled).
 * @csspart fallback-button - The "Pay by card" button of `fallback="hosted"`.
 * @csspart status - The status message (polite live region).
 * @cssprop --paytool-font - Font of the element's own texts.
 * @cssprop --paytool-text-color - Text colour.
 * @cssprop --paytool-gap - Space between the button and the status message.
 * @cssprop --paytool-button-height - Height held for Google's button while Google Pay loads, so the page does not move when it arrives (default 40px).
 * @cssprop --paytool-radius - Corner radius of the status area and the fallback button.
 * @cssprop --paytool-status-padding - Padding of the status area.
 * @cssprop --paytool-status-background - Background of the status area.
 * @cssprop --paytool-success-color - Colour of the success message.
 * @cssprop --paytool-error-color - Colour of failure and configuration messages.
 * @cssprop --paytool-fallback-background - Background of the "Pay by card" button.
 * @cssprop --paytool-fallback-color - Text colour of the "Pay by card" button.
 * @cssprop --paytool-fallback-border - Border colour of the "Pay by card" button.
 * @cssprop --paytool-focus-color - Focus ring colour.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see `interface PaymentElement` below
export abstract class PaymentElement extends LitElement {
  static override styles = styles;
  /**
   * The public properties, each declared once: Lit's options, the type (property-table.ts) and the
   * JSDoc the manifest reads. The typed fields come from here (`interface PaymentElement` below).
   */
  static override properties = {
    /** Payment data (docs/protocol.md §2.1); also accepted as JSON text in the `data` attribute. */
    data: { attribute: 'data', converter: dataConverter, hasChanged: (a, b) => contentKey(a) !== contentKey(b) } as Property<PaymentData | string | undefined>,
    /** Merchant backend URL the token is POSTed to. */
    endpoint: {} as Property<string>,
    /** Google Pay environment: `TEST` or `PRODUCTION`. */
    environment: {} as Property<Environment>,
    /** Google's `buttonType`: `book`, `buy`, `checkout`, `donate`, `order`, `pay`, `plain` or `subscribe`. */
    buttonType: { attribute: 'button-type' } as Property<GooglePayButtonType | undefined>,
    /** Google's `buttonColor`: `default`, `black` or `white`. */
    buttonColor: { attribute: 'button-color' } as Property<GooglePayButtonColor | undefined>,
    /** Google's `buttonRadius`: corner radius of the button, in pixels. */
    buttonRadius: { attribute: 'button-radius', type: Number } as Property<number | undefined>,
    /** Google's `buttonSizeMode`: `static` or `fill`. */
    buttonSizeMode: { attribute: 'button-size-mode' } as Property<GooglePayButtonSizeMode | undefined>,
    /** Language of the button (`buttonLocale`) and of the element's messages. */
    locale: {} as Property<string | undefined>,
    /** When present, no payment can start. */
    disabled: { type: Boolean, reflect: true } as Property<boolean>,
    /** `hosted`: offer a "Pay by card" button to the gateway's hosted page when Google Pay is unavailable. */
    fallback: {} as Property<'none' | 'hosted'>,
    /** Where the hosted payment page returns the payer; defaults to the current page. */
    returnUrl: { attribute: 'return-url' } as Property<string | undefined>,
  };
  /** The subclass's gateway: Google Pay gateway id, default endpoint, failure-code groups. */
  static profile: GatewayProfile;

  /** Registers a subclass (its tag is also in its JSDoc, `@tagname`, for the manifest) once: a page may load the script twice. */
  static define(this: CustomElementConstructor & typeof PaymentElement, tag: string, profile: GatewayProfile): void {
    const registry = customElements; // not `customElements.define(…)`: the manifest analyzer would take `tag` for a tag name
    this.profile = profile;
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Timeouts and retries of the backend exchange; tests and unusual backends may tune it. */
  backendPolicy?: BackendPolicy;

  declare private validation?: Validation<PaymentData>;
  private wasReady = false;
  private wasInvalid = false;
  /** A return from an off-page step is looked at once, when the first valid `data` is known. */
  private returnLookedAt = false;

  constructor() {
    super();
    this.endpoint = (this.constructor as typeof PaymentElement).profile.defaultEndpoint;
    this.environment = 'TEST';
    this.disabled = false;
    this.fallback = 'none';
  }

  // The page may switch its language (`<html lang>`) at any time: messages and button follow it.
  protected readonly language = new PageLanguage(this, () => this.requestUpdate());
  protected readonly focusKeeper = new FocusKeeper(this, () => this.session.phase === 'success' || this.session.phase === 'failure');

  protected readonly readiness = new GooglePayReadiness(this, {
    environment: () => this.environment,
    // Read through the `nonce` property: browsers hide the attribute's value under a CSP.
    nonce: () => this.nonce || this.getAttribute('nonce') || pageNonce(),
    // The `locale` attribute, else the page's language, else Google's default.
    buttonOptions: () => buttonOptions(this, buttonLocaleFor(this.locale || pageLanguage(this))),
    onClick: () => this.pay(),
    failed: (reason, problem) => {
      if (problem) this.reportError({ code: 'INVALID_CONFIGURATION', message: problem });
      emit(this, 'payment-unavailable', { reason });
    },
  });

  protected readonly session = new CheckoutSession(
    {
      changed: () => this.requestUpdate(),
      emit: (type, detail, cancelable) => emit(this, type, detail, cancelable),
      reportError: (detail, log) => this.reportError(detail, log),
      navigate: (redirect) => afterClick()!.navigate(redirect, this.ownerDocument),
      returned: () => history.replaceState(history.state, '', withoutReturnParams(location.href)),
    },
    (this.constructor as typeof PaymentElement).profile,
    this.localName,
  );

  /** Current state, reflected to the `state` attribute: `loading`, `ready`, `unavailable`, `invalid`, `processing`, `success` or `failure`. */
  get state(): PaymentState {
    return stateOf(this.session, this.validation, this.readiness.status);
  }

  private get messages(): PageMessages {
    return messagesFor(this.locale || localeOf(this), () => this.requestUpdate()); // a language still loading renders again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page cancels the payment in flight; a move within it (connected again at once) does not.
    queueMicrotask(() => this.isConnected || this.session.abort());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || (changed.has('environment') && this.data !== undefined)) {
      this.validation = this.data === undefined ? undefined : checkData(this.data, this.environment);
      // New data after a finished payment is a new order; the page's first data is not (a returning payer's, say).
      if (changed.has('data') && changed.get('data') !== undefined) this.session.newOrder();
    }
  }

  protected override updated(): void {
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    this.announceReadiness();
    if (!this.returnLookedAt && this.validation?.ok) {
      this.returnLookedAt = true;
      const transactionId = returningTransaction(location.href);
      if (transactionId) void this.session.confirmReturn(this.validation.value, transactionId, this.settings());
    }
  }

  /** Fires events only when readiness changes (docs/protocol.md §2.3), never for a same-content `data`. */
  private announceReadiness(): void {
    const { validation } = this;
    if (validation && !validation.ok && !this.wasInvalid) this.reportError({ code: 'INVALID_DATA', message: validation.message, issues: validation.issues });
    this.wasInvalid = !!validation && !validation.ok;
    const ready = !!this.validation?.ok && this.readiness.status === 'complete';
    if (ready && !this.wasReady) {
      emit(this, 'payment-ready', {});
      // Prefetch in a task of its own: starting the import costs main-thread time (bench/RESULTS.md); the page's payment-ready handlers come first.
      setTimeout(() => void loadAfterClick().catch(() => undefined));
    }
    this.wasReady = ready;
  }

  /** Integration errors are for developers: an event and the console; payers see plain words. */
  private reportError(detail: PaymentErrorDetail, log = true): void {
    if (log) console.error(`[paytool-elements] <${this.localName}> ${detail.code}: ${detail.message}`);
    emit(this, 'payment-error', detail);
  }

  /** Validates the data current at click time; a second click while a payment runs starts nothing. */
  private startPayment(): PaymentData | undefined {
    if (this.disabled || !this.session.canStart()) return undefined;
    const checked = checkData(this.data, this.environment);
    this.validation = checked;
    if (!checked.ok) return undefined;
    this.focusKeeper.started();
    return checked.value;
  }

  private settings(): PaymentSettings {
    return { endpoint: this.endpoint, messages: this.messages, policy: this.backendPolicy };
  }

  private pay(): void {
    const data = this.startPayment();
    const { client } = this.readiness;
    if (data && client) this.session.pay(client, data, this.settings());
  }

  private payByCard(): void {
    const data = this.startPayment();
    if (data) void this.session.payByCard(data, this.settings(), this.returnUrl ?? location.href, document.baseURI);
  }

  protected override render() {
    const messages = this.messages;
    const state = this.state;
    const google = this.readiness.status;
    const showButton = google === 'complete' && (state === 'ready' || state === 'failure' || state === 'processing');
    const showFallback = this.fallback === 'hosted' && google === 'error' && state !== 'invalid' && state !== 'success';
    const locked = this.disabled || state === 'processing';
    // The details of invalid data (which field, why) are in payment-error and the console, not in front of payers.
    const status = this.session.statusText(messages) ?? (state === 'invalid' ? `${messages.invalidData}.` : '');
    return html`<div class="container" part="container">
      <div class="button" part="button" ?hidden=${!showButton && state !== 'loading'} aria-disabled=${locked ? 'true' : 'false'}>${this.readiness.value}</div>
      <button
        type="button"
        class="fallback"
        part="fallback-button"
        ?hidden=${!showFallback}
        aria-disabled=${locked ? 'true' : 'false'}
        @click=${() => this.payByCard()}
      >
        ${messages.payByCard}
      </button>
      <div class="status" part="status" role="status" dir="auto" aria-live="polite" tabindex="-1" data-tone=${state}>${status}</div>
    </div>`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the public properties' typed fields, from the table; Lit makes them at run time
export interface PaymentElement extends FieldsOf<(typeof PaymentElement)['properties']> {}

// Internal reactive state, apart from the public properties (the manifest lists only what pages may set).
PaymentElement.createProperty('validation', { state: true });
