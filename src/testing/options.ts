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
  /**
   * Cards the payer picks, in order, after a decline. Like Google's sheet, the fake keeps the sheet
   * open when `onPaymentAuthorized` answers `ERROR`, and the payer tries the next card in the same
   * sheet; once these run out the payer closes the sheet. Default none.
   */
  retryCards?: TestCard[];
}

export interface ResolvedOptions {
  ready: boolean | 'error';
  card: NormalizedTestCard & { network: string };
  action: 'pay' | 'cancel' | 'error';
  payer: Required<FakePayer>;
  delayMs: number;
  retryCards: (NormalizedTestCard & { network: string })[];
}

/** Validates the options up front, so a mistake in a test shows at install, naming the option. */
export function resolveOptions(options: FakeGooglePayOptions): ResolvedOptions {
  const { ready = true, action = 'pay', delayMs = 0, payer = {}, retryCards = [] } = options;
  if (ready !== true && ready !== false && ready !== 'error') throw new TypeError("ready must be true, false or 'error'");
  if (action !== 'pay' && action !== 'cancel' && action !== 'error') throw new TypeError("action must be 'pay', 'cancel' or 'error'");
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new TypeError('delayMs must be a number of milliseconds ≥ 0');
  if (!Array.isArray(retryCards)) throw new TypeError('retryCards must be an array of test cards');
  const card = withNetwork(options.card, 'card');
  const { name = 'Jan Kowalski', email = 'jan.kowalski@example.com' } = payer;
  const retries = retryCards.map((c, i) => withNetwork(c, `retryCards[${i}]`));
  return { ready, action, delayMs, card, payer: { name, email }, retryCards: retries };
}

function withNetwork(input: TestCard | undefined, name: string): NormalizedTestCard & { network: string } {
  const card = normalizeTestCard(input, Date.now());
  const { network } = card;
  if (network === undefined) throw new TypeError(`${name}.network is required: the network of this PAN is not known`);
  return { ...card, network };
}
