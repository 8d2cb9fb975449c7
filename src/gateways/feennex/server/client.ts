import { gatewayFetch } from '../../../server/gateway-fetch.js';
import type { CheckoutGateway, CheckoutGatewaySource } from '../../../server/gateway.js';
import { feennexCheckout } from './checkout.js';
import { readFeennexMoney, toFeennexAmount, toFeennexCurrency } from './currency.js';
import { createOnce, DEFAULT_FEENNEX_RETRY, type FeennexRetryPolicy } from './idempotent.js';
import {
  billCreateInput,
  builtInvoiceCheck,
  idInput,
  invoiceCreateInput,
  invoiceTryInput,
  parseInput,
  type FeennexBillCreateInput,
  type FeennexInvoiceCreateInput,
  type FeennexInvoiceTryInput,
} from './inputs.js';
import {
  compact,
  parseData,
  responseSchemas,
  text,
  toOrderStatus,
  toRedirect,
  unexpectedAnswer,
  type FeennexBillCreated,
  type FeennexInvoiceCreated,
  type FeennexInvoicePreview,
  type FeennexOrderStatus,
} from './responses.js';
import { feennexSignedBody, signedNow, type FeennexMethod, type FeennexSignedFields } from './sign.js';
import { callFeennex } from './transport.js';
import { FeennexPayouts } from './payouts.js';
import { forHandler } from './handler-call.js';
import type { HandlerCall } from '../../../server/gateway.js';

/** How a `FeennexClient` reaches the shop's Feennex account: API root, shop id, secret key, limits. */
export interface FeennexClientOptions {
  /**
   * Feennex's API root: `https://core.feennex.com/` in production, the sandbox's `sb.feennex.url`
   * in development. Required, as FenigeClient's: no configuration silently reaches production.
   */
  baseUrl: string;
  shopId: string | number;
  /** The shop's secret key: server-side only, never sent (only signatures made with it are). */
  secretKey: string;
  /** Limit for each HTTP call; default 10 s. */
  timeoutMs?: number;
  /** The `fetch` the client calls Feennex with (proxies, tracing, tests); default the global one. */
  fetch?: typeof fetch;
  /** How creates recover from a lost answer (re-send with the same id, ask the status in between). */
  retry?: Partial<FeennexRetryPolicy>;
}

/** Per-call options of every Feennex method: an `AbortSignal` that cancels the call. */
export interface FeennexCallOptions {
  signal?: AbortSignal;
  /**
   * Creates only. `false`: send once and report a lost answer as `kind: 'unknown-outcome'`, without
   * looking the operation up or sending it again — for a caller that decides that itself (the
   * checkout handler's idempotency guard, docs/architecture.md). Default: recover by `retry`.
   */
  recover?: boolean;
}

type Unsigned = Record<string, unknown>;

/**
 * A typed client of the Feennex API: invoices, bills and their status, the checkout handler's
 * gateway, and (from `FeennexPayouts`) payouts, transfers, payee checks and the shop balance.
 * Every call is signed with the shop's secret key, has a timeout, and turns the
 * `{ data, error_code, message, result }` envelope into a typed result or a `FeennexError`.
 * Creates are idempotent by the shop's own id: after a lost answer they resolve through the status
 * call instead of failing or paying (out) twice.
 */
export class FeennexClient extends FeennexPayouts implements CheckoutGatewaySource {
  readonly baseUrl: string;
  readonly shopId: string;
  readonly timeoutMs: number;
  readonly retry: FeennexRetryPolicy;
  #secretKey: string;
  #fetch: typeof fetch;

  static {
    const { invoiceCreate, orderStatus } = forHandler;
    forHandler.invoiceCreate = (client, input, call) => {
      if (!(#fetch in client)) return invoiceCreate(client, input, call);
      parseInput(builtInvoiceCheck, input, 'invoiceCreate');
      return client.#createInvoice(input, call);
    };
    forHandler.orderStatus = (client, shopOrderId, call) =>
      #fetch in client ? client.#orderStatus(shopOrderId, call) : orderStatus(client, shopOrderId, call);
  }

  constructor(options: FeennexClientOptions) {
    super();
    const { baseUrl, shopId, secretKey, timeoutMs = 10_000 } = options;
    if (typeof baseUrl !== 'string' || !baseUrl) {
      throw new TypeError("FeennexClient: baseUrl is required: Feennex's https://core.feennex.com/ in production, the sandbox's sb.feennex.url in development");
    }
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
      throw new TypeError(`FeennexClient: baseUrl must be an absolute http(s) URL (got "${baseUrl}")`);
    }
    if (!/^\d{1,18}$/.test(String(shopId))) throw new TypeError('FeennexClient: shopId must be the numeric shop id');
    if (typeof secretKey !== 'string' || !secretKey) throw new TypeError('FeennexClient: secretKey is required');
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 300_000) {
      throw new TypeError('FeennexClient: timeoutMs must be an integer between 1 and 300000');
    }
    this.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.shopId = String(shopId);
    this.timeoutMs = timeoutMs;
    this.retry = { ...DEFAULT_FEENNEX_RETRY, ...options.retry };
    this.#secretKey = secretKey;
    this.#fetch = options.fetch ?? gatewayFetch;
  }

  /** This client as the checkout handler's gateway, with `feennexCheckout`'s default options. */
  toCheckoutGateway(): CheckoutGateway {
    return feennexCheckout(this);
  }

  /** Signs and sends any method; resolves with the envelope's `data`. The typed methods below use it. */
  async call<M extends FeennexMethod>(
    method: M,
    fields: Omit<FeennexSignedFields<M>, 'shop_id'>,
    unsigned: Unsigned = {},
    options: FeennexCallOptions = {},
  ): Promise<unknown> {
    return this.#call(method, fields, unsigned, options);
  }

