import { normalizeTestCard, type NormalizedTestCard, type TestCard } from '../ecv2/test-card.js';

/** The fake payer's billing name and e-mail, given when the page asks for them. */
export interface FakePayer {
  /** Billing name; default `Jan Kowalski`. */
  name?: string;
  /** Default `jan.kowalski@example.com`. */
  email?: string;
}

/**
 * How the fake Google Pay client behaves: ready or not, the card and payer, what the payer does
 * (`action`), delays, and an optional visible sheet with a wallet.
 */
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
  /**
   * Show Google's payment sheet, for demos and screenshots: the payer picks a card from `wallet`
   * and presses Pay; the sheet shows progress while `onPaymentAuthorized` runs and its decline
   * message, and stays open for another card. Default `false`: the payer acts at once.
   */
  sheet?: boolean;
  /** The cards the visible sheet offers, each with an optional second line. Default: `card` alone. */
  wallet?: FakeWalletCard[];
}

/** A card in the fake sheet's wallet, with the label the sheet shows. */
export interface FakeWalletCard {
  card: TestCard;
  /** e.g. "Declined by the issuer (sandbox)". */
  label?: string;
}

export interface ResolvedOptions {
  ready: boolean | 'error';
  card: NormalizedTestCard & { network: string };
  action: 'pay' | 'cancel' | 'error';
  payer: Required<FakePayer>;
  delayMs: number;
  retryCards: (NormalizedTestCard & { network: string })[];
  sheet: boolean;
  wallet: (NormalizedTestCard & { network: string; label?: string })[];
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
  const { sheet = false, wallet = [] } = options;
  if (typeof sheet !== 'boolean') throw new TypeError('sheet must be true or false');
  if (!Array.isArray(wallet)) throw new TypeError('wallet must be an array of { card, label? }');
  const walletCards = wallet.map((entry, i) => {
    let normalized: NormalizedTestCard;
    try {
      normalized = normalizeTestCard(entry?.card, Date.now());
    } catch (error) {
      throw new TypeError(`wallet[${i}].${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (normalized.network === undefined) throw new TypeError(`wallet[${i}].card.network is required: the network of this PAN is not known`);
    if (entry.label !== undefined && typeof entry.label !== 'string') throw new TypeError(`wallet[${i}].label must be a string`);
    return { ...normalized, network: normalized.network, ...(entry.label ? { label: entry.label } : {}) };
  });
  const retries = retryCards.map((c, i) => withNetwork(c, `retryCards[${i}]`));
  return { ready, action, delayMs, card, payer: { name, email }, retryCards: retries, sheet, wallet: walletCards };
}

function withNetwork(input: TestCard | undefined, name: string): NormalizedTestCard & { network: string } {
  const card = normalizeTestCard(input, Date.now());
  const { network } = card;
  if (network === undefined) throw new TypeError(`${name}.network is required: the network of this PAN is not known`);
  return { ...card, network };
}
