import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { STARTED_LIFETIME_MS, forgetStarted, rememberStarted, tabStorage, wasStartedHere, type StartedPayment } from '../../src/checkout/started-payments.js';

/**
 * A return link confirms only a payment this tab started, for the same element, endpoint and
 * order (issue: a crafted `?paytool-result=success&transactionId=<someone else's>` link). Node,
 * with a Map-backed Storage, so each mutant costs a second.
 */

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const blocked = new Proxy({} as Storage, {
  get() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
});

const payment: StartedPayment = {
  transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
  element: 'paytool-button',
  endpoint: '/api/pay now',
  amount: 1999,
  currency: 'PLN',
};
const T0 = 1_800_000_000_000;

describe('started payments: only this tab’s own payment is confirmed on return', () => {
  test('a remembered payment is recognised, under a key of its own namespace', () => {
    const storage = new MemoryStorage();
    rememberStarted(storage, payment, T0);
    assert.equal(wasStartedHere(storage, payment, T0 + 1000), true);
    assert.deepEqual([...storage.items.keys()], [`paytool-elements:${payment.transactionId}`], 'the merchant page’s own sessionStorage keys stay untouched');
  });

  test('another id, element, endpoint, amount or currency is not this payment', () => {
    const storage = new MemoryStorage();
    rememberStarted(storage, payment, T0);
    for (const other of [
      { transactionId: '5f0c7a7e-3f7e-4d3c-9a55-1c2d3e4f5a6b' },
      { element: 'feennex-pay' },
      { endpoint: '/api/pay' },
      { amount: 1 },
      { currency: 'EUR' },
    ]) {
      assert.equal(wasStartedHere(storage, { ...payment, ...other }, T0 + 1000), false, JSON.stringify(other));
    }
  });

  test('an entry older than its lifetime is not trusted', () => {
    const storage = new MemoryStorage();
    rememberStarted(storage, payment, T0);
    assert.equal(wasStartedHere(storage, payment, T0 + STARTED_LIFETIME_MS - 1), true);
    assert.equal(wasStartedHere(storage, payment, T0 + STARTED_LIFETIME_MS), false);
    assert.equal(STARTED_LIFETIME_MS, 24 * 60 * 60 * 1000, 'longer than any 3-D Secure or hosted-page visit, and no longer');
  });

  test('nothing remembered, or a tampered entry, confirms nothing', () => {
    const storage = new MemoryStorage();
    assert.equal(wasStartedHere(storage, payment, 1000), false);
    storage.setItem(`paytool-elements:${payment.transactionId}`, 'garbage');
    assert.equal(wasStartedHere(storage, payment, T0), false);
  });

  test('forgotten once the outcome is known: the same link cannot confirm it twice', () => {
    const storage = new MemoryStorage();
    rememberStarted(storage, payment, T0);
    rememberStarted(storage, { ...payment, transactionId: 'other' }, T0);
    forgetStarted(storage, payment.transactionId);
    assert.equal(wasStartedHere(storage, payment, T0 + 1), false);
    assert.equal(wasStartedHere(storage, { ...payment, transactionId: 'other' }, T0 + 1), true);
  });

  test('blocked or missing storage: nothing is remembered, nothing confirmed, nothing thrown', () => {
    for (const storage of [blocked, undefined]) {
      rememberStarted(storage, payment, T0);
      assert.equal(wasStartedHere(storage, payment, T0), false);
      forgetStarted(storage, payment.transactionId);
    }
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    rememberStarted(full, payment, T0);
    assert.equal(wasStartedHere(full, payment, T0), false);
  });
});

describe('tabStorage', () => {
  const g = globalThis as { sessionStorage?: unknown };
  const original = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'sessionStorage', original);
    else delete g.sessionStorage;
  });

  test('is the tab’s sessionStorage', () => {
    const storage = new MemoryStorage();
    Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
    assert.equal(tabStorage(), storage);
  });

  test('is undefined where reading sessionStorage throws (sandboxed frames, blocked cookies)', () => {
    Object.defineProperty(globalThis, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    assert.equal(tabStorage(), undefined);
  });
});
