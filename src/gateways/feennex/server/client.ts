import { gatewayFetch } from '../../../server/gateway-fetch.js';
import type { CheckoutGateway, CheckoutGatewaySource } from '../../../server/gateway.js';
import { feennexCheckout } from './checkout.js';
import { FeennexInputError } from './errors.js';
import { fromFeennexCurrency, readFeennexMoney, toFeennexAmount, toFeennexCurrency } from './currency.js';
import { createOnce, DEFAULT_FEENNEX_RETRY, type FeennexRetryPolicy } from './idempotent.js';
import {
  billCreateInput,
  checkAccountInput,
  idInput,
  invoiceCreateInput,
  invoiceTryInput,
  parseInput,
  transferCreateInput,
  transferTryInput,
  withdrawCreateInput,
  withdrawTryInput,
  type FeennexBillCreateInput,
  type FeennexCheckAccountInput,
  type FeennexInvoiceCreateInput,
  type FeennexInvoiceTryInput,
  type FeennexTransferCreateInput,
  type FeennexTransferTryInput,
  type FeennexWithdrawCreateInput,
  type FeennexWithdrawTryInput,
} from './inputs.js';
import {
  compact,
  parseData,
  responseSchemas,
  text,
  toOrderStatus,
  toRedirect,
  toTransfer,
  toWithdraw,
  unexpectedAnswer,
  type FeennexAccountCheck,
  type FeennexBalance,
  type FeennexBillCreated,
  type FeennexInvoiceCreated,
  type FeennexInvoicePreview,
  type FeennexOrderStatus,
  type FeennexPayoutPreview,
  type FeennexTransfer,
  type FeennexWithdraw,
} from './responses.js';
import { feennexSignedBody, type FeennexMethod, type FeennexSignedFields } from './sign.js';
import { callFeennex } from './transport.js';

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
  fetch?: typeof fetch;
  /** How creates recover from a lost answer (re-send with the same id, ask the status in between). */
  retry?: Partial<FeennexRetryPolicy>;
}

export interface FeennexCallOptions {
  signal?: AbortSignal;
  /**
   * Creates only. `false`: send once and report a lost answer as `kind: 'unknown-outcome'`, without
   * looking the operation up or sending it again — for a caller that decides that itself (the
   * checkout handler's idempotency guard, docs/architecture.md). Default: recover by `retry`.
   */
  recover?: boolean;
}

/** Whether a create's answer came from the create itself or from the status of an earlier, lost attempt. */
export type FeennexRecovered<T> = T & { recovered: boolean };

type Unsigned = Record<string, unknown>;

/**
 * A typed client of the Feennex API. Every call is signed with the shop's secret key, has a
 * timeout, and turns the `{ data, error_code, message, result }` envelope into a typed result or a
 * `FeennexError`. Creates are idempotent by the shop's own id: after a lost answer they resolve
 * through the status call instead of failing or paying twice.
 */
export class FeennexClient implements CheckoutGatewaySource {
  readonly baseUrl: string;
  readonly shopId: string;
  readonly timeoutMs: number;
  readonly retry: FeennexRetryPolicy;
  #secretKey: string;
  #fetch: typeof fetch;

