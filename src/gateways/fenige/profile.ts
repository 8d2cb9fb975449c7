import type { GatewayProfile } from '../profile.js';

/** Fenige's Payment Hub as the element sees it before a payment; its answers are `outcomes.ts`. */
export const fenigeProfile = {
  id: 'fenige',
  defaultEndpoint: '/paytool/transactions',
} as const satisfies GatewayProfile;
