import type { MethodContext } from './context.js';
import { FeennexError, ParameterError } from './envelope.js';
import { checkPayoutAccount } from './accounts.js';
import { convert, currencyFromNumeric, formatAmount, isAmount, parseAmount, type Currency } from './money.js';
import { answerLate, paceOf, settlesLater } from './pace.js';
import { optionalText } from './params.js';
import { checkLimits, resolvePayway, type Payway } from './payways.js';
import type { PayoutRecord, ScheduledStatus } from './state.js';
import { PAYOUT_STATUS } from './statuses.js';
import { MAGIC_AMOUNTS } from './test-data.js';
import { payoutData } from './views.js';

interface PayoutAmounts {
  shopCurrency: Currency;
  payeeCurrency: Currency;
  writeOff: number;
  receive: number;
  /** `amount` as sent, in the currency `amount_type` names: it decides the magic amounts. */
  amount: number;
  amountCurrency: Currency;
  payway?: Payway;
}

const AMOUNT_TYPES = {
  transfer: { payee: 'receive_amount', shop: 'writeoff_amount' },
  withdraw: { payee: 'ps_amount', shop: 'shop_amount' },
} as const;

/** Both sides of a payout: what the payee receives and what the shop's balance is written off. */
function readAmounts({ values }: MethodContext, type: PayoutRecord['type']): PayoutAmounts {
  const shopCurrency = currencyFromNumeric('shop_currency', values.shop_currency);
  const payway = type === 'withdraw' ? resolvePayway(values.payway, 'payout') : undefined;
  const payeeCurrency = payway?.currency ?? currencyFromNumeric('payee_currency', values.payee_currency);
  const types = AMOUNT_TYPES[type];
  if (values.amount_type !== types.payee && values.amount_type !== types.shop) {
    throw new ParameterError(`Incorrect parameter amount_type: must be ${types.payee} or ${types.shop}`);
  }
  const byPayee = values.amount_type === types.payee;
  const amountCurrency = byPayee ? payeeCurrency : shopCurrency;
  const amount = parseAmount('amount', values.amount, amountCurrency);
  const receive = byPayee ? amount : convert(amount, shopCurrency, payeeCurrency);
  const writeOff = byPayee ? convert(amount, payeeCurrency, shopCurrency) : amount;
  if (receive === 0 || writeOff === 0) throw new FeennexError(4, 'less than the smallest unit after exchange');
  if (payway) checkLimits(receive, payway);
  return { shopCurrency, payeeCurrency, writeOff, receive, amount, amountCurrency, ...(payway ? { payway } : {}) };
}

/** The statuses a new payout goes through, by magic amount (see `MAGIC_AMOUNTS`). */
function lifecycle(amounts: PayoutAmounts, now: number, processingMs: number): { status: number; schedule: ScheduledStatus[] } {
  const is = (magic: string) => isAmount(amounts.amount, amounts.amountCurrency, magic);
  if (is(MAGIC_AMOUNTS.rejected)) return { status: PAYOUT_STATUS.rejected, schedule: [] };
  if (is(MAGIC_AMOUNTS.manual)) {
    return {
      status: PAYOUT_STATUS.manualConfirmation,
      schedule: [
        { status: PAYOUT_STATUS.manuallyConfirmed, at: now + processingMs },
        { status: PAYOUT_STATUS.success, at: now + 2 * processingMs },
      ],
    };
  }
  if (settlesLater(paceOf(amounts.amount, amounts.amountCurrency))) {
    return { status: PAYOUT_STATUS.processing, schedule: [{ status: PAYOUT_STATUS.success, at: now + processingMs }] };
  }
  return { status: PAYOUT_STATUS.success, schedule: [] };
}

async function createPayout(context: MethodContext, type: PayoutRecord['type']): Promise<PayoutRecord> {
  const { values, state, timing } = context;
  const amounts = readAmounts(context, type);
  const account = type === 'withdraw' ? values.account : values.payee_account;
  state.assertNewPaymentId(values.shop_payment_id);
  checkPayoutAccount(account, amounts.payway);
  state.ledger.reserve(amounts.shopCurrency, amounts.writeOff);
  const now = state.now();
  const payout: PayoutRecord = {
    type,
    id: state.nextId(),
    created: now,
    description: optionalText(context.params, 'description') ?? '',
    shopPaymentId: values.shop_payment_id,
    account,
    amountType: values.amount_type,
    shopCurrency: amounts.shopCurrency,
    writeOff: amounts.writeOff,
    payeeCurrency: amounts.payeeCurrency,
    receive: amounts.receive,
    ...(amounts.payway ? { payway: amounts.payway.name } : {}),
    ...lifecycle(amounts, now, timing.processingMs),
  };
  state.addPayout(payout);
  const pace = paceOf(amounts.amount, amounts.amountCurrency);
  if (pace === 'processing') throw new FeennexError(8, `payout ${payout.id} is being processed; ask its status`);
  if (pace === 'timeout') await answerLate(timing.slowAnswerMs, context.signal);
  return payout;
}

export function withdrawTry(context: MethodContext): unknown {
  const amounts = readAmounts(context, 'withdraw');
  return {
    account_info_config: {},
    info: {},
    payee_receive: formatAmount(amounts.receive, amounts.payeeCurrency),
    ps_currency: amounts.payeeCurrency.numeric,
    shop_currency: amounts.shopCurrency.numeric,
    shop_write_off: formatAmount(amounts.writeOff, amounts.shopCurrency),
  };
}

export async function withdrawCreate(context: MethodContext): Promise<unknown> {
  const payout = await createPayout(context, 'withdraw');
  return { ...payoutData(payout), balance: context.state.ledger.available(payout.shopCurrency) };
}

export function transferTry(context: MethodContext): unknown {
  const amounts = readAmounts(context, 'transfer');
  return {
    payee_amount: formatAmount(amounts.receive, amounts.payeeCurrency),
    payee_currency: amounts.payeeCurrency.numeric,
    shop_currency: amounts.shopCurrency.numeric,
    write_off_amount: formatAmount(amounts.writeOff, amounts.shopCurrency),
  };
}

export async function transferCreate(context: MethodContext): Promise<unknown> {
  const payout = await createPayout(context, 'transfer');
  const { receive_amount: payeeAmount, ...data } = payoutData(payout);
  return { ...data, payee_amount: payeeAmount, shop: context.params.shop_id, balance: context.state.ledger.available(payout.shopCurrency) };
}

function found(type: PayoutRecord['type'], payout: PayoutRecord | undefined, what: string): unknown {
  if (!payout || payout.type !== type) throw new FeennexError(7, `no ${type} with ${what}`);
  return payoutData(payout);
}

export const withdrawStatus = ({ state, values }: MethodContext): unknown =>
  found('withdraw', state.payoutById(Number(values.withdraw_id)), `withdraw_id ${values.withdraw_id}`);

export const withdrawShopPaymentStatus = ({ state, values }: MethodContext): unknown =>
  found('withdraw', state.payoutByPaymentId(values.shop_payment_id), `shop_payment_id ${values.shop_payment_id}`);

export const transferShopPaymentStatus = ({ state, values }: MethodContext): unknown =>
  found('transfer', state.payoutByPaymentId(values.shop_payment_id), `shop_payment_id ${values.shop_payment_id}`);
