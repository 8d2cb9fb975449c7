import type { GatewayProfile } from '../profile.js';

/** Feennex as the element sees it before a payment; its answers are `outcomes.ts`. */
export const feennexProfile = {
  id: 'feennex',
  defaultEndpoint: '/feennex/payments',
} as const satisfies GatewayProfile;
