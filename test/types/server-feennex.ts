// FeennexClient offers the payout methods the public contract promises, with the very types of
// FeennexPayoutClient (one implementation, src/gateways/feennex/server/payouts.ts).
import { FeennexClient, type FeennexPayouts, type FeennexRecovered, type FeennexWithdraw } from 'paytool-elements/server';
import { FeennexPayoutClient } from 'paytool-elements/server/feennex';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PayoutMethod = { [K in keyof FeennexPayouts]: FeennexPayouts[K] extends (...args: never[]) => unknown ? K : never }[keyof FeennexPayouts];

const feennex = new FeennexClient({ baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey: 's' });
export const payout: Promise<FeennexRecovered<FeennexWithdraw>> = feennex.withdrawCreate({
  amount: 5000,
  currency: 'PLN',
  payway: 'card_pln',
  account: '4111111111111111',
  shopPaymentId: 'payout-7',
});
export const balance = feennex.shopBalance().then(({ balances }) => balances.map((b) => b.available?.decimal));
export const sameTypes: Same<Pick<FeennexClient, PayoutMethod>, Pick<FeennexPayoutClient, PayoutMethod>> = true;
export const nineMethods: Same<
  PayoutMethod,
  | 'withdrawTry'
  | 'withdrawCreate'
  | 'withdrawStatus'
  | 'withdrawShopPaymentStatus'
  | 'checkAccount'
  | 'transferTry'
  | 'transferCreate'
  | 'transferShopPaymentStatus'
  | 'shopBalance'
> = true;
export const either: FeennexPayouts[] = [feennex, new FeennexPayoutClient(feennex)];

// --- misuse ---

// @ts-expect-error the payout client types no generic call: code typed against it reaches no payment method
export const raw = new FeennexPayoutClient(feennex).call('shop_balance', { now: '1' });
// @ts-expect-error a payout names its shopPaymentId (the idempotency key)
export const noId = feennex.withdrawCreate({ amount: 5000, currency: 'PLN', payway: 'card_pln', account: '4111111111111111' });
