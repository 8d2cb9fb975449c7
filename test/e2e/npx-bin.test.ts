// `npx paytool-elements sandbox` as a merchant runs it: the package is packed as npm would publish
// it, npx installs that tarball (dependencies from the npm cache or registry) and runs its `bin`.
// Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npx paytool-elements (the published bin)', () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'paytool-npx-'));
    const [packed] = JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as [
      { filename: string; files: { path: string }[] },
    ];
    tarball = join(dir, packed.filename);
    files = packed.files.map((f) => f.path);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the command, the payer languages, the licence and the changelog', () => {
    for (const file of [
      'dist/npm/cli.js',
      'dist/npm/sandbox/cli.js',
      'dist/paytool-de.js',
      'dist/npm/i18n/locales/de.js',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
    ]) {
      assert.ok(files.includes(file), `${file} is not in the tarball`);
    }
  });

  it('npx paytool-elements sandbox starts both sandboxes and stops on SIGTERM', async (t) => {
    const child = spawn(NPM, ['exec', '--yes', '--prefer-offline', `--package=${tarball}`, '--', 'paytool-elements', 'sandbox', '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm exec runs the bin as a child
    });
    t.after(() => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = once(child, 'exit');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /sandbox on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ctrl-C stops/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`npx exited ${code} before the sandbox started; stdout: ${stdout}; stderr: ${stderr}`)));
    });
    assert.match(stdout, /Fenige {3}http:\/\/127\.0\.0\.1:\d+\/fenige/);
    assert.match(stdout, /Feennex {2}http:\/\/127\.0\.0\.1:\d+\/feennex/);
    assert.equal((await fetch(`${url}/`)).status, 200);

    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await assert.rejects(fetch(`${url}/`));
  });
});
