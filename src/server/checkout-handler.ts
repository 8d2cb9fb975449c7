import * as z from 'zod/mini';
import {
  classifyResponse,
  fields,
  IDEMPOTENCY_HEADER,
  summarize,
  validate,
  validateCheckoutRequest,
  validateHostedRequest,
  type CheckoutRequest,
  type FieldIssue,
  type HostedRequest,
  type Outcome,
  type Validation,
} from '../protocol/index.js';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway, CheckoutGatewaySource } from './gateway.js';
import { answerTexts } from './answer-text.js';
import { hashBody } from './idempotency/body-hash.js';
import { createGatewayIdMap } from './idempotency/gateway-ids.js';
import { createIdempotencyGuard, type GuardResult } from './idempotency/guard.js';
import { createMemoryIdempotencyStore } from './idempotency/memory-store.js';
import type { IdempotencyStore } from './idempotency/store.js';
import { jsonStructureProblem } from './json-body.js';

/** The merchant's own order: when `lookupOrder` is configured these values replace the browser's. */
export interface OrderValues {
  amount: number;
  currency: string;
  description: string;
}

/** What `lookupOrder` is asked about: the browser's request without the Google Pay token. */
export type OrderQuery = Omit<CheckoutRequest, 'token' | 'paymentMethod'> & { returnUrl?: string };

/** One thing the handler did, for the merchant's logs. Never carries the token or any secret. */
export interface CheckoutEvent {
  type: 'payment' | 'hosted' | 'status' | 'rejected' | 'gateway-error' | 'store-error';
  gateway: string;
  transactionId?: string;
  httpStatus?: number;
  /** How a payment answer was produced: a new charge, or one of the idempotency rules. */
  source?: GuardResult['kind'];
  outcome?: Outcome['kind'];
  /** Failure or rejection code (`E0150`, `INVALID_REQUEST`, …). */
  code?: string;
  amount?: number;
  currency?: string;
  /** Gateway operation that failed (`gateway-error`). */
  operation?: 'pay' | 'hosted' | 'status';
  /** Name of the error that escaped (`TimeoutError`, `TypeError` …); its message may quote the token, so it is left out. */
  error?: string;
  durationMs?: number;
}

export interface CheckoutHandlerOptions {
  /**
   * A `FenigeClient` or `FeennexClient` (adapted with default options), or any `CheckoutGateway` —
   * e.g. `feennexCheckout(client, { callbackUrl })` to choose the adapter's options.
   */
  gateway: GatewayLike;
  /** Where the handler is mounted. Default: the element's endpoint for the gateway. */
  basePath?: string;
  /**
   * The merchant's own order for a request, or `null` when there is none (answered 404
   * `ORDER_NOT_FOUND`). Its amount, currency and description replace the browser's. Required:
   * leaving it out needs `unsafeTrustBrowserAmount: true`.
   */
  lookupOrder?: (query: OrderQuery) => OrderValues | null | Promise<OrderValues | null>;
  /**
   * UNSAFE: without `lookupOrder`, charge the amount, currency and description the browser sent —
   * anyone can edit those. Only for demos and tests; the handler warns once through `logger`.
   */
  unsafeTrustBrowserAmount?: boolean;
  /** Where the handler's warnings and errors go (never a token or a secret). Default `console`. */
  logger?: CheckoutLogger;
  /** Where payers come back after 3-D Secure or a hosted page. Default: the request's `Referer`. */
  returnUrl?: string;
  /** Take the payer's IP from the first `X-Forwarded-For` hop. Only behind a proxy you run. */
  trustProxy?: boolean;
  /** Remembers transaction ids. Default: in memory, 24 h, 10,000 ids (one process only). */
  store?: IdempotencyStore;
  /** Longest wait for the gateway; the outcome is then unknown (504, pending). Default 30 s. */
  timeoutMs?: number;
  /** Bodies larger than this are refused with 413. Default 64 KiB. */
  maxBodyBytes?: number;
  onEvent?: (event: CheckoutEvent) => void;
}

