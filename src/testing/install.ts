import { generateSigningKeyPair, type IntermediateSigningKey } from '../ecv2/seal.js';
import { resolveOptions, type FakeGooglePayOptions } from './options.js';
import { fakePaymentsClientClass, type FakeGooglePayCalls, type FakeState } from './payments-client.js';
import type { PaymentAuthorizationResult } from './types.js';

/** What `installFakeGooglePay` returns: the calls the page made, the last authorization answer, and `uninstall()`. */
export interface FakeGooglePayController {
  /** Every call the page made, with deep copies of its argument, in order. */
  readonly calls: FakeGooglePayCalls;
  /** What `onPaymentAuthorized` answered last (e.g. the decline message shown in the sheet). */
  readonly lastAuthorizationResult: PaymentAuthorizationResult | undefined;
  /** Every answer of `onPaymentAuthorized`, in order: one per card the payer tried in the sheet. */
  readonly authorizationResults: readonly PaymentAuthorizationResult[];
  /** Changes some options for the calls that follow; the others stay. */
  setOptions(options: Partial<FakeGooglePayOptions>): void;
  /** Removes the fake and whatever containers it added to `window.google`; restores a client it replaced. */
  uninstall(): void;
}

/** Intermediate signing keys rotate at Google too; this one lives as long as the page, at most a week. */
const INTERMEDIATE_KEY_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Defines `window.google.payments.api.PaymentsClient` as a fake whose tokens are real ECv2 tokens
 * sealed for the sandbox's keys (docs/protocol.md §4.4). Throws a `TypeError` naming a bad option.
 */
export function installFakeGooglePay(options: FakeGooglePayOptions = {}): FakeGooglePayController {
  let current = { ...options };
  let intermediate: Promise<IntermediateSigningKey> | undefined;
  const state: FakeState = {
    options: resolveOptions(current),
    calls: { constructed: [], isReadyToPay: [], createButton: [], loadPaymentData: [], prefetchPaymentData: [] },
    lastAuthorizationResult: undefined,
    authorizationResults: [],
    signingKey: () => (intermediate ??= generateSigningKeyPair().then((pair) => ({ ...pair, keyExpiration: Date.now() + INTERMEDIATE_KEY_LIFETIME_MS }))),
  };
  const uninstall = defineClient(fakePaymentsClientClass(state));
  return {
    calls: state.calls,
    get lastAuthorizationResult() {
      return state.lastAuthorizationResult;
    },
    authorizationResults: state.authorizationResults,
    setOptions(partial) {
      const next = { ...current, ...partial };
      state.options = resolveOptions(next);
      current = next;
    },
    uninstall,
  };
}

type Holder = Record<string, unknown>;

/** Puts `client` at `google.payments.api.PaymentsClient`, merging into what is there; returns the undo. */
function defineClient(client: unknown): () => void {
  const created: [Holder, string][] = [];
  const child = (parent: Holder, key: string, path: string): Holder => {
    const existing = parent[key];
    if (existing === undefined) {
      const made: Holder = {};
      parent[key] = made;
      created.push([parent, key]);
      return made;
    }
    if ((typeof existing !== 'object' && typeof existing !== 'function') || existing === null) {
      throw new TypeError(`${path} exists and is not an object`);
    }
    return existing as Holder;
  };
  const google = child(globalThis as unknown as Holder, 'google', 'window.google');
  const api = child(child(google, 'payments', 'window.google.payments'), 'api', 'window.google.payments.api');
  const hadClient = Object.prototype.hasOwnProperty.call(api, 'PaymentsClient');
  const previous = api.PaymentsClient;
  api.PaymentsClient = client;

  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    if (api.PaymentsClient === client) {
      if (hadClient) api.PaymentsClient = previous;
      else delete api.PaymentsClient;
    }
    for (const [parent, key] of created.reverse()) {
      const container = parent[key];
      if (typeof container === 'object' && container !== null && Object.keys(container).length === 0) delete parent[key];
    }
  };
}
