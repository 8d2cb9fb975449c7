/**
 * The one shape of a shop order id, both when the client sends it and when a callback brings it
 * back. The callback's signature joins values with ':' and no keys (docs/gateways/feennex.md), so
 * the id may hold no ':' and no text that could pass for a neighbouring field; a UUID (the checkout
 * handler's transactionId) and a merchant's own ids such as `ORDER-2026-0042` both fit.
 */
export const SHOP_ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const SHOP_ORDER_ID_SHAPE = 'letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit), e.g. a UUID or ORDER-2026-0042';
