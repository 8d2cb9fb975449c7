import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FENIGE_ERROR_CODES, FENIGE_RESTRICTED_AMOUNT_ABOVE, FENIGE_TEST_CARDS } from '../../src/gateways/fenige/sandbox/index.js';
import { AUTH, DETAILS_KEYS, get, googlePayBody, post, startFenige, UUID, type FenigeHarness } from './sandbox-fenige-harness.js';

const PAY = '/external-api/transactions/google-pay';

describe('Fenige sandbox: google-pay', () => {
  let h: FenigeHarness;
  before(async () => {
    h = await startFenige({ pendingSettleMs: 60_000 });
  });
  after(() => h.close());

  it('approves the documented example request and records SUCCESS_WAITING_FOR_CLEARING', async () => {
    const body = googlePayBody();
    const res = await post(h, PAY, body);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body), ['transactionId', 'itemId', 'status', 'externalTransactionId']);
    assert.equal(res.body.transactionId, body.transactionId);
    assert.equal(res.body.status, 'APPROVED');
    assert.match(res.body.itemId, UUID);
    const details = await get(h, `/transactions/details/${body.transactionId}`);
    assert.equal(details.status, 200);
    assert.deepEqual(Object.keys(details.body), DETAILS_KEYS);
    assert.equal(details.body.transactionState, 'SUCCESS_WAITING_FOR_CLEARING');
    assert.equal(details.body.amount, 1000);
    assert.equal(details.body.currencyCode, 'PLN');
    assert.match(details.body.creationDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    assert.deepEqual(details.body.sender, { firstName: 'firstName', lastName: 'lastName', email: 'emaiL@email.pl', phone: null });
  });

  it('takes the funds at once with deposit: true (SUCCESS)', async () => {
    const body = googlePayBody({ deposit: true, card: '5555555555554444' });
    assert.equal((await post(h, PAY, body)).body.status, 'APPROVED');
    const tx = h.emulator.transactions().find((t) => t.transactionId === body.transactionId)!;
    assert.equal(tx.state, 'SUCCESS');
    assert.equal(tx.cardNetwork, 'MASTERCARD');
    assert.equal(tx.cardLast4, '4444');
  });

  it('answers 401 E8002 with WWW-Authenticate for missing or wrong credentials', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: `Basic ${btoa('sandbox:wrong')}` }, { Authorization: 'Bearer x' }];
    for (const headers of attempts) {
      const res = await post(h, PAY, googlePayBody(), headers);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm="Realm"');
      assert.deepEqual(Object.keys(res.body), ['status', 'message', 'httpStatus', 'traceId']);
      assert.equal(res.body.status, 'E8002');
      assert.equal(res.body.message, 'Unauthorized');
      assert.equal(res.body.httpStatus, 'UNAUTHORIZED');
      assert.match(res.body.traceId, UUID);
    }
  });

  it('answers 400 E8000 with the errors map for missing and invalid fields', async () => {
    const res = await post(h, PAY, { amount: 10.5, currency: 'XYZ', description: ' ', sender: {}, token: { protocolVersion: 'ECv2' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.status, 'E8000');
    assert.equal(res.body.httpStatus, 'BAD_REQUEST');
    assert.match(res.body.traceId, UUID);
    assert.deepEqual(res.body.errors, {
      amount: ['must be an integer number of pennies'],
      transactionId: ['must not be null', 'must not be blank'],
      currency: ['must be a valid ISO 4217 currency code, such as PLN'],
      description: ['must not be blank'],
      'sender.firstName': ['must not be null', 'must not be blank'],
      'sender.lastName': ['must not be null', 'must not be blank'],
      'token.signature': ['must not be null', 'must not be blank'],
      'token.signedMessage': ['must not be null', 'must not be blank'],
      'token.intermediateSigningKey': ['must not be null'],
    });
    const zero = await post(h, PAY, { ...googlePayBody(), amount: 0, sender: { firstName: 'a', lastName: 'b', email: 'nope' } });
    assert.deepEqual(zero.body.errors, { amount: ['must be greater than 0'], 'sender.email': ['must be a well-formed email address'] });
  });

  it('answers malformed JSON with 400 E8000, a wrong content type with 415, unknown paths 404 and wrong methods 405', async () => {
    const malformed = await post(h, PAY, '{"amount": 1000,');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.status, 'E8000');
    assert.deepEqual(malformed.body.errors, { body: ['must be valid JSON'] });
    const text = await post(h, PAY, 'x', { Authorization: AUTH, 'Content-Type': 'text/plain' });
    assert.equal(text.status, 415);
    const unknown = await post(h, '/external/nothing', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.httpStatus, 'NOT_FOUND');
    const wrongMethod = await get(h, PAY);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.equal(wrongMethod.body.httpStatus, 'METHOD_NOT_ALLOWED');
  });

  it('refuses a tampered, expired or foreign token with errors.token naming the check', async () => {
    const tampered = googlePayBody();
    const message = JSON.parse(tampered.token.signedMessage);
    // Always a different first character: writing a fixed 'A' changed nothing one run in 64.
    message.encryptedMessage = (message.encryptedMessage.startsWith('A') ? 'B' : 'A') + message.encryptedMessage.slice(1);
    tampered.token.signedMessage = JSON.stringify(message);
    const res = await post(h, PAY, tampered);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, { token: ['could not be opened (MESSAGE_SIGNATURE_INVALID)'] });

    const expired = googlePayBody({ now: Date.now() - 2 * 60 * 60 * 1000 });
    assert.deepEqual((await post(h, PAY, expired)).body.errors, { token: ['could not be opened (MESSAGE_EXPIRED)'] });

    const foreign = await post(h, PAY, googlePayBody({ merchant: 'another-merchant' }));
    assert.equal(foreign.status, 400);
    assert.match(foreign.body.errors.token[0], /not sealed for this merchant/);
    assert.equal(
      h.emulator.transactions().some((t) => [tampered, expired].some((b) => b.transactionId === t.transactionId)),
      false,
    );
  });

  it('keeps one transaction per transactionId: identical retry replays, a different request is 422', async () => {
    const body = googlePayBody();
    const first = await post(h, PAY, body);
    const retry = await post(h, PAY, { ...body, browserIp: '10.0.0.1' });
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    const different = await post(h, PAY, { ...googlePayBody({ amount: 999 }), transactionId: body.transactionId });
    assert.equal(different.status, 422);
    assert.equal(different.body.status, 'E0150');
    assert.match(different.body.message, /already used by a different request/);
    assert.equal(different.body.transactionStatus, undefined);
    assert.equal(h.emulator.transactions().filter((t) => t.transactionId === body.transactionId).length, 1);
    assert.equal((await get(h, `/transactions/details/${body.transactionId}`)).body.amount, 1000);
  });

  it('reaches every test card outcome with the documented HTTP status, body shape and record', async () => {
    for (const card of FENIGE_TEST_CARDS) {
      const body = googlePayBody({ card: card.pan });
      const res = await post(h, PAY, body);
      const tx = h.emulator.transactions().find((t) => t.transactionId === body.transactionId);
      if (card.outcome === 'APPROVED') {
        assert.equal(res.status, 200, card.pan);
        assert.equal(tx?.state, 'SUCCESS_WAITING_FOR_CLEARING');
        continue;
      }
      const code = FENIGE_ERROR_CODES[card.outcome];
      assert.equal(res.status, code.httpStatus, `${card.pan} → ${card.outcome}`);
      assert.equal(res.body.status, card.outcome);
      assert.equal(res.body.message, code.message);
      assert.match(res.body.traceId, UUID);
      if (code.effect === 'none') {
        assert.deepEqual(Object.keys(res.body), ['status', 'message', 'httpStatus', 'traceId']);
        assert.equal(tx, undefined, `${card.outcome} records nothing`);
      } else {
        assert.deepEqual(Object.keys(res.body), ['requestUuid', 'transactionStatus', 'status', 'message', 'httpStatus', 'traceId']);
        assert.equal(res.body.transactionStatus, code.effect === 'pending' ? 'PENDING' : 'REJECTED');
        assert.equal(tx?.state, code.effect === 'pending' ? 'IN_PROGRESS' : 'FAILURE');
        assert.equal(tx?.errorCode, card.outcome);
      }
    }
    const codes = new Set(FENIGE_TEST_CARDS.map((c) => c.outcome));
    // E8000–E8002 are about the request itself (body, credentials), not a payment's outcome: no card reaches them.
    const paymentCodes = Object.keys(FENIGE_ERROR_CODES).filter((code) => !['E8000', 'E8001', 'E8002'].includes(code));
    for (const code of paymentCodes) assert.ok(codes.has(code as never), `${code} has a test card`);
  });

  it('documents every test card in the README', () => {
    const readme = readFileSync(new URL('../../src/gateways/fenige/sandbox/README.md', import.meta.url), 'utf8');
    for (const card of FENIGE_TEST_CARDS) assert.match(readme, new RegExp(`\\| \`${card.pan}\` \\| ${card.network} \\| \\d{3} \\| ${card.outcome} \\|`));
    assert.match(readme, /amount above 10 000 000 minor units/);
  });

  it('rejects other networks with E0152 and restricted amounts with E0159', async () => {
    const amex = await post(h, PAY, googlePayBody({ card: '378282246310005' }));
    assert.equal(amex.status, 422);
    assert.equal(amex.body.status, 'E0152');
    const big = await post(h, PAY, googlePayBody({ amount: FENIGE_RESTRICTED_AMOUNT_ABOVE + 1 }));
    assert.equal(big.status, 422);
    assert.equal(big.body.status, 'E0159');
    assert.equal((await post(h, PAY, googlePayBody({ amount: FENIGE_RESTRICTED_AMOUNT_ABOVE }))).status, 200);
  });

  it('lets a 503 payment be retried with the same id, since nothing was recorded', async () => {
    const body = googlePayBody({ card: FENIGE_TEST_CARDS.find((c) => c.outcome === 'E9001')!.pan });
    assert.equal((await post(h, PAY, body)).status, 503);
    assert.equal((await get(h, `/transactions/details/${body.transactionId}`)).status, 404);
    const retry = await post(h, PAY, { ...googlePayBody(), transactionId: body.transactionId });
    assert.equal(retry.status, 200);
  });
});

