import { openGooglePayToken } from '../../../ecv2/open.js';
import { claimMessageId, messageIdOf } from '../../../ecv2/message-ids.js';
import { gatewayRecipientId } from '../../../ecv2/format.js';
import { SANDBOX_KEYS } from '../../../ecv2/sandbox-keys.js';
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
  /** The merchant's own idempotency id, when sent. */
  itemId?: string;
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
  const itemId = v.optionalText('itemId', body.itemId, 100);
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
  if (itemId !== undefined) request.itemId = itemId;
  return { request, violations: v };
}

interface OpenedCard {
  pan: string;
  /** The card's expiry is over at `now`: Fenige would decline it. */
  expired: boolean;
  authMethod?: string;
}

/** True when the card's last valid month (UTC) is before the month of `now`. */
function isExpired(month: unknown, year: unknown, now: number): boolean {
  if (typeof month !== 'number' || typeof year !== 'number') return false;
  const today = new Date(now);
  return year * 12 + month < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
}

/**
 * The decrypted token must be a card for this merchant's Gateway Merchant Id (not its
 * merchantUuid: the document defines two identifiers); returns the card or a violation message.
 */
async function openToken(ctx: EmulatorContext, token: Json, transactionId: string): Promise<OpenedCard | { error: string }> {
  let payload: unknown;
  try {
    const text = await openGooglePayToken(token, {
      recipientId: gatewayRecipientId(ctx.readings.gatewayId),
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
  if (payload.gatewayMerchantId !== ctx.credentials.gatewayMerchantId) {
    return { error: "was not sealed for this merchant (its gatewayMerchantId is not the account's Gateway Merchant Id)" };
  }
  const details = payload.paymentMethodDetails;
  if (payload.paymentMethod !== 'CARD' || !isObject(details) || typeof details.pan !== 'string' || !/^\d{12,19}$/.test(details.pan)) {
    return { error: 'does not hold a card (paymentMethod CARD with a PAN)' };
  }
  // As a real gateway: one Google Pay message pays one transaction.
  const messageId = messageIdOf(payload);
  if (!messageId) return { error: 'could not be opened (MALFORMED_TOKEN: no messageId)' };
  if (!claimMessageId(ctx.store, messageId, transactionId)) return { error: 'was already used for another transaction (messageId seen before)' };
  const card: OpenedCard = { pan: details.pan, expired: isExpired(details.expirationMonth, details.expirationYear, ctx.now()) };
  if (typeof details.authMethod === 'string') card.authMethod = details.authMethod;
  return card;
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

/**
 * `itemId: 'merchant'`: a payment whose itemId is already used answers as the first one did
 * (the item is charged once); the same itemId for another amount or currency is refused.
 */
function replayItem(ctx: EmulatorContext, request: GooglePayRequest): Response | undefined {
  if (ctx.readings.itemId !== 'merchant' || request.itemId === undefined) return undefined;
  const first = ctx.store.findByItemId(request.itemId);
  if (!first) return undefined;
  if (first.source !== 'google-pay' || first.amount !== request.amount || first.currency !== request.currency || !first.answer) {
    return operationRejected(`itemId ${request.itemId} is already used by a different payment`);
  }
  return json(first.answer.httpStatus, first.answer.body);
}

export async function handleGooglePay(ctx: EmulatorContext, body: Json): Promise<Response> {
  const { request, violations } = parseRequest(body);
  if (!request) return validationError(violations.errors);
  // browserIp describes the connection, not the payment: a retry from another address is identical.
  const requestFingerprint = fingerprint({ ...request, kind: 'google-pay' });
  const earlier = ctx.store.get(request.transactionId);
  if (earlier) return replay(earlier, requestFingerprint);
  const item = replayItem(ctx, request);
  if (item) return item;

  const opened = await openToken(ctx, request.token, request.transactionId);
  if ('error' in opened) return validationError({ token: [opened.error] });
  // A concurrent request with the same id may have been recorded while the token was opened.
  const concurrent = ctx.store.get(request.transactionId);
  if (concurrent) return replay(concurrent, requestFingerprint);
  const concurrentItem = replayItem(ctx, request);
  if (concurrentItem) return concurrentItem;

  const now = ctx.now();
  // An expired card is declined by the issuer: rejected, as the Feennex sandbox does.
  const card = opened.expired ? { ...outcomeFor(opened.pan, request.amount), outcome: 'E0150' as const } : outcomeFor(opened.pan, request.amount);
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
    itemId: ctx.readings.itemId === 'merchant' && request.itemId !== undefined ? request.itemId : crypto.randomUUID(),
    externalTransactionId: crypto.randomUUID(),
    createdAt: now,
    refundedAmount: 0,
    history: [],
    postbacks: [],
    fingerprint: requestFingerprint,
  };
  if (opened.authMethod) record.authMethod = opened.authMethod;
  if (card.network) record.cardNetwork = card.network;
  const decision = decide(record, card, now, ctx.pendingSettleMs);
  if (decision.state) {
    record.state = decision.state;
    recordAuthorisation(record, decision, now);
    ctx.store.add(record);
  }
  return json(decision.answer.httpStatus, decision.answer.body);
}
