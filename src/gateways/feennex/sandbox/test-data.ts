/**
 * Every input that makes the Feennex sandbox behave in a documented way: shops, payways, test
 * cards, magic amounts, magic accounts and exchange rates. The README's tables are this file in
 * prose; tests and the demo import it so that nothing is documented twice by hand.
 */

/** Shop ids other than the configured one. They sign with the configured secret key. */
export const MAGIC_SHOPS: Readonly<Record<string, { errorCode: 12 | 15 | 17 | 19; why: string }>> = {
  '12': { errorCode: 12, why: 'the shop exists but is not active' },
  '15': { errorCode: 15, why: "the shop's IP allow-list does not contain the caller" },
  '17': { errorCode: 17, why: 'the shop has no valid contract' },
  '19': { errorCode: 19, why: 'the shop must work through an aggregator' },
};

export type PaywayKind = 'card' | 'googlepay' | 'wallet';

export interface PaywaySystem {
  kind: PaywayKind;
  /** `paymethod_name` in `invoice/try`. */
  label: string;
  /** Error answered for any use of the payway (disabled for the shop / temporarily unavailable). */
  errorCode?: 2 | 3;
  /** Usable by `withdraw/*` and `check_account`. */
  payout: boolean;
  /** Limits of one operation, in major units of the payway's own currency. */
  min: string;
  max: string;
}

/**
 * Payways are `<system>_<currency>`, the currency being any ISO 4217 alphabetic code in lower
 * case (`card_pln`, `googlepay_eur`, `payeer_rub`). Anything else answers error 1.
 */
export const PAYWAY_SYSTEMS: Readonly<Record<string, PaywaySystem>> = {
  card: { kind: 'card', label: 'Bank card', payout: true, min: '1.00', max: '10000.00' },
  card_invoice: { kind: 'card', label: 'Bank card', payout: false, min: '1.00', max: '10000.00' },
  googlepay: { kind: 'googlepay', label: 'Google Pay', payout: false, min: '1.00', max: '10000.00' },
  payeer: { kind: 'wallet', label: 'Payeer', payout: true, min: '0.01', max: '50000.00' },
  perfectmoney: { kind: 'wallet', label: 'Perfect Money', payout: true, min: '0.01', max: '50000.00' },
  advcash: { kind: 'wallet', label: 'AdvCash', payout: true, min: '0.01', max: '50000.00' },
  qiwi: { kind: 'wallet', label: 'QIWI', payout: true, min: '0.01', max: '50000.00', errorCode: 2 },
  webmoney: { kind: 'wallet', label: 'WebMoney', payout: true, min: '0.01', max: '50000.00', errorCode: 3 },
};

export type CardOutcome = 'approve' | 'challenge' | 'decline';

/** A card number the Feennex sandbox knows, with the outcome it gives. */
export interface FeennexTestCard {
  pan: string;
  network: 'VISA' | 'MASTERCARD';
  outcome: CardOutcome;
  description: string;
}

/**
 * Card outcomes for Google Pay tokens and the hosted card page (the approving and declining PANs
 * match the Fenige sandbox). Any other Luhn-valid VISA or MASTERCARD number is approved; anything
 * else is declined.
 */
export const TEST_CARDS: readonly FeennexTestCard[] = [
  { pan: '4111111111111111', network: 'VISA', outcome: 'approve', description: 'approved, no 3-D Secure' },
  { pan: '5555555555554444', network: 'MASTERCARD', outcome: 'approve', description: 'approved, no 3-D Secure' },
  { pan: '4000000000003220', network: 'VISA', outcome: 'challenge', description: '3-D Secure challenge' },
  { pan: '5200000000003225', network: 'MASTERCARD', outcome: 'challenge', description: '3-D Secure challenge' },
  { pan: '4000000000000002', network: 'VISA', outcome: 'decline', description: 'declined: do not honour' },
  { pan: '4000000000009995', network: 'VISA', outcome: 'decline', description: 'declined: insufficient funds' },
  { pan: '5105105105105100', network: 'MASTERCARD', outcome: 'decline', description: 'declined: rejected by the issuer' },
];

/**
 * Amounts (in the request's own currency) that change timing rather than outcome. They apply to
 * Google Pay `invoice/create` and to `withdraw/create` / `transfer/create`.
 */
export const MAGIC_AMOUNTS = {
  /** Stays processing (invoice 2, payout 3) for `timing.processingMs`, then settles. */
  slow: '3.33',
  /** The create call answers only after `timing.slowAnswerMs`; the operation is already done. */
  timeout: '4.08',
  /** The create call answers error 8; the operation exists, processing, and settles later. */
  processing: '8.08',
  /** Payouts only: waits for manual confirmation (2), is confirmed (7), then succeeds (5). */
  manual: '2.22',
  /** Payouts only: rejected (6); nothing is written off. */
  rejected: '6.06',
} as const;

