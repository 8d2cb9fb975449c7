import { code as currencyByAlpha, number as currencyByNumeric } from 'currency-codes';
import { decimalToMinor, isKnownCurrency, minorDigits, minorToDecimal } from '../../../protocol/currency.js';
import { FeennexError, ParameterError } from './envelope.js';
import { RATES_PER_EUR } from './test-data.js';

/** Feennex speaks ISO 4217 numeric codes; amounts are computed in the alphabetic code's minor units. */
export interface Currency {
  numeric: number;
  alpha: string;
}

const known = (alpha: string | undefined, numeric: string | undefined): Currency | undefined =>
  alpha && numeric && isKnownCurrency(alpha) ? { numeric: Number(numeric), alpha } : undefined;

export function currencyFromNumeric(field: string, value: string): Currency {
  const record = /^\d{1,3}$/.test(value) ? currencyByNumeric(value.padStart(3, '0')) : undefined;
  const currency = known(record?.code, record?.number);
  if (!currency) {
    throw new ParameterError(`Incorrect parameter ${field}: must be an ISO 4217 numeric currency code such as 985`);
  }
  return currency;
}

export function currencyFromAlpha(alpha: string): Currency | undefined {
  const record = currencyByAlpha(alpha);
  return known(record?.code, record?.number);
}

/** A positive decimal amount with at most the currency's own number of decimals → minor units. */
export function parseAmount(field: string, value: string, currency: Currency): number {
  let minor: number;
  try {
    minor = decimalToMinor(value, currency.alpha);
  } catch (error) {
    throw new ParameterError(`Incorrect parameter ${field}: ${(error as Error).message}`);
  }
  if (minor <= 0) throw new ParameterError(`Incorrect parameter ${field}: must be greater than zero`);
  return minor;
}

export const formatAmount = (minor: number, currency: Currency): string => minorToDecimal(minor, currency.alpha);

/** A non-negative decimal string as an exact fraction `units / 10^scale`. */
function fraction(decimal: string): { units: bigint; scale: bigint } {
  const [whole, part = ''] = decimal.split('.');
  return { units: BigInt(whole + part), scale: 10n ** BigInt(part.length) };
}

const minorScale = (currency: Currency): bigint => 10n ** BigInt(minorDigits(currency.alpha));

/** Rounds numerator / denominator half up (both positive). */
const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => (2n * numerator + denominator) / (2n * denominator);

/** Converts with the sandbox's fixed rates, exactly, rounding half up; error 16 without a rate. */
export function convert(minor: number, from: Currency, to: Currency): number {
  if (from.numeric === to.numeric) return minor;
  const fromRate = RATES_PER_EUR[from.alpha];
  const toRate = RATES_PER_EUR[to.alpha];
  if (!fromRate || !toRate) throw new FeennexError(16, `no exchange from ${from.alpha} to ${to.alpha}`);
  const a = fraction(fromRate);
  const b = fraction(toRate);
  const numerator = BigInt(minor) * minorScale(to) * b.units * a.scale;
  const denominator = minorScale(from) * a.units * b.scale;
  return Number(divideHalfUp(numerator, denominator));
}

/** Compares an amount in minor units with a decimal limit in major units: -1, 0 or 1. */
export function compareWithLimit(minor: number, currency: Currency, limit: string): number {
  const l = fraction(limit);
  const left = BigInt(minor) * l.scale;
  const right = l.units * minorScale(currency);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when `minor` equals the decimal `amount` (used for the magic amounts). */
export const isAmount = (minor: number, currency: Currency, amount: string): boolean => compareWithLimit(minor, currency, amount) === 0;
