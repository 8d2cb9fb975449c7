import { FeennexError } from './envelope.js';
import { compareWithLimit, currencyFromAlpha, type Currency } from './money.js';
import { PAYWAY_SYSTEMS, type PaywaySystem } from './test-data.js';

export interface Payway extends PaywaySystem {
  name: string;
  /** The part before the currency, e.g. `card_invoice`. */
  system: string;
  /** The payway's own currency: what the payer pays in, or the payee receives. */
  currency: Currency;
}

/**
 * `<system>_<currency>` → the payway, or error 1 (unknown), 2 (not used) or 3 (not available).
 * `googlePaySystem` is the name this deployment gives Google Pay (default `googlepay`); under
 * another name, `googlepay_…` is unknown, as it would be at such a deployment.
 */
export function resolvePayway(name: string, use: 'payment' | 'payout', googlePaySystem = 'googlepay'): Payway {
  const [, systemName = '', currencyCode = ''] = /^([a-z][a-z0-9_]*)_([a-z]{3})$/.exec(name) ?? [];
  const key =
    systemName === googlePaySystem && !Object.hasOwn(PAYWAY_SYSTEMS, systemName)
      ? 'googlepay'
      : systemName === 'googlepay' && googlePaySystem !== 'googlepay'
        ? ''
        : systemName;
  const system = Object.hasOwn(PAYWAY_SYSTEMS, key) ? PAYWAY_SYSTEMS[key] : undefined;
  const currency = currencyFromAlpha(currencyCode.toUpperCase());
  if (!system || !currency || (use === 'payout' && !system.payout)) {
    throw new FeennexError(1, `${name} is not a ${use} payway of this shop`);
  }
  if (system.errorCode) throw new FeennexError(system.errorCode, name);
  return { ...system, name, system: systemName, currency };
}

/** Error 4 / 5 when an amount in the payway's currency is outside the payway's limits. */
export function checkLimits(minor: number, payway: Payway): void {
  const { alpha } = payway.currency;
  if (compareWithLimit(minor, payway.currency, payway.min) < 0) {
    throw new FeennexError(4, `the minimum for ${payway.name} is ${payway.min} ${alpha}`);
  }
  if (compareWithLimit(minor, payway.currency, payway.max) > 0) {
    throw new FeennexError(5, `the maximum for ${payway.name} is ${payway.max} ${alpha}`);
  }
}
