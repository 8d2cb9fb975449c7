/**
 * `paytool-elements/testing` — a browser fake of Google's `PaymentsClient` (docs/protocol.md §4.4) for
 * demos and tests without Google: its tokens are real ECv2 tokens sealed for the sandbox's public
 * test keys, so the sandbox verifies and decrypts them like a gateway would.
 *
 * @example
 * const gpay = installFakeGooglePay({ card: '5555555555554444' });
 * // … the element pays …
 * gpay.calls.loadPaymentData[0].transactionInfo.totalPrice; // "10.00"
 * gpay.uninstall();
 */
export { installFakeGooglePay, type FakeGooglePayController } from './install.js';
export type { FakeGooglePayOptions, FakePayer, FakeWalletCard } from './options.js';
export type { FakeGooglePayCalls } from './payments-client.js';
export { EXAMPLE_TOKEN } from './payment-data.js';
export type { TestCard, TestCardInput } from '../ecv2/test-card.js';
export type * from './types.js';