/** The part of `console` the handler writes to. */
export interface CheckoutLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface RequestInfo {
  /** The connecting peer's address (`toNodeListener` fills it from the socket). */
  clientIp?: string;
}

export type CheckoutHandler = ((request: Request, info?: RequestInfo) => Promise<Response>) & {
  readonly basePath: string;
  readonly gateway: CheckoutGateway;
  /** The largest body accepted (413 above it); `toNodeListener` reads no more than this into memory. */
  readonly maxBodyBytes: number;
};

/** What `gateway` accepts: a gateway client (adapted with its default options) or a ready `CheckoutGateway`. */
export type GatewayLike = CheckoutGatewaySource | CheckoutGateway;

function resolveGateway(gateway: GatewayLike): CheckoutGateway {
  const source = gateway as Partial<CheckoutGatewaySource> | undefined;
  const g = (typeof source?.toCheckoutGateway === 'function' ? source.toCheckoutGateway() : gateway) as Partial<CheckoutGateway> | undefined;
  if (g && typeof g.pay === 'function' && typeof g.status === 'function' && typeof g.hosted === 'function' && typeof g.defaultBasePath === 'string') {
    return g as CheckoutGateway;
  }
  throw new TypeError('gateway must be a gateway client (FenigeClient, FeennexClient) or a CheckoutGateway { id, defaultBasePath, pay, status, hosted }');
}

const orderSchema = z.object({ amount: fields.amount, currency: fields.currencyCode, description: fields.description });
const transactionIdSchema = fields.transactionId;

/**
 * The merchant backend of docs/protocol.md §4: `POST basePath` charges a Google Pay token,
 * `GET basePath/{transactionId}` reports a payment's status, `POST basePath/hosted` starts a hosted
 * payment page. A `transactionId` is charged at most once (see `idempotency/guard.ts`).
 */
