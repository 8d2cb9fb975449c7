import { formatAmount } from './money.js';
import type { PaymentRecord, PayoutRecord } from './state.js';
import { isFinal, isSuccess, statusName } from './statuses.js';

/** Piastrix-style timestamps: `YYYY-MM-DD HH:MM:SS`, UTC. */
export const formatTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** An amount in the payment's (shop) currency. */
const money = (minor: number, payment: PaymentRecord) => formatAmount(minor, payment.shopCurrency);

/** `data` of `bill/shop_order_status`, for a bill or an invoice. */
export function paymentStatusData(payment: PaymentRecord): Record<string, unknown> {
  const common = {
    id: payment.id,
    shop_order_id: payment.shopOrderId,
    status: payment.status,
    created: formatTime(payment.created),
    processed: payment.processed === undefined ? null : formatTime(payment.processed),
    shop_amount: money(payment.shopAmount, payment),
    shop_currency: payment.shopCurrency.numeric,
    shop_refund: money(payment.shopRefund, payment),
    payer_price: formatAmount(payment.payerPrice, payment.payerCurrency),
  };
  return payment.type === 'bill'
    ? { ...common, payer_currency: payment.payerCurrency.numeric }
    : { ...common, payway: payment.payway?.name, ps_currency: payment.payerCurrency.numeric };
}

/** `data` of the payout status methods (and the create answers, plus `balance`). */
export function payoutData(payout: PayoutRecord): Record<string, unknown> {
  const writeOff = formatAmount(payout.writeOff, payout.shopCurrency);
  const receive = formatAmount(payout.receive, payout.payeeCurrency);
  const common = { id: payout.id, shop_payment_id: payout.shopPaymentId, status: payout.status };
  return payout.type === 'withdraw'
    ? {
        ...common,
        payway: payout.payway,
        payee_receive: receive,
        ps_currency: payout.payeeCurrency.numeric,
        shop_currency: payout.shopCurrency.numeric,
        shop_write_off: writeOff,
      }
    : {
        ...common,
        payee_account: payout.account,
        payee_currency: payout.payeeCurrency.numeric,
        receive_amount: receive,
        shop_currency: payout.shopCurrency.numeric,
        write_off_amount: writeOff,
      };
}

/** The documented callback fields, `sign` excepted, as the strings that are posted and signed. */
export function callbackFields(payment: PaymentRecord, shopId: string): Record<string, string> {
  const family = payment.type === 'bill' ? 'bill' : 'invoice';
  return {
    client_price: formatAmount(payment.payerPrice, payment.payerCurrency),
    created: formatTime(payment.created),
    description: payment.description,
    email: payment.email,
    lang: 'en',
    payment_id: String(payment.id),
    payway: payment.payway?.name ?? '',
    processed: formatTime(payment.processed ?? payment.created),
    ps_currency: String(payment.payerCurrency.numeric),
    ps_data: JSON.stringify(payment.psData),
    shop_amount: money(payment.shopAmount, payment),
    shop_currency: String(payment.shopCurrency.numeric),
    shop_id: shopId,
    shop_order_id: payment.shopOrderId,
    shop_refund: money(payment.shopRefund, payment),
    status: isSuccess(family, payment.status) ? 'success' : 'rejected',
    user_ip: payment.userIp,
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A payment as the demo's merchant panel shows it. */
export interface PaymentView {
  id: number;
  type: 'invoice' | 'bill';
  shopOrderId: string;
  status: number;
  statusName: string;
  final: boolean;
  amount: string;
  currency: string;
  payerPrice: string;
  payerCurrency: string;
  payway?: string;
  description: string;
  created: string;
  processed?: string;
}

export function paymentView(payment: PaymentRecord): PaymentView {
  const family = payment.type === 'bill' ? 'bill' : 'invoice';
  return {
    id: payment.id,
    type: payment.type,
    shopOrderId: payment.shopOrderId,
    status: payment.status,
    statusName: statusName(family, payment.status),
    final: isFinal(family, payment.status),
    amount: money(payment.shopAmount, payment),
    currency: payment.shopCurrency.alpha,
    payerPrice: formatAmount(payment.payerPrice, payment.payerCurrency),
    payerCurrency: payment.payerCurrency.alpha,
    ...(payment.payway ? { payway: payment.payway.name } : {}),
    description: payment.description,
    created: iso(payment.created)!,
    ...(payment.processed !== undefined ? { processed: iso(payment.processed) } : {}),
  };
}

/** A payout as the demo's merchant panel shows it; card numbers are masked. */
export interface PayoutView {
  id: number;
  type: 'withdraw' | 'transfer';
  shopPaymentId: string;
  status: number;
  statusName: string;
  final: boolean;
  account: string;
  payway?: string;
  writeOff: string;
  shopCurrency: string;
  receive: string;
  payeeCurrency: string;
  created: string;
  processed?: string;
}

const maskAccount = (account: string) => (/^\d{12,19}$/.test(account) ? `${account.slice(0, 6)}…${account.slice(-4)}` : account);

export function payoutView(payout: PayoutRecord): PayoutView {
  return {
    id: payout.id,
    type: payout.type,
    shopPaymentId: payout.shopPaymentId,
    status: payout.status,
    statusName: statusName('payout', payout.status),
    final: isFinal('payout', payout.status),
    account: maskAccount(payout.account),
    ...(payout.payway ? { payway: payout.payway } : {}),
    writeOff: formatAmount(payout.writeOff, payout.shopCurrency),
    shopCurrency: payout.shopCurrency.alpha,
    receive: formatAmount(payout.receive, payout.payeeCurrency),
    payeeCurrency: payout.payeeCurrency.alpha,
    created: iso(payout.created)!,
    ...(payout.processed !== undefined ? { processed: iso(payout.processed) } : {}),
  };
}
