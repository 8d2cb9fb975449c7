/**
 * `loadPaymentData` with the visible sheet (option `sheet: true`): the payer picks a card and
 * presses Pay; with `PAYMENT_AUTHORIZATION` the sheet shows progress while the merchant answers,
 * closes on SUCCESS, and on ERROR shows the merchant's message and stays open for another card —
 * as Google's sheet does. Closing the sheet rejects with `CANCELED`.
 */
import type { NormalizedTestCard } from '../ecv2/test-card.js';
import type { ResolvedOptions } from './options.js';
import { openFakeSheet } from './sheet.js';
import type { PaymentAuthorizationResult, GooglePaymentData, PaymentDataRequest } from './types.js';

const NETWORK_NAMES: Record<string, string> = { VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'Amex', DISCOVER: 'Discover' };

export type WalletCard = NormalizedTestCard & { network: string; label?: string };

export interface VisibleSheetSteps {
  build(card: WalletCard): Promise<GooglePaymentData>;
  /** The merchant's answer, or `undefined` when the request has no `PAYMENT_AUTHORIZATION` intent. */
  authorize?: (paymentData: GooglePaymentData) => Promise<PaymentAuthorizationResult>;
  canceled(): unknown;
}

/** The cards in the payer's wallet: `wallet` when given, else `card`; each once. */
export function walletOf(options: ResolvedOptions): WalletCard[] {
  const cards: WalletCard[] = options.wallet.length ? options.wallet : [options.card];
  return cards.filter((card, i) => cards.findIndex((other) => other.pan === card.pan) === i);
}

export async function payInVisibleSheet(request: PaymentDataRequest, options: ResolvedOptions, steps: VisibleSheetSteps): Promise<GooglePaymentData> {
  const wallet = walletOf(options);
  const { transactionInfo = {}, merchantInfo = {} } = request;
  const sheet = openFakeSheet({
    merchantName: merchantInfo.merchantName,
    totalPrice: transactionInfo.totalPrice,
    currencyCode: transactionInfo.currencyCode,
    email: options.payer.email,
    cards: wallet.map((card) => ({
      label: `${NETWORK_NAMES[card.network] ?? card.network} •••• ${card.pan.slice(-4)}`,
      network: card.network,
      ...(card.label ? { hint: card.label } : {}),
    })),
    selected: Math.max(
      0,
      wallet.findIndex((card) => card.pan === options.card.pan),
    ),
  });
  try {
    for (;;) {
      const chosen = await sheet.choose();
      if (chosen === undefined) throw steps.canceled();
      sheet.processing();
      const paymentData = await steps.build(wallet[chosen]!);
      if (!steps.authorize) return paymentData;
      const result = await steps.authorize(paymentData);
      if (result.transactionState === 'SUCCESS') {
        await sheet.succeeded();
        return paymentData;
      }
      sheet.declined(result.error?.message || 'This payment method was declined. Try another one.');
    }
  } finally {
    sheet.close();
  }
}
