import type { FenigeDeclineCode } from './error-codes.js';

/**
 * The sandbox's test cards: the decrypted PAN (and the amount) decide the outcome of a payment,
 * through Google Pay or the hosted page alike. Exported as data so the demo can list it.
 */

export type CardNetwork = 'VISA' | 'MASTERCARD';

/** A card number the Fenige sandbox knows, with the outcome it gives (approved, or the Fenige error code). */
export interface FenigeTestCard {
  pan: string;
  network: CardNetwork;
  /** `APPROVED`, or the Fenige error code the payment ends with. */
  outcome: 'APPROVED' | FenigeDeclineCode;
  /** For E0153 (transaction left PENDING): the state it settles to later. */
  settlesTo?: 'SUCCESS' | 'FAILURE';
  description: string;
}

/** Appends the Luhn check digit. */
export function withLuhnDigit(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let digit = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return partial + ((10 - (sum % 10)) % 10);
}

export function isLuhnValid(pan: string): boolean {
  return /^\d{12,19}$/.test(pan) && withLuhnDigit(pan.slice(0, -1)) === pan;
}

/** VISA test PAN reading `4000…<code digits><check digit>`, e.g. E0150 → 4000000000001505. */
const visaFor = (code: string, flag = '0'): string => {
  const digits = code.slice(1);
  return withLuhnDigit('4' + flag + '0'.repeat(13 - digits.length) + digits);
};

const decline = (code: FenigeDeclineCode, description: string): FenigeTestCard => ({
  pan: visaFor(code),
  network: 'VISA',
  outcome: code,
  description,
});

/** The Fenige sandbox's test cards and their outcomes; any other valid card is approved. */
export const FENIGE_TEST_CARDS: readonly FenigeTestCard[] = [
  { pan: '4111111111111111', network: 'VISA', outcome: 'APPROVED', description: 'Approved' },
  { pan: '5555555555554444', network: 'MASTERCARD', outcome: 'APPROVED', description: 'Approved (30-day clearing window)' },
  { pan: '5105105105105100', network: 'MASTERCARD', outcome: 'E0150', description: 'Rejected' },
  decline('E0150', 'Rejected'),
  decline('E0151', 'Currency not supported'),
  decline('E0152', 'Issuer not supported'),
  decline('E0156', 'Terminal does not support 3DS'),
  decline('E0157', 'Card does not support 3DS'),
  decline('E01583', 'outside3ds object missing'),
  decline('E0159', 'Restricted amount'),
  decline('E01596', 'Card issued in a restricted country'),
  decline('E01597', '3DS version not compatible'),
  decline('E01598', 'ECI value not available'),
  decline('E01600', '3DS 2.X invoked for another card'),
  decline('E01601', 'Terminal blocked for provider'),
  decline('E01602', 'Geographic scope not permitted'),
  decline('E01607', 'Authorization request generation failed'),
  decline('E0200', 'Card blocked'),
  decline('E0201', 'BIN blocked'),
  decline('E0202', 'Terminal blocked'),
  decline('E0203', 'Token blocked'),
  decline('E0204', 'Payer on AML (sanctions) list'),
  decline('E0205', 'Bank blocked'),
  decline('E0206', 'Too many rejected transactions'),
  decline('E0207', 'Too many declined attempts'),
  decline('E0208', 'Second advice-code 03/21 transaction within 30 days'),
  decline('E0209', 'Fraudulent phrase in name'),
  decline('E0210', 'Suspicious sender name'),
  decline('E0211', 'Card country blocked'),
  decline('E11000', 'Terminal processing time exceeded (422)'),
  { ...decline('E0153', 'MIP connection problem (500, PENDING) — settles to SUCCESS'), settlesTo: 'SUCCESS' },
  {
    pan: visaFor('E0153', '1'),
    network: 'VISA',
    outcome: 'E0153',
    settlesTo: 'FAILURE',
    description: 'MIP connection problem (500, PENDING) — settles to FAILURE',
  },
  decline('E01599', 'Processing timeout (500)'),
  decline('E0142', 'Commission configuration missing (500)'),
  decline('E0190', 'Currency rate invalid (500)'),
  decline('E9000', 'Unknown reason (500)'),
  decline('E9008', 'MPI 3DS initialize failed (500)'),
  decline('E9001', 'Acquirer connection error (503, nothing recorded)'),
  decline('E9002', 'MPI connection error (503, nothing recorded)'),
  decline('E0122', 'Merchant not exists (404, nothing recorded)'),
  decline('E0132', 'Terminal not exists (404, nothing recorded)'),
  decline('E0135', 'No active terminal for merchant (404, nothing recorded)'),
  decline('E0137', 'No default terminal (404, nothing recorded)'),
];

/** Any amount above this many minor units ends in E0159 (restricted amount), whatever the card. */
export const FENIGE_RESTRICTED_AMOUNT_ABOVE = 10_000_000;

export interface CardOutcome {
  network?: CardNetwork;
  outcome: 'APPROVED' | FenigeDeclineCode;
  settlesTo?: 'SUCCESS' | 'FAILURE';
}

/** VISA: 4…; MASTERCARD: 51–55 and 2221–2720. */
export function cardNetworkOf(pan: string): CardNetwork | undefined {
  if (/^4/.test(pan)) return 'VISA';
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MASTERCARD';
  return undefined;
}

/**
 * The outcome for a card and amount: a listed card answers as listed; any other VISA or
 * MASTERCARD card is approved; any other network is E0152 (issuer not supported); an amount above
 * {@link FENIGE_RESTRICTED_AMOUNT_ABOVE} is E0159.
 */
export function outcomeFor(pan: string, amount: number): CardOutcome {
  const listed = FENIGE_TEST_CARDS.find((card) => card.pan === pan);
  const network = listed?.network ?? cardNetworkOf(pan);
  if (!network) return { outcome: 'E0152' };
  if (amount > FENIGE_RESTRICTED_AMOUNT_ABOVE) return { network, outcome: 'E0159' };
  if (!listed) return { network, outcome: 'APPROVED' };
  return listed.settlesTo ? { network, outcome: listed.outcome, settlesTo: listed.settlesTo } : { network, outcome: listed.outcome };
}
