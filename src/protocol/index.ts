export * from './currency.js';
export * from './payment-data.js';
export * from './checkout-request.js';
export * from './outcome.js';
