import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `paytool-elements …` from the source: the command the package's `bin` runs once built. */
function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const printed = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const match = stdout.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`CLI did not print ${pattern}; stdout: ${stdout}; stderr: ${stderr}`);
  };
  return { child, exited, printed, output: () => ({ stdout, stderr }) };
}

test("paytool-elements sandbox prints both gateways' URLs and credentials, serves them, and exits 0 on SIGTERM", async (t) => {
  const cli = startCli(['sandbox', '--port', '0']);
  t.after(() => {
    if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  });
  const [, url] = await cli.printed(/sandbox on (http:\/\/127\.0\.0\.1:\d+)/);
  await cli.printed(/Ctrl-C stops/);
  const { stdout } = cli.output();
  for (const text of [
    `${url}/fenige`,
    `${url}/feennex`,
    'login sandbox',
    'password sandbox-password',
    'shopId 5',
    'secretKey SandboxSecret01',
    `${url}/fenige/external-api/transactions/google-pay`,
    `${url}/feennex/invoice/create`,
  ]) {
    assert.ok(stdout.includes(text), text);
  }
  assert.equal((await fetch(`${url}/`)).status, 200);

  cli.child.kill('SIGTERM');
  const [code] = await cli.exited;
  assert.equal(code, 0);
  assert.match(cli.output().stdout, /SIGTERM: stopping the sandbox/);
  await assert.rejects(fetch(`${url}/`));
});

test('PORT is read when --port is absent: a bad PORT exits 1 with a message', async () => {
  const bad = startCli(['sandbox'], { PORT: 'eighty' });
  const [code] = await bad.exited;
  assert.equal(code, 1);
  assert.match(bad.output().stderr, /port must be an integer from 0 to 65535, got "eighty"/);
});

test('paytool-elements without a command prints its usage; an unknown command exits 1 naming it', async () => {
  const help = startCli([]);
  assert.equal((await help.exited)[0], 0);
  assert.match(help.output().stdout, /Usage: npx paytool-elements <command>[\s\S]*sandbox \[--port 4010\]/);
  const unknown = startCli(['sandbx']);
  assert.equal((await unknown.exited)[0], 1);
  assert.match(unknown.output().stderr, /unknown command "sandbx"/);
});
