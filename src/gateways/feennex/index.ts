import type { GatewayDescriptor } from '../descriptor.js';
import { feennexProfile } from './profile.js';
import { feennexOutcomes } from './outcomes.js';
import { FeennexClient } from './server/client.js';
import { feennexCheckout } from './server/checkout.js';
import { createFeennexEmulator, TEST_CARDS, type FeennexEmulator, type FeennexSandboxOptions } from './sandbox/index.js';

/** Feennex: `<feennex-pay>`, `FeennexClient`, `feennexCheckout` and its emulator. */
export const feennex = {
  ...feennexProfile,
  ...feennexOutcomes,
  title: 'Feennex',
  Client: FeennexClient,
  checkout: (client: FeennexClient) => feennexCheckout(client),
  emulator: {
    create: createFeennexEmulator,
    testCards: TEST_CARDS,
    describe: (url, { shopId, secretKey }) => [
      ['Base URL', url],
      ['Create an invoice', `${url}/invoice/create`],
      ['Shop id', shopId],
      ['Secret key', secretKey],
    ],
  },
} as const satisfies GatewayDescriptor<FeennexClient, FeennexEmulator, FeennexSandboxOptions>;
