import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  createFenigePostbackHandler,
  FenigeClient,
  FenigePostbackError,
  verifyFenigePostback,
  type FenigePostback,
  type FenigePostbackContext,
  type FenigePostbackHandlerOptions,
} from '../../src/gateways/fenige/server/index.js';
import { serveFetch } from '../support/http.js';
import { SEED, startFakeFenige, type FakeFenige } from './server-fenige-fake.js';

const SECRET = 'postback-shared-secret';
const TX = 'ee58ef03-d6ed-4a07-8885-d050c439ec6c';
const checksum = (text: string, algorithm = 'sha256') => createHash(algorithm).update(text).digest('hex');
const notification = { transactionId: TX, transactionState: 'SUCCESS', amount: 100, currency: 'PLN' };

let fenige: FakeFenige;
let received: Array<[FenigePostback, FenigePostbackContext]>;
let errors: unknown[];
const servers: Array<{ close(): Promise<void> }> = [];

before(async () => {
  fenige = await startFakeFenige();
});
after(async () => {
  await Promise.all([fenige.close(), ...servers.map((s) => s.close())]);
});
beforeEach(() => {
  received = [];
  errors = [];
});

async function serve(options: Partial<FenigePostbackHandlerOptions> = {}): Promise<string> {
  const server = await serveFetch(
    createFenigePostbackHandler({
      secret: SECRET,
      unsafeTrustPostbackState: true, // these tests are about the checksum; hostile-notifications covers the state
      logger: { warn: () => {} },
      onNotification: (postback, context) => {
        received.push([postback, context]);
      },
      onError: (error) => errors.push(error),
      ...options,
    }),
  );
  servers.push(server);
  return `${server.url}/fenige/postback`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Fenige postback handler', () => {
  test('a correct X-SECRET-CHECKSUM (SHA-256 hex of secret + transactionId) → 200 and one notification', async () => {
    const url = await serve();
    const response = await post(url, { ...notification, extra: 'kept' }, { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'OK' });
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]![0], { ...notification, extra: 'kept' });
    assert.deepEqual(received[0]![1], {});
  });

  test('upper-case hex is the same checksum', async () => {
    const url = await serve();
    const response = await post(url, notification, { 'x-secret-checksum': checksum(SECRET + TX).toUpperCase() });
    assert.equal(response.status, 200);
  });

  test('missing, wrong or replayed-for-another-id checksums → 401, nothing trusted', async () => {
    const url = await serve();
    const missing = await post(url, notification);
    assert.equal(missing.status, 401);
    assert.match((await missing.json()).error, /Missing X-SECRET-CHECKSUM/);
    assert.equal((await post(url, notification, { 'X-SECRET-CHECKSUM': checksum('wrong' + TX) })).status, 401);
    assert.equal((await post(url, notification, { 'X-SECRET-CHECKSUM': 'abc' })).status, 401);
    const other = { ...notification, transactionId: 'another-id' };
    const replayed = await post(url, other, { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) });
    assert.equal(replayed.status, 401);
    const text = await replayed.text();
    assert.ok(!text.includes(checksum(SECRET + 'another-id')), 'the expected checksum is never revealed');
    assert.equal(received.length, 0);
  });

  test('malformed bodies → 400, a wrong method 405, a huge body 413', async () => {
    const url = await serve();
    const sign = { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) };
    assert.equal((await post(url, '{not json', sign)).status, 400);
    assert.equal((await post(url, [1, 2], sign)).status, 400);
    assert.equal((await post(url, { amount: 1 }, sign)).status, 400);
    const badAmount = await post(url, { ...notification, amount: '100' }, sign);
    assert.equal(badAmount.status, 400);
    assert.match((await badAmount.json()).error, /amount must be a number/);
    assert.equal((await fetch(url, { headers: sign })).status, 405);
    assert.equal((await post(url, { ...notification, pad: 'x'.repeat(70_000) }, sign)).status, 413);
    assert.equal(received.length, 0);
  });

  test('header, algorithm and the hashed string are configurable', async () => {
    const url = await serve({
      header: 'X-Fenige-Signature',
      algorithm: 'SHA-512',
      stringToHash: ({ secret, transactionId, body }) => `${transactionId}:${String(body.transactionState)}:${secret}`,
    });
    const signature = checksum(`${TX}:SUCCESS:${SECRET}`, 'sha512');
    assert.equal((await post(url, notification, { 'X-Fenige-Signature': signature })).status, 200);
    assert.equal((await post(url, { ...notification, transactionState: 'FAILURE' }, { 'X-Fenige-Signature': signature })).status, 401);
    assert.equal((await post(url, notification, { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) })).status, 401);
  });

  test('confirmWithDetails hands the current details to onNotification', async () => {
    const client = new FenigeClient({ baseUrl: fenige.url, login: 'user', password: 'pw', merchantUuid: 'm' }); // every answer comes: the 30 s default
    const url = await serve({ confirmWithDetails: client });
    const sign = { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) };

    fenige.answer({ status: 200, body: SEED.detailsOk });
    assert.equal((await post(url, notification, sign)).status, 200);
    assert.equal(received[0]![1].details?.transactionState, 'SUCCESS');
    assert.equal(fenige.requests.at(-1)!.path, `/transactions/details/${TX}`);

    fenige.answer({ status: 404, body: { status: 'NOT_FOUND', message: 'Transaction not found' } });
    assert.equal((await post(url, notification, sign)).status, 400, 'Fenige does not know it: refused');
    fenige.answer({ status: 503, body: SEED.E9001 });
    assert.equal((await post(url, notification, sign)).status, 503, 'Fenige unreachable: ask Fenige to try again');
    assert.equal(received.length, 1);
  });

  test('a failing onNotification → 500 and onError hears of it', async () => {
    const url = await serve({
      onNotification: () => {
        throw new Error('database down');
      },
    });
    const response = await post(url, notification, { 'X-SECRET-CHECKSUM': checksum(SECRET + TX) });
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /database/);
    assert.equal((errors[0] as Error).message, 'database down');
  });
});

describe('verifyFenigePostback', () => {
  const request = (body: unknown, checksumValue?: string) =>
    new Request('https://shop.example/postback', {
      method: 'POST',
      headers: checksumValue ? { 'X-SECRET-CHECKSUM': checksumValue } : {},
      body: JSON.stringify(body),
    });

  test('returns the validated postback', async () => {
    const postback = await verifyFenigePostback(request(notification, checksum(SECRET + TX)), { secret: SECRET });
    assert.equal(postback.transactionState, 'SUCCESS');
  });

  test('throws FenigePostbackError with the HTTP status to answer', async () => {
    await assert.rejects(verifyFenigePostback(request(notification), { secret: SECRET }), (e) => e instanceof FenigePostbackError && e.httpStatus === 401);
    await assert.rejects(verifyFenigePostback(request(notification, checksum(SECRET + TX)), { secret: '' }), TypeError);
    assert.throws(() => createFenigePostbackHandler({ secret: '', onNotification: () => {} }), TypeError);
  });
});
