import * as z from 'zod/mini';
import {
  classifyResponse,
  fields,
  IDEMPOTENCY_HEADER,
  validate,
  validateCheckoutRequest,
  validateHostedRequest,
  type CheckoutRequest,
  type HostedRequest,
  type Validation,
} from '../protocol/index.js';
import {
  checkAmountAuthority,
  type CheckoutHandler,
  type CheckoutHandlerOptions,
  type CheckoutEvent,
  type GatewayLike,
  type OrderValues,
  type RequestInfo,
} from './checkout-options.js';
import type { CheckoutAnswer, CheckoutContext, CheckoutGateway, CheckoutGatewaySource } from './gateway.js';
import { errorResponse, guardResponse, invalidRequest, isAnswer, json, pendingAnswer, returnUrlRefused, tokenReused, unsafeRedirect } from './http-answers.js';
import { hashBody } from './idempotency/body-hash.js';
import { createGatewayIdMap } from './idempotency/gateway-ids.js';
import { createIdempotencyGuard, type GuardResult } from './idempotency/guard.js';
import { createMemoryIdempotencyStore } from './idempotency/memory-store.js';
import { IdempotencyStoreFullError } from './idempotency/store.js';
import { clientIp, errorName, normalizeBasePath, readJsonBody, routeOf, safeDecode } from './request-parts.js';
import { redirectIsSafe, returnUrlPolicy } from './return-urls.js';
import { claimToken, type TokenClaim } from './token-claims.js';

export type {
  CheckoutEvent,
  CheckoutHandler,
  CheckoutHandlerOptions,
  CheckoutLogger,
  GatewayLike,
  OrderQuery,
  OrderValues,
  RequestInfo,
} from './checkout-options.js';

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
 * The merchant backend (docs/protocol.md §4): `POST basePath` charges a Google Pay token,
 * `GET basePath/{transactionId}` reports a payment's status, `POST basePath/hosted` starts a hosted
 * payment page. A `transactionId` is charged at most once (see `idempotency/guard.ts`), a token
 * pays one payment (`token-claims.ts`), the amount is the merchant's order's.
 */