export function createCheckoutHandler(options: CheckoutHandlerOptions): CheckoutHandler {
  const gateway = resolveGateway(options.gateway);
  const basePath = normalizeBasePath(options.basePath ?? gateway.defaultBasePath);
  const logger = options.logger ?? console;
  checkAmountAuthority(options, gateway.id, logger);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const emit = (event: Omit<CheckoutEvent, 'gateway'>) => {
    try {
      options.onEvent?.({ gateway: gateway.id, ...event });
    } catch {
      // a failing log hook must not change a payment's answer
    }
  };
  const store = options.store ?? createMemoryIdempotencyStore();
  const guard = createIdempotencyGuard(store, {
    lockMs: timeoutMs + 10_000,
    onStoreError: (error) => emit({ type: 'store-error', error: errorName(error) }),
  });
  const ids = createGatewayIdMap(store, (error) => emit({ type: 'store-error', error: errorName(error) }));

  /** Calls the gateway with a deadline; an escaped error or a timeout becomes a pending answer. */
  async function callGateway(
    operation: 'pay' | 'hosted' | 'status',
    transactionId: string,
    call: (signal: AbortSignal) => Promise<CheckoutAnswer>,
  ): Promise<CheckoutAnswer> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const answer = await Promise.race([call(controller.signal), timedOut]);
      if (answer === 'timeout') {
        controller.abort(new DOMException('The gateway did not answer in time', 'TimeoutError'));
        emit({ type: 'gateway-error', operation, transactionId, error: 'TimeoutError' });
        return pendingAnswer(504, transactionId);
      }
      if (!isAnswer(answer)) throw new TypeError(`gateway.${operation} did not answer { httpStatus, body }`);
      return answer;
    } catch (error) {
      emit({ type: 'gateway-error', operation, transactionId, error: errorName(error) });
      return pendingAnswer(502, transactionId);
    } finally {
      clearTimeout(timer);
    }
  }

  async function charge(request: Request, info: RequestInfo, kind: 'pay' | 'hosted'): Promise<Response> {
    const started = Date.now();
    const read = await readJsonBody(request, maxBodyBytes);
    if (!read.ok) return reject(read.response, read.code);
    const validation: Validation<CheckoutRequest | HostedRequest> = kind === 'pay' ? validateCheckoutRequest(read.value) : validateHostedRequest(read.value);
    if (!validation.ok) return reject(invalidRequest(validation.issues, validation.message), 'INVALID_REQUEST');
    let body = validation.value;
    const key = request.headers.get(IDEMPOTENCY_HEADER);
    if (key !== null && key !== body.transactionId) {
      const message = `The ${IDEMPOTENCY_HEADER} header must equal the body's transactionId`;
      return reject(errorResponse(400, 'ERROR', 'IDEMPOTENCY_KEY_MISMATCH', message, body.transactionId), 'IDEMPOTENCY_KEY_MISMATCH', body.transactionId);
    }

    if (options.lookupOrder) {
      const order = await lookup(body);
      if (order instanceof Response) return order;
      body = { ...body, ...order };
    }
    if (kind === 'hosted' && options.returnUrl) body = { ...body, returnUrl: options.returnUrl };

    const { transactionId } = body;
    const context = contextOf(request, info);
    // The hosted page sends the payer back to the (possibly merchant-forced) returnUrl of the body.
    if ('returnUrl' in body) context.returnUrl = body.returnUrl;
    const bodyHash = await hashBody({ kind, body });
    let result: GuardResult;
    try {
      result = await guard.run(
        transactionId,
        bodyHash,
        () =>
          callGateway(kind, transactionId, (signal) =>
            kind === 'pay' ? gateway.pay(body as CheckoutRequest, { ...context, signal }) : gateway.hosted(body as HostedRequest, { ...context, signal }),
          ),
        () => callGateway('status', transactionId, (signal) => gateway.status(transactionId, { ...context, signal })),
      );
    } catch (error) {
      emit({ type: 'store-error', transactionId, error: errorName(error) });
      return errorResponse(503, 'ERROR', 'IDEMPOTENCY_STORE_UNAVAILABLE', 'The payment cannot be started right now; try again', transactionId, 5);
    }

    const response = guardResponse(result, transactionId);
    const outcome = classifyResponse(response.status, 'answer' in result ? result.answer.body : {});
    emit({
      type: kind === 'pay' ? 'payment' : 'hosted',
      transactionId,
      httpStatus: response.status,
      source: result.kind,
      outcome: outcome.kind,
      ...(outcome.kind === 'failure' ? { code: outcome.code } : {}),
      amount: body.amount,
      currency: body.currency,
      durationMs: Date.now() - started,
    });
    return response;
  }

  async function lookup(body: CheckoutRequest | HostedRequest): Promise<OrderValues | Response> {
    const { token: _token, paymentMethod: _method, ...query } = body as CheckoutRequest & { returnUrl?: string };
    let order: OrderValues | null;
    try {
      order = await options.lookupOrder!(query);
    } catch (error) {
      emit({ type: 'rejected', httpStatus: 503, transactionId: body.transactionId, code: 'ORDER_LOOKUP_FAILED', error: errorName(error) });
      return errorResponse(503, 'ERROR', 'ORDER_LOOKUP_FAILED', 'The order could not be looked up; try again', body.transactionId, 5);
    }
    if (order === null || order === undefined) {
      const response = errorResponse(404, 'ORDER_NOT_FOUND', 'ORDER_NOT_FOUND', 'There is no order for this payment', body.transactionId);
      return reject(response, 'ORDER_NOT_FOUND', body.transactionId);
    }
    const checked = validate(orderSchema, order, 'order from lookupOrder');
    if (!checked.ok) {
      const response = errorResponse(500, 'ERROR', 'ORDER_LOOKUP_INVALID', 'The merchant order for this payment is invalid', body.transactionId);
      return reject(response, 'ORDER_LOOKUP_INVALID', body.transactionId);
    }
    return checked.value;
  }

  async function status(request: Request, info: RequestInfo, rawId: string): Promise<Response> {
    const id = safeDecode(rawId);
    if (id === undefined || !transactionIdSchema.safeParse(id).success) {
      const issues = [{ path: 'transactionId', message: 'must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba' }];
      return reject(invalidRequest(issues), 'INVALID_REQUEST');
    }
    let answer: CheckoutAnswer;
    let retryAfter: number | undefined;
    if (await guard.inFlight(id).catch(() => false)) {
      answer = { httpStatus: 200, body: { transactionId: id, status: 'IN_PROGRESS' } };
      retryAfter = 1;
    } else {
      answer = await callGateway('status', id, (signal) => gateway.status(id, { ...contextOf(request, info), signal }));
    }
    const outcome = classifyResponse(answer.httpStatus, answer.body);
    emit({ type: 'status', transactionId: id, httpStatus: answer.httpStatus, outcome: outcome.kind });
    return json(answer.httpStatus, answer.body, retryAfter);
  }

  function reject(response: Response, code: string, transactionId?: string): Response {
    emit({ type: 'rejected', httpStatus: response.status, code, ...(transactionId ? { transactionId } : {}) });
    return response;
  }

  function contextOf(request: Request, info: RequestInfo): CheckoutContext {
    const browserIp = clientIp(request, info, options.trustProxy === true);
    const returnUrl = options.returnUrl ?? httpUrl(request.headers.get('Referer'));
    return { ...(browserIp ? { browserIp } : {}), ...(returnUrl ? { returnUrl } : {}), ids };
  }

  async function handle(request: Request, info: RequestInfo = {}): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, '') || '/';
    const route = routeOf(path, basePath);
    if (!route) return errorResponse(404, 'NOT_FOUND', 'NOT_FOUND', `No checkout route at ${path}`);
    const allowed = route.kind === 'status' ? 'GET' : 'POST';
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: `${allowed}, OPTIONS` } });
    if (request.method !== allowed) {
      const response = errorResponse(405, 'METHOD_NOT_ALLOWED', 'METHOD_NOT_ALLOWED', `Use ${allowed} for ${path}`);
      response.headers.set('Allow', `${allowed}, OPTIONS`);
      return response;
    }
    if (route.kind === 'status') return status(request, info, route.id);
    return charge(request, info, route.kind);
  }

  return Object.assign(handle, { basePath, gateway, maxBodyBytes });
}

