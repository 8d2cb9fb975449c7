/**
 * What the Feennex gateway publishes on `paytool-elements/server/feennex` (money out of the shop's
 * balance); `src/server/feennex.ts` re-exports it, so the core never imports a gateway folder directly.
 */
export { FeennexPayoutClient } from './feennex/server/payout-client.js';
export type { FeennexRecovered } from './feennex/server/payouts.js';
export { FEENNEX_WITHDRAW_STATUSES } from './feennex/server/statuses.js';
export type {
  FeennexWithdrawTryInput,
  FeennexWithdrawCreateInput,
  FeennexTransferTryInput,
  FeennexTransferCreateInput,
  FeennexCheckAccountInput,
} from './feennex/server/inputs.js';
export type { FeennexWithdraw, FeennexPayoutPreview, FeennexTransfer, FeennexBalance, FeennexAccountCheck } from './feennex/server/responses.js';