  constructor(options: FeennexClientOptions) {
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
    const signed = { ...fields, shop_id: this.shopId } as FeennexSignedFields<M>;
    return callFeennex({
      fetch: this.#fetch,
      url: new URL(method, this.baseUrl).href,
      method,
      body: await feennexSignedBody(method, signed, this.#secretKey, unsigned),
      timeoutMs: this.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
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
    const unsigned = {
      description: i.description,
      success_url: i.successUrl,
      failed_url: i.failedUrl,
      callback_url: i.callbackUrl,
      email: i.email,
      phone: i.phone,
      ...i.extras,
    };
    const outcome = await createOnce({
      method: 'invoice/create',
      id: i.shopOrderId,
      policy: this.retry,
      recover: options.recover !== false,
      ...(options.signal ? { signal: options.signal } : {}),
      create: async (): Promise<FeennexInvoiceCreated> => {
        const data = await this.call('invoice/create', this.#invoiceFields(i), unsigned, options);
        const d = parseData(responseSchemas.invoiceCreate, data, 'invoice/create');
        if (d.url) return compact({ kind: 'redirect', id: d.id, redirect: toRedirect(d.url, d.method, d.data), raw: d });
        if (d.status !== undefined) return compact({ kind: 'status', id: d.id, status: d.status, raw: d });
        throw unexpectedAnswer('invoice/create', 'data has neither url nor status');
      },
      lookup: () => this.orderStatus(i.shopOrderId, options),
    });
    return 'created' in outcome ? outcome.created : { kind: 'existing', order: outcome.existing };
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
  async orderStatus(shopOrderId: string, options?: FeennexCallOptions): Promise<FeennexOrderStatus> {
    const id = parseInput(idInput('shopOrderId'), shopOrderId, 'orderStatus');
    const data = await this.call('bill/shop_order_status', { now: now(), shop_order_id: id }, {}, options);
    return toOrderStatus(parseData(responseSchemas.orderStatus, data, 'bill/shop_order_status'));
  }

  // ——— Payouts to cards and external systems ———

  /** Payout preview (`withdraw/try`): what the payee receives and what leaves the shop balance. */
  async withdrawTry(input: FeennexWithdrawTryInput, options?: FeennexCallOptions): Promise<FeennexPayoutPreview> {
    const i = parseInput(withdrawTryInput, input, 'withdrawTry');
    const fields = this.#withdrawFields(i);
    const d = parseData(responseSchemas.withdrawTry, await this.call('withdraw/try', fields, {}, options), 'withdraw/try');
    return compact({
      payeeAmount: readFeennexMoney(d.payee_receive, d.ps_currency),
      writeOff: readFeennexMoney(d.shop_write_off, d.shop_currency ?? fields.shop_currency),
      raw: d,
    });
  }

  /**
   * Creates a payout (`withdraw/create`). A timeout or network error is not a failure: the payout
   * is looked up by `shopPaymentId` (and the create re-sent only while Feennex does not know it).
   */
  async withdrawCreate(input: FeennexWithdrawCreateInput, options: FeennexCallOptions = {}): Promise<FeennexRecovered<FeennexWithdraw>> {
    const i = parseInput(withdrawCreateInput, input, 'withdrawCreate');
    const fields = { ...this.#withdrawFields(i), account: i.account, shop_payment_id: i.shopPaymentId };
    const unsigned = { account_details: i.accountDetails, description: i.description };
    const outcome = await createOnce({
      method: 'withdraw/create',
      id: i.shopPaymentId,
      policy: this.retry,
      ...(options.signal ? { signal: options.signal } : {}),
      create: async () => toWithdraw(parseData(responseSchemas.withdraw, await this.call('withdraw/create', fields, unsigned, options), 'withdraw/create')),
      lookup: () => this.withdrawShopPaymentStatus(i.shopPaymentId, options),
    });
    return 'created' in outcome ? { ...outcome.created, recovered: false } : { ...outcome.existing, recovered: true };
  }

  /** A payout by Feennex's id (`withdraw/status`). */
  async withdrawStatus(withdrawId: string | number, options?: FeennexCallOptions): Promise<FeennexWithdraw> {
    const id = parseInput(idInput('withdrawId'), String(withdrawId), 'withdrawStatus');
    const data = await this.call('withdraw/status', { now: now(), withdraw_id: id }, {}, options);
    return toWithdraw(parseData(responseSchemas.withdraw, data, 'withdraw/status'));
  }

  /** A payout by the shop's id (`withdraw/shop_payment_status`). */
  async withdrawShopPaymentStatus(shopPaymentId: string, options?: FeennexCallOptions): Promise<FeennexWithdraw> {
    const id = parseInput(idInput('shopPaymentId'), shopPaymentId, 'withdrawShopPaymentStatus');
    const data = await this.call('withdraw/shop_payment_status', { now: now(), shop_payment_id: id }, {}, options);
    return toWithdraw(parseData(responseSchemas.withdraw, data, 'withdraw/shop_payment_status'));
  }

  /** Checks a payee account before a payout (`check_account`). */
  async checkAccount(input: FeennexCheckAccountInput, options?: FeennexCallOptions): Promise<FeennexAccountCheck> {
    const i = parseInput(checkAccountInput, input, 'checkAccount');
    const fields = { account: i.account, amount: toFeennexAmount(i.amount, i.currency), payway: i.payway };
    const data = await this.call('check_account', fields, { account_details: i.accountDetails }, options);
    const d = parseData(responseSchemas.checkAccount, data, 'check_account');
    return compact({ verified: d.verified, accountInfo: d.account_info, raw: d });
  }

  // ——— Transfers to Feennex wallets ———

  /** Transfer preview (`transfer/try`). */
  async transferTry(input: FeennexTransferTryInput, options?: FeennexCallOptions): Promise<FeennexPayoutPreview> {
    const i = parseInput(transferTryInput, input, 'transferTry');
    const fields = this.#transferFields(i);
    const d = parseData(responseSchemas.transferTry, await this.call('transfer/try', fields, {}, options), 'transfer/try');
    return compact({
      payeeAmount: readFeennexMoney(d.payee_amount ?? d.receive_amount, d.payee_currency ?? fields.payee_currency),
      writeOff: readFeennexMoney(d.write_off_amount, d.shop_currency ?? fields.shop_currency),
      raw: d,
    });
  }

  /** Creates a transfer (`transfer/create`); a lost answer resolves through `transfer/shop_payment_status`. */
  async transferCreate(input: FeennexTransferCreateInput, options: FeennexCallOptions = {}): Promise<FeennexRecovered<FeennexTransfer>> {
    const i = parseInput(transferCreateInput, input, 'transferCreate');
    const fields = { ...this.#transferFields(i), payee_account: i.payeeAccount, shop_payment_id: i.shopPaymentId };
    const outcome = await createOnce({
      method: 'transfer/create',
      id: i.shopPaymentId,
      policy: this.retry,
      ...(options.signal ? { signal: options.signal } : {}),
      create: async () => {
        const data = await this.call('transfer/create', fields, { description: i.description }, options);
        const d = parseData(responseSchemas.transfer, data, 'transfer/create');
        return toTransfer({ payee_currency: fields.payee_currency, shop_currency: fields.shop_currency, ...d });
      },
      lookup: () => this.transferShopPaymentStatus(i.shopPaymentId, options),
    });
    return 'created' in outcome ? { ...outcome.created, recovered: false } : { ...outcome.existing, recovered: true };
  }

  /** A transfer by the shop's id (`transfer/shop_payment_status`). */
  async transferShopPaymentStatus(shopPaymentId: string, options?: FeennexCallOptions): Promise<FeennexTransfer> {
    const id = parseInput(idInput('shopPaymentId'), shopPaymentId, 'transferShopPaymentStatus');
    const data = await this.call('transfer/shop_payment_status', { now: now(), shop_payment_id: id }, {}, options);
    return toTransfer(parseData(responseSchemas.transfer, data, 'transfer/shop_payment_status'));
  }

  // ——— Balance ———

  /** The shop's balances per currency (`shop_balance`). */
  async shopBalance(options?: FeennexCallOptions): Promise<{ balances: FeennexBalance[]; raw: Record<string, unknown> }> {
    const d = parseData(responseSchemas.shopBalance, await this.call('shop_balance', { now: now() }, {}, options), 'shop_balance');
    const balances = d.balances.map((b) =>
      compact({
        currency: fromFeennexCurrency(b.currency) ?? String(b.currency),
        available: readFeennexMoney(b.available, b.currency),
        frozen: readFeennexMoney(b.frozen, b.currency),
        hold: readFeennexMoney(b.hold, b.currency),
        raw: b,
      }),
    );
    return { balances, raw: d };
  }

  #invoiceFields(i: FeennexInvoiceTryInput) {
    return {
      amount: toFeennexAmount(i.amount, i.currency),
      currency: toFeennexCurrency(i.currency),
      payway: i.payway,
      shop_order_id: i.shopOrderId,
    };
  }

  #withdrawFields(i: FeennexWithdrawTryInput) {
    const amountType = i.amountType ?? 'shop_amount';
    const shopCurrency = i.shopCurrency ?? i.currency;
    if (amountType === 'shop_amount') sameCurrency(i.currency, shopCurrency, 'shopCurrency', amountType);
    return {
      amount: toFeennexAmount(i.amount, i.currency),
      amount_type: amountType,
      payway: i.payway,
      shop_currency: toFeennexCurrency(shopCurrency, 'shopCurrency'),
    };
  }

  #transferFields(i: FeennexTransferTryInput) {
    const amountType = i.amountType ?? 'writeoff_amount';
    const payeeCurrency = i.payeeCurrency ?? i.currency;
    const shopCurrency = i.shopCurrency ?? i.currency;
    if (amountType === 'writeoff_amount') sameCurrency(i.currency, shopCurrency, 'shopCurrency', amountType);
    else sameCurrency(i.currency, payeeCurrency, 'payeeCurrency', amountType);
    return {
      amount: toFeennexAmount(i.amount, i.currency),
      amount_type: amountType,
      payee_currency: toFeennexCurrency(payeeCurrency, 'payeeCurrency'),
      shop_currency: toFeennexCurrency(shopCurrency, 'shopCurrency'),
    };
  }
}

/** `now` is any timestamp, signed as sent; it makes every status request's signature unique. */
const now = () => new Date().toISOString();

function sameCurrency(currency: string, other: string, field: string, amountType: string): void {
  if (currency === other) return;
  const message = `${field} must equal currency (${currency}) when amountType is "${amountType}": the amount is in that currency`;
  throw new FeennexInputError(`Invalid input: ${message}`, [{ path: field, message }]);
}
