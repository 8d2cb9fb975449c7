import { configureGooglePay, loadGooglePay, setPageNonce } from './loader.js';

/**
 * `<meta name="paytool-google-pay-script" content="https://…/pay.js">`: where pay.js comes from,
 * read at boot, so a self-hosted or proxied copy is used even by elements written in the markup
 * (configureGooglePay() runs too late for those). Its `nonce` attribute, if any, goes on the script
 * and is the nonce of every element that has none of its own (for pay.js's button styles).
 */
export const SCRIPT_META = 'paytool-google-pay-script';
/** The meta's opt-in for a pay.js outside Google's origin (a proxy or a test stand-in). */
export const UNSAFE_ANY_ORIGIN = 'data-unsafe-allow-any-origin';

const TAGS = 'paytool-button, feennex-pay';

/** Who wrote the page decides the URL: only http(s) on any origin, never `javascript:` or `data:`. */
function scriptUrlOf(meta: HTMLMetaElement): string | undefined {
  try {
    const url = new URL(meta.content, document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // reported below
  }
  console.error(`paytool-elements: <meta name="${SCRIPT_META}"> must hold an http(s) URL of pay.js; using Google's`);
  return undefined;
}

/**
 * The module's first statement: requests pay.js at once, in parallel with the rest of this script,
 * when the page already holds one of our elements in its markup or names the script in the meta.
 * The nonce comes from that meta or element (the `nonce` property: browsers hide the attribute).
 * The elements later share this load (or start their own if it failed).
 */
export function bootGooglePay(): Promise<unknown> | undefined {
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SCRIPT_META}"]`);
  const scriptUrl = meta && scriptUrlOf(meta);
  if (scriptUrl) {
    try {
      configureGooglePay({ scriptUrl, unsafeAllowAnyScriptOrigin: meta.hasAttribute(UNSAFE_ANY_ORIGIN) });
    } catch {
      console.error(`paytool-elements: <meta name="${SCRIPT_META}"> must name pay.js on Google's origin (or carry ${UNSAFE_ANY_ORIGIN}); using Google's`);
    }
  }
  const source = meta ?? document.querySelector<HTMLElement>(TAGS);
  if (!source) return undefined;
  const nonce = source.nonce || source.getAttribute('nonce') || undefined;
  if (source === meta) setPageNonce(nonce);
  return loadGooglePay(nonce).catch(() => undefined); // an element asks again and reports what failed
}

bootGooglePay();