  async #call<M extends FeennexMethod>(method: M, fields: Omit<FeennexSignedFields<M>, 'shop_id'>, unsigned: Unsigned, call: HandlerCall): Promise<unknown> {
    const signed = { ...fields, shop_id: this.shopId } as FeennexSignedFields<M>;
    return callFeennex({
      fetch: this.#fetch,
      url: new URL(method, this.baseUrl).href,
      method,
      body: await feennexSignedBody(method, signed, this.#secretKey, unsigned),
      timeoutMs: this.timeoutMs,
      signal: call.signal,
      deadlineAt: call.deadlineAt,
    });
  }

  // ——— Payments ———

  /** Price preview of an invoice (`invoice/try`): what the payer will pay through `payway`. */
  async invoiceTry(input: FeennexInvoiceTryInput, options?: FeennexCallOptions): Promise<FeennexInvoicePreview> {
    const i = parseInput(invoiceTryInput, input, 'invoiceTry');
    const data = await this.call('invoice/try', this.#invoiceFields(i), { description: i.description }, options);
    const d = parseData(responseSchemas.invoiceTry, data, 'invoice/try');
    return compact({ payerPrice: readFeennexMoney(d.payer_price, d.ps_currency), raw: d });
  }

  /** Creates an invoice (`invoice/create`): card, bank, H2H… payways. Usually answers a redirect form. */
  async invoiceCreate(input: FeennexInvoiceCreateInput, options: FeennexCallOptions = {}): Promise<FeennexInvoiceCreated> {
    const i = parseInput(invoiceCreateInput, input, 'invoiceCreate');
    const outcome = await createOnce({
      method: 'invoice/create',
      id: i.shopOrderId,
      policy: this.retry,
      recover: options.recover !== false,
      ...(options.signal ? { signal: options.signal } : {}),
      create: () => this.#createInvoice(i, options),
      lookup: () => this.orderStatus(i.shopOrderId, options),
    });
    return 'created' in outcome ? outcome.created : { kind: 'existing', order: outcome.existing };
  }

  /** One `invoice/create`, sent once. */
  async #createInvoice(i: FeennexInvoiceCreateInput, call: HandlerCall): Promise<FeennexInvoiceCreated> {
    const unsigned = {
      description: i.description,
      success_url: i.successUrl,
      failed_url: i.failedUrl,
      callback_url: i.callbackUrl,
      email: i.email,
      phone: i.phone,
      ...i.extras,
    };
    const data = await this.#call('invoice/create', this.#invoiceFields(i), unsigned, call);
    const d = parseData(responseSchemas.invoiceCreate, data, 'invoice/create');
    if (d.url) return compact({ kind: 'redirect', id: d.id, redirect: toRedirect(d.url, d.method, d.data), raw: d });
    if (d.status !== undefined) return compact({ kind: 'status', id: d.id, status: d.status, raw: d });
    throw unexpectedAnswer('invoice/create', 'data has neither url nor status');
  }

  /** Creates a bill paid from a Feennex wallet (`bill/create`); send the payer to its `url`. */
  async billCreate(input: FeennexBillCreateInput, options: FeennexCallOptions = {}): Promise<FeennexBillCreated> {
    const i = parseInput(billCreateInput, input, 'billCreate');
    const fields = {
      payer_currency: toFeennexCurrency(i.payerCurrency ?? i.currency, 'payerCurrency'),
      shop_amount: toFeennexAmount(i.amount, i.currency),
      shop_currency: toFeennexCurrency(i.currency),
      shop_order_id: i.shopOrderId,
    };
    const unsigned = {
      description: i.description,
      payer_account: i.payerAccount,
      success_url: i.successUrl,
      failed_url: i.failedUrl,
      callback_url: i.callbackUrl,
    };
    const outcome = await createOnce({
      method: 'bill/create',
      id: i.shopOrderId,
      policy: this.retry,
      ...(options.signal ? { signal: options.signal } : {}),
      create: async () => {
        const d = parseData(responseSchemas.billCreate, await this.call('bill/create', fields, unsigned, options), 'bill/create');
        return compact({
          kind: 'created' as const,
          id: d.id,
          url: d.url,
          created: d.created,
          lifetime: text(d.lifetime),
          payerPrice: readFeennexMoney(d.payer_price, d.payer_currency ?? fields.payer_currency),
          shopRefund: readFeennexMoney(d.shop_refund, d.shop_currency ?? fields.shop_currency),
          raw: d,
        });
      },
      lookup: () => this.orderStatus(i.shopOrderId, options),
    });
    return 'created' in outcome ? outcome.created : { kind: 'existing', order: outcome.existing };
  }

  /** Status of an invoice or bill by the shop's order id (`bill/shop_order_status`). */
  async orderStatus(shopOrderId: string, options: FeennexCallOptions = {}): Promise<FeennexOrderStatus> {
    return this.#orderStatus(shopOrderId, options);
  }

  async #orderStatus(shopOrderId: string, call: HandlerCall): Promise<FeennexOrderStatus> {
    const id = parseInput(idInput('shopOrderId'), shopOrderId, 'orderStatus');
    const data = await this.#call('bill/shop_order_status', { now: signedNow(), shop_order_id: id }, {}, call);
    return toOrderStatus(parseData(responseSchemas.orderStatus, data, 'bill/shop_order_status'));
  }

  #invoiceFields(i: FeennexInvoiceTryInput) {
    return {
      amount: toFeennexAmount(i.amount, i.currency),
      currency: toFeennexCurrency(i.currency),
      payway: i.payway,
      shop_order_id: i.shopOrderId,
    };
  }
}
