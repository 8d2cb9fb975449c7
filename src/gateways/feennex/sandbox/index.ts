import { googlePayNamesOf, type GooglePayNames } from './google-pay.js';
import { callMethod, methodNotAllowed, unknownMethod, type ApiSetup } from './api.js';
import { CallbackSender, type CallbackDelivery } from './callbacks.js';
import type { FeennexSandboxTiming } from './context.js';
import { stylesheet } from './html.js';
import { Ledger, type BalanceView } from './ledger.js';
import { isMethodName } from './methods.js';
import { payPage, threeDsPage, type PageContext } from './pages.js';
import { SandboxState } from './state.js';
import { DEFAULT_BALANCES, DEFAULT_SECRET_KEY, DEFAULT_SHOP_ID } from './test-data.js';
import { callbackFields, paymentView, payoutView, type PaymentView, type PayoutView } from './views.js';

export type { BalanceView } from './ledger.js';
export type { CallbackDelivery } from './callbacks.js';
export type { FeennexSandboxTiming } from './context.js';
export type { PaymentView, PayoutView } from './views.js';
export * from './test-data.js';
export { BILL_STATUS, INVOICE_STATUS, PAYOUT_STATUS } from './statuses.js';
export { GOOGLE_PAY_TOKEN_FIELD, GOOGLE_PAY_PAYWAY_SYSTEM, type GooglePayNames } from './google-pay.js';
export { SIGNED_KEYS } from './methods.js';

/**
 * Options of the Feennex emulator (`createFeennexEmulator`, `startSandbox({ feennex })`):
 * credentials, balances, clock, and the switches for the documents' ambiguities.
 */
export interface FeennexSandboxOptions {
  /** Where the API and pages live on the server (default `/feennex`). */
  basePath?: string;
  /** The shop's id (default `5`). */
  shopId?: string;
  /** The shop's secret key (default `SandboxSecret01`). */
  secretKey?: string;
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /** Where payment callbacks go when an invoice or bill has no `callback_url` of its own. */
  callbackUrl?: string;
  /** Used for callbacks (default the global `fetch`). */
  fetch?: typeof fetch;
  /** Starting balances, numeric currency → decimal (default 10000.00 PLN, 5000.00 EUR, 5000.00 USD). */
  balances?: Record<string, string>;
  /**
   * How a request from an unknown shop is answered. `invalid-sign` (default, as the document's own
   * example: error 10 with the string to sign, since no key exists to check it with) or
   * `shop-not-found` (error 11, the catalogue's "shop not found", before the signature).
   */
  unknownShop?: 'invalid-sign' | 'shop-not-found';
  /**
   * The names Google Pay goes by at this deployment — an assumption, since no document shows it
   * (docs/gateways/feennex.md). Default `{ paywaySystem: 'googlepay', tokenField: 'google_pay_token' }`;
   * e.g. `{ paywaySystem: 'card', tokenField: 'payment_token' }` for a card payway taking the token.
   */
  googlePay?: Partial<GooglePayNames>;
  /**
   * How callbacks are posted. `form` (default): `application/x-www-form-urlencoded`, as documented
   * ("temporarily"); `json`: the same string fields as a JSON object, should Feennex switch.
   */
  callbackFormat?: 'form' | 'json';
  /** Delays of the slow paths, shortened by tests. */
  timing?: Partial<Omit<FeennexSandboxTiming, 'callbacks'>> & { callbacks?: Partial<FeennexSandboxTiming['callbacks']> };
}

