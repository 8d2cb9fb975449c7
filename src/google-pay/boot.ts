/**
 * The first statements of every entry: request pay.js before the rest of the elements is even
 * downloaded (dist/paytool.js runs this, then fetches the elements' chunk beside pay.js).
 * Self-contained on purpose: the elements' chunk is awaited by the entry, so it must import nothing
 * from the entry's chunk (the two would wait for each other forever). loader.ts meets this boot
 * only through the hand-over below (its marked `<script>`, its Trusted Types policy, the meta's URL
 * and nonce), which it takes the first time it needs it.
 */

/**
 * `<meta name="paytool-google-pay-script" content="https://…/pay.js">`: where pay.js comes from,
 * read at boot, so a self-hosted or proxied copy is used even by elements written in the markup
 * (configureGooglePay() runs too late for those). Its `nonce` attribute, if any, goes on the script
 * and is the nonce of every element that has none of its own (for pay.js's button styles).
 */
export const SCRIPT_META = 'paytool-google-pay-script';
/** The meta's opt-in for a pay.js outside Google's origin (a proxy or a test stand-in). */
export const UNSAFE_ANY_ORIGIN = 'data-unsafe-allow-any-origin';
/** Marks the `<script>` the boot added. */
export const BOOT_SCRIPT_ATTRIBUTE = 'data-paytool-boot';
/** `globalThis[Symbol.for(HANDOVER)]`: the boot's load, until loader.ts takes it. */
export const HANDOVER = 'paytool-elements.boot';

export interface BootLoad {
  /** The meta's URL (after the rules below), when the page named one. */
  scriptUrl?: string;
  /** The meta's nonce: the elements' default. */
  pageNonce?: string;
  /** Settles with the boot's `<script>`: resolves on load, rejects on error. */
  done: Promise<void>;
  /** A TrustedScriptURL made by the boot's policy (the plain URL without Trusted Types), for a retry. */
  trust(url: string): unknown;
}

const GOOGLE_PAY_SCRIPT = 'https://pay.google.com/gp/p/js/pay.js'; // loader.ts's, repeated (see above)

/** Who wrote the page decides the URL: http(s) on Google's origin, elsewhere only with the unsafe opt-in. */
function scriptUrlOf(meta: HTMLMetaElement): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(meta.content, document.baseURI);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    console.error(`paytool-elements: <meta name="${SCRIPT_META}"> must hold an http(s) URL of pay.js; using Google's`);
  } else if (url.origin !== 'https://pay.google.com' && !meta.hasAttribute(UNSAFE_ANY_ORIGIN)) {
    console.error(`paytool-elements: <meta name="${SCRIPT_META}"> must name pay.js on Google's origin (or carry ${UNSAFE_ANY_ORIGIN}); using Google's`);
  } else return url.href;
  return undefined;
}

/**
 * Requests pay.js at once when the page already holds one of our elements in its markup or names
 * the script in the meta, with that meta's or element's nonce (the `nonce` property: browsers hide
 * the attribute). The elements later share this load, or start their own if it failed.
 */
export function bootGooglePay(): Promise<unknown> | undefined {
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SCRIPT_META}"]`);
  const source = meta ?? document.querySelector<HTMLElement>('paytool-button, feennex-pay');
  const key = Symbol.for(HANDOVER);
  const page = globalThis as Record<symbol, BootLoad | undefined> & { google?: { payments?: { api?: { PaymentsClient?: unknown } } } };
  if (!source || page[key] || page.google?.payments?.api?.PaymentsClient) return undefined;
  const scriptUrl = meta ? scriptUrlOf(meta) : undefined;
  let allowed = scriptUrl ?? GOOGLE_PAY_SCRIPT;
  let policy: { createScriptURL(url: string): unknown } | undefined;
  try {
    // Under Trusted Types a policy name is created once per page: loader.ts reuses this one through trust().
    policy = (page as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes?.createPolicy('paytool-elements', {
      createScriptURL: (value: string) => {
        if (value !== allowed) throw new TypeError(`paytool-elements: refusing script URL ${value}`);
        return value;
      },
    });
  } catch {
    return undefined; // another copy of this script made it first: the elements load pay.js themselves
  }
  // On a global until the loader takes it, so any script could call it: only Google's origin or the page's own meta URL.
  const trust = (url: string): unknown => {
    if (url !== allowed && new URL(url, document.baseURI).origin !== 'https://pay.google.com')
      throw new TypeError(`paytool-elements: refusing script URL ${url}`);
    allowed = url;
    return policy ? policy.createScriptURL(url) : url;
  };
  const script = document.createElement('script');
  script.async = true;
  const nonce = source.nonce || source.getAttribute('nonce') || undefined;
  if (nonce) script.nonce = nonce;
  script.setAttribute(BOOT_SCRIPT_ATTRIBUTE, '');
  const done = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('pay.js failed to load'));
  });
  (script as { src: unknown }).src = trust(allowed);
  document.head.append(script);
  page[key] = { scriptUrl, pageNonce: source === meta ? nonce : undefined, done, trust };
  // The failed script goes; an element asks again (loader.ts) and reports what failed.
  return done.catch(() => void script.remove());
}

bootGooglePay();
