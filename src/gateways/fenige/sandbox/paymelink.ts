import type { EmulatorContext } from './context.js';
import { json, operationRejected, validationError } from './http.js';
import { fingerprint } from './payment.js';
import type { TransactionRecord } from './store.js';
import type { FenigeSender } from './transaction.js';
import { Violations, type Json } from './violations.js';

/**
 * `POST /external/paymelink` `{ preInitData }` (Fenige's Paymelink): creates an IN_PROGRESS
 * transaction and answers with the link to the sandbox's hosted payment page. With
 * `paymelinkId: 'assigned'` (the default, as the document's example) the transaction gets the
 * sandbox's own id, which the answer, the link and every later call use; with `'echo'` it keeps
 * the merchant's id.
 */

export const hostedPagePath = (transactionId: string): string => `/pay/${transactionId}`;

interface PaymelinkRequest {
  transactionId: string;
  currencyCode: string;
  amount: number;
  description: string;
  merchantUrl?: string;
  orderNumber?: string;
  successUrl: string;
  failureUrl: string;
  formLanguage: string;
  sender: FenigeSender;
  address?: Record<string, string | undefined>;
  autoClear: boolean;
}

function parseRequest(body: Json, autoClearDefault: boolean): { request?: PaymelinkRequest; violations: Violations } {
  const v = new Violations();
  const data = v.object('preInitData', body.preInitData);
  if (!data) return { violations: v };
  const p = (field: string) => `preInitData.${field}`;
  const transactionId = v.uuid(p('transactionId'), data.transactionId);
  const currencyCode = v.currency(p('currencyCode'), data.currencyCode);
  const amount = v.pennies(p('amount'), data.amount);
  const description = v.text(p('description'), data.description);
  const merchantUrl = data.merchantUrl == null ? undefined : v.url(p('merchantUrl'), data.merchantUrl);
  const orderNumber = v.optionalText(p('orderNumber'), data.orderNumber, 100);
  const redirectUrl = v.object(p('redirectUrl'), data.redirectUrl);
  const successUrl = redirectUrl && v.url(p('redirectUrl.successUrl'), redirectUrl.successUrl);
  const failureUrl = redirectUrl && v.url(p('redirectUrl.failureUrl'), redirectUrl.failureUrl);
  const formLanguage = v.text(p('formLanguage'), data.formLanguage, 10);
  // Case-insensitive: the document's example says `en`, its request headers say `PL`.
  if (formLanguage !== undefined && !/^[a-z]{2}([-_][a-z]{2})?$/i.test(formLanguage)) {
    v.add(p('formLanguage'), 'must be a language code such as en or pl');
  }
  // The prose says autoClear defaults to true, the field table marks it @Must not be null:
  // `paymelinkAutoClear` picks the reading.
  const autoClear = autoClearDefault && data.autoClear == null ? true : v.boolean(p('autoClear'), data.autoClear);
  const senderData = v.optionalObject(p('sender'), data.sender);
  const sender: FenigeSender = {};
  let address: Record<string, string | undefined> | undefined;
  if (senderData) {
    const firstName = v.optionalText(p('sender.firstName'), senderData.firstName, 100);
    const lastName = v.optionalText(p('sender.lastName'), senderData.lastName, 100);
    if (firstName !== undefined) sender.firstName = firstName;
    if (lastName !== undefined) sender.lastName = lastName;
    const addressData = v.optionalObject(p('sender.address'), senderData.address);
    if (addressData) {
      address = {};
      for (const field of ['countryCode', 'city', 'postalCode', 'street', 'houseNumber']) {
        address[field] = v.optionalText(p(`sender.address.${field}`), addressData[field], 100);
      }
    }
  }
  if (!v.empty) return { violations: v };
  const request: PaymelinkRequest = {
    transactionId: transactionId!,
    currencyCode: currencyCode!,
    amount: amount!,
    description: description!,
    successUrl: successUrl!,
    failureUrl: failureUrl!,
    formLanguage: formLanguage!.toLowerCase(),
    sender,
    autoClear: autoClear!,
  };
  if (merchantUrl !== undefined) request.merchantUrl = merchantUrl;
  if (orderNumber !== undefined) request.orderNumber = orderNumber;
  if (address) request.address = address;
  return { request, violations: v };
}

const linkOf = (ctx: EmulatorContext, transactionId: string) => ({ value: ctx.baseUrl + hostedPagePath(transactionId), transactionId });

export function handlePaymelink(ctx: EmulatorContext, body: Json): Response {
  const { request, violations } = parseRequest(body, ctx.readings.paymelinkAutoClear === 'default-true');
  if (!request) return validationError(violations.errors);
  const requestFingerprint = fingerprint({ ...request, kind: 'paymelink' });
  // One transaction per merchant id, whichever id the sandbox gave it.
  const earlier = ctx.store.findByMerchantId(request.transactionId) ?? ctx.store.get(request.transactionId);
  if (earlier) {
    return earlier.fingerprint === requestFingerprint
      ? json(200, linkOf(ctx, earlier.transactionId))
      : operationRejected(`transactionId ${request.transactionId} is already used by a different request`);
  }
  const transactionId = ctx.readings.paymelinkId === 'assigned' ? crypto.randomUUID() : request.transactionId;
  const record: TransactionRecord = {
    transactionId,
    merchantTransactionId: request.transactionId,
    source: 'paymelink',
    state: 'IN_PROGRESS',
    amount: request.amount,
    currency: request.currencyCode,
    description: request.description,
    sender: request.sender,
    capture: request.autoClear,
    itemId: crypto.randomUUID(),
    externalTransactionId: crypto.randomUUID(),
    createdAt: ctx.now(),
    refundedAmount: 0,
    history: [],
    postbacks: [],
    fingerprint: requestFingerprint,
    hosted: {
      successUrl: request.successUrl,
      failureUrl: request.failureUrl,
      formLanguage: request.formLanguage,
      ...(request.merchantUrl ? { merchantUrl: request.merchantUrl } : {}),
      ...(request.orderNumber ? { orderNumber: request.orderNumber } : {}),
    },
  };
  ctx.store.add(record);
  return json(200, linkOf(ctx, transactionId));
}
