import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadGooglePay } from '../google-pay/loader.js';
import { paymentsClient } from '../google-pay/clients.js';
import { baseCardMethod, isReadyToPayRequest } from '../google-pay/request.js';
import type { ButtonOptions, Environment, PaymentsClient } from '../google-pay/types.js';

/** Google's `ButtonOptions.buttonType`. */
export type GooglePayButtonType = 'book' | 'buy' | 'checkout' | 'donate' | 'order' | 'pay' | 'plain' | 'subscribe';
/** Google's `ButtonOptions.buttonColor`. */
export type GooglePayButtonColor = 'default' | 'black' | 'white';
/** Google's `ButtonOptions.buttonSizeMode`. */
export type GooglePayButtonSizeMode = 'static' | 'fill';

/** `@lit/task`'s statuses: not started, running, done (Google Pay ready), failed (unavailable). */
export type ReadinessStatus = 'initial' | 'pending' | 'complete' | 'error';
export type UnavailableReason = 'not-ready' | 'load-failed' | 'error';

export interface ReadinessInputs {
  environment(): Environment;
  nonce(): string | undefined;
  /** The options of Google's button the page controls, its language included. */
  buttonOptions(): Partial<ButtonOptions>;
  onClick(): void;
  /** Google Pay is unavailable; `problem` names a configuration error of the page. */
  failed(reason: UnavailableReason, problem?: string): void;
}

type Host = ReactiveControllerHost & Element & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Whether Google Pay can be offered, shaped like `@lit/task` (`status`, `value`, `error`, `run`,
 * `abort`) without its bytes: loads pay.js, asks `isReadyToPay`, and creates Google's button.
 * It runs again when the environment changes, and the button is rebuilt only when the environment
 * or the button's options (its locale included) change by value: a rebuilt button between the
 * payer's press and release loses the click, and pages set `<html lang>` often, mostly to the value
 * it already has. Removing the host cancels a check in flight: nothing fires after removal.
 */
export class GooglePayReadiness implements ReactiveController {
  status: ReadinessStatus = 'initial';
  /** Google's button, once `complete`. */
  value?: HTMLElement;
  /** Why Google Pay is unavailable, once `error`. */
  error?: UnavailableReason;
  client?: PaymentsClient;
  /** The environment of the last run. */
  private ran?: Environment;
  private buttonKey?: string;
  private controller?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly inputs: ReadinessInputs,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.requestUpdate(); // back after a cancelled run, or where the page's language differs
  }

  /**
   * Before each render, like `@lit/task`'s auto-run: a new environment runs the check again. A
   * disconnected host (its language unknown) changes nothing.
   */
  hostUpdate(): void {
    if (!this.host.isConnected) return;
    if (this.inputs.environment() !== this.ran) void this.run();
    else this.refreshButton();
  }

  hostDisconnected(): void {
    // A move within the page (disconnected, then connected again at once) goes on.
    queueMicrotask(() => this.host.isConnected || this.abort());
  }

  /** Stops a check in flight: its result is dropped, and the next connection runs it again. */
  abort(): void {
    if (this.status !== 'pending') return;
    this.controller?.abort();
    this.status = 'initial';
    this.ran = undefined;
  }

  async run(): Promise<void> {
    this.controller?.abort();
    const { signal } = (this.controller = new AbortController());
    const environment = (this.ran = this.inputs.environment());
    this.status = 'pending';
    if (environment !== 'TEST' && environment !== 'PRODUCTION') {
      return this.fail('error', `environment must be TEST or PRODUCTION, not "${environment}"`);
    }
    const nonce = this.inputs.nonce();
    let api;
    try {
      api = await loadGooglePay(nonce);
    } catch {
      return signal.aborted ? undefined : this.fail('load-failed');
    }
    try {
      const client = paymentsClient(api, environment, nonce);
      const { result } = await client.isReadyToPay(isReadyToPayRequest());
      if (signal.aborted) return;
      if (!result) return this.fail('not-ready');
      this.client = client;
      this.status = 'complete';
      this.refreshButton();
    } catch {
      if (!signal.aborted) this.fail('error');
    }
    this.host.requestUpdate();
  }

  private fail(reason: UnavailableReason, problem?: string): void {
    this.status = 'error';
    this.error = reason;
    this.inputs.failed(reason, problem);
    this.host.requestUpdate();
  }

  /** Creates Google's button when there is none yet or what it shows changed. */
  private refreshButton(): void {
    const { client } = this;
    if (!client || this.status !== 'complete') return;
    const shown = this.inputs.buttonOptions();
    const key = JSON.stringify([this.ran, shown]);
    if (key === this.buttonKey) return;
    this.buttonKey = key;
    this.value = client.createButton({
      onClick: () => this.inputs.onClick(),
      allowedPaymentMethods: [baseCardMethod()],
      buttonRootNode: this.host.renderRoot as ShadowRoot,
      ...shown,
    });
  }
}

/** The options of Google's button that the page controls, from the element's properties. */
export function buttonOptions(
  el: { buttonColor?: string; buttonType?: string; buttonSizeMode?: string; buttonRadius?: number },
  buttonLocale: string | undefined,
): Partial<ButtonOptions> {
  const options: Partial<ButtonOptions> = {};
  if (el.buttonColor) options.buttonColor = el.buttonColor;
  if (el.buttonType) options.buttonType = el.buttonType;
  if (el.buttonSizeMode) options.buttonSizeMode = el.buttonSizeMode;
  if (el.buttonRadius !== undefined && !Number.isNaN(el.buttonRadius)) options.buttonRadius = el.buttonRadius;
  if (buttonLocale) options.buttonLocale = buttonLocale;
  return options;
}
