import { summarize, type FieldIssue } from '../protocol/index.js';
import type { CheckoutAnswer } from './gateway.js';
import type { GuardResult } from './idempotency/guard.js';
import type { PlainAnswer } from './plain-http.js';

/** The checkout handler's HTTP answers: JSON, never cached, with a retry hint where one helps. */

export function json(httpStatus: number, body: unknown, retryAfterSeconds?: number, extraHeaders: Record<string, string> = {}): PlainAnswer {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders };
  if (retryAfterSeconds) headers['Retry-After'] = String(retryAfterSeconds);
  return { status: httpStatus, headers, text: JSON.stringify(body) };
}

/** The same answer with more headers. */
export const withHeaders = (answer: PlainAnswer, headers: Record<string, string>): PlainAnswer => ({ ...answer, headers: { ...answer.headers, ...headers } });

export function errorResponse(httpStatus: number, status: string, code: string, message: string, transactionId?: string, retryAfter?: number): PlainAnswer {
  return json(httpStatus, { ...(transactionId ? { transactionId } : {}), status, code, message }, retryAfter);
}

export function invalidRequest(issues: FieldIssue[], message?: string): PlainAnswer {
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

/** The gateway call failed or ran out of time: whatever it was, its outcome is unknown. */
export function pendingAnswer(httpStatus: 502 | 504, transactionId: string): CheckoutAnswer {
  return {
    httpStatus,
    body: { transactionId, status: 'PENDING', message: 'The payment outcome is not known yet; ask again for its status' },
    unknownOutcome: true,
  };
}

/** What the payer's browser reads when the gateway refused the shop's setup; the details go to the logs. */
export const GATEWAY_SETUP_BODY = {
  status: 'ERROR',
  code: 'GATEWAY_SETUP',
  message: 'The shop cannot take this payment right now.',
} as const;

export function guardResponse(result: GuardResult, transactionId: string): PlainAnswer {
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
    case 'replayed':
      return json(result.answer.httpStatus, result.answer.body, undefined, { 'Idempotent-Replayed': 'true' });
    default:
      return json(result.answer.httpStatus, result.answer.body);
  }
}

export function isAnswer(value: unknown): value is CheckoutAnswer {
  const answer = value as CheckoutAnswer | undefined;
  return (
    !!answer && Number.isInteger(answer.httpStatus) && answer.httpStatus >= 200 && answer.httpStatus <= 599 && !!answer.body && typeof answer.body === 'object'
  );
}

/** A gateway answer redirecting to anything but http(s): an error for the payer, never forwarded. */
export function unsafeRedirect(transactionId: string): CheckoutAnswer {
  return {
    httpStatus: 422,
    body: { transactionId, status: 'ERROR', code: 'GATEWAY_INVALID_REDIRECT', message: 'The payment could not be continued.' },
    detail: { code: 'GATEWAY_INVALID_REDIRECT', message: 'the gateway answered a redirect that is not an absolute http(s) URL; it was not forwarded' },
  };
}

export function returnUrlRefused(transactionId: string): PlainAnswer {
  const issues = [{ path: 'returnUrl', message: 'must be a page of this shop: same origin as the checkout request, or one of allowedReturnOrigins' }];
  return json(400, {
    transactionId,
    status: 'ERROR',
    code: 'RETURN_URL_NOT_ALLOWED',
    message: `returnUrl ${issues[0]!.message}`,
    issues,
    errors: { returnUrl: [issues[0]!.message] },
  });
}

export function tokenReused(transactionId: string): PlainAnswer {
  const message = 'This Google Pay token was already used for another payment; pay again to get a new one';
  return errorResponse(422, 'TOKEN_REUSED', 'TOKEN_REUSED', message, transactionId);
}
