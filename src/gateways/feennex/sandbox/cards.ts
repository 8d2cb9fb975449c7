import { TEST_CARDS, type CardOutcome, type FeennexTestCard } from './test-data.js';

export function isLuhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let digit = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** VISA: 4…; MASTERCARD: 51–55 and 2221–2720. */
export function cardNetworkOf(pan: string): FeennexTestCard['network'] | undefined {
  if (pan.startsWith('4')) return 'VISA';
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  return (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) ? 'MASTERCARD' : undefined;
}

/** What the sandbox's issuer does with a card (see `TEST_CARDS`). */
export function cardOutcome(pan: string): CardOutcome {
  const listed = TEST_CARDS.find((card) => card.pan === pan);
  if (listed) return listed.outcome;
  return isLuhnValid(pan) && cardNetworkOf(pan) ? 'approve' : 'decline';
}

/** First six and last four digits, as processors show a card. */
export const maskPan = (pan: string): string => `${pan.slice(0, 6)}${'*'.repeat(Math.max(0, pan.length - 10))}${pan.slice(-4)}`;
