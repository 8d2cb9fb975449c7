// `paytool-elements/server` where only Web APIs exist: examples/edge (built by `npm run
// build:examples` into dist/examples/edge/) takes Google Pay payments through both gateways'
// sandboxes over real HTTP, in workerd (Cloudflare Workers' runtime, through miniflare 3, no
// nodejs_compat) and in Deno (the npm `deno` package's binary). The Feennex path signs with WebCrypto.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { sandboxMerchantOf, sandboxPayBody } from '../support/checkout.js';
import { listen, type Listening } from '../support/http.js';

const BUILD = 'dist/examples/edge';
const ORDER = { amount: 2599, currency: 'PLN', description: 'Order 42' };

let sandbox: RunningSandbox;
let callbackSink: Listening | undefined;
let callbackUrl: string;

function credentials(): Record<string, string> {
  return {
    FENIGE_URL: sandbox.fenige.url,
    FENIGE_LOGIN: sandbox.fenige.login,
    FENIGE_PASSWORD: sandbox.fenige.password,
    FENIGE_MERCHANT_UUID: sandbox.fenige.merchantUuid,
    FEENNEX_URL: sandbox.feennex.url,
    FEENNEX_SHOP_ID: String(sandbox.feennex.shopId),
    FEENNEX_SECRET_KEY: sandbox.feennex.secretKey,
    FEENNEX_CALLBACK_URL: callbackUrl,
  };
}

/** What the element posts: the browser's (tampered) amount, and a token sealed for the gateway. */
function checkoutBody(gateway: 'fenige' | 'feennex', transactionId: string) {
  const apiKey = sandboxMerchantOf(sandbox, gateway);
  return sandboxPayBody(sandbox, gateway, { transactionId, apiKey, amount: 1, description: 'tampered in the browser' });
}

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** Both gateways through the app, each charged the order's amount, recorded by the sandbox. */
async function paysThroughBothGateways(
  send: Send,
  addOrder: (id: string) => Promise<void>,
  newId: () => string = () => crypto.randomUUID(),
): Promise<string[]> {
  const lines: string[] = [];
  for (const [gateway, path] of [
    ['fenige', '/paytool/transactions'],
    ['feennex', '/feennex/payments'],
  ] as const) {
    const transactionId = newId();
    await addOrder(transactionId);
    const response = await send(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': transactionId },
      body: JSON.stringify(checkoutBody(gateway, transactionId)),
    });
    const answer = (await response.json()) as { status?: string; transactionId?: string };
    assert.equal(response.status, 200, `${gateway}: ${JSON.stringify(answer)}`);
    assert.match(answer.status ?? '', gateway === 'fenige' ? /^(APPROVED|SUCCESS)/ : /^SUCCESS$/);
    if (gateway === 'fenige') {
      const charged = sandbox.emulators.fenige.transactions().find((t) => t.transactionId === transactionId);
      assert.equal(charged?.amount, ORDER.amount, 'Fenige charged the order’s amount');
    } else {
      const invoice = sandbox.emulators.feennex.invoices().find((i) => i.shopOrderId === transactionId);
      assert.ok(invoice, 'Feennex accepted the WebCrypto-signed invoice');
      assert.deepEqual([invoice.amount, invoice.currency], ['25.99', 'PLN'], 'Feennex charged the order’s amount');
    }
    const status = await send(`${path}/${transactionId}`, { method: 'GET' });
    assert.equal(status.status, 200, `${gateway}: the status of a paid transaction`);
    lines.push(`${gateway}: ${answer.status} ${transactionId}`);
  }
  return lines;
}

describe('edge runtimes (examples/edge)', () => {
  before(async () => {
    for (const file of ['worker.js', 'deno.js']) {
      if (!existsSync(`${BUILD}/${file}`)) throw new Error(`${BUILD}/${file} is missing: run npm run build`);
    }
    sandbox = await startSandbox({ port: 0 });
    callbackSink = await listen((_req, res) => res.end('OK'));
    callbackUrl = `${callbackSink.url}/feennex/notifications`;
  });
  after(async () => {
    await callbackSink?.close();
    await sandbox?.close();
  });

  it('workerd (miniflare 3): the Worker pays through both sandboxes', async (t) => {
    const mf = new Miniflare({
      modules: true,
      scriptPath: `${BUILD}/worker.js`,
      compatibilityDate: '2025-07-01',
      bindings: credentials(),
      kvNamespaces: ['ORDERS'],
    });
    t.after(() => mf.dispose());
    const orders = await mf.getKVNamespace('ORDERS');
    const send: Send = async (path, init) => (await mf.dispatchFetch(`https://shop.example${path}`, init as never)) as unknown as Response;
    const lines = await paysThroughBothGateways(send, (id) => orders.put(id, JSON.stringify(ORDER)));
    t.diagnostic(`workerd ${createRequire(import.meta.url)('workerd/package.json').version}: ${lines.join('; ')}`);
  });

  it('Deno (npm deno): the same app behind Deno.serve pays through both sandboxes', async (t) => {
    const orders: Record<string, typeof ORDER> = {};
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) orders[id] = ORDER;
    const deno: ChildProcess = spawn('node_modules/.bin/deno', ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', `${BUILD}/deno.js`], {
      env: { ...process.env, ...credentials(), PORT: '0', ORDERS: JSON.stringify(orders), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    deno.stderr!.on('data', (chunk) => (stderr += chunk));
    t.after(async () => {
      if (deno.exitCode === null && deno.signalCode === null) {
        deno.kill('SIGTERM');
        await once(deno, 'exit');
      }
    });
    let output = '';
    let origin: string | undefined;
    for await (const chunk of deno.stdout!) {
      output += chunk;
      origin = /edge app: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (origin) break;
    }
    assert.ok(origin, `deno did not start: ${output}${stderr}`);
    const next = [...ids];
    const lines = await paysThroughBothGateways(
      (path, init) => fetch(`${origin}${path}`, init),
      async () => undefined,
      () => next.shift()!,
    );
    const version = await new Promise<string>((resolve) => {
      const v = spawn('node_modules/.bin/deno', ['--version']);
      let text = '';
      v.stdout.on('data', (c) => (text += c));
      v.on('close', () => resolve(text.split('\n')[0]!));
    });
    t.diagnostic(`${version}: ${lines.join('; ')}`);
  });
});
