import type { CheckoutGateway } from '../server/gateway.js';
import type { GatewayOutcomes, GatewayProfile } from './profile.js';

/** One row of a sandbox's test-card table. */
export interface SandboxCardRow {
  pan: string;
  network: string;
  outcome: string;
  description: string;
}

/** What the sandbox server needs from a gateway's emulator. */
export interface GatewayEmulator {
  readonly credentials: Readonly<Record<string, string>>;
  /** Answers a request under the emulator's base path; `undefined` for any other path. */
  handle(request: Request): Promise<Response | undefined>;
  /** URLs the sandbox reports beside the emulator's base `url` (e.g. Fenige's `googlePayUrl`). */
  urls?(url: string): Readonly<Record<string, string>>;
}

/**
 * Everything this package knows about one gateway, exported by `src/gateways/<id>/index.ts` and
 * listed in `registry.ts`: its profile (id = Google Pay `gateway`, default endpoint) and outcomes
 * (payer-message groups, credential codes), its client, its checkout adapter and its sandbox emulator.
 */
export interface GatewayDescriptor<Client, Emulator extends GatewayEmulator, EmulatorOptions extends { basePath?: string }>
  extends GatewayProfile, GatewayOutcomes {
  /** The gateway's name for people. */
  readonly title: string;
  /** The merchant's client of the gateway's API. */
  readonly Client: abstract new (...args: never[]) => Client;
  /** Adapts a client to the checkout handler, with the adapter's default options. */
  readonly checkout: (client: Client) => CheckoutGateway;
  readonly emulator: {
    /** Creates the emulator mounted under `options.basePath`. */
    readonly create: (options: EmulatorOptions) => Emulator;
    readonly testCards: readonly SandboxCardRow[];
    /** The sandbox index page's lines for this emulator served at `url`: label → value. */
    readonly describe: (url: string, credentials: Emulator['credentials']) => [string, string][];
  };
}
