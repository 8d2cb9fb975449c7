/**
 * Currency facts from the platform's own ISO 4217 / CLDR data (`Intl`), so no table is
 * hand-maintained here. Amounts are integer minor units; conversion never uses floating point.
 */

let known: Set<string> | undefined;

/** True when the platform knows `code` as an ISO 4217 alphabetic currency code. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

const digitsCache = new Map<string, number>();

/** Number of minor-unit digits of a currency (PLN → 2, JPY → 0, KWD → 3). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Integer minor units → decimal string in major units, exactly:
 * (1000, 'PLN') → "10.00", (1000, 'JPY') → "1000", (1000, 'KWD') → "1.000".
 */
export function minorToDecimal(amount: number | bigint, currency: string): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`amount must be a safe integer, got ${amount}`);
  }
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const units = (negative ? -BigInt(amount) : BigInt(amount)).toString();
  if (digits === 0) return (negative ? '-' : '') + units;
  const padded = units.padStart(digits + 1, '0');
  const major = padded.slice(0, -digits);
  const minor = padded.slice(-digits);
  return `${negative ? '-' : ''}${major}.${minor}`;
}

/** Decimal string in major units → integer minor units, exactly; rejects excess precision. */
export function decimalToMinor(value: string, currency: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not a decimal amount`);
  const [, sign, whole, fraction = ''] = match;
  const digits = minorDigits(currency);
  if (fraction.replace(/0+$/, '').length > digits) {
    throw new RangeError(`"${value}" has more than ${digits} decimals for ${currency}`);
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  const result = Number(sign ? -minor : minor);
  if (!Number.isSafeInteger(result)) throw new RangeError(`"${value}" is too large`);
  return result;
}