export function createCheckoutHandler(options: CheckoutHandlerOptions): CheckoutHandler {
  const gateway = resolveGateway(options.gateway);
  const basePath = normalizeBasePath(options.basePath ?? gateway.defaultBasePath);
  const logger = options.logger ?? console;
  checkAmountAuthority(options, gateway.id, logger);
  const returnUrls = returnUrlPolicy(options.allowedReturnOrigins);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  // Keys and hashes name the gateway and the merchant account: handlers sharing one store (a
  // Fenige and a Feennex one, or two shops) never answer for each other.
  const scope = `${gateway.id}:${gateway.account ?? '-'}`;
  const keyOf = (transactionId: string) => `${scope}:${transactionId}`;
  const store = options.store ?? createMemoryIdempotencyStore();
  const emit = (event: Omit<CheckoutEvent, 'gateway'>) => {
    try {
      options.onEvent?.({ gateway: gateway.id, ...event });
    } catch {
      // a failing log hook must not change a payment's answer
    }
  };
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
      if (!redirectIsSafe(answer.body)) return unsafeRedirect(transactionId);
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
    const read = await readJsonBody(request, maxBodyBytes, bodyTimeoutMs);
    if (!read.ok) return reject(read.response, read.code);
    const validation: Validation<CheckoutRequest | HostedRequest> = kind === 'pay' ? validateCheckoutRequest(read.value) : validateHostedRequest(read.value);
    if (!validation.ok) return reject(invalidRequest(validation.issues, validation.message), 'INVALID_REQUEST');
    let body = validation.value;
    const { transactionId } = body;
    const key = request.headers.get(IDEMPOTENCY_HEADER);
    if (key !== null && key !== transactionId) {
      const message = `The ${IDEMPOTENCY_HEADER} header must equal the body's transactionId`;
      return reject(errorResponse(400, 'ERROR', 'IDEMPOTENCY_KEY_MISMATCH', message, transactionId), 'IDEMPOTENCY_KEY_MISMATCH', transactionId);
    }

    const context = contextOf(request, info);
    if (kind === 'hosted') {
      const returnUrl = options.returnUrl ?? returnUrls.allowed((body as HostedRequest).returnUrl, request);
      if (!returnUrl) return reject(returnUrlRefused(transactionId), 'RETURN_URL_NOT_ALLOWED', transactionId);
      body = { ...body, returnUrl };
      // The hosted page sends the payer back to this checked returnUrl.
      context.returnUrl = returnUrl;
    }
    if (options.lookupOrder) {
      const order = await lookup(body);
      if (order instanceof Response) return order;
      body = { ...body, ...order };
    }

    const bodyHash = await hashBody({ scope, kind, body });
    let claim: TokenClaim = { kind: 'none' };
    let result: GuardResult;
    try {
      if (kind === 'pay') {
        claim = await claimToken(store, scope, (body as CheckoutRequest).token, transactionId, Date.now() + timeoutMs + 10_000);
        if (claim.kind === 'reused') return reject(tokenReused(transactionId), 'TOKEN_REUSED', transactionId);
      }
      result = await guard.run(
        keyOf(transactionId),
        bodyHash,
        () =>
          callGateway(kind, transactionId, (signal) =>
            kind === 'pay' ? gateway.pay(body as CheckoutRequest, { ...context, signal }) : gateway.hosted(body as HostedRequest, { ...context, signal }),
          ),
        () => callGateway('status', transactionId, (signal) => gateway.status(transactionId, { ...context, signal })),
      );
    } catch (error) {
      if (claim.kind === 'claimed') await claim.release().catch(() => undefined);
      return storeFailed(error, transactionId);
    }
    const answer = 'answer' in result ? result.answer : undefined;
    // A request that never reached the gateway leaves the token free for the payment it belongs to.
    if (claim.kind === 'claimed' && (result.kind === 'reused' || answer?.notSent)) await claim.release().catch(() => undefined);

    const response = guardResponse(result, transactionId);
    const outcome = classifyResponse(response.status, answer?.body ?? {});
    if (answer?.detail && result.kind !== 'replayed')
      logger.error(`paytool-elements: ${gateway.id} ${kind} ${transactionId}: ${answer.detail.code} ${answer.detail.message}`);
    emit({
      type: kind === 'pay' ? 'payment' : 'hosted',
      transactionId,
      httpStatus: response.status,
      source: result.kind,
      outcome: outcome.kind,
      ...(outcome.kind === 'failure' ? { code: answer?.detail?.code ?? outcome.code } : {}),
      ...(answer?.detail ? { detail: answer.detail.message } : {}),
      amount: answer?.charged?.amount ?? body.amount,
      currency: answer?.charged?.currency ?? body.currency,
      durationMs: Date.now() - started,
    });
    return response;
  }

  function storeFailed(error: unknown, transactionId: string): Response {
    emit({ type: 'store-error', transactionId, error: errorName(error) });
    if (error instanceof IdempotencyStoreFullError) {
      logger.error(`paytool-elements: ${error.message}`);
      return errorResponse(503, 'ERROR', 'IDEMPOTENCY_STORE_FULL', 'The payment cannot be started right now; try again', transactionId, 5);
    }
    return errorResponse(503, 'ERROR', 'IDEMPOTENCY_STORE_UNAVAILABLE', 'The payment cannot be started right now; try again', transactionId, 5);
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
    let known: boolean;
    let inFlight: boolean;
    try {
      // Known: charged here, or an id the gateway assigned to a payment charged here.
      known = (await guard.known(keyOf(id))) || (await ids.transactionIdOf(id)) !== undefined;
      inFlight = known && (await guard.inFlight(keyOf(id)));
    } catch (error) {
      return storeFailed(error, id);
    }
    // An id this handler never charged costs no gateway call: anyone can ask about any id.
    if (!known) {
      emit({ type: 'status', transactionId: id, httpStatus: 404, code: 'NOT_FOUND' });
      return errorResponse(404, 'NOT_FOUND', 'NOT_FOUND', 'No payment with this transactionId was started here', id);
    }
    let answer: CheckoutAnswer;
    let retryAfter: number | undefined;
    if (inFlight) {
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
    const browserIp = clientIp(request, info.clientIp, options.trustProxy === true);
    const returnUrl = options.returnUrl ?? returnUrls.allowed(request.headers.get('Referer'), request);
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

  return Object.assign(handle, { basePath, gateway, maxBodyBytes, bodyTimeoutMs });
}
