// What every e2e test shares: Debian's Chromium with this machine's flags, and the demo server.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.mjs';

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** `demo/server.ts` on a free port (the README's demo, without the build step). */
export async function startDemoServer(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
  };
  let output = '';
  for await (const chunk of server.stdout!) {
    output += chunk;
    const match = /demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
    if (match) return { origin: match[1]!, stop };
  }
  throw new Error(`demo server did not start: ${output}`);
}

export interface DemoInChromium {
  /** The demo server's origin, once the suite has started. */
  readonly origin: string;
  readonly browser: Browser;
}

/** The demo server and Chromium for the tests of the file or suite that calls it: started before them, stopped after. */
export function useDemoInChromium(): DemoInChromium {
  let stopDemo: (() => Promise<void>) | undefined;
  const running = {} as { origin: string; browser: Browser };
  before(async () => {
    const demo = await startDemoServer();
    stopDemo = demo.stop;
    running.origin = demo.origin;
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await stopDemo?.();
  });
  return running;
}
