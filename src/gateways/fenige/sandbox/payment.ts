import { createHash } from 'node:crypto';
import { FENIGE_ERROR_CODES, type FenigeDeclineCode } from './error-codes.js';
import { declineBody } from './http.js';
import type { TransactionStore, TransactionRecord } from './store.js';
import type { CardOutcome } from './test-cards.js';
import type { FenigeSandboxTransaction, FenigeTransactionState } from './transaction.js';
import { canonicalJson } from '../../../protocol/canonical-json.js';

/** Turns a card outcome into the transaction's state and the payment answer. */

export interface PaymentAnswer {
  httpStatus: number;
  body: Record<string, unknown>;
}

export interface PaymentDecision {
  /** Undefined when the code records nothing (404 / 503 classes). */
  state?: FenigeTransactionState;
  errorCode?: FenigeDeclineCode;
  pending?: { settleAt: number; to: 'SUCCESS' | 'FAILURE' };
  answer: PaymentAnswer;
}

type Payment = Pick<FenigeSandboxTransaction, 'transactionId' | 'itemId' | 'externalTransactionId' | 'capture'>;

export const approvedAnswer = (tx: Payment): PaymentAnswer => ({
  httpStatus: 200,
  body: {
    transactionId: tx.transactionId,
    itemId: tx.itemId,
    status: 'APPROVED',
    externalTransactionId: tx.externalTransactionId,
  },
});

/** `deposit: true` / `autoClear: true` takes the funds at once; otherwise clearing waits. */
export const successState = (tx: Payment): FenigeTransactionState => (tx.capture ? 'SUCCESS' : 'SUCCESS_WAITING_FOR_CLEARING');

export function decide(tx: Payment, card: CardOutcome, now: number, pendingSettleMs: number): PaymentDecision {
  if (card.outcome === 'APPROVED') return { state: successState(tx), answer: approvedAnswer(tx) };
  const code = card.outcome;
  const answer = declineBody(code, crypto.randomUUID());
  switch (FENIGE_ERROR_CODES[code].effect) {
    case 'none':
      return { answer };
    case 'pending':
      return {
        state: 'IN_PROGRESS',
        errorCode: code,
        pending: { settleAt: now + pendingSettleMs, to: card.settlesTo ?? 'SUCCESS' },
        answer,
      };
    case 'rejected':
      return { state: 'FAILURE', errorCode: code, answer };
  }
}

/** Writes an approved or declined authorisation onto a record (no state change yet). */
export function recordAuthorisation(record: TransactionRecord, decision: PaymentDecision, now: number): void {
  record.answer = decision.answer;
  if (decision.errorCode) record.errorCode = decision.errorCode;
  if (decision.pending) record.pending = decision.pending;
  if (decision.state === 'SUCCESS' || decision.state === 'SUCCESS_WAITING_FOR_CLEARING') {
    record.authorizedAt = now;
    if (decision.state === 'SUCCESS') record.clearedAmount = record.amount;
  }
}

/** E0153 over: the IN_PROGRESS payment becomes final; an identical retry now gets the final answer. */
export function settlePending(store: TransactionStore, record: TransactionRecord): void {
  const pending = record.pending;
  if (!pending) return;
  record.pending = undefined;
  if (pending.to === 'SUCCESS') {
    recordAuthorisation(record, { state: successState(record), answer: approvedAnswer(record) }, pending.settleAt);
    delete record.errorCode;
    store.setState(record, successState(record));
  } else {
    record.errorCode = 'E0150';
    record.answer = declineBody('E0150', crypto.randomUUID());
    store.setState(record, 'FAILURE');
  }
}

/** SHA-256 of JSON with sorted keys: equal for equal requests whatever the key order. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
