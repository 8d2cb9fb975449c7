/**
 * The checks Google's client makes before it shows anything, kept minimal: each answers the first
 * problem found as a message naming the field (what Google puts in a DEVELOPER_ERROR).
 */
import type { PaymentMethodRequest } from './types.js';

type Json = Record<string, unknown>;

const AUTH_METHODS = ['PAN_ONLY', 'CRYPTOGRAM_3DS'];
const CARD_NETWORKS = ['AMEX', 'DISCOVER', 'ELECTRON', 'ELO', 'ELO_DEBIT', 'INTERAC', 'JCB', 'MAESTRO', 'MASTERCARD', 'VISA'];
const PRICE_STATUSES = ['FINAL', 'ESTIMATED', 'NOT_CURRENTLY_KNOWN'];
const CALLBACK_INTENTS = ['PAYMENT_AUTHORIZATION', 'SHIPPING_ADDRESS', 'SHIPPING_OPTION', 'OFFER', 'PAYMENT_METHOD'];
// Google documents two decimals; three are accepted so currencies such as KWD can be tested.
const PRICE = /^[0-9]+(\.[0-9]{1,3})?$/;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function listProblem(value: unknown, allowed: string[], field: string): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return `${field} must be a non-empty array`;
  const unknown = value.find((item) => !allowed.includes(item));
  return unknown === undefined ? undefined : `${field} has an unknown value ${JSON.stringify(unknown)}`;
}

function cardMethodProblem(method: unknown, field: string, needsTokenization: boolean): string | undefined {
  if (!isObject(method)) return `${field} must be an object`;
  if (method.type !== 'CARD') return `${field}.type must be CARD (the only payment method this fake implements)`;
  const { parameters, tokenizationSpecification: spec } = method as PaymentMethodRequest;
  if (!isObject(parameters)) return `${field}.parameters must be an object`;
  const problem =
    listProblem(parameters.allowedAuthMethods, AUTH_METHODS, `${field}.parameters.allowedAuthMethods`) ??
    listProblem(parameters.allowedCardNetworks, CARD_NETWORKS, `${field}.parameters.allowedCardNetworks`);
  if (problem || !needsTokenization) return problem;
  if (!isObject(spec)) return `${field}.tokenizationSpecification must be an object`;
  if (spec.type !== 'PAYMENT_GATEWAY') return `${field}.tokenizationSpecification.type must be PAYMENT_GATEWAY (this fake does not implement DIRECT)`;
  if (!isObject(spec.parameters) || !isNonEmptyString(spec.parameters.gateway)) {
    return `${field}.tokenizationSpecification.parameters.gateway must be a non-empty string`;
  }
  if (spec.parameters.gateway !== 'example' && !isNonEmptyString(spec.parameters.gatewayMerchantId)) {
    return `${field}.tokenizationSpecification.parameters.gatewayMerchantId must be a non-empty string`;
  }
  return undefined;
}

function baseProblem(request: unknown, needsTokenization: boolean): string | undefined {
  if (!isObject(request)) return 'the request must be an object';
  if (request.apiVersion !== 2) return 'apiVersion must be 2';
  if (request.apiVersionMinor !== 0) return 'apiVersionMinor must be 0';
  const methods = request.allowedPaymentMethods;
  if (!Array.isArray(methods) || methods.length === 0) return 'allowedPaymentMethods must be a non-empty array';
  for (const [i, method] of methods.entries()) {
    const problem = cardMethodProblem(method, `allowedPaymentMethods[${i}]`, needsTokenization);
    if (problem) return problem;
  }
  return undefined;
}

export const isReadyToPayProblem = (request: unknown): string | undefined => baseProblem(request, false);

export interface ClientContext {
  environment: string;
  hasAuthorizationCallback: boolean;
}

export function paymentDataRequestProblem(request: unknown, client: ClientContext): string | undefined {
  const problem = baseProblem(request, true);
  if (problem || !isObject(request)) return problem;
  const info = request.transactionInfo;
  if (!isObject(info)) return 'transactionInfo must be an object';
  if (typeof info.currencyCode !== 'string' || !/^[A-Z]{3}$/.test(info.currencyCode)) {
    return 'transactionInfo.currencyCode must be an ISO 4217 code such as PLN';
  }
  if (!PRICE_STATUSES.includes(info.totalPriceStatus as string)) return `transactionInfo.totalPriceStatus must be one of ${PRICE_STATUSES.join(', ')}`;
  if (info.totalPriceStatus !== 'NOT_CURRENTLY_KNOWN' && (typeof info.totalPrice !== 'string' || !PRICE.test(info.totalPrice))) {
    return 'transactionInfo.totalPrice must be a decimal string such as "10.00"';
  }
  if (info.countryCode !== undefined && (typeof info.countryCode !== 'string' || !/^[A-Z]{2}$/.test(info.countryCode))) {
    return 'transactionInfo.countryCode must be an ISO 3166-1 alpha-2 code such as PL';
  }
  if (request.merchantInfo !== undefined && !isObject(request.merchantInfo)) return 'merchantInfo must be an object';
  if (client.environment === 'PRODUCTION' && !isNonEmptyString(request.merchantInfo?.merchantId)) {
    return 'merchantInfo.merchantId is required in the PRODUCTION environment';
  }
  const intents = request.callbackIntents;
  if (intents !== undefined) {
    const intentProblem = listProblem(intents, CALLBACK_INTENTS, 'callbackIntents');
    if (intentProblem) return intentProblem;
    if ((intents as string[]).includes('PAYMENT_AUTHORIZATION') && !client.hasAuthorizationCallback) {
      return 'callbackIntents has PAYMENT_AUTHORIZATION but the PaymentsClient has no paymentDataCallbacks.onPaymentAuthorized';
    }
  }
  return undefined;
}
