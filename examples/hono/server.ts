// Hono on Node (@hono/node-server), against the local sandbox: `npx tsx examples/hono/server.ts`
// after `npm run build`. The page's script is dist/examples/hono/client.js (npm run build:examples).
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { startSandbox } from 'paytool-elements/sandbox';
import { createShop } from './app.js';

export async function startHonoShop(port = Number(process.env.PORT ?? 3000)) {
  const sandbox = await startSandbox({ port: 0 });
  const shop = createShop({
    fenige: { baseUrl: sandbox.fenige.url, login: sandbox.fenige.login, password: sandbox.fenige.password, merchantUuid: sandbox.fenige.merchantUuid },
    gatewayMerchantId: sandbox.fenige.gatewayMerchantId,
    clientScript: '/client.js',
    sandbox: true,
  });
  const script = new URL('../../dist/examples/hono/client.js', import.meta.url);
  shop.get('/client.js', async (c) => c.body(await readFile(script), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: shop.fetch, hostname: '127.0.0.1', port }, () => resolve(started));
  });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    sandbox,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await sandbox.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { origin } = await startHonoShop();
  console.log(`Hono shop: ${origin}/`);
}
