/**
 * The signed (and therefore mandatory) keys of every API method, as documented. Written out here on
 * purpose, not imported from the client's FEENNEX_SIGNED_KEYS: the emulator checks the client
 * independently, so a wrong key in either fails the tests instead of agreeing with itself.
 */
export const SIGNED_KEYS = {
  'bill/create': ['payer_currency', 'shop_amount', 'shop_currency', 'shop_id', 'shop_order_id'],
  'bill/shop_order_status': ['now', 'shop_id', 'shop_order_id'],
  'invoice/try': ['amount', 'currency', 'payway', 'shop_id', 'shop_order_id'],
  'invoice/create': ['amount', 'currency', 'payway', 'shop_id', 'shop_order_id'],
  'transfer/try': ['amount', 'amount_type', 'payee_currency', 'shop_currency', 'shop_id'],
  'transfer/create': ['amount', 'amount_type', 'payee_account', 'payee_currency', 'shop_currency', 'shop_id', 'shop_payment_id'],
  'transfer/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  'withdraw/try': ['amount', 'amount_type', 'payway', 'shop_currency', 'shop_id'],
  'withdraw/create': ['account', 'amount', 'amount_type', 'payway', 'shop_currency', 'shop_id', 'shop_payment_id'],
  'withdraw/status': ['now', 'shop_id', 'withdraw_id'],
  'withdraw/shop_payment_status': ['now', 'shop_id', 'shop_payment_id'],
  check_account: ['account', 'amount', 'payway', 'shop_id'],
  shop_balance: ['now', 'shop_id'],
} as const satisfies Record<string, readonly string[]>;

export type MethodName = keyof typeof SIGNED_KEYS;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(SIGNED_KEYS, name);
