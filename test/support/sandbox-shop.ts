import { after, before } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { createCheckoutHandler, toNodeListener, type CheckoutEvent, type CheckoutHandlerOptions } from '../../src/server/index.js';
import { sandboxClient, type SandboxGatewayId } from './checkout.js';
import { listen } from './http.js';

/**
 * A checkout handler in front of each sandbox gateway's real client, each on its own server:
 * what a merchant's integration test runs. `endpoints[gateway]` is where the element would POST.
 */
export async function serveSandboxCheckouts(sb: RunningSandbox, options: Omit<CheckoutHandlerOptions, 'gateway'>) {
  const endpoints = {} as Record<SandboxGatewayId, string>;
  const closers: (() => Promise<void>)[] = [];
  for (const gateway of ['fenige', 'feennex'] as const) {
    const handler = createCheckoutHandler({ ...options, gateway: sandboxClient(sb, gateway) } as CheckoutHandlerOptions);
    const server = await listen(toNodeListener(handler));
    closers.push(server.close);
    endpoints[gateway] = server.url + handler.basePath;
  }
  return { endpoints, close: () => Promise.all(closers.map((close) => close())).then(() => undefined) };
}

/**
 * One checkout handler at `/pay` on its own server that records what its merchant would see: the
 * handler's events and the errors it logs. The recording replaces `options`' logger and onEvent;
 * `overrides` replace anything.
 */
export async function recordingShop(options: CheckoutHandlerOptions, overrides: Partial<CheckoutHandlerOptions> = {}) {
  const events: CheckoutEvent[] = [];
  const errors: string[] = [];
  const handler = createCheckoutHandler({
    ...options,
    logger: { warn: () => {}, error: (message) => errors.push(message) },
    basePath: '/pay',
    onEvent: (event) => events.push(event),
    ...overrides,
  } as CheckoutHandlerOptions);
  const server = await listen(toNodeListener(handler));
  return { endpoint: server.url + handler.basePath, origin: server.url, events, errors, close: server.close };
}

/**
 * The sandbox of a test file, started before its tests; `shop()` opens a `recordingShop` in front of
 * it. Every shop, then the sandbox, is closed after the tests.
 */
export function useSandboxShops() {
  const closers: (() => Promise<void>)[] = [];
  const running = {
    sb: undefined as unknown as RunningSandbox,
    async shop(options: CheckoutHandlerOptions, overrides: Partial<CheckoutHandlerOptions> = {}) {
      const opened = await recordingShop(options, overrides);
      closers.push(opened.close);
      return opened;
    },
  };
  before(async () => {
    running.sb = await startSandbox();
  });
  after(async () => {
    await Promise.all(closers.map((close) => close()));
    await running.sb?.close();
  });
  return running;
}
