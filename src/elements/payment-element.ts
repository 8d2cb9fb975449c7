import { html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { validatePaymentData } from '../protocol/payment-data.js';
import { canonicalJson } from '../protocol/canonical-json.js';
import type { PaymentData, Validation } from '../protocol/index.js';
import { loadGooglePay, pageNonce, preconnectGooglePay } from '../google-pay/loader.js';
import { paymentsClient, sheetIsOpen } from '../google-pay/clients.js';
import { baseCardMethod, isReadyToPayRequest, paymentDataRequest } from '../google-pay/request.js';
import type { GatewayProfile } from '../gateways/profile.js';
import type { ButtonOptions, Environment, PaymentsClient } from '../google-pay/types.js';
import { payWithGooglePay, type FlowResult } from '../checkout/google-pay-flow.js';
import type { BackendPolicy } from '../checkout/backend-client.js';
import { afterClick, loadAfterClick } from '../checkout/lazy.js';
import { returningTransaction, withoutReturnParams } from '../protocol/return-url.js';
import { buttonLocaleFor, failureMessage, localeOf, messagesFor, pageLanguage, type Messages } from '../i18n/index.js';
import { emit, type PaymentErrorDetail } from './events.js';
import { styles } from './payment-element.styles.js';
import { PageLanguage } from './page-language.js';

export type PaymentState = 'loading' | 'ready' | 'unavailable' | 'invalid' | 'processing' | 'success' | 'failure';
type Phase = 'idle' | 'processing' | 'checking' | 'redirecting' | 'success' | 'failure';

/** Stable text of `data` so a new object with the same content is recognised as unchanged. */
function contentKey(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `${typeof value}:${String(value)}`;
  try {
    return canonicalJson(value);
  } catch {
    return String(Math.random()); // cyclic: treat as changed, validation reports it
  }
}

const buttonKey = (options: Partial<ButtonOptions>): string => JSON.stringify(options);

const dataConverter = { fromAttribute: (value: string | null) => value ?? undefined };

/**
 * Shared implementation of `<paytool-button>` and `<feennex-pay>`: validates `data`, shows Google's
 * button once Google Pay is ready, and runs one payment per click through the merchant's backend.
 */
export abstract class PaymentElement extends LitElement {
  static override styles = styles;
  // `static properties` rather than decorators: no decorator helpers in the bundle, and nothing
  // for a build tool to leave untransformed.
  static override properties: PropertyDeclarations = {
    data: { attribute: 'data', converter: dataConverter, hasChanged: (a, b) => contentKey(a) !== contentKey(b) },
    endpoint: {},
    environment: {},
    buttonType: { attribute: 'button-type' },
    buttonColor: { attribute: 'button-color' },
    buttonRadius: { attribute: 'button-radius', type: Number },
    buttonSizeMode: { attribute: 'button-size-mode' },
    locale: {},
    disabled: { type: Boolean, reflect: true },
    fallback: {},
    returnUrl: { attribute: 'return-url' },
  };
  /** The subclass's gateway: Google Pay gateway id, default endpoint, failure-code groups. */
  static profile: GatewayProfile;

  /** Payment data (docs/protocol.md §2.1); also accepted as JSON text in the `data` attribute. */
  declare data?: PaymentData | string;

  /** Merchant backend URL the token is POSTed to. */
  declare endpoint: string;

  /** Google Pay environment: `TEST` or `PRODUCTION`. */
  environment: Environment = 'TEST';

  /** Passed to Google's `createButton` as `buttonType`. */
  declare buttonType?: string;
  /** Passed to Google's `createButton` as `buttonColor`. */
  declare buttonColor?: string;
  /** Passed to Google's `createButton` as `buttonRadius` (pixels). */
  declare buttonRadius?: number;
  /** Passed to Google's `createButton` as `buttonSizeMode` (`static` or `fill`). */
  declare buttonSizeMode?: string;
  /** Language of the button (`buttonLocale`) and of the element's messages. */
  declare locale?: string;
  /** When present, no payment can start. */
  disabled = false;
  /** `hosted`: offer a "Pay by card" button to the gateway's hosted page when Google Pay is unavailable. */
  fallback: 'none' | 'hosted' = 'none';
  /** Where the hosted payment page returns the payer; defaults to the current page. */
  declare returnUrl?: string;

  /** Timeouts and retries of the backend exchange; tests and unusual backends may tune it. */
  backendPolicy?: BackendPolicy;

  declare private validation?: Validation<PaymentData>;
  private google: 'loading' | 'ready' | 'unavailable' = 'loading';
  private phase: Phase = 'idle';
  private failureText = '';
  declare private googleButton?: HTMLElement;

  private client?: PaymentsClient;
  private busy = false;
  /** The payer started the payment from inside the element: keep focus inside when the button goes. */
  private focusInside = false;
  private wasReady = false;
  private wasInvalid = false;
  private checkedEnvironment?: Environment;
  /** A return from an off-page step is looked at once, when the first valid `data` is known. */
  private returnLookedAt = false;

  constructor() {
    super();
    this.endpoint = (this.constructor as typeof PaymentElement).profile.defaultEndpoint;
  }

  /** Current state, reflected to the `state` attribute: `loading`, `ready`, `unavailable`, `invalid`, `processing`, `success` or `failure`. */
  get state(): PaymentState {
    if (this.phase === 'processing' || this.phase === 'checking' || this.phase === 'redirecting') return 'processing';
    if (this.phase === 'success' || this.phase === 'failure') return this.phase;
    if (this.validation && !this.validation.ok) return 'invalid';
    if (this.google === 'unavailable') return 'unavailable';
    if (this.google === 'loading' || !this.validation) return 'loading';
    return 'ready';
  }

  /**
   * The `nonce` attribute, read through the platform's own `nonce` property: browsers hide the
   * attribute's value once a CSP applies, but the property keeps it.
   */
  private get cspNonce(): string | undefined {
    return this.nonce || this.getAttribute('nonce') || pageNonce();
  }

  private get messages(): Messages {
    return messagesFor(this.locale || localeOf(this), () => this.requestUpdate());
  }

  /** Google's `buttonLocale`: the `locale` attribute, else the page's language, else Google's default. */
  private get buttonLocale(): string | undefined {
    return buttonLocaleFor(this.locale || pageLanguage(this));
  }

  // The page may switch its language (`<html lang>`) at any time: messages and button follow it.
  protected readonly language = new PageLanguage(this, () => this.languageChanged());

  override connectedCallback(): void {
    super.connectedCallback();
    preconnectGooglePay();
    if (this.checkedEnvironment !== this.environment) void this.checkGooglePay();
  }

  private languageChanged(): void {
    this.refreshGoogleButton();
    this.requestUpdate();
  }

  /**
   * Rebuilds Google's button only when what it shows changed (its options compared by value):
   * a rebuilt button between the payer's press and release loses the click, and pages set
   * `<html lang>` often, mostly to the value it already has.
   */
  private refreshGoogleButton(): void {
    if (this.googleButton && this.client && buttonKey(this.buttonOptions()) !== this.googleButtonKey) {
      this.googleButton = this.createGoogleButton(this.client);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || (changed.has('environment') && this.data !== undefined)) {
      this.validation = this.data === undefined ? undefined : this.check();
      // New data after a finished payment is a new order; the page's first data (set while a
      // returning payer's payment is being confirmed, say) is not.
      const newOrder = changed.has('data') && changed.get('data') !== undefined;
      if (newOrder && (this.phase === 'success' || this.phase === 'failure')) this.phase = 'idle';
    }
    if (changed.has('environment') && this.isConnected && this.checkedEnvironment !== undefined && this.checkedEnvironment !== this.environment) {
      void this.checkGooglePay();
    }
    const buttonOptionChanged = ['buttonType', 'buttonColor', 'buttonRadius', 'buttonSizeMode', 'locale'].some((k) =>
      (changed as Map<PropertyKey, unknown>).has(k),
    );
    if (buttonOptionChanged) this.refreshGoogleButton();
  }

  protected override updated(): void {
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    this.announceReadiness();
    this.keepFocus();
    if (!this.returnLookedAt && this.validation?.ok) {
      this.returnLookedAt = true;
      void this.confirmReturn(this.validation.value);
    }
  }

  /** When the control the payer used disappears (success hides the button), focus the status message. */
  private keepFocus(): void {
    // Only once the payment has ended: while the Google Pay sheet is open, focus belongs to it.
    if (!this.focusInside || (this.phase !== 'success' && this.phase !== 'failure')) return;
    this.focusInside = false;
    const active = this.shadowRoot!.activeElement as HTMLElement | null;
    const lost = !active || active.offsetParent === null;
    const pageLostIt = this.ownerDocument.activeElement === this.ownerDocument.body;
    if (lost && (pageLostIt || this.ownerDocument.activeElement === this)) {
      this.shadowRoot!.querySelector<HTMLElement>('[part="status"]')?.focus();
    }
  }

  /** Validates the current `data` with the element's configuration. */
  private check(): Validation<PaymentData> {
    const result = validatePaymentData(this.data);
    if (result.ok && this.environment === 'PRODUCTION' && !result.value.merchantId) {
      const issues = [{ path: 'merchantId', message: 'is required when environment is PRODUCTION' }];
      return { ok: false, issues, message: `Invalid data: merchantId ${issues[0]!.message}` };
    }
    return result;
  }

  /** Fires events only when readiness changes (docs/protocol.md §2.3), never for a same-content `data`. */
  private announceReadiness(): void {
    const invalid = !!this.validation && !this.validation.ok;
    if (invalid && !this.wasInvalid && this.validation && !this.validation.ok) {
      const { issues, message } = this.validation;
      this.reportError({ code: 'INVALID_DATA', message, issues });
    }
    this.wasInvalid = invalid;
    const ready = !!this.validation?.ok && this.google === 'ready';
    if (ready && !this.wasReady) {
      emit(this, 'payment-ready', {});
      void loadAfterClick().catch(() => undefined); // prefetch what a click needs
    }
    this.wasReady = ready;
  }

  private async checkGooglePay(): Promise<void> {
    const environment = (this.checkedEnvironment = this.environment);
    if (environment !== 'TEST' && environment !== 'PRODUCTION') {
      this.reportError({ code: 'INVALID_CONFIGURATION', message: `environment must be TEST or PRODUCTION, not "${environment}"` });
      return this.unavailable('error');
    }
    this.google = 'loading';
    let api;
    try {
      api = await loadGooglePay(this.cspNonce);
    } catch {
      return this.unavailable('load-failed');
    }
    try {
      const client = paymentsClient(api, environment, this.cspNonce);
      const { result } = await client.isReadyToPay(isReadyToPayRequest());
      if (environment !== this.environment) return;
      if (!result) return this.unavailable('not-ready');
      this.client = client;
      this.googleButton ??= this.createGoogleButton(client);
      this.google = 'ready';
    } catch {
      this.unavailable('error');
    }
  }

  private unavailable(reason: 'not-ready' | 'load-failed' | 'error'): void {
    this.google = 'unavailable';
    emit(this, 'payment-unavailable', { reason });
  }

  /** The options of Google's button that the page controls. */
  private buttonOptions(): Partial<ButtonOptions> {
    const options: Partial<ButtonOptions> = {};
    if (this.buttonColor) options.buttonColor = this.buttonColor;
    if (this.buttonType) options.buttonType = this.buttonType;
    if (this.buttonSizeMode) options.buttonSizeMode = this.buttonSizeMode;
    if (this.buttonRadius !== undefined && !Number.isNaN(this.buttonRadius)) options.buttonRadius = this.buttonRadius;
    const buttonLocale = this.buttonLocale;
    if (buttonLocale) options.buttonLocale = buttonLocale;
    return options;
  }

  declare private googleButtonKey?: string;

  private createGoogleButton(client: PaymentsClient): HTMLElement {
    const shown = this.buttonOptions();
    this.googleButtonKey = buttonKey(shown);
    return client.createButton({
      onClick: () => this.pay(),
      allowedPaymentMethods: [baseCardMethod()],
      buttonRootNode: this.renderRoot as ShadowRoot,
      ...shown,
    });
  }

  /** Integration errors are for developers: an event and the console; payers see plain words. */
  private reportError(detail: PaymentErrorDetail, log = true): void {
    if (log) console.error(`[paytool-elements] <${this.localName}> ${detail.code}: ${detail.message}`);
    emit(this, 'payment-error', detail);
  }

  /** Validates the data current at click time; a second click while a payment runs starts nothing. */
  private startPayment(): PaymentData | undefined {
    // Only from rest or after a failure: never while a payment runs, is being confirmed or is
    // on its way to 3-D Secure or the hosted page, and never again after a success.
    const canStart = this.phase === 'idle' || this.phase === 'failure';
    if (this.disabled || this.busy || sheetIsOpen() || !canStart) return undefined;
    const checked = this.check();
    this.validation = checked;
    if (!checked.ok) return undefined;
    this.focusInside = !!this.shadowRoot!.activeElement;
    return checked.value;
  }

  private pay(): void {
    const data = this.startPayment();
    if (!data || !this.client) return;
    this.busy = true;
    const { id: gateway, failureGroups } = (this.constructor as typeof PaymentElement).profile;
    const messages = this.messages;
    payWithGooglePay({
      client: this.client,
      request: paymentDataRequest(data, gateway),
      data,
      endpoint: this.endpoint,
      ...(this.backendPolicy ? { policy: this.backendPolicy } : {}),
      describe: (code) => failureMessage(messages, code, failureGroups),
      checkingText: messages.checking,
      onProcessing: () => (this.phase = 'processing'),
      onChecking: () => (this.phase = 'checking'),
    })
      .then((result) => this.finish(result, data))
      .finally(() => (this.busy = false));
  }

  /**
   * A payer back from 3-D Secure or a hosted page (`?paytool-result=…&transactionId=…`): the
   * outcome is asked from the backend, never taken from the URL — and only for a payment this tab
   * started from this element for the same amount and currency. A link naming any other payment
   * (crafted, or another element's) is left alone: no event, no request.
   */
  private async confirmReturn(data: PaymentData): Promise<void> {
    await null; // called from updated(): change state in the next update, not this one
    const transactionId = returningTransaction(location.href);
    if (!transactionId || this.busy || this.phase !== 'idle') return;
    const code = await loadAfterClick().catch(() => undefined);
    if (!code?.wasStartedHere(code.tabStorage(), { transactionId, ...this.startedBy(data) }) || this.busy || this.phase !== 'idle') return;
    this.busy = true;
    this.phase = 'checking';
    try {
      const result = await code?.confirmReturnedPayment(this.endpoint, transactionId, this.backendPolicy, () => {});
      if (!result) {
        this.phase = 'idle';
        return;
      }
      code.forgetStarted(code.tabStorage(), transactionId);
      history.replaceState(history.state, '', withoutReturnParams(location.href));
      this.finish(result, data);
    } finally {
      this.busy = false;
    }
  }

  private startedBy(data: PaymentData) {
    return { element: this.localName, endpoint: this.endpoint, amount: data.amount, currency: data.currencyCode };
  }

  private async payByCard(): Promise<void> {
    const data = this.startPayment();
    if (!data) return;
    const phase = this.phase;
    this.busy = true;
    this.phase = 'processing';
    try {
      const code = await loadAfterClick().catch(() => undefined);
      // Nothing was sent: the payer may simply try again.
      if (!code) return this.finish({ kind: 'error', code: 'LOAD_FAILED', message: 'The checkout code could not be loaded; nothing was charged' }, data);
      const returnUrl = code.absoluteHttpUrl(this.returnUrl ?? location.href, document.baseURI);
      if (!returnUrl) {
        this.phase = phase;
        const issues = [{ path: 'return-url', message: 'must be an absolute http(s) URL' }];
        return this.reportError({ code: 'INVALID_CONFIGURATION', message: `return-url ${issues[0]!.message}`, issues });
      }
      this.finish(await code.payOnHostedPage(data, this.endpoint, returnUrl, this.backendPolicy, () => (this.phase = 'checking')), data);
    } finally {
      this.busy = false;
    }
  }

  private finish(result: FlowResult, data: PaymentData): void {
    const messages = this.messages;
    switch (result.kind) {
      case 'cancel':
        this.phase = 'idle';
        emit(this, 'payment-cancel', {});
        return;
      case 'error':
        // After the backend answered (a redirect to a non-http URL, say), the payer is told the
        // payment did not go through, in plain words; the details are the developer's.
        if (result.transactionId) {
          this.failureText = failureMessage(messages, result.code);
          this.phase = 'failure';
        } else this.phase = 'idle';
        return this.reportError({ code: result.code, message: result.message });
      case 'success':
        this.phase = 'success';
        emit(this, 'payment-success', { transactionId: result.transactionId, status: result.status, response: result.response });
        return;
      case 'failure':
        this.failureText = failureMessage(messages, result.code, (this.constructor as typeof PaymentElement).profile.failureGroups);
        this.phase = 'failure';
        emit(this, 'payment-failure', {
          transactionId: result.transactionId,
          code: result.code,
          message: this.failureText,
          response: result.response,
        });
        return this.hintDeveloper(result);
      case 'redirect': {
        const { transactionId, redirect } = result;
        this.phase = 'redirecting';
        afterClick()!.rememberStarted(afterClick()!.tabStorage(), { transactionId, ...this.startedBy(data) });
        if (emit(this, 'payment-redirect', { transactionId, url: redirect.url, method: redirect.method }, true)) {
          afterClick()!.navigate(redirect, this.ownerDocument);
        }
      }
    }
  }

  /** A token the gateway refused is the page's configuration: tell the integrator, not the payer. */
  private hintDeveloper({ code, message, response }: { code: string; message?: string; response: Record<string, unknown> }): void {
    const { merchantIdName } = (this.constructor as typeof PaymentElement).profile;
    const hint = afterClick()!.tokenRefusalHint(response, this.validation?.ok ? this.validation.value : undefined, merchantIdName);
    if (hint) {
      console.warn(`<${this.localName}>: ${hint.message}`);
      return this.reportError(hint, false);
    }
    // The backend's gateway credentials were refused (Fenige E8002, a Feennex signature error 10):
    // the payer reads "contact the shop", the developer gets the backend's words.
    if (code === 'E8002' || code === 'FEENNEX_10') this.reportError({ code, message: message ?? code });
  }

  private statusText(messages: Messages): string {
    switch (this.phase) {
      case 'processing':
        return messages.processing;
      case 'checking':
        return messages.checking;
      case 'redirecting':
        return messages.redirecting;
      case 'success':
        return messages.success;
      case 'failure':
        return this.failureText;
    }
    // The details (which field, why) are in payment-error and the console, not in front of payers.
    if (this.validation && !this.validation.ok) return `${messages.invalidData}.`;
    return '';
  }

  protected override render() {
    const messages = this.messages;
    const state = this.state;
    const showButton = this.google === 'ready' && (state === 'ready' || state === 'failure' || state === 'processing');
    const showFallback = this.fallback === 'hosted' && this.google === 'unavailable' && state !== 'invalid' && state !== 'success';
    const locked = this.disabled || state === 'processing';
    return html`<div class="container" part="container">
      <div class="button" part="button" ?hidden=${!showButton && state !== 'loading'} aria-disabled=${locked ? 'true' : 'false'}>${this.googleButton}</div>
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
      <div class="status" part="status" role="status" dir="auto" aria-live="polite" tabindex="-1" data-tone=${state}>${this.statusText(messages)}</div>
    </div>`;
  }
}

// Internal reactive state, declared apart from the public properties above (so the manifest
// lists only what integrators may set).
for (const name of ['validation', 'google', 'phase', 'failureText', 'googleButton']) {
  PaymentElement.createProperty(name, { state: true });
}
