import { randomBytes } from 'node:crypto';
import type { MethodContext } from './context.js';
import { FeennexError } from './envelope.js';
import { createGooglePayInvoice, isGooglePayRequest } from './google-pay.js';
import { convert, currencyFromNumeric, formatAmount, parseAmount, type Currency } from './money.js';
import { optionalText, optionalUrl } from './params.js';
import { checkLimits, resolvePayway, type Payway } from './payways.js';
import type { PaymentRecord } from './state.js';
import { BILL_STATUS, INVOICE_STATUS } from './statuses.js';
import { BILL_LIFETIME_MINUTES, PAYWAY_SYSTEMS } from './test-data.js';
import { formatTime, paymentStatusData } from './views.js';

interface InvoiceRequest {
  shopOrderId: string;
  currency: Currency;
  amount: number;
  payway: Payway;
  payerPrice: number;
}

/** The signed part of `invoice/try` and `invoice/create`, checked in the documented error order. */
function readInvoiceRequest({ values, state, googlePay }: MethodContext): InvoiceRequest {
  const currency = currencyFromNumeric('currency', values.currency);
  const amount = parseAmount('amount', values.amount, currency);
  const payway = resolvePayway(values.payway, 'payment', googlePay.paywaySystem);
  const payerPrice = convert(amount, currency, payway.currency);
  checkLimits(payerPrice, payway);
  state.assertNewOrderId(values.shop_order_id);
  return { shopOrderId: values.shop_order_id, currency, amount, payway, payerPrice };
}

/** The unsigned fields every payment may carry. */
function paymentExtras({ params, state }: MethodContext) {
  return {
    created: state.now(),
    schedule: [],
    description: optionalText(params, 'description') ?? '',
    email: optionalText(params, 'email') ?? '',
    userIp: optionalText(params, 'user_ip') ?? '',
    successUrl: optionalUrl(params, 'success_url'),
    failedUrl: optionalUrl(params, 'failed_url'),
    callbackUrl: optionalUrl(params, 'callback_url'),
    sessionId: randomBytes(16).toString('hex'),
    psData: {},
  };
}

export function invoiceTry(context: MethodContext): unknown {
  const request = readInvoiceRequest(context);
  return {
    add_ons_config: {},
    email: optionalText(context.params, 'email') ?? null,
    manual: false,
    payer_price: formatAmount(request.payerPrice, request.payway.currency),
    paymethod_id: Object.keys(PAYWAY_SYSTEMS).indexOf(request.payway.system) + 1,
    paymethod_name: request.payway.label,
    ps_currency: request.payway.currency.numeric,
  };
}

/**
 * Card and wallet payways answer with the sandbox page the payer is sent to, in the documented shape
 * `{ data: { session_id }, id, method: 'GET', url }`; Google Pay is charged at once.
 */
export async function invoiceCreate(context: MethodContext): Promise<unknown> {
  const request = readInvoiceRequest(context);
  const invoice: PaymentRecord = {
    ...paymentExtras(context),
    type: 'invoice',
    id: context.state.nextId(),
    status: INVOICE_STATUS.created,
    shopOrderId: request.shopOrderId,
    shopCurrency: request.currency,
    shopAmount: request.amount,
    shopRefund: request.amount,
    payerCurrency: request.payway.currency,
    payerPrice: request.payerPrice,
    payway: { name: request.payway.name, kind: request.payway.kind },
  };
  if (isGooglePayRequest(request.payway.system, request.payway.kind, context.params, context.googlePay)) {
    invoice.payway = { name: request.payway.name, kind: 'googlepay' };
    return createGooglePayInvoice(context, invoice);
  }
  context.state.addPayment(invoice);
  return {
    data: { session_id: invoice.sessionId },
    id: invoice.id,
    method: 'GET',
    url: context.pageUrl('pay', invoice.id),
  };
}

/** A bill is paid from the payer's Feennex wallet on the sandbox's wallet page (`url`). */
export function billCreate(context: MethodContext): unknown {
  const { values, params, state } = context;
  const shopCurrency = currencyFromNumeric('shop_currency', values.shop_currency);
  const payerCurrency = currencyFromNumeric('payer_currency', values.payer_currency);
  const shopAmount = parseAmount('shop_amount', values.shop_amount, shopCurrency);
  const payerPrice = convert(shopAmount, shopCurrency, payerCurrency);
  if (payerPrice === 0) throw new FeennexError(4, `${values.shop_amount} is less than the smallest ${payerCurrency.alpha} unit`);
  state.assertNewOrderId(values.shop_order_id);
  const bill: PaymentRecord = {
    ...paymentExtras(context),
    type: 'bill',
    id: state.nextId(),
    status: BILL_STATUS.waiting,
    shopOrderId: values.shop_order_id,
    shopCurrency,
    shopAmount,
    shopRefund: shopAmount,
    payerCurrency,
    payerPrice,
    lifetimeMinutes: BILL_LIFETIME_MINUTES,
  };
  state.addPayment(bill);
  return {
    created: formatTime(bill.created),
    id: bill.id,
    lifetime: BILL_LIFETIME_MINUTES,
    payer_account: optionalText(params, 'payer_account') ?? null,
    payer_currency: payerCurrency.numeric,
    payer_price: formatAmount(payerPrice, payerCurrency),
    shop_amount: formatAmount(shopAmount, shopCurrency),
    shop_currency: shopCurrency.numeric,
    shop_id: params.shop_id,
    shop_order_id: bill.shopOrderId,
    shop_refund: formatAmount(shopAmount, shopCurrency),
    url: `${context.pageUrl('pay', bill.id)}?session_id=${bill.sessionId}`,
  };
}

/** Bills and invoices share the shop's `shop_order_id`s, so this answers for either. */
export function shopOrderStatus({ values, state }: MethodContext): unknown {
  const payment = state.paymentByOrderId(values.shop_order_id);
  if (!payment) throw new FeennexError(7, `no payment with shop_order_id ${values.shop_order_id}`);
  return paymentStatusData(payment);
}