/** Payout accounts (`account`, `payee_account`) answering an account error. */
export const MAGIC_ACCOUNTS: Readonly<Record<string, { errorCode: 13 | 14 | 18; why: string }>> = {
  'not-found@sandbox.test': { errorCode: 13, why: 'no such wallet' },
  'blocked@sandbox.test': { errorCode: 14, why: 'the wallet is blocked' },
  'merchant@sandbox.test': { errorCode: 18, why: 'a merchant wallet cannot receive payouts' },
  '4000000000001315': { errorCode: 13, why: 'no such card' },
  '4000000000001414': { errorCode: 14, why: 'the card is blocked' },
  '4000000000001810': { errorCode: 18, why: 'corporate cards cannot receive payouts' },
};

/**
 * Units of each currency per 1 EUR. Operations between two different currencies need both here;
 * any other pair answers error 16. No commission is charged anywhere.
 */
export const RATES_PER_EUR: Readonly<Record<string, string>> = {
  EUR: '1',
  USD: '1.08',
  PLN: '4.30',
  GBP: '0.85',
  RUB: '100',
  UAH: '45',
};

/** Balances of a fresh emulator (numeric currency → decimal), unless `balances` is given. */
export const DEFAULT_BALANCES: Readonly<Record<string, string>> = {
  '985': '10000.00',
  '978': '5000.00',
  '840': '5000.00',
};

export const DEFAULT_SHOP_ID = '5';
export const DEFAULT_SECRET_KEY = 'SandboxSecret01';
/** Bill lifetime in minutes (30 days), after which an unpaid bill expires (status 4). */
export const BILL_LIFETIME_MINUTES = 43200;

export interface ErrorCodeEntry {
  code: number;
  message: string;
  trigger: string;
}

/** Every error code and one documented way to get it from the sandbox. */
export const ERROR_CODES: readonly ErrorCodeEntry[] = [
  { code: 1, message: 'Payway not found', trigger: 'payway `unknown_usd`, or a payway whose currency is not ISO 4217' },
  { code: 2, message: 'Payway not used', trigger: 'payway `qiwi_<currency>` (not enabled for the shop)' },
  { code: 3, message: 'Payway not available', trigger: 'payway `webmoney_<currency>` (temporarily unavailable)' },
  { code: 4, message: 'Amount too small', trigger: 'below the payway minimum, e.g. amount `0.50` with `card_pln`' },
  { code: 5, message: 'Amount too large', trigger: 'above the payway maximum, e.g. amount `10000.01` with `card_pln`' },
  { code: 6, message: 'Operation not unique', trigger: 'a `shop_order_id` / `shop_payment_id` used before' },
  { code: 7, message: 'Operation not found', trigger: 'a status query for an unknown `shop_order_id`, `shop_payment_id` or `withdraw_id`' },
  {
    code: 8,
    message: 'Operation is processing',
    trigger: `amount \`${MAGIC_AMOUNTS.processing}\` on a create call; or repeating a create whose operation is still processing`,
  },
  { code: 9, message: 'Insufficient balance', trigger: 'a payout writing off more than the available balance of `shop_currency`' },
  {
    code: 10,
    message: 'Incorrect request parameter',
    trigger:
      'a wrong or missing `sign` (message `Invalid sign, string_to_sign: …`), any unknown `shop_id` (the documented example), a missing / malformed parameter (the message names it), or a POST without `Content-Type: application/json`',
  },
  { code: 11, message: 'Shop not found', trigger: "with `unknownShop: 'shop-not-found'`: any `shop_id` other than the configured one and the magic shops" },
  { code: 12, message: 'Shop not active', trigger: '`shop_id` `12`' },
  { code: 13, message: 'Account not found', trigger: 'account `not-found@sandbox.test` or card `4000000000001315`' },
  { code: 14, message: 'Incorrect account status', trigger: 'account `blocked@sandbox.test` or card `4000000000001414`' },
  { code: 15, message: 'Request IP denied', trigger: '`shop_id` `15`' },
  { code: 16, message: 'Invalid currency exchange', trigger: 'two different currencies without a sandbox rate, e.g. `currency` 392 (JPY) with `card_usd`' },
  { code: 17, message: 'Invalid shop contract', trigger: '`shop_id` `17`' },
  { code: 18, message: 'Incorrect account type', trigger: 'account `merchant@sandbox.test` or card `4000000000001810`' },
  { code: 19, message: 'Shop aggregator required', trigger: '`shop_id` `19`' },
];

export const errorMessage = (code: number): string => ERROR_CODES.find((entry) => entry.code === code)?.message ?? 'Error';
