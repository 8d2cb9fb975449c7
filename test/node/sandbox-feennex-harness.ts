/** Shared by the sandbox-feennex tests: the emulator behind a real node:http server, and a client that signs its calls. */
import { createServer, type IncomingMessage } from 'node:http';
import { listen, serveFetch } from '../support/http.js';
import { waitFor } from '../support/wait.js';
import { FEENNEX_SIGNED_KEYS, feennexSign, type FeennexMethod } from '../../src/gateways/feennex/server/sign.js';
import { createFeennexEmulator, type FeennexEmulator, type FeennexSandboxOptions } from '../../src/gateways/feennex/sandbox/index.js';

/**
 * The sign of a call: the method's signed keys (the one table, which test/node/feennex-signed-keys.test.ts
 * checks against docs/gateways/feennex.md) with their values as text, signed by the package's own
 * function, which test/vectors/vectors.json checks.
 */
export function signCall(method: string, params: Record<string, unknown>, secret: string): Promise<string> {
  const keys: readonly string[] = Object.hasOwn(FEENNEX_SIGNED_KEYS, method) ? FEENNEX_SIGNED_KEYS[method as FeennexMethod] : [];
  return feennexSign(Object.fromEntries(keys.map((key) => [key, String(params[key])])), secret);
}

export interface Envelope<T = Record<string, any>> {
  data: T | null;
  error_code: number;
  message: string;
  result: boolean;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface Sandbox {
  emulator: FeennexEmulator;
  /** `http://127.0.0.1:<port>/feennex` */
  url: string;
  shopId: string;
  secret: string;
  /** Calls a method signed as documented (`sign: false` sends none, a string sends that). */
  call<T = Record<string, any>>(
    method: string,
    params: Record<string, unknown>,
    how?: { sign?: false | string; secret?: string; get?: boolean },
  ): Promise<Envelope<T>>;
  /** Raw HTTP to the sandbox's server, redirects not followed. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startSandbox(options: FeennexSandboxOptions = {}): Promise<Sandbox> {
  const emulator = createFeennexEmulator({
    ...options,
    timing: {
      processingMs: 200,
      slowAnswerMs: 400,
      ...options.timing,
      callbacks: { retryMs: 20, timeoutMs: 1000, ...options.timing?.callbacks },
    },
  });
  const { url: origin, close } = await serveFetch(async (request) => (await emulator.handle(request)) ?? new Response('not the sandbox', { status: 404 }));
  const url = `${origin}${emulator.basePath}`;
  const { shopId, secretKey } = emulator.credentials;

  return {
    emulator,
    url,
    shopId,
    secret: secretKey,
    async call(method, params, how = {}) {
      const withShop = { shop_id: shopId, ...params };
      const sign = how.sign === false ? undefined : (how.sign ?? (await signCall(method, withShop, how.secret ?? secretKey)));
      const body = sign === undefined ? withShop : { ...withShop, sign };
      const response = how.get
        ? await fetch(`${url}/${method}?${new URLSearchParams(body as Record<string, string>)}`)
        : await fetch(`${url}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${method}`);
      return response.json() as Promise<Envelope<any>>;
    },
    fetch: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    close: () => {
      emulator.reset();
      return close();
    },
  };
}

export interface ReceivedCallback {
  contentType: string | undefined;
  fields: Record<string, string>;
}

/** A merchant endpoint for callbacks; it answers `failFirst` times with HTTP 500, then `OK`. */
export async function startCallbackReceiver(failFirst = 0) {
  const received: ReceivedCallback[] = [];
  let calls = 0;
  const server = createServer(async (req, res) => {
    const body = (await readBody(req)).toString('utf8');
    calls += 1;
    if (calls <= failFirst) {
      res.writeHead(500).end('try later');
      return;
    }
    received.push({ contentType: req.headers['content-type'], fields: Object.fromEntries(new URLSearchParams(body)) });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
  });
  const listening = await listen(server);
  const url = `${listening.url}/feennex/callback`;
  return {
    url,
    received,
    attempts: () => calls,
    /** Resolves once `count` callbacks were accepted. */
    waitFor: (count: number): Promise<ReceivedCallback[]> => waitFor(() => received.length >= count && received, `${count} callbacks`),
    close: listening.close,
  };
}

export const now = () => new Date().toISOString();
