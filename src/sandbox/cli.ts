/**
 * `npx paytool-elements sandbox [--port 4010] [--host 127.0.0.1]` (in this repository:
 * `npm run sandbox`): both gateway emulators on one local port (PORT from the environment also
 * works), until Ctrl-C or SIGTERM. `src/cli.ts` dispatches the command here.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './server.js';

const DEFAULT_PORT = 4010;

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** Runs the sandbox command with its own arguments (those after `sandbox`). */
export async function runSandboxCli(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npx paytool-elements sandbox [--port 4010] [--host 127.0.0.1]   (or PORT=4010; in this repository: npm run sandbox)');
    return;
  }
  const sandbox = await startSandbox({ port: readPort(values.port ?? process.env.PORT), host: values.host ?? '127.0.0.1' });
  const { fenige, feennex } = sandbox;
  console.log(
    [
      `paytool-elements sandbox on ${sandbox.url}  (test cards: ${sandbox.url}/)`,
      '',
      `Fenige   ${fenige.url}`,
      `  login ${fenige.login}  password ${fenige.password}  merchantUuid ${fenige.merchantUuid}  gatewayMerchantId ${fenige.gatewayMerchantId}`,
      `  e.g. POST ${fenige.url}/external-api/transactions/google-pay`,
      '',
      `Feennex  ${feennex.url}`,
      `  shopId ${feennex.shopId}  secretKey ${feennex.secretKey}`,
      `  e.g. POST ${feennex.url}/invoice/create`,
      '',
      'Public test credentials only. Ctrl-C stops.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox did not close cleanly:', error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
