import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeennexError } from '../../src/gateways/feennex/server/index.js';
import { FeennexPayoutClient } from '../../src/gateways/feennex/server/payout-client.js';
import { closedAfter } from '../support/lifetime.js';
import { now, signCall, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';

/** Where Feennex's documents are ambiguous or strict, over HTTP: each reading the sandbox plays. */

const withSandbox = (options: Parameters<typeof startSandbox>[0], run: (sandbox: Sandbox) => Promise<void>) => closedAfter(startSandbox(options), run);

const signedBalance = async (shopId: string, secret: string) => {
  const params = { now: now(), shop_id: shopId };
  return JSON.stringify({ ...params, sign: await signCall('shop_balance', params, secret) });
};

describe('feennex sandbox: transport rules and readings', () => {
  test('a POST must say Content-Type: application/json, as the document requires', () =>
    withSandbox({}, async (sandbox) => {
      const body = await signedBalance(sandbox.shopId, sandbox.secret);
      for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }]) {
        const response = await sandbox.fetch('/feennex/shop_balance', { method: 'POST', headers, body });
        assert.equal(response.status, 200);
        const answer = await response.json();
        assert.equal(answer.error_code, 10, JSON.stringify(headers));
        assert.match(answer.message, /Content-Type header must be application\/json/);
      }
      const ok = await sandbox.fetch('/feennex/shop_balance', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
      assert.equal((await ok.json()).error_code, 0);
    }));

  test('unknownShop: invalid-sign (default) answers error 10 with the string to sign, as the documented example', () =>
    withSandbox({}, async (sandbox) => {
      const response = await sandbox.fetch('/feennex/shop_balance', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await signedBalance('6199', 'any'),
      });
      const answer = await response.json();
      assert.equal(answer.error_code, 10);
      assert.match(answer.message, /^Invalid sign, string_to_sign: .*:6199$/);
    }));

  test('unknownShop: shop-not-found answers error 11 first; the client reports either as a final error', async () => {
    await withSandbox({ unknownShop: 'shop-not-found' }, async (sandbox) => {
      const client = new FeennexPayoutClient({ baseUrl: `${sandbox.url}/`, shopId: '6199', secretKey: 'any-secret', timeoutMs: 2_000 });
      const error = await client.shopBalance().then(
        () => assert.fail('expected error 11'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof FeennexError);
      assert.equal(error.errorCode, 11);
      assert.deepEqual([error.kind, error.isFinal], ['configuration', true]);
    });
    await withSandbox({}, async (sandbox) => {
      const client = new FeennexPayoutClient({ baseUrl: `${sandbox.url}/`, shopId: '6199', secretKey: 'any-secret', timeoutMs: 2_000 });
      const error = await client.shopBalance().then(
        () => assert.fail('expected error 10'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof FeennexError);
      assert.equal(error.errorCode, 10);
      assert.deepEqual([error.kind, error.isFinal], ['configuration', true]);
    });
  });

  test('unknown methods and unsupported HTTP methods still answer the JSON envelope', () =>
    withSandbox({}, async (sandbox) => {
      const unknown = await sandbox.fetch('/feennex/invoice/refund', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('content-type') ?? '', /application\/json/);
      assert.deepEqual(await unknown.json(), { data: null, error_code: 10, message: 'Unknown API method: invoice/refund', result: false });
      const put = await sandbox.fetch('/feennex/shop_balance', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('allow'), 'GET, HEAD, POST');
      const answer = await put.json();
      assert.equal(answer.error_code, 10);
      assert.equal(answer.result, false);
    }));

  test('refuses an unknown reading, naming the switch', async () => {
    await assert.rejects(startSandbox({ unknownShop: 'ignore' as never }), /feennex\.unknownShop must be/);
  });
});
