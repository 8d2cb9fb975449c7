import { code as byAlpha, number as byNumeric } from 'currency-codes';
import { decimalToMinor, isKnownCurrency, minorToDecimal } from '../../../protocol/currency.js';

/**
 * Feennex speaks ISO 4217 numeric currencies and decimal major-unit amounts; this package speaks
 * alphabetic codes and integer minor units. Conversions are exact (no floating point).
 */

/**
 * Alphabetic → numeric code, written as the integer Feennex keeps (`'AUD'` → `'36'`, not `'036'`):
 * whether Feennex signs the raw string it received or re-stringifies the integer, both give the
 * same text, so the signature holds either way.
 */
export function toFeennexCurrency(alpha: string, field = 'currency'): string {
  const record = /^[A-Z]{3}$/.test(alpha) ? byAlpha(alpha) : undefined;
  if (!record?.number) {
    throw new RangeError(`${field} must be an ISO 4217 alphabetic code with a numeric code, such as PLN (got "${alpha}")`);
  }
  return String(Number(record.number));
}

/** Numeric code (`'985'`, `985`, `'036'`, `'36'`) → alphabetic, or undefined when ISO 4217 has none. */
export function fromFeennexCurrency(numeric: unknown): string | undefined {
  const text = typeof numeric === 'number' ? String(numeric) : typeof numeric === 'string' ? numeric.trim() : '';
  if (!/^\d{1,3}$/.test(text)) return undefined;
  return byNumeric(text.padStart(3, '0'))?.code;
}

/** Integer minor units → Feennex decimal amount string: (1234, 'PLN') → `'12.34'`. */
export function toFeennexAmount(minor: number, currency: string, field = 'amount'): string {
  if (!Number.isSafeInteger(minor) || minor <= 0) {
    throw new RangeError(`${field} must be a positive integer number of minor units (got ${String(minor)})`);
  }
  if (!isKnownCurrency(currency)) throw new RangeError(`${field}: unknown currency "${currency}"`);
  return minorToDecimal(minor, currency);
}

/**
 * A decimal amount as Feennex answers it — a string, or a JSON number whose shortest text
 * (`String(12.5)` is `'12.5'`) is the literal that was sent; numbers too long to round-trip are
 * refused rather than guessed.
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const text = String(value);
  const digits = text.replace(/[-.]/g, '').replace(/^0+/, '');
  return /e/i.test(text) || digits.length > 15 ? undefined : text;
}

/** A money amount from a Feennex answer, both as sent and as integer minor units. */
export interface FeennexMoney {
  /** Decimal string in major units exactly as Feennex sent it, e.g. `'12.34'`. */
  decimal: string;
  /** The same amount in integer minor units, e.g. `1234`. */
  minor: number;
  /** ISO 4217 alphabetic code, e.g. `'PLN'`. */
  currency: string;
  /** The numeric code Feennex used, e.g. `'985'`. */
  numericCurrency: string;
}

/**
 * Reads an amount and its numeric currency from an answer. Undefined when either is missing or is
 * not an ISO 4217 amount (e.g. a crypto payway's currency): the raw answer still has it.
 */
export function readFeennexMoney(amount: unknown, numericCurrency: unknown): FeennexMoney | undefined {
  const decimal = decimalText(amount);
  const currency = fromFeennexCurrency(numericCurrency);
  if (decimal === undefined || currency === undefined || !isKnownCurrency(currency)) return undefined;
  try {
    return { decimal, minor: decimalToMinor(decimal, currency), currency, numericCurrency: String(numericCurrency) };
  } catch {
    return undefined;
  }
}
