import type { EmulatorContext } from './context.js';
import { json, operationRejected, validationError } from './http.js';
import { fingerprint } from './payment.js';
import type { TransactionRecord } from './store.js';
import type { FenigeSender } from './transaction.js';
import { Violations, type Json } from './violations.js';

/**
 * `POST /external/paymelink` `{ preInitData }` (Fenige docs: Paymelink): creates an IN_PROGRESS
 * transaction and answers with the link to the sandbox's hosted payment page.
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

function parseRequest(body: Json): { request?: PaymelinkRequest; violations: Violations } {
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
  if (formLanguage !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/.test(formLanguage)) {
    v.add(p('formLanguage'), 'must be a language code such as en or pl');
  }
  // The prose says autoClear defaults to true, but the field table marks it @Must not be null.
  const autoClear = v.boolean(p('autoClear'), data.autoClear);
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
    formLanguage: formLanguage!,
    sender,
    autoClear: autoClear!,
  };
  if (merchantUrl !== undefined) request.merchantUrl = merchantUrl;
  if (orderNumber !== undefined) request.orderNumber = orderNumber;
  if (address) request.address = address;
  return { request, violations: v };
}

export function handlePaymelink(ctx: EmulatorContext, body: Json): Response {
  const { request, violations } = parseRequest(body);
  if (!request) return validationError(violations.errors);
  const link = { value: ctx.baseUrl + hostedPagePath(request.transactionId), transactionId: request.transactionId };
  const requestFingerprint = fingerprint({ ...request, kind: 'paymelink' });
  const earlier = ctx.store.get(request.transactionId);
  if (earlier) {
    return earlier.fingerprint === requestFingerprint
      ? json(200, link)
      : operationRejected(`transactionId ${request.transactionId} is already used by a different request`);
  }
  const record: TransactionRecord = {
    transactionId: request.transactionId,
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
  return json(200, link);
}
