// Types only: a value import of boot.ts would put it in a chunk shared with dist/paytool.js (see boot.ts).
import type { BootLoad } from './boot.js';
import type { GooglePaymentsApi } from './types.js';

/** Google's client script. Merchants who self-host or proxy it can point elsewhere. */
export const GOOGLE_PAY_SCRIPT = 'https://pay.google.com/gp/p/js/pay.js';
/** Trusted Types policy that creates the script URL (list it in `trusted-types` under enforcement). */
export const TRUSTED_TYPES_POLICY = 'paytool-elements';

const config = { scriptUrl: GOOGLE_PAY_SCRIPT, timeoutMs: 15_000 };

/** The only origin pay.js is taken from, unless the page opts out in words that say unsafe. */
export const GOOGLE_PAY_ORIGIN = 'https://pay.google.com';

export interface GooglePayLoaderOptions {
  /** Where pay.js comes from: only `https://pay.google.com/…` unless `unsafeAllowAnyScriptOrigin`. */
  scriptUrl?: string;
  /** How long to wait for pay.js before the elements report `load-failed`. Default 15 s. */
  timeoutMs?: number;
  /**
   * UNSAFE: load "pay.js" from any origin (a self-hosted or proxied copy, a test stand-in). That
   * script sees every payer's card sheet and token: whoever controls its origin controls payments.
   */
  unsafeAllowAnyScriptOrigin?: boolean;
}

/**
 * Changes where pay.js is loaded from, and how long to wait for it. Call before the first element
 * connects. A script URL outside Google's origin throws a TypeError naming `scriptUrl`.
 */
export function configureGooglePay({ unsafeAllowAnyScriptOrigin, ...options }: GooglePayLoaderOptions): void {
  const { scriptUrl } = options;
  if (scriptUrl !== undefined && !unsafeAllowAnyScriptOrigin && new URL(scriptUrl, document.baseURI).origin !== GOOGLE_PAY_ORIGIN) {
    throw new TypeError(`scriptUrl must be on ${GOOGLE_PAY_ORIGIN} (or set unsafeAllowAnyScriptOrigin: true)`);
  }
  Object.assign(config, options);
}

let loading: Promise<GooglePaymentsApi> | undefined;
/** The nonce of `<meta name="paytool-google-pay-script" nonce>`: the elements' default nonce. */
let metaNonce: string | undefined;

export const pageNonce = (): string | undefined => (takeBootLoad(), metaNonce);
export function setPageNonce(nonce: string | undefined): void {
  metaNonce = nonce;
}

const loadedApi = (): GooglePaymentsApi | undefined =>
  typeof window.google?.payments?.api?.PaymentsClient === 'function' ? window.google.payments.api : undefined;

/**
 * Loads pay.js at most once per page, shared by every element; nothing is loaded when the page
 * already has `google.payments.api.PaymentsClient`. A failed or timed-out load is forgotten, so
 * the next element (or a later call) tries again.
 */
export function loadGooglePay(nonce?: string): Promise<GooglePaymentsApi> {
  const api = loadedApi();
  if (api) return Promise.resolve(api);
  // Only the load in flight is shared; once done, the page's own google.payments.api is the cache,
  // and a failure is forgotten so that the next call tries again.
  takeBootLoad();
  const booted = bootDone;
  bootDone = undefined;
  loading ??= (booted ? adopt(booted) : inject(nonce)).finally(() => (loading = undefined));
  return loading;
}

/**
 * boot.ts's load (it cannot call this module: see there), taken over once: the meta's URL and
 * nonce, the marked `<script>` in flight, and the Trusted Types policy for a retry (a second
 * `createPolicy` of the same name throws under a strict `trusted-types` directive).
 */
let boot: BootLoad | undefined;
/** The boot's load until the first loadGooglePay() adopts it (pageNonce() may take the hand-over first). */
let bootDone: Promise<void> | undefined;
function takeBootLoad(): void {
  const key = Symbol.for('paytool-elements.boot'); // boot.ts's HANDOVER
  const handed = (globalThis as Record<symbol, BootLoad | undefined>)[key];
  if (!handed) return;
  delete (globalThis as Record<symbol, unknown>)[key];
  boot = handed;
  bootDone = handed.done;
  if (handed.scriptUrl) config.scriptUrl = handed.scriptUrl;
  if (handed.pageNonce) metaNonce = handed.pageNonce;
}

/** The boot's script, adopted: waited for like one of ours. */
function adopt(done: Promise<void>): Promise<GooglePaymentsApi> {
  return awaitScript(done, () => document.querySelector('script[data-paytool-boot]')); // boot.ts's BOOT_SCRIPT_ATTRIBUTE
}

function inject(nonce?: string): Promise<GooglePaymentsApi> {
  const script = document.createElement('script');
  script.async = true;
  if (nonce) script.nonce = nonce;
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('pay.js failed to load')));
  });
  (script as { src: unknown }).src = trustedScriptUrl(config.scriptUrl);
  document.head.append(script);
  return awaitScript(loaded, () => script);
}

/**
 * Waits for a pay.js `<script>` (ours or the boot's) within the timeout. A script that failed, came
 * too late or loaded without Google's client is removed, and the failure forgotten, so that the
 * next call adds a script of its own.
 */
function awaitScript(loaded: Promise<void>, script: () => Element | null): Promise<GooglePaymentsApi> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      clearTimeout(timer);
      script()?.remove();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`pay.js did not load within ${config.timeoutMs} ms`)), config.timeoutMs);
    loaded.then(() => {
      clearTimeout(timer);
      const api = loadedApi();
      if (api) resolve(api);
      else fail(new Error('pay.js loaded but google.payments.api.PaymentsClient is missing'));
    }, fail);
  });
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}
let policy: { createScriptURL(url: string): unknown } | undefined;

/** Under Trusted Types enforcement `script.src` needs a TrustedScriptURL; only the configured URL is allowed. */
function trustedScriptUrl(url: string): unknown {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return url;
  try {
    if (boot) return boot.trust(url);
  } catch {
    // Neither Google's origin nor the meta's URL (an opted-in copy): a policy of our own, which a
    // strict `trusted-types` CSP refuses as a second one of that name — name such a copy in the meta.
  }
  policy ??= tt.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (value) => {
      if (value !== config.scriptUrl) throw new TypeError(`${TRUSTED_TYPES_POLICY}: refusing script URL ${value}`);
      return value;
    },
  });
  return policy.createScriptURL(url);
}
