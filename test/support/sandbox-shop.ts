import type { RunningSandbox } from '../../src/sandbox/index.js';
import { createCheckoutHandler, toNodeListener, type CheckoutHandlerOptions } from '../../src/server/index.js';
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