/** The server is the amount authority: without `lookupOrder` the handler is refused unless the opt-in says unsafe. */
function checkAmountAuthority(options: CheckoutHandlerOptions, gatewayId: string, logger: CheckoutLogger): void {
  if (options.lookupOrder !== undefined) {
    if (typeof options.lookupOrder !== 'function') throw new TypeError('lookupOrder must be a function (query) => { amount, currency, description } | null');
    return;
  }
  if (options.unsafeTrustBrowserAmount !== true) {
    throw new TypeError(
      'createCheckoutHandler needs lookupOrder: (query) => your own order { amount, currency, description } | null. ' +
        'Without it the payer chooses the amount; only a demo may pass unsafeTrustBrowserAmount: true instead.',
    );
  }
  logger.warn(
    `paytool-elements: the ${gatewayId} checkout handler has no lookupOrder (unsafeTrustBrowserAmount: true) — ` +
      'it charges whatever amount the browser sends. Never run this in production.',
  );
}

function guardResponse(result: GuardResult, transactionId: string): Response {
  switch (result.kind) {
    case 'reused':
      return errorResponse(
        422,
        'TRANSACTION_ID_REUSED',
        'TRANSACTION_ID_REUSED',
        'This transactionId was already used for a different payment; start a new payment with a new transactionId',
        transactionId,
      );
    case 'in-progress':
      return json(409, { transactionId, status: 'IN_PROGRESS', message: 'This payment is being processed; ask again shortly' }, result.retryAfterSeconds);
    case 'replayed': {
      const response = json(result.answer.httpStatus, result.answer.body);
      response.headers.set('Idempotent-Replayed', 'true');
      return response;
    }
    default:
      return json(result.answer.httpStatus, result.answer.body);
  }
}

