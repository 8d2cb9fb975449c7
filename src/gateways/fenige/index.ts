import type { GatewayDescriptor } from '../descriptor.js';
import { fenigeProfile } from './profile.js';
import { FenigeClient } from './server/client.js';
import { fenigeCheckout } from './server/checkout.js';
import { createFenigeEmulator, type FenigeEmulator, type FenigeSandboxOptions } from './sandbox/emulator.js';
import { FENIGE_TEST_CARDS } from './sandbox/test-cards.js';

/** Fenige's Payment Hub: `<paytool-button>`, `FenigeClient`, `fenigeCheckout` and its emulator. */
export const fenige = {
  ...fenigeProfile,
  title: 'Fenige Payment Hub',
  Client: FenigeClient,
  checkout: (client: FenigeClient) => fenigeCheckout(client),
  emulator: {
    create: createFenigeEmulator,
    testCards: FENIGE_TEST_CARDS,
    describe: (url, { login, password, merchantUuid }) => [
      ['Base URL', url],
      ['Google Pay payments', `${url}/external-api/transactions/google-pay`],
      ['Login', login],
      ['Password', password],
      ['Merchant UUID (gatewayMerchantId)', merchantUuid],
    ],
  },
} as const satisfies GatewayDescriptor<FenigeClient, FenigeEmulator, FenigeSandboxOptions>;
