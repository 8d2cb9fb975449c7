export * from './currency.js';
export * from './payment-data.js';
export * from './schema.js';
export * from './checkout-request.js';
export * from './outcome.js';
