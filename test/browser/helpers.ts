import { oneEvent } from '@open-wc/testing';
import { installFakeGooglePay, type FakeGooglePayOptions } from '../../src/testing/index.js';
import { resetPaymentsClients } from '../../src/google-pay/clients.js';
import type { PaymentElement } from '../../src/elements/payment-element.js';
import type { BackendPolicy } from '../../src/checkout/backend-client.js';
import '../../src/index.js';

export const validData = { apiKey: 'pk_test_123', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };
export const sender = { firstName: 'Jan', lastName: 'Kowalski', email: 'jan@example.com' };

/**
 * The backend timings of every mounted element: short pauses, so retry and polling paths run in
 * milliseconds, and timeouts no busy machine reaches while an answer is on its way (a request
 * timeout or the deadline that ran out would turn a coming answer into a re-sent POST or an
 * OUTCOME_UNKNOWN). A test about running out of time sets `expiring` against answers that never
 * come in time (`hold`).
 */
export const testPolicy: BackendPolicy = { requestTimeoutMs: 60_000, maxPosts: 3, deadlineMs: 120_000, initialDelayMs: 20, maxDelayMs: 50 };

/** For tests about time running out: a request gives up after 100 ms, the outcome after 500 ms. */
export const expiring: BackendPolicy = { ...testPolicy, requestTimeoutMs: 100, deadlineMs: 500 };

export interface Scripted {
  status?: number;
  body?: unknown;
  text?: string;
  delayMs?: number;
  /** Held until the test calls `release()` (then answered), or until the client gives up (then nothing is sent). */
  hold?: boolean;
  drop?: boolean;
  headers?: Record<string, string>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  contentType?: string;
  body?: Record<string, any>;
}

/** Scripts the mock backend (test/support/mock-backend.mjs) for one test. */
export async function backend(script: { pay?: Scripted[]; status?: Scripted[]; hosted?: Scripted[] }) {
  const id = Math.random().toString(36).slice(2);
  await fetch(`/mock/${id}/script`, { method: 'POST', body: JSON.stringify(script) });
  return {
    endpoint: `/mock/${id}/pay`,
    log: async (): Promise<LoggedRequest[]> => (await fetch(`/mock/${id}/log`)).json(),
    /** Sends the `hold` answers: those waiting now, and any asked for later. */
    release: async () => void (await fetch(`/mock/${id}/release`, { method: 'POST' })),
  };
}

let fake: ReturnType<typeof installFakeGooglePay> | undefined;

/** A fresh fake Google Pay client and fresh shared clients for each test. */
export function freshGooglePay(options?: FakeGooglePayOptions) {
  fake?.uninstall();
  resetPaymentsClients();
  fake = installFakeGooglePay(options);
  return fake;
}

type Tag = 'paytool-button' | 'feennex-pay';

// Not open-wc's fixture(): it waits for an animation frame, and test files that run side by side
// sit in hidden tabs where animation frames never come.
const containers: HTMLElement[] = [];
function fixtureContainer(): HTMLDivElement {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  return container;
}
afterEach(() => containers.splice(0).forEach((c) => c.remove()));

const EVENTS = ['payment-ready', 'payment-unavailable', 'payment-cancel', 'payment-success', 'payment-failure', 'payment-error', 'payment-redirect'];
const recorded = new WeakMap<Element, CustomEvent[]>();

/** Every payment-* event an element fired since it was created, in order. */
export const eventsOf = (el: Element): CustomEvent[] => recorded.get(el) ?? [];

/** The first `type` event of `el`, whether it already fired (during connect, say) or fires later. */
export function firstEvent(el: Element, type: string): Promise<CustomEvent> {
  const seen = eventsOf(el).find((e) => e.type === type);
  return seen ? Promise.resolve(seen) : (oneEvent(el, type) as Promise<CustomEvent>);
}

function recordingContainer(container: HTMLElement): void {
  for (const type of EVENTS) {
    container.addEventListener(type, (event) => {
      const target = event.target as Element;
      recorded.set(target, [...eventsOf(target), event as CustomEvent]);
    });
  }
}

/** Renders an element with `data`, an endpoint and the test timings (`testPolicy`), recording its events. */
export async function mount(tag: Tag = 'paytool-button', props: { data?: unknown; endpoint?: string; attrs?: string } = {}) {
  const container = fixtureContainer();
  recordingContainer(container);
  container.innerHTML = `<${tag} ${props.attrs ?? ''}></${tag}>`;
  const el = container.firstElementChild as PaymentElement;
  el.backendPolicy = testPolicy;
  if (props.endpoint) el.endpoint = props.endpoint;
  if (props.data !== undefined) el.data = props.data as never;
  return el;
}

export async function mountReady(tag: Tag = 'paytool-button', props: Parameters<typeof mount>[1] = {}) {
  const container = fixtureContainer();
  recordingContainer(container);
  const ready = oneEvent(container, 'payment-ready');
  container.innerHTML = `<${tag} ${props.attrs ?? ''}></${tag}>`;
  const el = container.firstElementChild as PaymentElement;
  el.backendPolicy = testPolicy;
  if (props.endpoint) el.endpoint = props.endpoint;
  el.data = (props.data ?? validData) as never;
  await ready;
  return el;
}

/** Google's button as rendered into the element's shadow root. */
export const googleButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button')!;

export const statusText = (el: Element) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();

export const click = (el: Element) => googleButton(el).click();
