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

const KEY = 'paytool-elements:started';
/** Longer than any 3-D Secure or hosted-page visit; older entries are dropped. */
export const STARTED_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 20;

type Stored = StartedPayment & { at: number };

function read(storage: Storage | undefined, now: number): Stored[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is Stored => !!e && typeof e === 'object' && typeof e.transactionId === 'string' && now - Number(e.at) < STARTED_LIFETIME_MS);
  } catch {
    return []; // storage disabled (some private modes, sandboxed frames) or damaged: nothing remembered
  }
}

function write(storage: Storage | undefined, entries: Stored[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
  } catch {
    // storage full or disabled: the return will not be confirmed by the element, the backend still knows
  }
}

/** Remembers a payment before the page leaves for its off-page step. */
export function rememberStarted(storage: Storage | undefined, payment: StartedPayment, now = Date.now()): void {
  const others = read(storage, now).filter((e) => e.transactionId !== payment.transactionId);
  write(storage, [...others, { ...payment, at: now }]);
}

/** True when this tab started `expected.transactionId` from the same element, endpoint and order. */
export function wasStartedHere(storage: Storage | undefined, expected: StartedPayment, now = Date.now()): boolean {
  return read(storage, now).some(
    (e) =>
      e.transactionId === expected.transactionId &&
      e.element === expected.element &&
      e.endpoint === expected.endpoint &&
      e.amount === expected.amount &&
      e.currency === expected.currency,
  );
}

/** Forgets a payment once its outcome is known, so the same link cannot confirm it twice. */
export function forgetStarted(storage: Storage | undefined, transactionId: string, now = Date.now()): void {
  write(storage, read(storage, now).filter((e) => e.transactionId !== transactionId));
}

/** `sessionStorage`, or undefined where reading it throws (blocked storage). */
export function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}
