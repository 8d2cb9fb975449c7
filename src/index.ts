import './google-pay/boot.js'; // first: requests pay.js before anything else is evaluated
export * from './elements.js';
