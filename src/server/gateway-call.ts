import type { CheckoutAnswer } from './gateway.js';
import { isAnswer, pendingAnswer, unsafeRedirect } from './http-answers.js';
import { redirectIsSafe } from './return-urls.js';

export type GatewayOperation = 'pay' | 'hosted' | 'status';

/**
 * The deadline of one checkout request: ONE timer and ONE AbortController, shared by every gateway
 * call the request makes (a charge, the status the idempotency guard asks, a resend). Past it the
 * outcome is unknown: 504 PENDING, and the guard asks the gateway again on the next request
 * (docs/architecture.md, "Outcome unknown").
 */
export interface RequestDeadline {
  /** Calls the gateway; an escaped error becomes 502 PENDING, the deadline 504 PENDING. */
  call(operation: GatewayOperation, transactionId: string, call: (signal: AbortSignal) => Promise<CheckoutAnswer>): Promise<CheckoutAnswer>;
  /** Stops the timer once the request is answered. */
  clear(): void;
  /** When the deadline passes (ms since the epoch). */
  readonly at: number;
}

export type GatewayErrorReport = (operation: GatewayOperation, transactionId: string, error: string) => void;

export function startDeadline(timeoutMs: number, report: GatewayErrorReport): RequestDeadline {
  const controller = new AbortController();
  const at = Date.now() + timeoutMs;
  let expire: (value: 'timeout') => void = () => {};
  const expired = new Promise<'timeout'>((resolve) => (expire = resolve));
  const timer = setTimeout(() => {
    // Settled before the abort, so the race below sees the deadline, not the call's abort error.
    expire('timeout');
    controller.abort(new DOMException('The gateway did not answer in time', 'TimeoutError'));
  }, timeoutMs);

  return {
    async call(operation, transactionId, call) {
      if (controller.signal.aborted) {
        report(operation, transactionId, 'TimeoutError');
        return pendingAnswer(504, transactionId);
      }
      try {
        const answer = await Promise.race([call(controller.signal), expired]);
        if (answer === 'timeout') {
          report(operation, transactionId, 'TimeoutError');
          return pendingAnswer(504, transactionId);
        }
        if (!isAnswer(answer)) throw new TypeError(`gateway.${operation} did not answer { httpStatus, body }`);
        if (!redirectIsSafe(answer.body)) return unsafeRedirect(transactionId);
        return answer;
      } catch (error) {
        report(operation, transactionId, error instanceof Error ? error.name : typeof error);
        return pendingAnswer(502, transactionId);
      }
    },
    clear: () => clearTimeout(timer),
    at,
  };
}
