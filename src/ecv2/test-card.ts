/**
 * Test cards for sealed test tokens (the fake Google Pay client and `createTestToken`).
 * A card is a PAN string or an object; missing fields get sensible defaults.
 */

export type AuthMethod = 'PAN_ONLY' | 'CRYPTOGRAM_3DS';

/** A test card in detail: PAN, expiry, `PAN_ONLY` or `CRYPTOGRAM_3DS`, and network; unset fields get working defaults. */
export interface TestCardInput {
  pan: string;
  /** 1–12; default 12. */
  expirationMonth?: number;
  /** Four digits; default three years after `now`. */
  expirationYear?: number;
  /** Default `PAN_ONLY`. */
  authMethod?: AuthMethod;
  /** `CRYPTOGRAM_3DS` only; a fixed sample cryptogram by default. */
  cryptogram?: string;
  /** `CRYPTOGRAM_3DS` only; by default `05` for Visa, `02` for Mastercard. */
  eciIndicator?: string;
  /** Google's `cardNetwork` (e.g. `VISA`); detected from the PAN when absent. */
  network?: string;
}

/** A card for test tokens and the fake Google Pay client: a PAN, or a `TestCardInput` with expiry and auth method. */
export type TestCard = string | TestCardInput;

export interface NormalizedTestCard {
  pan: string;
  network: string | undefined;
  expirationMonth: number;
  expirationYear: number;
  authMethod: AuthMethod;
  cryptogram?: string;
  eciIndicator?: string;
}

export const DEFAULT_TEST_PAN = '4111111111111111';
const SAMPLE_CRYPTOGRAM = 'AgAAAAAABk4DWZ4C28yUQAAAAAA=';
const DEFAULT_ECI: Record<string, string> = { VISA: '05', MASTERCARD: '02' };

/** Google's `cardNetwork` name for a PAN, from its issuer prefix; `undefined` when unknown. */
export function cardNetworkOf(pan: string): string | undefined {
  const prefix = (digits: number) => Number(pan.slice(0, digits));
  if (pan.startsWith('4')) return 'VISA';
  if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720)) return 'MASTERCARD';
  if (prefix(2) === 34 || prefix(2) === 37) return 'AMEX';
  if (prefix(4) === 6011 || prefix(2) === 65 || (prefix(3) >= 644 && prefix(3) <= 649)) return 'DISCOVER';
  if (prefix(4) >= 3528 && prefix(4) <= 3589) return 'JCB';
  return undefined;
}

/** Validates a test card and fills its defaults; throws a `TypeError` naming the bad field. */
export function normalizeTestCard(card: TestCard | undefined, now: number): NormalizedTestCard {
  const input: TestCardInput = card === undefined ? { pan: DEFAULT_TEST_PAN } : typeof card === 'string' ? { pan: card } : card;
  if (typeof input !== 'object' || input === null) throw new TypeError('card must be a PAN string or { pan, expirationMonth?, expirationYear?, authMethod? }');
  const { pan, expirationMonth = 12, expirationYear = new Date(now).getUTCFullYear() + 3, authMethod = 'PAN_ONLY' } = input;
  if (typeof pan !== 'string' || !/^\d{12,19}$/.test(pan)) throw new TypeError('card.pan must be a string of 12–19 digits');
  if (!Number.isInteger(expirationMonth) || expirationMonth < 1 || expirationMonth > 12) {
    throw new TypeError('card.expirationMonth must be an integer from 1 to 12');
  }
  if (!Number.isInteger(expirationYear) || expirationYear < 1000 || expirationYear > 9999) {
    throw new TypeError('card.expirationYear must be a four-digit year');
  }
  if (authMethod !== 'PAN_ONLY' && authMethod !== 'CRYPTOGRAM_3DS') {
    throw new TypeError("card.authMethod must be 'PAN_ONLY' or 'CRYPTOGRAM_3DS'");
  }
  const network = input.network ?? cardNetworkOf(pan);
  const normalized: NormalizedTestCard = { pan, network, expirationMonth, expirationYear, authMethod };
  if (authMethod === 'CRYPTOGRAM_3DS') {
    normalized.cryptogram = input.cryptogram ?? SAMPLE_CRYPTOGRAM;
    const eciIndicator = input.eciIndicator ?? (network ? DEFAULT_ECI[network] : undefined);
    if (eciIndicator !== undefined) normalized.eciIndicator = eciIndicator;
  }
  return normalized;
}
