import type { FeennexCallOptions } from './client.js';
import { fromFeennexCurrency, readFeennexMoney, toFeennexAmount, toFeennexCurrency } from './currency.js';
import { FeennexInputError } from './errors.js';
import { createOnce, type FeennexRetryPolicy } from './idempotent.js';
import {
  checkAccountInput,
  idInput,
  parseInput,
  transferCreateInput,
  transferTryInput,
  withdrawCreateInput,
  withdrawTryInput,
  type FeennexCheckAccountInput,
  type FeennexTransferCreateInput,
  type FeennexTransferTryInput,
  type FeennexWithdrawCreateInput,
  type FeennexWithdrawTryInput,
} from './inputs.js';
import {
  compact,
  parseData,
  responseSchemas,
  toTransfer,
  toWithdraw,
  type FeennexAccountCheck,
  type FeennexBalance,
  type FeennexPayoutPreview,
  type FeennexTransfer,
  type FeennexWithdraw,
} from './responses.js';
import { signedNow, type FeennexMethod, type FeennexSignedFields } from './sign.js';

/** A payout or transfer, and whether it came from the create itself (`false`) or from the status of an earlier, lost attempt (`true`). */
export type FeennexRecovered<T> = T & { recovered: boolean };

/**
 * Money out of the Feennex shop balance: payouts to cards and payment systems (`withdraw/*`),
 * transfers to Feennex wallets (`transfer/*`), payee checks and the balance itself, written once
 * for both `FeennexClient` (which extends it, as the public contract promises) and
 * `FeennexPayoutClient` (which wraps a client). Creates are idempotent by `shopPaymentId`: a
 * timeout is resolved through the status call, never by paying out twice.
 */
export abstract class FeennexPayouts {
  /** How creates recover from a lost answer: the client's policy. */
  protected abstract readonly retry: FeennexRetryPolicy;

  /** Signs and sends one Feennex method with the client's credentials; resolves with the envelope's `data`. */
  protected abstract call<M extends FeennexMethod>(
    method: M,
    fields: Omit<FeennexSignedFields<M>, 'shop_id'>,
    unsigned?: Record<string, unknown>,
    options?: FeennexCallOptions,
  ): Promise<unknown>;

  // ——— Payouts to cards and external systems ———

  /** Payout preview (`withdraw/try`): what the payee receives and what leaves the shop balance. */
  async withdrawTry(input: FeennexWithdrawTryInput, options?: FeennexCallOptions): Promise<FeennexPayoutPreview> {
    const i = parseInput(withdrawTryInput, input, 'withdrawTry');
    const fields = withdrawFields(i);
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
    const fields = { ...withdrawFields(i), account: i.account, shop_payment_id: i.shopPaymentId };
    const unsigned = { account_details: i.accountDetails, description: i.description };
    const outcome = await createOnce({
      method: 'withdraw/create',
      id: i.shopPaymentId,
      policy: this.retry,
      recover: options.recover !== false,
      ...(options.signal ? { signal: options.signal } : {}),
      create: async () => toWithdraw(parseData(responseSchemas.withdraw, await this.call('withdraw/create', fields, unsigned, options), 'withdraw/create')),
      lookup: () => this.withdrawShopPaymentStatus(i.shopPaymentId, options),
    });
    return 'created' in outcome ? { ...outcome.created, recovered: false } : { ...outcome.existing, recovered: true };
  }

  /** A payout by Feennex's id (`withdraw/status`). */
  async withdrawStatus(withdrawId: string | number, options?: FeennexCallOptions): Promise<FeennexWithdraw> {
    const id = parseInput(idInput('withdrawId'), String(withdrawId), 'withdrawStatus');
    const data = await this.call('withdraw/status', { now: signedNow(), withdraw_id: id }, {}, options);
    return toWithdraw(parseData(responseSchemas.withdraw, data, 'withdraw/status'));
  }

  /** A payout by the shop's id (`withdraw/shop_payment_status`). */
  async withdrawShopPaymentStatus(shopPaymentId: string, options?: FeennexCallOptions): Promise<FeennexWithdraw> {
    const id = parseInput(idInput('shopPaymentId'), shopPaymentId, 'withdrawShopPaymentStatus');
    const data = await this.call('withdraw/shop_payment_status', { now: signedNow(), shop_payment_id: id }, {}, options);
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
    const fields = transferFields(i);
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
    const fields = { ...transferFields(i), payee_account: i.payeeAccount, shop_payment_id: i.shopPaymentId };
    const outcome = await createOnce({
      method: 'transfer/create',
      id: i.shopPaymentId,
      policy: this.retry,
      recover: options.recover !== false,
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
    const data = await this.call('transfer/shop_payment_status', { now: signedNow(), shop_payment_id: id }, {}, options);
    return toTransfer(parseData(responseSchemas.transfer, data, 'transfer/shop_payment_status'));
  }

  // ——— Balance ———

  /** The shop's balances per currency (`shop_balance`). */
  async shopBalance(options?: FeennexCallOptions): Promise<{ balances: FeennexBalance[]; raw: Record<string, unknown> }> {
    const d = parseData(responseSchemas.shopBalance, await this.call('shop_balance', { now: signedNow() }, {}, options), 'shop_balance');
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
}

function withdrawFields(i: FeennexWithdrawTryInput) {
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

function transferFields(i: FeennexTransferTryInput) {
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

function sameCurrency(currency: string, other: string, field: string, amountType: string): void {
  if (currency === other) return;
  const message = `${field} must equal currency (${currency}) when amountType is "${amountType}": the amount is in that currency`;
  throw new FeennexInputError(`Invalid input: ${message}`, [{ path: field, message }]);
}
