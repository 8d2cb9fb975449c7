import { cardNetworkOf, isLuhnValid, maskPan } from './cards.js';
import type { MethodContext } from './context.js';
import { FeennexError, ParameterError } from './envelope.js';
import { parseAmount } from './money.js';
import { checkLimits, resolvePayway, type Payway } from './payways.js';
import { MAGIC_ACCOUNTS } from './test-data.js';

/** Errors 13 / 14 / 18 for the magic accounts; a card payway needs a valid card number. */
export function checkPayoutAccount(account: string, payway: Payway | undefined): void {
  const magic = Object.hasOwn(MAGIC_ACCOUNTS, account) ? MAGIC_ACCOUNTS[account] : undefined;
  if (magic) throw new FeennexError(magic.errorCode, magic.why);
  if (payway?.kind === 'card' && !isLuhnValid(account)) {
    throw new ParameterError('Incorrect parameter account: not a valid card number');
  }
}

export function checkAccount({ values }: MethodContext): unknown {
  const payway = resolvePayway(values.payway, 'payout');
  checkLimits(parseAmount('amount', values.amount, payway.currency), payway);
  checkPayoutAccount(values.account, payway);
  const accountInfo =
    payway.kind === 'card' ? { card: maskPan(values.account), network: cardNetworkOf(values.account) ?? 'UNKNOWN' } : { account: values.account };
  return { account_info: accountInfo, provider_status: 'verified', result: true, verified: true };
}

export function shopBalance({ state, params }: MethodContext): unknown {
  return { balances: state.ledger.view(), shop_id: params.shop_id };
}
