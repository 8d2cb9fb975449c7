import type { PaymentEventMap } from '../checkout/events.js';

export type * from '../checkout/events.js';

declare global {
  interface GlobalEventHandlersEventMap extends PaymentEventMap {}
}

/** Events bubble out of the shadow DOM (`composed`) so a page can listen on `document`. */
export function emit<K extends keyof PaymentEventMap>(target: EventTarget, type: K, detail: PaymentEventMap[K]['detail'], cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
