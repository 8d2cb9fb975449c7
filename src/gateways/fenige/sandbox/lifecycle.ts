import type { EmulatorContext } from './context.js';
import { forbidden, json, notFound, operationRejected, validationError } from './http.js';
import type { TransactionRecord } from './store.js';
import { CLEARING_WINDOW_DAYS, DAY_MS, detailsBody, isoWithOffset } from './transaction.js';
import { Violations, type Json } from './violations.js';

/** Clearing, reversal, refund and details of an authorised transaction (Fenige docs: Endpoints). */

/** How long the sandbox says clearing takes (`completion.estimate`). */
const CLEARING_ESTIMATE_MS = DAY_MS;

type Lookup = { record: TransactionRecord } | { response: Response };

/** Validates `transactionId` (+ `merchantUuid` when the endpoint has one) and finds the transaction. */
function findTransaction(ctx: EmulatorContext, v: Violations, body: Json, withMerchant: boolean): Lookup | undefined {
  const transactionId = v.uuid('transactionId', body.transactionId);
  if (body.transactionId === undefined && body.requestUuid !== undefined) {
    v.add('transactionId', 'send the transaction id as transactionId (as in Fenige\'s example), not requestUuid');
  }
  const merchantUuid = withMerchant ? v.text('merchantUuid', body.merchantUuid, 36) : undefined;
  if (!v.empty || !transactionId) return undefined;
  if (withMerchant && merchantUuid?.toLowerCase() !== ctx.credentials.merchantUuid.toLowerCase()) {
    return { response: forbidden() };
  }
  const record = ctx.store.get(transactionId);
  return record ? { record } : { response: notFound(`Transaction ${transactionId} not found`) };
}

/** `POST /external/clear` `{ transactionId, merchantUuid, clearingAmount }`. */
export function handleClear(ctx: EmulatorContext, body: Json): Response {
  const v = new Violations();
  const clearingAmount = v.pennies('clearingAmount', body.clearingAmount, 1);
  const found = findTransaction(ctx, v, body, true);
  if (!found || clearingAmount === undefined) return validationError(v.errors);
  if ('response' in found) return found.response;
  const tx = found.record;
  if (tx.state !== 'SUCCESS_WAITING_FOR_CLEARING') {
    return operationRejected(`only a SUCCESS_WAITING_FOR_CLEARING transaction can be cleared, this one is ${tx.state}`);
  }
  const network = tx.cardNetwork ?? 'VISA';
  const deadline = (tx.authorizedAt ?? tx.createdAt) + CLEARING_WINDOW_DAYS[network] * DAY_MS;
  const now = ctx.now();
  if (now > deadline) {
    return operationRejected(`the ${CLEARING_WINDOW_DAYS[network]}-day ${network} clearing window ended at ${isoWithOffset(deadline)}`);
  }
  if (clearingAmount > tx.amount) {
    return validationError({ clearingAmount: [`must be less than or equal to the authorised amount ${tx.amount}`] });
  }
  tx.clearedAmount = clearingAmount;
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
  const refundable = (tx.clearedAmount ?? tx.amount) - tx.refundedAmount;
  if (amountToRefund > refundable) {
    return validationError({ amountToRefund: [`must be less than or equal to the refundable amount ${refundable}`] });
  }
  tx.refundedAmount += amountToRefund;
  if (amountToRefund === refundable) ctx.store.setState(tx, 'REFUNDED');
  return json(200, {
    requestUuid: crypto.randomUUID(),
    refundStatus: 'APPROVED',
    responseCode: 'CODE_00',
    status: 'S0006',
    message: 'Success refund transaction',
    httpStatus: 'OK',
  });
}

/** `GET /transactions/details/{transactionId}`. */
export function handleDetails(ctx: EmulatorContext, transactionId: string): Response {
  const tx = ctx.store.get(transactionId);
  return tx ? json(200, detailsBody(tx)) : notFound(`Transaction ${transactionId} not found`);
}
