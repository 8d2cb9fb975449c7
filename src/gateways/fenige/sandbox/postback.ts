import { createHash } from 'node:crypto';
import { detailsBody, type FenigeSandboxTransaction, type PostbackAttempt } from './transaction.js';

/**
 * Fenige's postback (Fenige onboarding documentation, "Postback URL"): the details body POSTed to the merchant on
 * every change to a final state. The checksum header follows the one public integration the
 * protocol names (docs/protocol.md §5) — an assumption, kept configurable on the receiving side.
 */

export interface PostbackConfig {
  url: string;
  secret: string;
}

/** The header the Fenige sandbox signs its postbacks in (`X-SECRET-CHECKSUM`), as `verifyFenigePostback` expects by default. */
export const POSTBACK_CHECKSUM_HEADER = 'X-SECRET-CHECKSUM';
export const POSTBACK_TIMEOUT_MS = 5_000;

/** `sha256hex(secret + transactionId)`. */
export const postbackChecksum = (secret: string, transactionId: string): string =>
  createHash('sha256')
    .update(secret + transactionId, 'utf8')
    .digest('hex');

/**
 * Sends one postback; never throws. The outcome is reported to `record` (shown in the sandbox's
 * transaction list) instead of being logged.
 */
export async function deliverPostback(
  config: PostbackConfig,
  tx: FenigeSandboxTransaction,
  fetchFn: typeof fetch,
  record: (attempt: Omit<PostbackAttempt, 'at' | 'state'>) => void,
  shape: 'example' | 'table' = 'example',
): Promise<void> {
  try {
    const response = await fetchFn(config.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [POSTBACK_CHECKSUM_HEADER]: postbackChecksum(config.secret, tx.transactionId),
      },
      body: JSON.stringify(detailsBody(tx, shape)),
      signal: AbortSignal.timeout(POSTBACK_TIMEOUT_MS),
      redirect: 'manual',
    });
    await response.body?.cancel();
    record({ httpStatus: response.status });
  } catch (error) {
    record({ error: error instanceof Error ? error.name + ': ' + error.message : 'delivery failed' });
  }
}
