/**
 * Which URLs may send a payer somewhere. A hosted page or 3-D Secure sends the payer back to a
 * return URL the browser proposed: only the shop's own origin (or an allow-list) is accepted, or
 * the shop becomes an open redirect. And only http(s) redirects ever leave the server: a gateway
 * answer with `javascript:` or `data:` is an error, never forwarded to the element.
 */

export interface ReturnUrlPolicy {
  /** The URL if a payer may be sent back there, else undefined. */
  allowed(url: string | null | undefined, request: { readonly url: string }): string | undefined;
}

/** Parses an allow-list entry (`https://shop.example` or any URL on it) to its origin; throws naming the option. */
function originOf(entry: unknown): string {
  const url = typeof entry === 'string' && URL.canParse(entry) ? new URL(entry) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`allowedReturnOrigins: "${String(entry)}" is not an http(s) origin such as https://shop.example`);
  }
  return url.origin;
}

/**
 * With `allowedReturnOrigins`, only those origins (the request's Host header is then not trusted);
 * without it, the origin the request was made to.
 */
export function returnUrlPolicy(allowedReturnOrigins: readonly string[] | undefined): ReturnUrlPolicy {
  if (allowedReturnOrigins !== undefined && !Array.isArray(allowedReturnOrigins)) {
    throw new TypeError('allowedReturnOrigins must be an array of origins such as ["https://shop.example"]');
  }
  const origins = allowedReturnOrigins ? new Set(allowedReturnOrigins.map(originOf)) : undefined;
  return {
    allowed(value, request) {
      const url = httpUrl(value);
      if (!url) return undefined;
      const ok = origins ? origins.has(url.origin) : url.origin === new URL(request.url).origin;
      return ok ? url.href : undefined;
    },
  };
}

/** An absolute http(s) URL without credentials, else undefined. */
export function httpUrl(value: string | null | undefined): URL | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  return url;
}

/** The redirect URL of a gateway answer body (`redirect.url` or `redirectUrl`), if it has one. */
export function redirectUrlOf(body: Record<string, unknown>): string | undefined | null {
  const redirect = body.redirect;
  if (redirect !== undefined && redirect !== null) {
    const url = (redirect as { url?: unknown }).url;
    return typeof url === 'string' ? url : null;
  }
  if (body.redirectUrl !== undefined) return typeof body.redirectUrl === 'string' ? body.redirectUrl : null;
  return undefined;
}

/** False when the answer carries a redirect that is not an absolute http(s) URL. */
export function redirectIsSafe(body: Record<string, unknown>): boolean {
  const url = redirectUrlOf(body);
  return url === undefined || httpUrl(url) !== undefined;
}
