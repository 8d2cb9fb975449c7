import type { GatewayDescriptor } from '../descriptor.js';
import { fenigeProfile } from './profile.js';
import { fenigeOutcomes } from './outcomes.js';
import { FenigeClient } from './server/client.js';
import { fenigeCheckout } from './server/checkout.js';
import { createFenigeEmulator, type FenigeEmulator, type FenigeSandboxOptions } from './sandbox/emulator.js';
import { FENIGE_TEST_CARDS } from './sandbox/test-cards.js';

/** Fenige's Payment Hub: `<paytool-button>`, `FenigeClient`, `fenigeCheckout` and its emulator. */
export const fenige = {
  ...fenigeProfile,
  ...fenigeOutcomes,
  title: 'Fenige Payment Hub',
  Client: FenigeClient,
  checkout: (client: FenigeClient) => fenigeCheckout(client),
  emulator: {
    create: createFenigeEmulator,
    testCards: FENIGE_TEST_CARDS,
    describe: (url, credentials) => [
      ['Base URL', url],
      ['Google Pay payments', `${(credentials as { googlePayUrl?: string }).googlePayUrl ?? url}/external-api/transactions/google-pay`],
      ['Login', credentials.login],
      ['Password', credentials.password],
      ['Merchant UUID (clear, reverse)', credentials.merchantUuid],
      ['Gateway Merchant Id (Google Pay gatewayMerchantId)', credentials.gatewayMerchantId],
    ],
  },
} as const satisfies GatewayDescriptor<FenigeClient, FenigeEmulator, FenigeSandboxOptions>;
