import { openGooglePayToken } from '../../../ecv2/open.js';
import { claimMessageId, messageIdOf } from '../../../ecv2/message-ids.js';
import { SANDBOX_KEYS, sandboxRecipientId } from '../../../ecv2/sandbox-keys.js';
import type { EmulatorContext } from './context.js';
import { json, operationRejected, validationError } from './http.js';
import { decide, fingerprint, recordAuthorisation } from './payment.js';
import type { TransactionRecord } from './store.js';
import { outcomeFor } from './test-cards.js';
import type { FenigeSender } from './transaction.js';
import { isObject, Violations, type Json } from './violations.js';

/** `POST /external-api/transactions/google-pay` (Fenige docs: Payment Hub). */

interface GooglePayRequest {
  transactionId: string;
  amount: number;
  currency: string;
  description: string;
  deposit: boolean;
  sender: FenigeSender;
  token: Json;
}

function parseRequest(body: Json): { request?: GooglePayRequest; violations: Violations } {
  const v = new Violations();
  const amount = v.pennies('amount', body.amount);
  const transactionId = v.uuid('transactionId', body.transactionId);
  const currency = v.currency('currency', body.currency);
  const description = v.text('description', body.description);
  const deposit = v.optionalBoolean('deposit', body.deposit) ?? false;
  v.optionalText('browserIp', body.browserIp, 45);
  const sender = v.object('sender', body.sender);
  const firstName = sender && v.text('sender.firstName', sender.firstName, 100);
  const lastName = sender && v.text('sender.lastName', sender.lastName, 100);
  const email = sender && v.optionalEmail('sender.email', sender.email);
  const token = v.object('token', body.token);
  if (token) {
    v.text('token.signature', token.signature, 1_000);
    v.text('token.protocolVersion', token.protocolVersion, 20);
    v.text('token.signedMessage', token.signedMessage, 20_000);
    const key = v.object('token.intermediateSigningKey', token.intermediateSigningKey);
    if (key) {
      v.text('token.intermediateSigningKey.signedKey', key.signedKey, 2_000);
      v.strings('token.intermediateSigningKey.signatures', key.signatures);
    }
  }
  if (!v.empty) return { violations: v };
  const request: GooglePayRequest = {
    transactionId: transactionId!,
    amount: amount!,
    currency: currency!,
    description: description!,
    deposit,
    sender: email === undefined ? { firstName, lastName } : { firstName, lastName, email },
    token: token!,
  };
  return { request, violations: v };
}

/** The decrypted token must be a card for this merchant; returns its PAN or a violation message. */
async function openToken(ctx: EmulatorContext, token: Json, transactionId: string): Promise<{ pan: string } | { error: string }> {
  let payload: unknown;
  try {
    const text = await openGooglePayToken(token, {
      recipientId: sandboxRecipientId('fenige'),
      privateKeys: [SANDBOX_KEYS.recipientPrivateKey],
      rootKeys: SANDBOX_KEYS.rootKeys,
      now: ctx.now(),
    });
    payload = JSON.parse(text);
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    return { error: `could not be opened (${typeof reason === 'string' ? reason : 'MALFORMED_TOKEN'})` };
  }
  if (!isObject(payload)) return { error: 'could not be opened (MALFORMED_TOKEN)' };
  if (payload.gatewayMerchantId !== ctx.credentials.merchantUuid) {
    return { error: "was not sealed for this merchant (gatewayMerchantId is not the account's merchantUuid)" };
  }
  const details = payload.paymentMethodDetails;
  if (payload.paymentMethod !== 'CARD' || !isObject(details) || typeof details.pan !== 'string' || !/^\d{12,19}$/.test(details.pan)) {
    return { error: 'does not hold a card (paymentMethod CARD with a PAN)' };
  }
  // As a real gateway: one Google Pay message pays one transaction.
  const messageId = messageIdOf(payload);
  if (!messageId) return { error: 'could not be opened (MALFORMED_TOKEN: no messageId)' };
  if (!claimMessageId(ctx.store, messageId, transactionId)) return { error: 'was already used for another transaction (messageId seen before)' };
  return { pan: details.pan };
}

/**
 * One transaction per `transactionId`: an identical retry gets the current answer of the first
 * request; a different request with a used id is refused (422 E0150), the first left untouched.
 */
function replay(existing: TransactionRecord, requestFingerprint: string): Response {
  if (existing.source !== 'google-pay' || existing.fingerprint !== requestFingerprint || !existing.answer) {
    return operationRejected(`transactionId ${existing.transactionId} is already used by a different request`);
  }
  return json(existing.answer.httpStatus, existing.answer.body);
}

export async function handleGooglePay(ctx: EmulatorContext, body: Json): Promise<Response> {
  const { request, violations } = parseRequest(body);
  if (!request) return validationError(violations.errors);
  // browserIp describes the connection, not the payment: a retry from another address is identical.
  const requestFingerprint = fingerprint({ ...request, kind: 'google-pay' });
  const earlier = ctx.store.get(request.transactionId);
  if (earlier) return replay(earlier, requestFingerprint);

  const opened = await openToken(ctx, request.token, request.transactionId);
  if ('error' in opened) return validationError({ token: [opened.error] });
  // A concurrent request with the same id may have been recorded while the token was opened.
  const concurrent = ctx.store.get(request.transactionId);
  if (concurrent) return replay(concurrent, requestFingerprint);

  const now = ctx.now();
  const card = outcomeFor(opened.pan, request.amount);
  const record: TransactionRecord = {
    transactionId: request.transactionId,
    source: 'google-pay',
    state: 'IN_PROGRESS',
    amount: request.amount,
    currency: request.currency,
    description: request.description,
    sender: request.sender,
    capture: request.deposit,
    cardLast4: opened.pan.slice(-4),
    itemId: crypto.randomUUID(),
    externalTransactionId: crypto.randomUUID(),
    createdAt: now,
    refundedAmount: 0,
    history: [],
    postbacks: [],
    fingerprint: requestFingerprint,
  };
  if (card.network) record.cardNetwork = card.network;
  const decision = decide(record, card, now, ctx.pendingSettleMs);
  if (decision.state) {
    record.state = decision.state;
    recordAuthorisation(record, decision, now);
    ctx.store.add(record);
  }
  return json(decision.answer.httpStatus, decision.answer.body);
}
