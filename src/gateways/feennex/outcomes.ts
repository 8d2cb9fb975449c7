import type { GatewayOutcomes } from '../profile.js';

/**
 * Feennex's answers as the element words them. Its `error_code`s reach the element as `FEENNEX_<n>`
 * (see `server/errors.ts`). Error 16 ("invalid currency exchange") is the shop's contract, not the
 * payer's card: another card would fail the same way, so the payer reads the shop set-up words.
 */
export const feennexOutcomes = {
  merchantIdName: 'your Feennex shop id',
  failureGroups: `amountLimit:FEENNEX_4 FEENNEX_5
blocked:FEENNEX_13 FEENNEX_14 FEENNEX_18
unavailable:FEENNEX_8
shopSetup:FEENNEX_1 FEENNEX_2 FEENNEX_3 FEENNEX_7 FEENNEX_9 FEENNEX_10 FEENNEX_11 FEENNEX_12 FEENNEX_15 FEENNEX_16 FEENNEX_17 FEENNEX_19
duplicate:FEENNEX_6`,
  // 10 is also a bad signature: the secret key (docs/gateways/feennex.md).
  credentialCodes: ['FEENNEX_10'],
} as const satisfies GatewayOutcomes;
