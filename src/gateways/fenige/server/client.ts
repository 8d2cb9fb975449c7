import { callGateway, gatewayFetch } from '../../../server/gateway-fetch.js';
import * as z from 'zod/mini';
import { toFieldIssues } from '../../../protocol/index.js';
import { parseRequest, parseResponse } from './parse.js';
import type { CheckoutGateway, CheckoutGatewaySource } from '../../../server/gateway.js';
import { fenigeCheckout } from './checkout.js';
import { forHandler, type AdapterCall } from './handler-call.js';
import { errorFromResponse, errorFromTransport, FenigeError, reclassify } from './errors.js';
import {
  builtGooglePayCheckSchema,
  clearRequestSchema,
  clearResponseSchema,
  detailsRequestSchema,
  detailsResponseSchema,
  googlePayRequestSchema,
  googlePayResponseSchema,
  paymelinkRequestSchema,
  paymelinkResponseSchema,
  refundRequestSchema,
  refundResponseSchema,
  reverseRequestSchema,
  reverseResponseSchema,
  type FenigeClearRequest,
  type FenigeClearResponse,
  type FenigeDetailsResponse,
  type FenigeGooglePayRequest,
  type FenigeGooglePayResponse,
  type FenigePaymelinkResponse,
  type FenigePreInitData,
  type FenigeRefundRequest,
  type FenigeRefundResponse,
  type FenigeReverseRequest,
  type FenigeReverseResponse,
} from './schemas.js';

/** How a `FenigeClient` reaches your Fenige account: base URLs, login, password, merchantUuid, timeout, `fetch`. */
export interface FenigeClientOptions {
  /** e.g. `https://paytool-api-dev.fenige.pl`; a path prefix is kept. */
  baseUrl: string;
  /**
   * Base URL of google-pay alone, when Fenige gives it a host of its own (the document shows it on
   * another host than the other methods). Default: `baseUrl`.
   */
  googlePayBaseUrl?: string;
  login: string;
  password: string;
  /** The merchant's uuid at Fenige; the client puts it where a request needs it (clear, reverse). */
  merchantUuid: string;
  /** Per call, including reading the answer. Default 30 000 ms. */
  timeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Language of Fenige's messages, sent as `Accept-Language` (e.g. `PL`). */
  acceptLanguage?: string;
}

/** Per-call options of every Fenige method: an `AbortSignal` that cancels the call. */
export interface FenigeCallOptions {
  /** Aborts the call; the error is then `ABORTED` with an unknown outcome for payments. */
  signal?: AbortSignal;
}

const optionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
  googlePayBaseUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })),
  login: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty')),
  password: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty')),
  merchantUuid: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty')),
  timeoutMs: z.optional(z.int({ error: 'must be an integer number of milliseconds' }).check(z.positive('must be positive'))),
  acceptLanguage: z.optional(z.string({ error: 'must be a string' })),
});

/** The Fenige client's default limit per HTTP call: 30 s. */
export const DEFAULT_FENIGE_TIMEOUT_MS = 30_000;

