import type { GatewayIdMap } from '../gateway.js';
import type { IdempotencyStore } from './store.js';

/**
 * The link between the merchant's `transactionId` and the id a gateway gave the same payment, kept
 * in the idempotency store (so it is shared by every handler instance that shares the store, and
 * lives as long as its entries). Fenige's paymelink example answers with an id of its own; return
 * confirmation and `GET {endpoint}/{id}` then need it.
 *
 * Two entries per link, under keys that can never be a transactionId (those are UUIDs, which have
 * no colon): `gateway-id:<transactionId>` → the gateway's id, `transaction-id:<gatewayId>` → the
 * merchant's. Each is a settled entry whose answer body holds the other id; no token, no secret.
 */
const TO_GATEWAY = 'gateway-id:';
const TO_MERCHANT = 'transaction-id:';
const MARK = 'gateway-id-link';

export function createGatewayIdMap(store: IdempotencyStore, onStoreError: (error: unknown) => void): GatewayIdMap {
  const write = (key: string, id: string) => store.settle(key, { state: 'final', bodyHash: MARK, answer: { httpStatus: 200, body: { id } } });
  async function read(key: string): Promise<string | undefined> {
    try {
      const entry = await store.get(key);
      const id = entry?.state === 'final' && entry.bodyHash === MARK ? entry.answer.body.id : undefined;
      return typeof id === 'string' ? id : undefined;
    } catch (error) {
      onStoreError(error);
      return undefined;
    }
  }
  return {
    async link(transactionId, gatewayId) {
      if (transactionId === gatewayId) return;
      // A link that cannot be written is reported, not thrown: the payment itself already exists.
      await Promise.all([write(TO_GATEWAY + transactionId, gatewayId), write(TO_MERCHANT + gatewayId, transactionId)]).catch(onStoreError);
    },
    gatewayIdOf: (transactionId) => read(TO_GATEWAY + transactionId),
    transactionIdOf: (gatewayId) => read(TO_MERCHANT + gatewayId),
  };
}
