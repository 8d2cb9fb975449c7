/**
 * `paytool-elements/server/feennex` — Feennex payouts to cards and payment systems, transfers to
 * Feennex wallets, payee checks and the shop's balance (docs/server.md, "Feennex payouts").
 * Taking payments stays on `paytool-elements/server` (`FeennexClient`, `feennexCheckout`).
 *
 * @example
 * import { FeennexPayoutClient } from 'paytool-elements/server/feennex';
 * const payouts = new FeennexPayoutClient({ baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey });
 * await payouts.withdrawCreate({ amount: 5000, currency: 'PLN', payway: 'card_pln', account: '4111111111111111', shopPaymentId: 'payout-7' });
 */
export * from '../gateways/server-feennex-exports.js';
