import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import { handleGooglePay } from './google-pay.js';
import { handlePaymentPage, handlePaymentSubmit } from './hosted-page.js';
import { methodNotAllowed, notFound, readJsonBody, unauthorized } from './http.js';
import { handleClear, handleDetails, handleRefund, handleReverse } from './lifecycle.js';
import { settlePending } from './payment.js';
import { handlePaymelink } from './paymelink.js';
import { deliverPostback, type PostbackConfig } from './postback.js';
import { TransactionStore } from './store.js';
import type { FenigeSandboxTransaction } from './transaction.js';
import type { Json } from './violations.js';
import { resolveReadings, type FenigeReadings } from './readings.js';

/**
 * The emulator's options. The switches of `FenigeReadings` (`paymelinkId`, `clearing`, `refunds`, …)
 * choose how it reads the places where Fenige's document is ambiguous; see `readings.ts`.
 */
export interface FenigeSandboxOptions extends Partial<FenigeReadings> {
  /** Where the emulator is mounted; default `/fenige`. */
  basePath?: string;
  login?: string;
  password?: string;
  /** The merchant's UUID at Fenige (the acquirer's id), sent in clear and reverse bodies. */
  merchantUuid?: string;
  /**
   * The Gateway Merchant Id Fenige assigned at onboarding, which the merchant passes to Google Pay:
   * every Google Pay token must be sealed for it. A different UUID from `merchantUuid` by default,
   * as the document defines two different identifiers.
   */
  gatewayMerchantId?: string;
  /** The clock (ms since the epoch) for token expiry, clearing windows and dates. */
  now?: () => number;
  /** Where to POST the postback on every change to a final state. */
  postback?: PostbackConfig;
  /** Used to deliver postbacks. */
  fetch?: typeof fetch;
  /** How long an E0153 (PENDING) payment stays IN_PROGRESS before it settles; default 3000 ms. */
  pendingSettleMs?: number;
}

export type FenigeCredentials = {
  login: string;
  password: string;
  merchantUuid: string;
  gatewayMerchantId: string;
};

/** The in-memory Fenige Payment Hub: serve it with `handle`, read its URLs and credentials, inspect its transactions in tests, `reset` between them. */
export interface FenigeEmulator {
  readonly credentials: FenigeCredentials;
  /** The readings this emulator plays (defaults filled in). */
  readonly readings: Readonly<FenigeReadings>;
  /** Where google-pay is served, relative to the origin: `basePath`, or `{basePath}-google-pay` with `googlePayHost: 'separate'`. */
  readonly googlePayBasePath: string;
  /** `googlePayUrl` for the emulator served at `url` (its base URL). */
  urls(url: string): { googlePayUrl: string };
  /** Answers a request under `basePath`; `undefined` for any other path. */
  handle(request: Request): Promise<Response | undefined>;
  /** Every transaction, oldest first (copies). */
  transactions(): FenigeSandboxTransaction[];
  /** Forgets every transaction. */
  reset(): void;
}

/** The Fenige emulator's default base path and credentials (login, password, merchantUuid): what `startSandbox()` accepts unless told otherwise. */
export const FENIGE_SANDBOX_DEFAULTS = {
  basePath: '/fenige',
  login: 'sandbox',
  password: 'sandbox-password',
  merchantUuid: 'e59b470b-bdb1-4043-a856-86b624c2a607',
  gatewayMerchantId: '3c5e8f0a-6b1d-4e27-9a4c-d8f2b7e61a05',
  pendingSettleMs: 3_000,
} as const;

/** A path segment holding a transaction id (the endpoints themselves check it is a UUID). */
const ID_SEGMENT = '([0-9A-Za-z-]{1,64})';

interface Route {
  pattern: RegExp;
  methods: Record<string, (ctx: EmulatorContext, request: Request, id: string) => Promise<Response> | Response>;
  /** The hosted page is opened by the payer's browser, without the merchant's credentials. */
  public?: boolean;
}

const jsonRoute =
  (handler: (ctx: EmulatorContext, body: Json) => Promise<Response> | Response) =>
  async (ctx: EmulatorContext, request: Request): Promise<Response> => {
    const read = await readJsonBody(request);
    return read.ok ? handler(ctx, read.body) : read.response;
  };

const GOOGLE_PAY_PATH = '/external-api/transactions/google-pay';

