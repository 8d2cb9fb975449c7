import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../server/adapters.js';
import { GATEWAYS, type GatewayId } from '../gateways/registry.js';
import type { GatewayEmulator, SandboxCardRow } from '../gateways/descriptor.js';
import { createFaultLayer, type FaultSettings, type SandboxFaults } from './faults.js';

/** A share of the request path: a Response for the paths it owns, `undefined` for any other. */
export type SandboxRoute = (request: Request) => Promise<Response | undefined>;

type Emulators = typeof GATEWAYS;
type EmulatorOf<K extends GatewayId> = ReturnType<Emulators[K]['emulator']['create']>;
type EmulatorOptionsOf<K extends GatewayId> = Omit<NonNullable<Parameters<Emulators[K]['emulator']['create']>[0]>, 'basePath'>;

/** Each gateway's emulator options (`fenige`, `feennex`), without `basePath`: it is mounted at `/{id}`. */
export type SandboxGatewayOptions = { [K in GatewayId]?: EmulatorOptionsOf<K> };

/** Options of `createSandbox`: a base path, injected faults and each gateway emulator's options. */
export interface SandboxOptions extends SandboxGatewayOptions {
  /** Prefix of the whole sandbox when it shares a server (the demo uses `/sandbox`). Default: none. */
  basePath?: string;
  /** Trouble to inject between callers and the emulators (see `faults.ts`); change it later with `sandbox.faults`. */
  faults?: FaultSettings;
}

/** Each gateway's emulator, by gateway id. */
export type SandboxEmulators = { [K in GatewayId]: EmulatorOf<K> };

/** Where each emulator lives and the credentials it accepts (public test values, never real ones). */
/** Extra URLs an emulator reports beside its base `url` (Fenige: `googlePayUrl`). */
type UrlsOf<E> = E extends { urls(url: string): infer U } ? U : unknown;
/** Where a running sandbox serves each gateway and with which credentials: copy these into your clients' options. */
export type SandboxDescription = { url: string } & { [K in GatewayId]: { url: string } & EmulatorOf<K>['credentials'] & UrlsOf<EmulatorOf<K>> };

/** Both gateway emulators behind one request handler, to mount in a server of yours (`createSandbox`). */
export interface Sandbox {
  emulators: SandboxEmulators;
  /** Answers every request under `basePath`; `undefined` for other paths. */
  handle: SandboxRoute;
  /** URLs and credentials for this sandbox served at `origin` (e.g. `http://127.0.0.1:4010`). */
  describe(origin: string): SandboxDescription;
  /** The fault settings: latency, dropped connections, 5xx, Fenige E9001 / E0153, timeouts, duplicates. */
  faults: SandboxFaults;
}

const GATEWAY_IDS = Object.keys(GATEWAYS) as GatewayId[];

/**
 * Both emulators behind one request handler, to mount on any server, behind a fault layer that
 * can delay, drop, fail or repeat requests on the way to them (`options.faults`, `sandbox.faults`).
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/')) throw new TypeError(`basePath must start with "/", got "${basePath}"`);
  const emulators = Object.fromEntries(
    GATEWAY_IDS.map((id) => {
      const create = GATEWAYS[id].emulator.create as (options: { basePath: string }) => GatewayEmulator;
      return [id, create({ ...options[id], basePath: `${basePath}/${id}` })];
    }),
  ) as SandboxEmulators;
  const gatewayRoutes: SandboxRoute[] = GATEWAY_IDS.map((id) => (emulators[id] as GatewayEmulator).handle);
  const faultLayer = createFaultLayer(options.faults);

  function describe(origin: string): SandboxDescription {
    const url = `${origin.replace(/\/+$/, '')}${basePath}`;
    const gateways = GATEWAY_IDS.map((id) => {
      const emulator = emulators[id] as GatewayEmulator;
      return [id, { url: `${url}/${id}`, ...emulator.credentials, ...emulator.urls?.(`${url}/${id}`) }];
    });
    return { url, ...Object.fromEntries(gateways) } as SandboxDescription;
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const { pathname, origin } = new URL(request.url);
    if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
    if (pathname === basePath || pathname === `${basePath}/`) return renderSandboxIndex(request, describe(origin));
    return faultLayer.apply(request, pathname.slice(basePath.length), answer);
  }

  async function answer(request: Request): Promise<Response> {
    for (const route of gatewayRoutes) {
      const response = await route(request);
      if (response) return response;
    }
    const { pathname } = new URL(request.url);
    return Response.json(
      { error: `No sandbox endpoint at ${pathname}`, ...Object.fromEntries(GATEWAY_IDS.map((id) => [id, `${basePath}/${id}/…`])) },
      { status: 404 },
    );
  }

  return { emulators, handle, describe, faults: faultLayer.faults };
}

/** Options of `startSandbox`: port (default a free one), host (default 127.0.0.1), plus `SandboxOptions`. */
export interface StartSandboxOptions extends Omit<SandboxOptions, 'basePath'> {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`: the sandbox is for this machine only. */
  host?: string;
}

/** A sandbox listening on HTTP: its URLs and credentials, the emulators, the fault switch, and `close()`. */
export interface RunningSandbox extends SandboxDescription {
  emulators: SandboxEmulators;
  faults: SandboxFaults;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Starts both emulators on one local HTTP server: Fenige under `${url}/fenige`, Feennex under `${url}/feennex`. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const server = createServer(toNodeListener(async (request) => (await sandbox.handle(request)) ?? Response.json({ error: 'Not found' }, { status: 404 })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    ...sandbox.describe(`http://${hostname}:${address.port}`),
    emulators: sandbox.emulators,
    faults: sandbox.faults,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function cardTable(caption: string, cards: readonly SandboxCardRow[]): string {
  const rows = cards
    .map(
      (c) =>
        `<tr><td><code>${escapeHtml(c.pan)}</code></td><td>${escapeHtml(c.network)}</td><td>${escapeHtml(c.outcome)}</td><td>${escapeHtml(c.description)}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Card number</th><th scope="col">Network</th><th scope="col">Outcome</th><th scope="col">Meaning</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** `GET /` of the sandbox: where each emulator is, its credentials and test cards (JSON on request). */
function renderSandboxIndex(request: Request, sandbox: SandboxDescription): Response {
  const testCards = Object.fromEntries(GATEWAY_IDS.map((id) => [id, GATEWAYS[id].emulator.testCards]));
  if ((request.headers.get('Accept') ?? '').includes('application/json')) return Response.json({ ...sandbox, testCards });
  const dl = (entries: [string, string][]) => `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('')}</dl>`;
  const sections = GATEWAY_IDS.map((id) => {
    const { title, emulator } = GATEWAYS[id];
    const { url, ...credentials } = sandbox[id];
    const describe = emulator.describe as (url: string, credentials: Record<string, string>) => [string, string][];
    return `<h2>${escapeHtml(title)}</h2>
${dl(describe(url, credentials))}
${cardTable(`${title} test cards`, emulator.testCards)}`;
  });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>paytool-elements sandbox</title></head>
<body><main>
<h1>paytool-elements sandbox</h1>
<p>Local emulators of the ${GATEWAY_IDS.map((id) => escapeHtml(GATEWAYS[id].title)).join(' and ')} APIs. The credentials below are public test values; never use real ones here.</p>
${sections.join('\n')}
</main></body></html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
