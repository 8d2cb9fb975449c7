// The sandbox faults between the merchant's server and Feennex, end to end: <feennex-pay> in
// Chromium (fake Google Pay), the checkout handler, FeennexClient, the faulty sandbox — with the
// same money rules as faults-fenige.test.ts. Needs `npm run build` first.
import { describe, test } from 'node:test';
import type { FaultRule } from '../../src/sandbox/index.js';
import { faultSuite } from './fault-server.js';

const CREATE = '/feennex/invoice/create';
const STATUS = '/feennex/bill/shop_order_status';
const APPROVED = '4111111111111111';
const DECLINED = '4000000000000002';
/** Feennex's magic amount 3.33: the invoice stays in progress for the sandbox's processing time. */
const PROCESSING_AMOUNT = 333;

const onCreate = (rule: FaultRule): FaultRule => ({ path: CREATE, ...rule });
const play = faultSuite('feennex', APPROVED);

describe('<feennex-pay> → checkout handler → Feennex sandbox with faults', () => {
  test('latency with jitter: paid once', () => play({ rules: [onCreate({ fault: 'latency', ms: 400, jitterMs: 300 })], expect: 'paid' }));

  test('connection dropped before Feennex sees the invoice: paid once', () => play({ rules: [onCreate({ fault: 'drop-before', next: 1 })], expect: 'paid' }));

  test('connection dropped after Feennex charged: paid once', () => play({ rules: [onCreate({ fault: 'drop-after', next: 1 })], expect: 'paid' }));

  test('a proxy 502 in front of Feennex: paid once', () => play({ rules: [onCreate({ fault: 'http-error', status: 502, next: 1 })], expect: 'paid' }));

  test('timeout after Feennex charged: paid once', () => play({ rules: [onCreate({ fault: 'timeout', ms: 5_000, next: 1 })], expect: 'paid' }));

  test('an invoice still processing, status reads failing: "we are checking", then paid', () =>
    play({
      rules: [
        { fault: 'http-error', status: 502, path: STATUS, next: 2 },
        { fault: 'drop-after', path: STATUS, next: 1 },
      ],
      amount: PROCESSING_AMOUNT,
      expect: 'paid',
      checking: true,
    }));

  test('a declined card and a dropped answer: declined once, nothing paid', () =>
    play({ rules: [onCreate({ fault: 'drop-after', next: 1 })], card: DECLINED, expect: 'declined' }));

  test('the invoice delivered three times at once: one invoice, paid once', () =>
    play({ rules: [onCreate({ fault: 'duplicate', copies: 3 })], expect: 'paid' }));
});