const ROUTES: Route[] = [
  { pattern: /^\/external-api\/transactions\/google-pay$/, methods: { POST: jsonRoute(handleGooglePay) } },
  { pattern: /^\/external\/clear$/, methods: { POST: jsonRoute(handleClear) } },
  { pattern: /^\/external\/reverse$/, methods: { POST: jsonRoute(handleReverse) } },
  { pattern: /^\/external\/transaction\/refund$/, methods: { POST: jsonRoute(handleRefund) } },
  { pattern: /^\/external\/paymelink$/, methods: { POST: jsonRoute(handlePaymelink) } },
  { pattern: new RegExp(`^/transactions/details/${ID_SEGMENT}$`), methods: { GET: (ctx, _r, id) => handleDetails(ctx, id) } },
  {
    pattern: new RegExp(`^/pay/${ID_SEGMENT}$`),
    public: true,
    methods: {
      GET: (ctx, _r, id) => handlePaymentPage(ctx, id),
      POST: (ctx, request, id) => handlePaymentSubmit(ctx, id, request),
    },
  },
];

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares Basic credentials in constant time (hashes first, so lengths do not leak). */
function isAuthorized(header: string | null, login: string, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
  } catch {
    return false;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const loginOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(login));
  const passwordOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(password));
  return loginOk && passwordOk;
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** A Fenige emulator to mount in your own server or test (`startSandbox` serves one for you). */
export function createFenigeEmulator(options: FenigeSandboxOptions = {}): FenigeEmulator {
  const basePath = normalizeBasePath(options.basePath ?? FENIGE_SANDBOX_DEFAULTS.basePath);
  const readings = Object.freeze(resolveReadings(options));
  const credentials: FenigeCredentials = Object.freeze({
    login: options.login ?? FENIGE_SANDBOX_DEFAULTS.login,
    password: options.password ?? FENIGE_SANDBOX_DEFAULTS.password,
    merchantUuid: (options.merchantUuid ?? FENIGE_SANDBOX_DEFAULTS.merchantUuid).toLowerCase(),
    gatewayMerchantId: options.gatewayMerchantId ?? FENIGE_SANDBOX_DEFAULTS.gatewayMerchantId,
  });
  if (!credentials.gatewayMerchantId) throw new TypeError('fenige.gatewayMerchantId must be a non-empty string');
  const googlePayBasePath = readings.googlePayHost === 'separate' ? `${basePath}-google-pay` : basePath;
  const now = options.now ?? Date.now;
  const pendingSettleMs = options.pendingSettleMs ?? FENIGE_SANDBOX_DEFAULTS.pendingSettleMs;
  const { postback } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;

  const store: TransactionStore = new TransactionStore({
    now,
    settle: (record) => settlePending(store, record),
    onFinalState: (tx) => {
      if (!postback) return;
      // Fire and forget: the API answer never waits for the merchant's server.
      void deliverPostback(
        postback,
        tx,
        fetchFn,
        (result) => {
          store.recordPostback(tx.transactionId, { at: now(), state: tx.state, ...result });
        },
        readings.details,
      );
    },
  });

  /** The path under this emulator, or undefined when the request is for another one. */
  function localPath(pathname: string): string | undefined {
    if (googlePayBasePath !== basePath && pathname === googlePayBasePath + GOOGLE_PAY_PATH) return GOOGLE_PAY_PATH;
    if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
    const path = pathname.slice(basePath.length) || '/';
    // With a separate google-pay host, the main host does not know the method.
    return googlePayBasePath !== basePath && path === GOOGLE_PAY_PATH ? `${path} (on the google-pay host only)` : path;
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const path = localPath(url.pathname);
    if (path === undefined) return undefined;
    const route = ROUTES.map((r) => ({ r, match: r.pattern.exec(path) })).find((m) => m.match);

    if (!route?.r.public && !isAuthorized(request.headers.get('Authorization'), credentials.login, credentials.password)) {
      return unauthorized();
    }
    if (!route) return notFound(`No endpoint ${request.method} ${url.pathname}`);
    const handler = route.r.methods[request.method];
    if (!handler) return methodNotAllowed(Object.keys(route.r.methods), request.method);
    const ctx: EmulatorContext = { credentials, readings, now, store, pendingSettleMs, baseUrl: url.origin + basePath };
    return handler(ctx, request, route.match![1] ?? '');
  }

  return {
    credentials,
    readings,
    googlePayBasePath,
    urls: (url) => ({ googlePayUrl: url.slice(0, url.length - basePath.length) + googlePayBasePath }),
    handle,
    transactions: () => store.list(),
    reset: () => store.clear(),
  };
}