type Route = { kind: 'pay' } | { kind: 'hosted' } | { kind: 'status'; id: string };

function routeOf(path: string, basePath: string): Route | undefined {
  if (path === basePath) return { kind: 'pay' };
  const prefix = basePath === '/' ? '/' : `${basePath}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  if (rest === 'hosted') return { kind: 'hosted' };
  return rest && !rest.includes('/') ? { kind: 'status', id: rest } : undefined;
}

function normalizeBasePath(path: string): string {
  if (!path.startsWith('/')) throw new TypeError(`basePath must start with "/", got "${path}"`);
  return path.replace(/\/+$/, '') || '/';
}

type BodyRead = { ok: true; value: unknown } | { ok: false; code: string; response: Response };

/** Reads a JSON body of at most `limit` bytes without trusting Content-Length alone. */
async function readJsonBody(request: Request, limit: number): Promise<BodyRead> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    const message = 'The body must be JSON sent with Content-Type: application/json';
    return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', response: errorResponse(415, 'ERROR', 'UNSUPPORTED_MEDIA_TYPE', message) };
  }
  const tooLarge = (): BodyRead => ({
    ok: false,
    code: 'PAYLOAD_TOO_LARGE',
    response: errorResponse(413, 'ERROR', 'PAYLOAD_TOO_LARGE', `The body must be at most ${limit} bytes`),
  });
  if (Number(request.headers.get('Content-Length')) > limit) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the input, which may be the token: say only what is wrong.
    return { ok: false, code: 'INVALID_JSON', response: errorResponse(400, 'ERROR', 'INVALID_JSON', 'The body is not valid UTF-8 JSON') };
  }
  const problem = jsonStructureProblem(text);
  if (problem) return { ok: false, code: 'INVALID_REQUEST', response: invalidRequest([problem]) };
  return { ok: true, value };
}

function invalidRequest(issues: FieldIssue[], message?: string): Response {
  const errors: Record<string, string[]> = Object.create(null); // paths may be "constructor" or "__proto__"
  for (const issue of issues) (errors[issue.path || 'body'] ??= []).push(issue.message);
  return json(400, {
    status: 'ERROR',
    code: 'INVALID_REQUEST',
    message: message ?? summarize(issues, 'request'),
    issues,
    errors,
  });
}

function errorResponse(httpStatus: number, status: string, code: string, message: string, transactionId?: string, retryAfter?: number): Response {
  return json(httpStatus, { ...(transactionId ? { transactionId } : {}), status, code, message }, retryAfter);
}

function pendingAnswer(httpStatus: 502 | 504, transactionId: string): CheckoutAnswer {
  return {
    httpStatus,
    body: { transactionId, status: 'PENDING', message: 'The payment outcome is not known yet; ask again for its status' },
  };
}

function json(httpStatus: number, body: unknown, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (retryAfterSeconds) headers['Retry-After'] = String(retryAfterSeconds);
  const text = JSON.stringify(body);
  const response = new Response(text, { status: httpStatus, headers });
  answerTexts.set(response, text);
  return response;
}

function isAnswer(value: unknown): value is CheckoutAnswer {
  const answer = value as CheckoutAnswer | undefined;
  return (
    !!answer && Number.isInteger(answer.httpStatus) && answer.httpStatus >= 200 && answer.httpStatus <= 599 && !!answer.body && typeof answer.body === 'object'
  );
}

const IP = /^[0-9a-fA-F:.]{2,45}$/;

function clientIp(request: Request, info: RequestInfo, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const first = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim();
    if (first && IP.test(first)) return first;
  }
  const peer = info.clientIp?.replace(/^::ffff:(?=\d+\.)/, '');
  return peer && IP.test(peer) ? peer : undefined;
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
