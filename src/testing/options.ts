import { normalizeTestCard, type NormalizedTestCard, type TestCard } from '../ecv2/test-card.js';

export interface FakePayer {
  /** Billing name; default `Jan Kowalski`. */
  name?: string;
  /** Default `jan.kowalski@example.com`. */
  email?: string;
}

export interface FakeGooglePayOptions {
  /** `isReadyToPay` answers `{ result: ready }`; `'error'` makes it reject. Default `true`. */
  ready?: boolean | 'error';
  /** The payer's card: a PAN or `{ pan, expirationMonth?, expirationYear?, authMethod?, network? }`. Default Visa 4111111111111111. */
  card?: TestCard;
  /** What the payer does in the sheet: pay (default), close it (`cancel`), or Google fails (`error`). */
  action?: 'pay' | 'cancel' | 'error';
  /** Used when the request asks for the billing address or e-mail. */
  payer?: FakePayer;
  /** How long the payer spends in the sheet, in ms. Default 0. */
  delayMs?: number;
}

export interface ResolvedOptions {
  ready: boolean | 'error';
  card: NormalizedTestCard & { network: string };
  action: 'pay' | 'cancel' | 'error';
  payer: Required<FakePayer>;
  delayMs: number;
}

/** Validates the options up front, so a mistake in a test shows at install, naming the option. */
export function resolveOptions(options: FakeGooglePayOptions): ResolvedOptions {
  const { ready = true, action = 'pay', delayMs = 0, payer = {} } = options;
  if (ready !== true && ready !== false && ready !== 'error') throw new TypeError("ready must be true, false or 'error'");
  if (action !== 'pay' && action !== 'cancel' && action !== 'error') throw new TypeError("action must be 'pay', 'cancel' or 'error'");
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new TypeError('delayMs must be a number of milliseconds ≥ 0');
  const card = normalizeTestCard(options.card, Date.now());
  const { network } = card;
  if (network === undefined) throw new TypeError('card.network is required: the network of this PAN is not known');
  const { name = 'Jan Kowalski', email = 'jan.kowalski@example.com' } = payer;
  return { ready, action, delayMs, card: { ...card, network }, payer: { name, email } };
}
