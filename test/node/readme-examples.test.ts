// The README's server example is examples/checkout-server.ts, verbatim: this test runs it against
// the sandbox and checks the README (and docs/react-and-vue.md for the framework examples) still
// show exactly those files.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import '../support/source-package.js';
import { startSandbox, createTestToken } from '../../src/sandbox/index.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('README server example (examples/checkout-server.ts)', () => {
  let sb: Sandbox;
  let server: Server;
  let url: string;
  const transactionId = '6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b';

  before(async () => {
    sb = await startSandbox({ port: 0 });
    Object.assign(process.env, {
      FENIGE_URL: sb.fenige.url,
      FENIGE_LOGIN: sb.fenige.login,
      FENIGE_PASSWORD: sb.fenige.password,
      FENIGE_MERCHANT_UUID: sb.fenige.merchantUuid,
    });
    const { startCheckoutServer } = await import('../../examples/checkout-server.js');
    server = startCheckoutServer(new Map([[transactionId, { amount: 2599, currency: 'PLN', description: 'Order 42' }]]), 0);
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/paytool/transactions`;
  });
  after(async () => {
    server?.close();
    await sb?.close();
  });

  it('is shown verbatim in the README, as are the framework examples the e2e tests pay through in docs/react-and-vue.md', () => {
    const shown = {
      'README.md': ['examples/checkout-server.ts'],
      'docs/react-and-vue.md': ['demo/react19/Checkout.tsx', 'demo/react18/Checkout.tsx', 'demo/vue/App.vue'],
    };
    for (const [doc, files] of Object.entries(shown)) {
      const text = readFileSync(doc, 'utf8');
      for (const file of files) assert.ok(text.includes(readFileSync(file, 'utf8').trim()), `${doc} drifted from ${file}`);
    }
  });

  it('charges the order’s amount, not the one the browser sent', async () => {
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: sb.fenige.gatewayMerchantId });
    const body = {
      transactionId,
      apiKey: sb.fenige.merchantUuid,
      amount: 1,
      currency: 'PLN',
      description: 'tampered',
      sender: { firstName: 'Jan', lastName: 'Kowalski' },
      token,
    };
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': transactionId },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'APPROVED');
    const [tx] = sb.emulators.fenige.transactions();
    assert.equal(tx!.amount, 2599);
    assert.equal(tx!.description, 'Order 42');
  });

  it('refuses a transaction that is not one of your orders', async () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const token = createTestToken({ gateway: 'fenige', gatewayMerchantId: sb.fenige.gatewayMerchantId });
    const body = { transactionId: other, apiKey: 'k', amount: 1, currency: 'PLN', description: 'x', token };
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 404);
    assert.equal(sb.emulators.fenige.transactions().length, 1);
  });
});
