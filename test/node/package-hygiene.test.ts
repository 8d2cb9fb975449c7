// What installing the package brings into a shop's project, and what its typings need there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  files?: string[];
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Manifest> };

/** What npm installs for `npm install paytool-elements`: dependencies and required peers, transitively. */
function installClosure(manifest: Manifest): Set<string> {
  const required = (m: Manifest) => [
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}).filter((name) => !m.peerDependenciesMeta?.[name]?.optional),
  ];
  const seen = new Set<string>();
  const queue = required(manifest);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const installed = lock.packages[`node_modules/${name}`];
    assert.ok(installed, `${name} is in package-lock.json`);
    queue.push(...required(installed));
  }
  return seen;
}

test('a plain-HTML or Vue install pulls in no React, React types, Vue, Svelte or ioredis', () => {
  const closure = installClosure(pkg);
  for (const name of ['react', 'react-dom', '@types/react', '@lit/react', 'vue', 'svelte', 'ioredis']) {
    assert.ok(!closure.has(name), `npm install paytool-elements would install ${name}`);
  }
  assert.ok(closure.has('lit') && closure.has('zod'), 'the runtime dependencies are there');
  for (const peer of ['@lit/react', 'react', '@types/react', 'vue', 'svelte', 'ioredis']) {
    assert.equal(pkg.peerDependenciesMeta?.[peer]?.optional, true, `${peer} is an optional peer`);
  }
});

test('the server typings, /server and /server/feennex, compile in a project without ioredis (skipLibCheck off)', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'paytool-no-ioredis-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The package as installed (its package.json and typings), and only the packages a Node
  // shop has: the runtime dependencies and @types/node. No ioredis anywhere up the tree.
  const installed = join(dir, 'node_modules', 'paytool-elements');
  mkdirSync(installed, { recursive: true });
  cpSync('package.json', join(installed, 'package.json'));
  // The typings as `npm run build` writes them, made here from the sources: no prior build needed.
  const tsc = resolve('node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--emitDeclarationOnly', '--outDir', join(installed, 'dist', 'npm')], { stdio: 'pipe' });
  for (const name of ['zod', 'currency-codes', '@types/node', 'undici-types']) {
    if (!existsSync(`node_modules/${name}`)) continue;
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(resolve('node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    join(dir, 'shop.ts'),
    [
      "import { createCheckoutHandler, createRedisIdempotencyStore, FenigeClient, FeennexClient } from 'paytool-elements/server';",
      "import { FeennexPayoutClient, type FeennexWithdraw } from 'paytool-elements/server/feennex';",
      'declare const redis: any;',
      "export const payouts = new FeennexPayoutClient({ baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey: 's' });",
      'export const paidOut = (payout: FeennexWithdraw): boolean => payout.status === 5;',
      "const feennex = new FeennexClient({ baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey: 's' });",
      "export const payout: Promise<FeennexWithdraw> = feennex.withdrawCreate({ amount: 5000, currency: 'PLN', payway: 'card_pln', account: '4111111111111111', shopPaymentId: 'p-7' });",
      "const gateway = new FenigeClient({ baseUrl: 'https://paytool-api.fenige.pl', login: 'l', password: 'p', merchantUuid: 'm' });",
      'export const handler = createCheckoutHandler({',
      '  gateway,',
      '  store: createRedisIdempotencyStore({ client: redis }),',
      "  lookupOrder: () => ({ amount: 1000, currency: 'PLN', description: 'Order 42' }),",
      '});',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        types: ['node'],
        preserveSymlinks: true,
      },
      files: ['shop.ts'],
    }),
  );
  assert.ok(!existsSync(join(dir, 'node_modules', 'ioredis')));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    assert.fail(`the server typings do not compile without ioredis:\n${stdout}${stderr}`);
  }
});

test('the server entries publish what merchants use, not the signing and mapping internals', async () => {
  const server = await import('../../src/server/index.js');
  const feennex = await import('../../src/server/feennex.js');
  const internals = [
    'FEENNEX_SIGNED_KEYS',
    'feennexSign',
    'stringToSign',
    'feennexSignedBody',
    'feennexNotificationSign',
    'FEENNEX_NO_ANSWER_CODES',
    'toFeennexCurrency',
    'fromFeennexCurrency',
    'toFeennexAmount',
    'readFeennexMoney',
    'FEENNEX_INVOICE_STATUS_TO_CHECKOUT',
    'feennexCheckoutStatusOf',
    'FEENNEX_GOOGLE_PAY_TOKEN_FIELD',
    'feennexGooglePayPayway',
    'feennexGooglePayInvoice',
    'TRANSPORT_STATUS',
    'classifyFenigeError',
    'HOSTED_RESULT_PARAM',
  ];
  for (const name of internals) {
    assert.ok(!(name in server), `paytool-elements/server exports the internal ${name}`);
    assert.ok(!(name in feennex), `paytool-elements/server/feennex exports the internal ${name}`);
  }
  for (const name of ['createCheckoutHandler', 'FenigeClient', 'FeennexClient', 'feennexCheckout', 'verifyFeennexNotification', 'GatewayError']) {
    assert.ok(name in server, `paytool-elements/server lacks ${name}`);
  }
  assert.deepEqual(Object.keys(feennex).sort(), ['FEENNEX_WITHDRAW_STATUSES', 'FeennexPayoutClient']);
  assert.equal(server.FEENNEX_WITHDRAW_STATUSES, feennex.FEENNEX_WITHDRAW_STATUSES);
});

test('FeennexClient pays out, as the public contract says, through the one implementation FeennexPayoutClient also uses', async () => {
  const { FeennexClient } = await import('../../src/server/index.js');
  const { FeennexPayoutClient } = await import('../../src/server/feennex.js');
  const options = { baseUrl: 'https://core.feennex.com/', shopId: 1042, secretKey: 'shop-secret-key' };
  const client = new FeennexClient(options);
  const payouts = new FeennexPayoutClient(client);
  const methods = ['withdrawTry', 'withdrawCreate', 'withdrawStatus', 'withdrawShopPaymentStatus', 'checkAccount'];
  methods.push('transferTry', 'transferCreate', 'transferShopPaymentStatus', 'shopBalance');
  for (const name of methods) {
    const method = (client as unknown as Record<string, unknown>)[name];
    assert.equal(typeof method, 'function', `FeennexClient lacks ${name}`);
    assert.equal(method, (payouts as unknown as Record<string, unknown>)[name], `${name} is written twice`);
  }
  // The secret stays in the client's private field: not an own property, not in JSON or inspect output.
  for (const shown of [JSON.stringify(client), JSON.stringify(payouts), Object.keys(client).join(), Object.keys(payouts).join()]) {
    assert.doesNotMatch(shown, /shop-secret-key/);
  }
  const { inspect } = await import('node:util');
  assert.doesNotMatch(inspect(client, { showHidden: true, depth: 5 }) + inspect(payouts, { showHidden: true, depth: 5 }), /shop-secret-key/);
  const exports = (JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> }).exports;
  assert.deepEqual(exports['./server/feennex'], { types: './dist/npm/server/feennex.d.ts', default: './dist/npm/server/feennex.js' });
});
