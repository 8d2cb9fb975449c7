/**
 * The payments this browser tab sent off the page (3-D Secure, a hosted page). A payer coming back
 * with `?paytool-result=…&transactionId=…` is confirmed only when the id is one of these and the
 * element's order still matches: anyone can craft a return link with another payer's paid id, but
 * nobody else can write this tab's `sessionStorage`.
 */

export interface StartedPayment {
  transactionId: string;
  /** Which element kind started it (`paytool-button`, `feennex-pay`) and where it posted. */
  element: string;
  endpoint: string;
  amount: number;
  currency: string;
}

/** Longer than any 3-D Secure or hosted-page visit; older entries are not trusted. */
export const STARTED_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const startedKey = (transactionId: string) => `paytool-elements:${transactionId}`;
const order = (p: StartedPayment) => JSON.stringify([p.element, p.endpoint, p.amount, p.currency]);

// Storage may be disabled (private modes, sandboxed frames) or full: then nothing is remembered,
// and the element leaves the return to the merchant's backend.

/** Remembers a payment before the page leaves for its off-page step. */
export function rememberStarted(storage: Storage | undefined, payment: StartedPayment, now = Date.now()): void {
  try {
    storage?.setItem(startedKey(payment.transactionId), `${now} ${order(payment)}`);
  } catch {
    // blocked or full storage: see above
  }
}

/** True when this tab started `expected.transactionId` from the same element, endpoint and order. */
export function wasStartedHere(storage: Storage | undefined, expected: StartedPayment, now = Date.now()): boolean {
  try {
    const [at, ...rest] = (storage?.getItem(startedKey(expected.transactionId)) ?? '').split(' ');
    return now - Number(at) < STARTED_LIFETIME_MS && rest.join(' ') === order(expected);
  } catch {
    return false;
  }
}

/** Forgets a payment once its outcome is known, so the same link cannot confirm it twice. */
export function forgetStarted(storage: Storage | undefined, transactionId: string): void {
  try {
    storage?.removeItem(startedKey(transactionId));
  } catch {
    // blocked storage: nothing was remembered either
  }
}

/** `sessionStorage`, or undefined where reading it throws (blocked storage). */
export function tabStorage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}