describe('Fenige sandbox: E0153 (PENDING) settles later', () => {
  let h: FenigeHarness;
  before(async () => {
    h = await startFenige({ pendingSettleMs: 5_000 });
  });
  after(() => h.close());

  for (const card of FENIGE_TEST_CARDS.filter((c) => c.outcome === 'E0153')) {
    it(`stays IN_PROGRESS, then settles to ${card.settlesTo}`, async () => {
      const body = googlePayBody({ card: card.pan });
      const first = await post(h, PAY, body);
      assert.equal(first.status, 500);
      assert.equal(first.body.transactionStatus, 'PENDING');
      assert.equal((await get(h, `/transactions/details/${body.transactionId}`)).body.transactionState, 'IN_PROGRESS');
      assert.equal((await post(h, PAY, body)).body.transactionStatus, 'PENDING', 'a retry while pending is still pending');

      h.advance(5_000);
      const settled = await get(h, `/transactions/details/${body.transactionId}`);
      if (card.settlesTo === 'SUCCESS') {
        assert.equal(settled.body.transactionState, 'SUCCESS_WAITING_FOR_CLEARING');
        const retry = await post(h, PAY, body);
        assert.equal(retry.status, 200);
        assert.equal(retry.body.status, 'APPROVED');
      } else {
        assert.equal(settled.body.transactionState, 'FAILURE');
        const retry = await post(h, PAY, body);
        assert.equal(retry.status, 422);
        assert.equal(retry.body.transactionStatus, 'REJECTED');
      }
    });
  }
});
