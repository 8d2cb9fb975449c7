import { canonicalJson } from '../../protocol/canonical-json.js';

/**
 * SHA-256 (hex) of a JSON value with its object keys sorted, so the same request always hashes the
 * same whatever the key order. Only this hash is stored, never the body (it holds the token).
 */
export async function hashBody(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
