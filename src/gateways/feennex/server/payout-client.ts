import { FeennexClient, type FeennexCallOptions, type FeennexClientOptions } from './client.js';
import type { FeennexRetryPolicy } from './idempotent.js';
import { FeennexPayouts } from './payouts.js';
import type { FeennexMethod, FeennexSignedFields } from './sign.js';

/**
 * The payout methods of `FeennexClient` (payouts, transfers, payee checks, the balance) on their
 * own, for code that should reach nothing else: `paytool-elements/server/feennex`. It shares the
 * wrapped client's credentials, timeout, retry policy and transport; the secret stays in that
 * client's private field.
 */
export class FeennexPayoutClient extends FeennexPayouts {
  readonly #client: FeennexClient;
  protected readonly retry: FeennexRetryPolicy;

  /** Takes the shop's `FeennexClient`, or the options to make one (`baseUrl`, `shopId`, `secretKey`, …). */
  constructor(client: FeennexClient | FeennexClientOptions) {
    super();
    this.#client = client instanceof FeennexClient ? client : new FeennexClient(client);
    this.retry = this.#client.retry;
  }

  protected call<M extends FeennexMethod>(
    method: M,
    fields: Omit<FeennexSignedFields<M>, 'shop_id'>,
    unsigned?: Record<string, unknown>,
    options?: FeennexCallOptions,
  ): Promise<unknown> {
    return this.#client.call(method, fields, unsigned, options);
  }
}
