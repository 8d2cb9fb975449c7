import type { EmulatorContext } from './context.js';
import { forbidden, json, notFound, operationRejected, validationError } from './http.js';
import type { TransactionRecord } from './store.js';
import { CLEARING_WINDOW_DAYS, DAY_MS, detailsBody, isoWithOffset } from './transaction.js';
import { Violations, type Json } from './violations.js';

/** Clearing, reversal, refund and details of an authorised transaction (Fenige docs: Endpoints). */

/** How long the sandbox says clearing takes (`completion.estimate`). */
const CLEARING_ESTIMATE_MS = DAY_MS;

type Lookup = { record: TransactionRecord } | { response: Response };

/**
 * Validates the id field (`transactionId`, or for clearing the one `clearingIdField` names) and
 * `merchantUuid` when the endpoint has one, and finds the transaction.
 */
function findTransaction(ctx: EmulatorContext, v: Violations, body: Json, withMerchant: boolean, idField = 'transactionId'): Lookup | undefined {
  const transactionId = v.uuid(idField, body[idField]);
  const merchantUuid = withMerchant ? v.text('merchantUuid', body.merchantUuid, 36) : undefined;
  if (!v.empty || !transactionId) return undefined;
  if (withMerchant && merchantUuid?.toLowerCase() !== ctx.credentials.merchantUuid.toLowerCase()) {
    return { response: forbidden() };
  }
  const record = ctx.store.get(transactionId);
  return record ? { record } : { response: notFound(`Transaction ${transactionId} not found`) };
}

/**
 * `POST /external/clear` `{ transactionId | requestUuid, merchantUuid, clearingAmount }`: the id
 * field is the one `clearingIdField` names; `clearing: 'once'` allows one clearing (full or
 * partial), `'repeated'` several partial ones up to the authorised amount.
 */
export function handleClear(ctx: EmulatorContext, body: Json): Response {
  const v = new Violations();
  const clearingAmount = v.pennies('clearingAmount', body.clearingAmount, 1);
  const found = findTransaction(ctx, v, body, true, ctx.readings.clearingIdField);
  if (!found || clearingAmount === undefined) return validationError(v.errors);
  if ('response' in found) return found.response;
  const tx = found.record;
  const repeated = ctx.readings.clearing === 'repeated';
  const partlyCleared = repeated && tx.state === 'SUCCESS' && tx.partialClearing === true;
  if (tx.state !== 'SUCCESS_WAITING_FOR_CLEARING' && !partlyCleared) {
    return operationRejected(`only a SUCCESS_WAITING_FOR_CLEARING transaction can be cleared, this one is ${tx.state}`);
  }
  const network = tx.cardNetwork ?? 'VISA';
  const deadline = (tx.authorizedAt ?? tx.createdAt) + CLEARING_WINDOW_DAYS[network] * DAY_MS;
  const now = ctx.now();
  if (now > deadline) {
    return operationRejected(`the ${CLEARING_WINDOW_DAYS[network]}-day ${network} clearing window ended at ${isoWithOffset(deadline)}`);
  }
  const clearable = tx.amount - (partlyCleared ? (tx.clearedAmount ?? 0) : 0);
  if (clearingAmount > clearable) {
    const what = partlyCleared ? `the amount still to clear ${clearable}` : `the authorised amount ${tx.amount}`;
    return validationError({ clearingAmount: [`must be less than or equal to ${what}`] });
  }
  tx.clearedAmount = (partlyCleared ? (tx.clearedAmount ?? 0) : 0) + clearingAmount;
  tx.partialClearing = repeated && tx.clearedAmount < tx.amount;
  ctx.store.setState(tx, 'SUCCESS');
  return json(200, {
    completion: { estimate: new Date(now + CLEARING_ESTIMATE_MS).toISOString().slice(0, -1) },
    status: 'S0004',
    message: 'PENDING',
    httpStatus: 'ACCEPTED',
  });
}

/** `POST /external/reverse` `{ transactionId, merchantUuid }`: only before clearing. */
export function handleReverse(ctx: EmulatorContext, body: Json): Response {
  const v = new Violations();
  const found = findTransaction(ctx, v, body, true);
  if (!found) return validationError(v.errors);
  if ('response' in found) return found.response;
  const tx = found.record;
  if (tx.state !== 'SUCCESS_WAITING_FOR_CLEARING') {
    return operationRejected(`only a transaction that is not cleared (SUCCESS_WAITING_FOR_CLEARING) can be reversed, this one is ${tx.state}`);
  }
  ctx.store.setState(tx, 'REVERSED');
  return json(200, {
    requestUuid: crypto.randomUUID(),
    reversalStatus: 'APPROVED',
    responseCode: 'CODE_00',
    status: 'S0005',
    message: 'Success reverse transaction',
    httpStatus: 'OK',
  });
}

/**
 * `POST /external/transaction/refund` `{ transactionId, amountToRefund }`: only after the funds
 * were taken (SUCCESS); partial refunds add up to at most the amount taken, and the transaction
 * becomes REFUNDED when they reach it.
 */
export function handleRefund(ctx: EmulatorContext, body: Json): Response {
  const v = new Violations();
  const amountToRefund = v.pennies('amountToRefund', body.amountToRefund, 1);
  const found = findTransaction(ctx, v, body, false);
  if (!found || amountToRefund === undefined) return validationError(v.errors);
  if ('response' in found) return found.response;
  const tx = found.record;
  if (tx.state !== 'SUCCESS') {
    return operationRejected(`only a SUCCESS (cleared) transaction can be refunded, this one is ${tx.state}`);
  }
  if (ctx.readings.refunds === 'once' && tx.refundedAmount > 0) {
    return operationRejected('this transaction was already refunded once');
  }
  const refundable = (tx.clearedAmount ?? tx.amount) - tx.refundedAmount;
  if (amountToRefund > refundable) {
    return validationError({ amountToRefund: [`must be less than or equal to the refundable amount ${refundable}`] });
  }
  tx.refundedAmount += amountToRefund;
  if (amountToRefund === refundable) ctx.store.setState(tx, 'REFUNDED');
  // A partial refund may not clear the rest any more.
  tx.partialClearing = false;
  return json(200, {
    requestUuid: crypto.randomUUID(),
    refundStatus: 'APPROVED',
    responseCode: 'CODE_00',
    status: 'S0006',
    message: 'Success refund transaction',
    httpStatus: 'OK',
  });
}

/** `GET /transactions/details/{transactionId}`, in the shape `details` chooses. */
export function handleDetails(ctx: EmulatorContext, transactionId: string): Response {
  const tx = ctx.store.get(transactionId);
  return tx ? json(200, detailsBody(tx, ctx.readings.details)) : notFound(`Transaction ${transactionId} not found`);
}
