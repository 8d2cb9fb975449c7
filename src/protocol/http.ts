/** Header carrying the idempotency key; its value is always the `transactionId`. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
