import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { now, signCall, startSandbox, type Sandbox } from './sandbox-feennex-harness.js';

interface Vector {
  keys: Record<string, string>;
  secret: string;
  stringToSign: string;
  sign: string;
}

const vectors: Vector[] = JSON.parse(readFileSync(new URL('../vectors/vectors.json', import.meta.url), 'utf8')).feennexSigning.vectors;

describe('feennex sandbox: signature', () => {
  test('answers the documented example with exactly the documented message', async () => {
    const sandbox = await startSandbox({ shopId: '6199' });
    try {
      const answer = await sandbox.call(
        'invoice/create',
        {
          amount: '500',
          currency: '840',
          payway: 'card_usd',
          shop_order_id: '99991',
        },
        { sign: 'a'.repeat(64) },
      );
      assert.deepEqual(answer, {
        data: null,
        error_code: 10,
        message: 'Invalid sign, string_to_sign: 500:840:card_usd:6199:99991',
        result: false,
      });
    } finally {
      await sandbox.close();
    }
  });

  for (const [i, vector] of vectors.entries()) {
    test(`accepts public vector ${i + 1} (${vector.stringToSign})`, async () => {
      const sandbox = await startSandbox({ shopId: vector.keys.shop_id, secretKey: vector.secret });
      try {
        const method = 'payer_currency' in vector.keys ? 'bill/create' : 'invoice/create';
        const answer = await sandbox.call(method, vector.keys, { sign: vector.sign });
        assert.equal(answer.error_code, 0, answer.message);
        assert.equal(answer.result, true);
        assert.equal(typeof answer.data?.id, 'number');
      } finally {
        await sandbox.close();
      }
    });
  }

  describe('on the default shop', () => {
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startSandbox();
    });
    after(() => sandbox.close());

    test('defaults to shop 5 and a sandbox secret', () => {
      assert.equal(sandbox.shopId, '5');
      assert.equal(sandbox.secret, 'SandboxSecret01');
    });

    test('a missing sign is error 10 naming what should have been signed, never the secret', async () => {
      const answer = await sandbox.call('shop_balance', { now: '2024-01-01 10:00:00' }, { sign: false });
      assert.equal(answer.error_code, 10);
      assert.equal(answer.message, 'Invalid sign, string_to_sign: 2024-01-01 10:00:00:5');
      assert.ok(!answer.message.includes(sandbox.secret));
    });

    test('a sign made with another secret is refused', async () => {
      const answer = await sandbox.call('shop_balance', { now: now() }, { secret: 'NotTheSecret' });
      assert.equal(answer.error_code, 10);
      assert.match(answer.message, /^Invalid sign, string_to_sign: /);
    });

    test('an upper-case hex sign is refused, as the documentation asks for lower case', async () => {
      const params = { now: 'upper', shop_id: '5' };
      const sign = await signCall('shop_balance', params, sandbox.secret);
      assert.equal((await sandbox.call('shop_balance', params, { sign })).error_code, 0);
      assert.equal((await sandbox.call('shop_balance', params, { sign: sign.toUpperCase() })).error_code, 10);
    });

    test('unsigned extra fields do not change the signature', async () => {
      const answer = await sandbox.call('invoice/create', {
        amount: '10.00',
        currency: '985',
        payway: 'card_pln',
        shop_order_id: 'sig-extra',
        description: 'not signed',
        success_url: 'https://shop.example/ok',
        failed_url: 'https://shop.example/ko',
      });
      assert.equal(answer.error_code, 0, answer.message);
    });

    test('a missing mandatory parameter is error 10 naming it', async () => {
      const answer = await sandbox.call('invoice/create', { amount: '10.00', currency: '985', payway: 'card_pln' });
      assert.equal(answer.error_code, 10);
      assert.equal(answer.message, 'Missing required parameter: shop_order_id');
    });

    test('GET with a query string is served like POST', async () => {
      const answer = await sandbox.call('shop_balance', { now: now() }, { get: true });
      assert.equal(answer.error_code, 0, answer.message);
      assert.ok(Array.isArray(answer.data?.balances));
    });

    test('a JSON number is signed as printed', async () => {
      const params = { amount: 12.5, currency: 985, payway: 'card_pln', shop_order_id: 'numbers' };
      const sign = await signCall('invoice/create', { ...params, shop_id: '5' }, sandbox.secret);
      const answer = await sandbox.call('invoice/create', params, { sign });
      assert.equal(answer.error_code, 0, answer.message);
    });

    test('a body that is not JSON is error 10, in the envelope, with HTTP 200', async () => {
      const response = await sandbox.fetch('/feennex/shop_balance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'shop_id=5' });
      assert.equal(response.status, 200);
      const answer = await response.json();
      assert.equal(answer.error_code, 10);
      assert.equal(answer.result, false);
    });

    test('an unknown method is a 404 in the envelope; other paths are left to the server', async () => {
      const unknown = await sandbox.fetch('/feennex/invoice/refund', { method: 'POST', body: '{}' });
      assert.equal(unknown.status, 404);
      assert.equal((await unknown.json()).error_code, 10);
      const elsewhere = await sandbox.fetch('/fenige/anything');
      assert.equal(await elsewhere.text(), 'not the sandbox');
    });
  });
});
