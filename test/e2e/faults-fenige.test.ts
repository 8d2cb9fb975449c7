// Every sandbox fault between the merchant's server and Fenige, end to end: <paytool-button> in
// Chromium (fake Google Pay), the checkout handler, FenigeClient, the faulty sandbox. For each:
// exactly one charge per payment, the payer told the truth (or "we are checking", then the truth),
// and nothing the merchant would mark paid unless Fenige has it paid. Needs `npm run build` first.
import { describe, test } from 'node:test';
import type { FaultRule } from '../../src/sandbox/index.js';
import { faultSuite } from './fault-server.js';

const PAY = '/fenige/external-api/transactions/google-pay';
const DETAILS = /^\/fenige\/transactions\/details\//;
const APPROVED = '4111111111111111';
const DECLINED = '5105105105105100';
const E0153_THEN_SUCCESS = '4000000000001539';
const E0153_THEN_FAILURE = '4100000000001538';

const onPay = (rule: FaultRule): FaultRule => ({ path: PAY, ...rule });
const play = faultSuite('fenige', APPROVED);

describe('<paytool-button> → checkout handler → Fenige sandbox with faults', () => {
  test('latency with jitter: paid once', () => play({ rules: [onPay({ fault: 'latency', ms: 400, jitterMs: 300 })], expect: 'paid' }));

  test('connection dropped before Fenige sees the payment: nothing charged, the next try pays once', () =>
    play({ rules: [onPay({ fault: 'drop-before', next: 1 })], expect: 'paid' }));

  test('connection dropped after Fenige charged: the handler finds the charge, paid once', () =>
    play({ rules: [onPay({ fault: 'drop-after', next: 1 })], expect: 'paid' }));

  test('a proxy 502 in front of Fenige: nothing charged, the next try pays once', () =>
    play({ rules: [onPay({ fault: 'http-error', status: 502, next: 1 })], expect: 'paid' }));

  test('Fenige down (every payment 500): never paid, never told so', () => play({ rules: [onPay({ fault: 'http-error', status: 500 })], expect: 'unpaid' }));

  test('503 E9001 (not processed): nothing charged, the next try pays once', () =>
    play({ rules: [onPay({ fault: 'fenige-e9001', next: 1 })], expect: 'paid' }));

  test('500 E0153 after Fenige processed the payment: the handler reads the true state, paid once', () =>
    play({ rules: [onPay({ fault: 'fenige-e0153', next: 1 })], expect: 'paid' }));

  test('E0153 card that settles as paid: "we are checking", then paid', () => play({ rules: [], card: E0153_THEN_SUCCESS, expect: 'paid', checking: true }));

  test('E0153 card that settles as failed: "we are checking", then declined, nothing paid', () =>
    play({ rules: [], card: E0153_THEN_FAILURE, expect: 'declined', checking: true }));

  test('timeout after Fenige charged: paid once', () => play({ rules: [onPay({ fault: 'timeout', ms: 5_000, next: 1 })], expect: 'paid' }));

  test('timeout, never processed: nothing charged, the next try pays once', () =>
    play({ rules: [onPay({ fault: 'timeout', ms: 5_000, processing: 'none', next: 1 })], expect: 'paid' }));

  test('timeout, the payment lands at Fenige after the handler gave up: the payer is not told it failed', () =>
    play({ rules: [onPay({ fault: 'timeout', ms: 3_500, processing: 'after', next: 1 })], expect: 'paid', lateMs: 2_000 }));

  test('the payment delivered three times at once: one transaction, paid once', () =>
    play({ rules: [onPay({ fault: 'duplicate', copies: 3 })], expect: 'paid' }));

  test('a declined card and a dropped answer: declined once, nothing paid', () =>
    play({ rules: [onPay({ fault: 'drop-after', next: 1 })], card: DECLINED, expect: 'declined' }));

  test('faults on the status reads while an E0153 payment settles: "we are checking", then paid', () =>
    play({
      rules: [
        { fault: 'http-error', status: 502, path: DETAILS, next: 2 },
        { fault: 'drop-before', path: DETAILS, next: 1 },
        { fault: 'latency', ms: 100, jitterMs: 200, path: DETAILS },
      ],
      card: E0153_THEN_SUCCESS,
      expect: 'paid',
      checking: true,
    }));
});
