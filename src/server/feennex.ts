/**
 * `paytool-elements/server/feennex` — the payout methods of `FeennexClient` alone: payouts to cards
 * and payment systems, transfers to Feennex wallets, payee checks and the shop's balance
 * (docs/server.md, "Feennex payouts"). `FeennexClient` on `paytool-elements/server` has them too.
 *
 * @example
 * import { FeennexPayoutClient } from 'paytool-elements/server/feennex';
 * const payouts = new FeennexPayoutClient({ baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey });
 * await payouts.withdrawCreate({ amount: 5000, currency: 'PLN', payway: 'card_pln', account: '4111111111111111', shopPaymentId: 'payout-7' });
 */
export * from '../gateways/server-feennex-exports.js';
