import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson } from '../../src/protocol/canonical-json.js';
import { classifyResponse } from '../../src/protocol/outcome.js';
import { returningTransaction, withoutReturnParams, withPaymentResult } from '../../src/protocol/return-url.js';

/** The protocol's rules where a one-character slip moves money the wrong way (docs/protocol.md §4.2). */
describe('classifyResponse: what a backend answer means', () => {
  test('a 4xx is never a success, whatever status it carries', () => {
    for (const httpStatus of [400, 401, 402, 403, 404, 422, 499]) {
      const outcome = classifyResponse(httpStatus, { status: 'APPROVED' });
      assert.equal(outcome.kind, 'failure', `HTTP ${httpStatus} with status APPROVED`);
      assert.deepEqual(classifyResponse(httpStatus, { transactionState: 'SUCCESS' }).kind, 'failure');
    }
  });

  test('only 2xx with a success status is a success; 3xx and 1xx are not', () => {
    assert.deepEqual(classifyResponse(200, { status: 'APPROVED' }), { kind: 'success', status: 'APPROVED' });
    assert.deepEqual(classifyResponse(299, { transactionState: 'SUCCESS_WAITING_FOR_CLEARING' }), { kind: 'success', status: 'SUCCESS_WAITING_FOR_CLEARING' });
    assert.equal(classifyResponse(300, { status: 'APPROVED' }).kind, 'pending');
    assert.equal(classifyResponse(199, { status: 'APPROVED' }).kind, 'pending');
  });

  test('transactionState wins over status', () => {
    assert.deepEqual(classifyResponse(200, { status: 'APPROVED', transactionState: 'DECLINED' }), { kind: 'failure', code: 'DECLINED' });
  });

  test('no answer, 5xx and the retriable 4xx are unknown, never a failure', () => {
    assert.deepEqual(classifyResponse(undefined, {}), { kind: 'pending', reason: 'network' });
    for (const httpStatus of [408, 409, 425, 429, 500, 502, 503, 504]) {
      assert.deepEqual(classifyResponse(httpStatus, { status: 'DECLINED' }), { kind: 'pending', reason: `http-${httpStatus}` });
    }
    assert.equal(classifyResponse(410, {}).kind, 'failure');
  });

  test('PENDING in any of its spellings is unknown, even on a 2xx', () => {
    assert.deepEqual(classifyResponse(200, { transactionStatus: 'PENDING', status: 'APPROVED' }), { kind: 'pending', reason: 'APPROVED' });
    for (const status of ['PENDING', 'IN_PROGRESS', 'PROCESSING']) {
      assert.deepEqual(classifyResponse(202, { status }), { kind: 'pending', reason: status });
      assert.deepEqual(classifyResponse(200, { transactionState: status }), { kind: 'pending', reason: status });
    }
    assert.deepEqual(classifyResponse(200, { transactionStatus: 'PENDING' }), { kind: 'pending', reason: 'PENDING' });
  });

  test('a Fenige error code is a failure with that code and message', () => {
    assert.deepEqual(classifyResponse(422, { status: 'E0150', message: 'Rejected' }), { kind: 'failure', code: 'E0150', message: 'Rejected' });
    assert.deepEqual(classifyResponse(200, { status: 'E12' }), { kind: 'failure', code: 'E12' });
    assert.deepEqual(classifyResponse(400, { status: 'XE0150' }), { kind: 'failure', code: 'HTTP_400' });
    assert.deepEqual(classifyResponse(400, { status: 'E0150X' }), { kind: 'failure', code: 'HTTP_400' });
  });

  test('final failure statuses, and a 4xx code from the body', () => {
    for (const status of ['DECLINED', 'REJECTED', 'FAILURE', 'REVERSED', 'REFUNDED', 'CANCELED', 'EXPIRED']) {
      assert.deepEqual(classifyResponse(200, { status, message: 'm' }), { kind: 'failure', code: status, message: 'm' });
    }
    assert.deepEqual(classifyResponse(422, { code: 'TRANSACTION_ID_REUSED', message: 'again' }), {
      kind: 'failure',
      code: 'TRANSACTION_ID_REUSED',
      message: 'again',
    });
    assert.deepEqual(classifyResponse(404, { code: 42 }), { kind: 'failure', code: 'HTTP_404' });
  });

  test('a 2xx without a known status is unknown, never a success', () => {
    for (const body of [{}, { ok: true }, { status: 'approved' }, { status: 'OK' }, null, [], 'APPROVED']) {
      assert.deepEqual(classifyResponse(200, body), { kind: 'pending', reason: 'unrecognised-answer' }, JSON.stringify(body));
    }
  });

  test('redirects: the method in any case, params as strings, redirectUrl as a GET', () => {
    assert.deepEqual(classifyResponse(200, { redirect: { url: 'https://acs.example/3ds', method: 'post', params: { PaReq: 'x', MD: 42 } } }), {
      kind: 'redirect',
      redirect: { url: 'https://acs.example/3ds', method: 'POST', params: { PaReq: 'x', MD: '42' } },
    });
    assert.deepEqual(
      classifyResponse(200, { redirect: { url: 'https://a.example', method: 'Post' } }).kind === 'redirect' &&
        (classifyResponse(200, { redirect: { url: 'https://a.example', method: 'Post' } }) as any).redirect.method,
      'POST',
    );
    assert.deepEqual(classifyResponse(201, { redirect: { url: 'https://a.example' } }), {
      kind: 'redirect',
      redirect: { url: 'https://a.example', method: 'GET' },
    });
    assert.deepEqual(classifyResponse(200, { redirect: { url: 'https://a.example', method: 'PUT' } }), {
      kind: 'redirect',
      redirect: { url: 'https://a.example', method: 'GET' },
    });
    assert.deepEqual(classifyResponse(200, { redirectUrl: 'https://pay.example/x' }), {
      kind: 'redirect',
      redirect: { url: 'https://pay.example/x', method: 'GET' },
    });
    assert.deepEqual(classifyResponse(200, { redirect: { url: 42 } }).kind, 'pending');
    assert.equal(classifyResponse(400, { redirectUrl: 'https://pay.example/x' }).kind, 'failure', 'a redirect only on a 2xx');
  });
});

