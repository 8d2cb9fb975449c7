import {
  classifyResponse,
  fields,
  IDEMPOTENCY_HEADER,
  validateCheckoutRequest,
  validateHostedRequest,
  type CheckoutRequest,
  type HostedRequest,
  type Validation,
} from '../protocol/index.js';
import { checkAmountAuthority, type CheckoutHandler, type CheckoutHandlerOptions, type CheckoutEvent, type RequestInfo } from './checkout-options.js';
import { resolveGateway, type CheckoutAnswer, type CheckoutContext } from './gateway.js';
import { startDeadline, type GatewayErrorReport } from './gateway-call.js';
import { errorResponse, guardResponse, invalidRequest, json, returnUrlRefused, tokenReused, withHeaders } from './http-answers.js';
import { hashBody } from './idempotency/body-hash.js';
import { createGatewayIdMap } from './idempotency/gateway-ids.js';
import { createIdempotencyGuard, type GuardResult } from './idempotency/guard.js';
import { createMemoryIdempotencyStore } from './idempotency/memory-store.js';
import { IdempotencyStoreFullError } from './idempotency/store.js';
import { clientIp, errorName, normalizeBasePath, readJsonBody, routeOf, safeDecode } from './request-parts.js';
import { isRefusal, lookupOrder } from './order-lookup.js';
import { PLAIN_ENTRY, plainRequestOf, responseOf, type PlainAnswer, type PlainRequest } from './plain-http.js';
import { returnUrlPolicy } from './return-urls.js';
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

  const reportGatewayError: GatewayErrorReport = (operation, transactionId, error) => emit({ type: 'gateway-error', operation, transactionId, error });

  async function charge(request: PlainRequest, info: RequestInfo, kind: 'pay' | 'hosted'): Promise<PlainAnswer> {
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
      const order = await lookupOrder(options.lookupOrder, body);
      if (isRefusal(order)) return reject(order.response, order.code, transactionId, order.error);
      body = { ...body, ...order };
    }

    const bodyHash = await hashBody({ scope, kind, body });
    const expected = { amount: body.amount, currency: body.currency };
    let claim: TokenClaim = { kind: 'none' };
    let result: GuardResult;
    const deadline = startDeadline(timeoutMs, reportGatewayError);
    try {
      if (kind === 'pay') {
        claim = await claimToken(store, scope, (body as CheckoutRequest).token, transactionId, Date.now() + timeoutMs + 10_000);
        if (claim.kind === 'reused') return reject(tokenReused(transactionId), 'TOKEN_REUSED', transactionId);
      }
      result = await guard.run(
        keyOf(transactionId),
        bodyHash,
        () =>
          deadline.call(kind, transactionId, (signal) =>
            kind === 'pay'
              ? gateway.pay(body as CheckoutRequest, { ...context, signal, deadlineAt: deadline.at })
              : gateway.hosted(body as HostedRequest, { ...context, signal, deadlineAt: deadline.at }),
          ),
        () => deadline.call('status', transactionId, (signal) => gateway.status(transactionId, { ...context, signal, deadlineAt: deadline.at, expected })),
      );
    } catch (error) {
      if (claim.kind === 'claimed') await claim.release().catch(() => undefined);
      return storeFailed(error, transactionId);
    } finally {
      deadline.clear();
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

  function storeFailed(error: unknown, transactionId: string): PlainAnswer {
    emit({ type: 'store-error', transactionId, error: errorName(error) });
    if (error instanceof IdempotencyStoreFullError) {
      logger.error(`paytool-elements: ${error.message}`);
      return errorResponse(503, 'ERROR', 'IDEMPOTENCY_STORE_FULL', 'The payment cannot be started right now; try again', transactionId, 5);
    }
    return errorResponse(503, 'ERROR', 'IDEMPOTENCY_STORE_UNAVAILABLE', 'The payment cannot be started right now; try again', transactionId, 5);
  }

  async function status(request: PlainRequest, info: RequestInfo, rawId: string): Promise<PlainAnswer> {
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
      const deadline = startDeadline(timeoutMs, reportGatewayError);
      answer = await deadline.call('status', id, (signal) => gateway.status(id, { ...contextOf(request, info), signal, deadlineAt: deadline.at }));
      deadline.clear();
    }
    const outcome = classifyResponse(answer.httpStatus, answer.body);
    emit({ type: 'status', transactionId: id, httpStatus: answer.httpStatus, outcome: outcome.kind });
    return json(answer.httpStatus, answer.body, retryAfter);
  }

  function reject(response: PlainAnswer, code: string, transactionId?: string, error?: string): PlainAnswer {
    emit({ type: 'rejected', httpStatus: response.status, code, ...(transactionId ? { transactionId } : {}), ...(error ? { error } : {}) });
    return response;
  }

  function contextOf(request: PlainRequest, info: RequestInfo): CheckoutContext {
    const browserIp = clientIp(request, info.clientIp, options.trustProxy === true);
    const returnUrl = options.returnUrl ?? returnUrls.allowed(request.headers.get('Referer'), request);
    return { ...(browserIp ? { browserIp } : {}), ...(returnUrl ? { returnUrl } : {}), ids };
  }

  /** Every route, on the handler's own request and answer (`plain-http.ts`): `toNodeListener` calls it directly. */
  async function answer(request: PlainRequest, info: RequestInfo): Promise<PlainAnswer> {
    const path = new URL(request.url).pathname.replace(/\/+$/, '') || '/';
    const route = routeOf(path, basePath);
    if (!route) return errorResponse(404, 'NOT_FOUND', 'NOT_FOUND', `No checkout route at ${path}`);
    const allowed = route.kind === 'status' ? 'GET' : 'POST';
    if (request.method === 'OPTIONS') return { status: 204, headers: { Allow: `${allowed}, OPTIONS` }, text: null };
    if (request.method !== allowed) {
      return withHeaders(errorResponse(405, 'METHOD_NOT_ALLOWED', 'METHOD_NOT_ALLOWED', `Use ${allowed} for ${path}`), { Allow: `${allowed}, OPTIONS` });
    }
    if (route.kind === 'status') return status(request, info, route.id);
    return charge(request, info, route.kind);
  }

  const handle = async (request: Request, info: RequestInfo = {}): Promise<Response> => responseOf(await answer(plainRequestOf(request), info));
  return Object.assign(handle, { basePath, gateway, maxBodyBytes, bodyTimeoutMs, [PLAIN_ENTRY]: answer });
}
