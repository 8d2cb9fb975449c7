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

export interface FenigeSandboxOptions {
  /** Where the emulator is mounted; default `/fenige`. */
  basePath?: string;
  login?: string;
  password?: string;
  /** The merchant's UUID, also the `gatewayMerchantId` its Google Pay tokens must carry. */
  merchantUuid?: string;
  /** The clock (ms since the epoch) for token expiry, clearing windows and dates. */
  now?: () => number;
  /** Where to POST the postback on every change to a final state. */
  postback?: PostbackConfig;
  /** Used to deliver postbacks. */
  fetch?: typeof fetch;
  /** How long an E0153 (PENDING) payment stays IN_PROGRESS before it settles; default 3000 ms. */
  pendingSettleMs?: number;
}

export interface FenigeEmulator {
  readonly credentials: { login: string; password: string; merchantUuid: string };
  /** Answers a request under `basePath`; `undefined` for any other path. */
  handle(request: Request): Promise<Response | undefined>;
  /** Every transaction, oldest first (copies). */
  transactions(): FenigeSandboxTransaction[];
  /** Forgets every transaction. */
  reset(): void;
}

export const FENIGE_SANDBOX_DEFAULTS = {
  basePath: '/fenige',
  login: 'sandbox',
  password: 'sandbox-password',
  merchantUuid: 'e59b470b-bdb1-4043-a856-86b624c2a607',
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

const jsonRoute = (handler: (ctx: EmulatorContext, body: Json) => Promise<Response> | Response) =>
  async (ctx: EmulatorContext, request: Request): Promise<Response> => {
    const read = await readJsonBody(request);
    return read.ok ? handler(ctx, read.body) : read.response;
  };

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

export function createFenigeEmulator(options: FenigeSandboxOptions = {}): FenigeEmulator {
  const basePath = normalizeBasePath(options.basePath ?? FENIGE_SANDBOX_DEFAULTS.basePath);
  const credentials = Object.freeze({
    login: options.login ?? FENIGE_SANDBOX_DEFAULTS.login,
    password: options.password ?? FENIGE_SANDBOX_DEFAULTS.password,
    merchantUuid: (options.merchantUuid ?? FENIGE_SANDBOX_DEFAULTS.merchantUuid).toLowerCase(),
  });
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
      void deliverPostback(postback, tx, fetchFn, (result) => {
        store.recordPostback(tx.transactionId, { at: now(), state: tx.state, ...result });
      });
    },
  });

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
    const path = url.pathname.slice(basePath.length) || '/';
    const route = ROUTES.map((r) => ({ r, match: r.pattern.exec(path) })).find((m) => m.match);

    if (!route?.r.public && !isAuthorized(request.headers.get('Authorization'), credentials.login, credentials.password)) {
      return unauthorized();
    }
    if (!route) return notFound(`No endpoint ${request.method} ${url.pathname}`);
    const handler = route.r.methods[request.method];
    if (!handler) return methodNotAllowed(Object.keys(route.r.methods), request.method);
    const ctx: EmulatorContext = { credentials, now, store, pendingSettleMs, baseUrl: url.origin + basePath };
    return handler(ctx, request, route.match![1] ?? '');
  }

  return {
    credentials,
    handle,
    transactions: () => store.list(),
    reset: () => store.clear(),
  };
}
