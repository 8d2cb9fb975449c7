/**
 * The gateways this package knows. Code outside `src/gateways/` reaches a gateway's folder only
 * through this file (and, for the browser, `profiles.ts`), so adding a gateway is one new folder
 * plus its line here. See docs/architecture.md, "Adding a gateway".
 */
import { feennex } from './feennex/index.js';
import { fenige } from './fenige/index.js';
import { FENIGE_FAULTS } from './fenige/sandbox/faults.js';

/** Every gateway's descriptor, by id. The sandbox mounts each emulator under `/{id}`. */
export const GATEWAYS = { fenige, feennex } as const;

export type GatewayId = keyof typeof GATEWAYS;

/** Gateway-specific sandbox faults (a gateway's own error answers), by fault kind. */
export const GATEWAY_FAULTS = { ...FENIGE_FAULTS } as const;
