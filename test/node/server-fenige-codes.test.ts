import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFenigeError, describeFenigeCode, FENIGE_ERROR_CODES, FENIGE_TRANSACTION_STATES } from '../../src/gateways/fenige/server/codes.js';
import { errorFromResponse } from '../../src/gateways/fenige/server/errors.js';
import { FENIGE_DOCUMENTED_CODES } from '../support/fenige-documented-codes.js';

test('the table holds exactly the documented codes, each with its HTTP status and a description', () => {
  const documented = new Map(Object.entries(FENIGE_DOCUMENTED_CODES).flatMap(([status, codes]) => codes.map((code) => [code, Number(status)] as const)));
  assert.deepEqual(Object.keys(FENIGE_ERROR_CODES).sort(), [...documented.keys()].sort());
  for (const [code, httpStatus] of documented) {
    assert.equal(FENIGE_ERROR_CODES[code]!.httpStatus, httpStatus, code);
    assert.match(describeFenigeCode(code) ?? '', /^[A-Z].{10,}\.$/, code);
  }
});

test('classification of the codes that decide what happens next', () => {
  const kinds = Object.fromEntries(Object.entries(FENIGE_ERROR_CODES).map(([code, info]) => [code, info.kind]));
  assert.equal(kinds.E8000, 'invalid-request');
  for (const code of ['E8001', 'E8002', 'E0122', 'E01607', 'E0142', 'E0190']) assert.equal(kinds[code], 'configuration', code);
  for (const code of ['E0150', 'E0204', 'E11000']) assert.equal(kinds[code], 'declined', code);
  for (const code of ['E9001', 'E9002']) assert.equal(kinds[code], 'unavailable', code);
  for (const code of ['E0153', 'E01599', 'E9000', 'E9008']) assert.equal(kinds[code], 'unknown-outcome', code);
});

test('undocumented answers are classified by HTTP status', () => {
  assert.equal(classifyFenigeError(undefined, 400), 'gateway');
  assert.equal(classifyFenigeError('E4242', 404), 'gateway');
  assert.equal(classifyFenigeError(undefined, 401), 'configuration');
  assert.equal(classifyFenigeError(undefined, 403), 'configuration');
  assert.equal(classifyFenigeError(undefined, 408), 'unknown-outcome');
  assert.equal(classifyFenigeError(undefined, 429), 'unavailable');
  assert.equal(classifyFenigeError(undefined, 500), 'unknown-outcome');
  assert.equal(classifyFenigeError('E4242', 503), 'unknown-outcome');
});

test('transaction states are described, and an unknown code is not', () => {
  assert.deepEqual(Object.keys(FENIGE_TRANSACTION_STATES).sort(), [
    'FAILURE',
    'IN_PROGRESS',
    'REFUNDED',
    'REVERSED',
    'SUCCESS',
    'SUCCESS_WAITING_FOR_CLEARING',
  ]);
  assert.equal(describeFenigeCode('E4242'), undefined);
});

test('error bodies without a message or with a numeric status still make a useful error', () => {
  const noMessage = errorFromResponse(422, JSON.stringify({ status: 'E0204', httpStatus: 'UNPROCESSABLE_ENTITY' }));
  assert.equal(noMessage.message, FENIGE_ERROR_CODES.E0204!.description);
  // Spring's default error body: a numeric `status` is no E-code.
  const spring = errorFromResponse(500, JSON.stringify({ timestamp: '2024-01-01', status: 500, error: 'Internal Server Error' }));
  assert.equal(spring.status, 'HTTP_500');
  assert.ok(spring.isUnknownOutcome);
  assert.deepEqual(JSON.parse(JSON.stringify(spring)).status, 'HTTP_500');
});