describe('canonicalJson', () => {
  test('sorts keys at every depth and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined, w: null }], c: undefined } }), '{"a":{"d":[1,{"w":null,"y":2}]},"b":1}');
    assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson({ a: 1 }));
    assert.equal(canonicalJson({ b: 2, a: 1 }), canonicalJson({ a: 1, b: 2 }));
    assert.equal(canonicalJson({ B: 1, a: 2, _: 3 }), '{"B":1,"_":3,"a":2}');
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson('x"y'), '"x\\"y"');
    assert.equal(canonicalJson([undefined]), '[null]');
  });
});

describe('return links', () => {
  test('the transaction a payer returns from: both parameters, a plain id', () => {
    assert.equal(returningTransaction('https://shop.example/?paytool-result=success&transactionId=tx-1'), 'tx-1');
    assert.equal(returningTransaction('https://shop.example/?transactionId=tx-1'), undefined, 'no result parameter');
    assert.equal(returningTransaction('https://shop.example/?paytool-result=success'), undefined);
    assert.equal(returningTransaction('https://shop.example/?paytool-result=success&transactionId=a%2Fb'), undefined);
    assert.equal(returningTransaction(`https://shop.example/?paytool-result=success&transactionId=${'a'.repeat(65)}`), undefined);
    assert.equal(returningTransaction(`https://shop.example/?paytool-result=success&transactionId=${'a'.repeat(64)}`), 'a'.repeat(64));
  });

  test('adds and removes exactly the two parameters', () => {
    const url = withPaymentResult('https://shop.example/order?id=42', 'failure', 'tx-9');
    assert.equal(url, 'https://shop.example/order?id=42&paytool-result=failure&transactionId=tx-9');
    assert.equal(withoutReturnParams(url), 'https://shop.example/order?id=42');
  });
});