/** The in-memory Feennex API: serve it with `handle`, inspect its invoices, payouts, balances and callbacks in tests, `reset` between them. */
export interface FeennexEmulator {
  readonly credentials: { readonly shopId: string; readonly secretKey: string };
  readonly basePath: string;
  /** Serves `{basePath}/…`; `undefined` for any other path, so it can share a server. */
  handle(request: Request): Promise<Response | undefined>;
  /** Invoices and bills, oldest first. */
  invoices(): PaymentView[];
  payouts(): PayoutView[];
  balances(): BalanceView[];
  /** Callback deliveries, oldest first, with their attempts. */
  callbacks(): CallbackDelivery[];
  /** Forgets every operation and callback and restores the starting balances. */
  reset(): void;
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) throw new TypeError(`basePath must start with "/" (got ${JSON.stringify(path)})`);
  return trimmed;
}

function timingFrom(options: FeennexSandboxOptions['timing'] = {}): FeennexSandboxTiming {
  return {
    processingMs: options.processingMs ?? 5_000,
    slowAnswerMs: options.slowAnswerMs ?? 35_000,
    callbacks: { attempts: 4, timeoutMs: 5_000, retryMs: 1_000, ...options.callbacks },
  };
}

/** The Feennex (Piastrix-family) API, its payer pages and its callbacks, in memory. */
export function createFeennexEmulator(options: FeennexSandboxOptions = {}): FeennexEmulator {
  const basePath = normalizeBasePath(options.basePath ?? '/feennex');
  const shopId = options.shopId ?? DEFAULT_SHOP_ID;
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  if (!shopId || !secretKey) throw new TypeError('shopId and secretKey must be non-empty strings');
  if (options.callbackUrl !== undefined && !/^https?:\/\//.test(options.callbackUrl)) {
    throw new TypeError('callbackUrl must be an absolute http(s) URL');
  }
  const timing = timingFrom(options.timing);
  const callbackFormat = options.callbackFormat ?? 'form';
  if (callbackFormat !== 'form' && callbackFormat !== 'json') {
    throw new TypeError(`feennex.callbackFormat must be 'form' or 'json' (got ${JSON.stringify(callbackFormat)})`);
  }
  const callbacks = new CallbackSender(options.fetch ?? globalThis.fetch, secretKey, timing.callbacks, callbackFormat);
  const state = new SandboxState(new Ledger(options.balances ?? DEFAULT_BALANCES), options.now ?? Date.now, (payment) => {
    const url = payment.callbackUrl ?? options.callbackUrl;
    if (url) callbacks.send(url, payment.id, callbackFields(payment, shopId));
  });
  const unknownShop = options.unknownShop ?? 'invalid-sign';
  if (unknownShop !== 'invalid-sign' && unknownShop !== 'shop-not-found') {
    throw new TypeError(`feennex.unknownShop must be 'invalid-sign' or 'shop-not-found' (got ${JSON.stringify(unknownShop)})`);
  }
  const setup: ApiSetup = { shopId, secretKey, state, timing, unknownShop, googlePay: googlePayNamesOf(options.googlePay) };
  const pages: PageContext = { state, path: (page) => `${basePath}/${page}` };

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
    const path = url.pathname.slice(basePath.length + 1);
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (!isRead && request.method !== 'POST') return methodNotAllowed(request.method);
    if (path === 'sandbox.css' && isRead) return stylesheet();
    const pageMatch = /^(pay|3ds)\/(\d+)$/.exec(path);
    if (pageMatch) {
      const id = Number(pageMatch[2]);
      return pageMatch[1] === 'pay' ? payPage(request, id, pages) : threeDsPage(request, id, pages);
    }
    if (!isMethodName(path)) return unknownMethod(path);
    return callMethod(path, request, setup, (page, id) => `${url.origin}${basePath}/${page}/${id}`);
  }

  return {
    credentials: Object.freeze({ shopId, secretKey }),
    basePath,
    handle,
    invoices() {
      state.settle();
      return [...state.payments.values()].map(paymentView);
    },
    payouts() {
      state.settle();
      return [...state.payouts.values()].map(payoutView);
    },
    balances() {
      state.settle();
      return state.ledger.view();
    },
    callbacks: () => callbacks.deliveries(),
    reset() {
      state.reset();
      callbacks.reset();
    },
  };
}