/** RFC 7617 Basic credentials, UTF-8 encoded, using only what every runtime has. */
function basicAuthorization(login: string, password: string): string {
  const bytes = new TextEncoder().encode(`${login}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Fenige Payment Hub API client (Fenige docs, "Methods in API"). Every call validates its body before
 * sending, validates the answer, and throws `FenigeError` for anything but a valid 2xx answer.
 * The password lives only in a private field: it never appears in errors, logs, `JSON.stringify`
 * or `util.inspect`.
 */
export class FenigeClient implements CheckoutGatewaySource {
  readonly baseUrl: string;
  readonly googlePayBaseUrl: string;
  readonly merchantUuid: string;
  readonly timeoutMs: number;
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #acceptLanguage: string | undefined;

  static {
    const publicCalls = { ...forHandler };
    forHandler.details = (client, transactionId, call) =>
      #call in client ? client.#details(transactionId, call) : publicCalls.details(client, transactionId, call);
    forHandler.clear = (client, body, call) => (#call in client ? client.#clear(body, call) : publicCalls.clear(client, body, call));
    forHandler.paymelink = (client, data, call) => (#call in client ? client.#paymelink(data, call) : publicCalls.paymelink(client, data, call));
    forHandler.googlePay = (client, body, call) => {
      if (!(#call in client)) return publicCalls.googlePay(client, body, call);
      parseRequest(builtGooglePayCheckSchema, body);
      return client.#call('POST', '/external-api/transactions/google-pay', body, googlePayResponseSchema, call, client.googlePayBaseUrl);
    };
  }

  constructor(options: FenigeClientOptions) {
    const result = optionsSchema.safeParse(options, { reportInput: true });
    if (!result.success) {
      const problems = toFieldIssues(result.error.issues).map((i) => `${i.path} ${i.message}`);
      throw new TypeError(`Invalid FenigeClient options: ${problems.join('; ')}`);
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.googlePayBaseUrl = (options.googlePayBaseUrl ?? options.baseUrl).replace(/\/+$/, '');
    this.merchantUuid = options.merchantUuid;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_FENIGE_TIMEOUT_MS;
    this.#authorization = basicAuthorization(options.login, options.password);
    this.#fetch = options.fetch ?? gatewayFetch;
    this.#acceptLanguage = options.acceptLanguage;
  }

  /** This client as the checkout handler's gateway, with `fenigeCheckout`'s default options. */
  toCheckoutGateway(): CheckoutGateway {
    return fenigeCheckout(this);
  }

  /** Charges a Google Pay token (`POST /external-api/transactions/google-pay`). */
  async googlePay(body: FenigeGooglePayRequest, options?: FenigeCallOptions): Promise<FenigeGooglePayResponse> {
    const valid = parseRequest(googlePayRequestSchema, body);
    return this.#call('POST', '/external-api/transactions/google-pay', valid, googlePayResponseSchema, options, this.googlePayBaseUrl);
  }

  /** Clears (captures) all or part of an authorized amount (`POST /external/clear`). */
  async clear(body: FenigeClearRequest, options?: FenigeCallOptions): Promise<FenigeClearResponse> {
    return this.#clear(body, options);
  }

  async #clear(body: FenigeClearRequest, options: AdapterCall | undefined): Promise<FenigeClearResponse> {
    const { transactionId, ...rest } = parseRequest(clearRequestSchema, { ...body, merchantUuid: this.merchantUuid });
    // Under both names: the document's example says transactionId, its field table requestUuid.
    return this.#call('POST', '/external/clear', { transactionId, requestUuid: transactionId, ...rest }, clearResponseSchema, options);
  }

  /** Cancels a transaction that is not cleared yet (`POST /external/reverse`). */
  async reverse(body: FenigeReverseRequest, options?: FenigeCallOptions): Promise<FenigeReverseResponse> {
    const valid = parseRequest(reverseRequestSchema, { ...body, merchantUuid: this.merchantUuid });
    return this.#call('POST', '/external/reverse', valid, reverseResponseSchema, options);
  }

  /** Refunds part or all of a transaction (`POST /external/transaction/refund`). */
  async refund(body: FenigeRefundRequest, options?: FenigeCallOptions): Promise<FenigeRefundResponse> {
    const valid = parseRequest(refundRequestSchema, body);
    return this.#call('POST', '/external/transaction/refund', valid, refundResponseSchema, options);
  }

  /** The current state of a transaction (`GET /transactions/details/{transactionId}`). */
  async details(transactionId: string, options?: FenigeCallOptions): Promise<FenigeDetailsResponse> {
    return this.#details(transactionId, options);
  }

  async #details(transactionId: string, call: AdapterCall | undefined): Promise<FenigeDetailsResponse> {
    const { transactionId: id } = parseRequest(detailsRequestSchema, { transactionId });
    return this.#call('GET', `/transactions/details/${encodeURIComponent(id)}`, undefined, detailsResponseSchema, call);
  }

  /** Creates a link to Fenige's hosted payment page (`POST /external/paymelink`). */
  async paymelink(preInitData: FenigePreInitData, options?: FenigeCallOptions): Promise<FenigePaymelinkResponse> {
    return this.#paymelink(preInitData, options);
  }

  async #paymelink(preInitData: FenigePreInitData, options: AdapterCall | undefined): Promise<FenigePaymelinkResponse> {
    const valid = parseRequest(paymelinkRequestSchema, { preInitData: { autoClear: true, ...preInitData } });
    return this.#call('POST', '/external/paymelink', valid, paymelinkResponseSchema, options);
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, googlePayBaseUrl: this.googlePayBaseUrl, merchantUuid: this.merchantUuid, timeoutMs: this.timeoutMs };
  }

  async #call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    responseSchema: z.ZodMiniType<T>,
    options: AdapterCall | undefined,
    baseUrl = this.baseUrl,
  ): Promise<T> {
    try {
      return await this.#send(method, baseUrl + path, body, responseSchema, options?.signal, options?.deadlineAt);
    } catch (error) {
      // A read changes nothing at Fenige, so "maybe it happened" only means "try again".
      if (method === 'GET' && error instanceof FenigeError && error.isUnknownOutcome) {
        throw reclassify(error, 'unavailable');
      }
      throw error;
    }
  }

  async #send<T>(method: 'GET' | 'POST', url: string, body: unknown, schema: z.ZodMiniType<T>, caller?: AbortSignal, deadlineAt?: number): Promise<T> {
    // The caller's deadline comes first: its signal is the only one (no timer, no combined signal).
    const timeout = caller && deadlineAt !== undefined && deadlineAt <= Date.now() + this.timeoutMs ? undefined : AbortSignal.timeout(this.timeoutMs);
    const signal = timeout && caller ? AbortSignal.any([timeout, caller]) : (timeout ?? caller!);
    const headers: Record<string, string> = { Authorization: this.#authorization, 'Content-Type': 'application/json', Accept: 'application/json' };
    if (this.#acceptLanguage) headers['Accept-Language'] = this.#acceptLanguage;

    let httpStatus: number | undefined;
    let text: string;
    try {
      const call = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal };
      ({ text } = await callGateway(this.#fetch, url, call, 'Fenige', (status) => (httpStatus = status)));
    } catch (error) {
      const timedOut = timeout ? timeout.aborted : signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError';
      throw errorFromTransport(error, timedOut ? 'timeout' : signal.aborted ? 'aborted' : 'network', httpStatus);
    }
    if (httpStatus! < 200 || httpStatus! >= 300) throw errorFromResponse(httpStatus!, text);
    return parseResponse(schema, httpStatus!, text);
  }
}
