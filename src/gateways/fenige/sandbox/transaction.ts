import type { CardNetwork } from './test-cards.js';

/** Transaction statuses of Fenige's "Transaction statuses" table. */
export type FenigeTransactionState = 'IN_PROGRESS' | 'FAILURE' | 'SUCCESS' | 'SUCCESS_WAITING_FOR_CLEARING' | 'REVERSED' | 'REFUNDED';

export interface FenigeSender {
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface PostbackAttempt {
  at: number;
  state: FenigeTransactionState;
  /** HTTP status of the merchant's answer, absent when the delivery failed. */
  httpStatus?: number;
  error?: string;
}

/** A transaction as the sandbox's merchant panel and tests see it (a copy; never the token). */
export interface FenigeSandboxTransaction {
  /** Fenige's id of the transaction: the merchant's, or (paymelink, `paymelinkId: 'assigned'`) the sandbox's own. */
  transactionId: string;
  /** Paymelink: the `transactionId` the merchant sent (equal to `transactionId` unless the sandbox assigned its own). */
  merchantTransactionId?: string;
  source: 'google-pay' | 'paymelink';
  state: FenigeTransactionState;
  amount: number;
  currency: string;
  description: string;
  sender: FenigeSender;
  /** `deposit` of the google-pay request, `autoClear` of a paymelink. */
  capture: boolean;
  cardNetwork?: CardNetwork;
  /** Last four digits of the PAN. */
  cardLast4?: string;
  /** The token's `authMethod` (`PAN_ONLY`, `CRYPTOGRAM_3DS`). */
  authMethod?: string;
  /** The Fenige error code the payment ended with, if any. */
  errorCode?: string;
  itemId: string;
  externalTransactionId: string;
  createdAt: number;
  authorizedAt?: number;
  clearedAmount?: number;
  /** `clearing: 'repeated'`: cleared in part, more may follow. */
  partialClearing?: boolean;
  refundedAmount: number;
  history: { at: number; state: FenigeTransactionState }[];
  postbacks: PostbackAttempt[];
}

export const FINAL_STATES: readonly FenigeTransactionState[] = ['FAILURE', 'SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING', 'REVERSED', 'REFUNDED'];

/** Days to clear an authorisation (Fenige docs, Clearing: 7 for VISA, 30 for Mastercard). */
export const CLEARING_WINDOW_DAYS: Record<CardNetwork, number> = { VISA: 7, MASTERCARD: 30 };
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Formats an instant as Fenige's `creationDate`: `2024-01-13T14:11:54.422+00:00`. */
export const isoWithOffset = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

/**
 * The details body (`GET /transactions/details/{id}`), also the postback body. `example`: the
 * document's example (`transactionState`, `currencyCode`, `creationDate`, `sender` with `phone`);
 * `table`: its field table (`status`, `threeDsMode`, and no `currencyCode` / `creationDate` / `sender`).
 */
export function detailsBody(tx: FenigeSandboxTransaction, shape: 'example' | 'table' = 'example'): Record<string, unknown> {
  if (shape === 'table') {
    return {
      transactionId: tx.transactionId,
      amount: tx.amount,
      currency: tx.currency,
      description: tx.description,
      status: tx.state,
      // The document cuts its description short; the sandbox reports the token's authMethod.
      threeDsMode: tx.authMethod ?? null,
    };
  }
  return {
    creationDate: isoWithOffset(tx.createdAt),
    transactionId: tx.transactionId,
    transactionState: tx.state,
    amount: tx.amount,
    currencyCode: tx.currency,
    description: tx.description,
    currency: tx.currency,
    // Every field of the example's sender, null when the sandbox does not know it.
    sender: { firstName: tx.sender.firstName ?? null, lastName: tx.sender.lastName ?? null, email: tx.sender.email ?? null, phone: null },
  };
}
