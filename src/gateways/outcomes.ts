/**
 * The after-click half of `profiles.ts`: each gateway's answers (payer-message groups, credential
 * codes, its word for the merchant id), by gateway id. Only the after-click code imports this, so
 * none of it is fetched before `payment-ready`.
 */
import type { GatewayOutcomes } from './profile.js';
import { fenigeOutcomes } from './fenige/outcomes.js';
import { feennexOutcomes } from './feennex/outcomes.js';

export { fenigeOutcomes, feennexOutcomes };
export type { GatewayOutcomes } from './profile.js';

const OUTCOMES: Readonly<Record<string, GatewayOutcomes>> = { fenige: fenigeOutcomes, feennex: feennexOutcomes };

/** The answers of the gateway with this id; a gateway without a profile of its own here throws, naming it. */
export function outcomesOf(gatewayId: string): GatewayOutcomes {
  const outcomes = Object.prototype.hasOwnProperty.call(OUTCOMES, gatewayId) ? OUTCOMES[gatewayId] : undefined;
  if (!outcomes) throw new Error(`no gateway outcomes for "${gatewayId}": add them to src/gateways/outcomes.ts`);
  return outcomes;
}
