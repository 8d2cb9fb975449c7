import { canonicalJson } from '../../protocol/canonical-json.js';

type CreateHash = (algorithm: 'sha256') => { update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };

/**
 * Node's own `createHash` where the runtime has it (`process.getBuiltinModule`, Node ≥ 20.16, Deno
 * and Bun): synchronous, no thread-pool job and no promise per request — WebCrypto's digest cost a
 * sixth of the handler's CPU. Looked up without an `import` of `node:crypto`, so edge runtimes and
 * their bundlers see only Web APIs and use `crypto.subtle`.
 */
const nodeCreateHash: CreateHash | undefined = (() => {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  return typeof get === 'function' ? (get('node:crypto') as { createHash?: CreateHash } | undefined)?.createHash : undefined;
})();

/**
 * SHA-256 (hex) of a JSON value with its object keys sorted, so the same request always hashes the
 * same whatever the key order. Only this hash is stored, never the body (it holds the token).
 */
export async function hashBody(value: unknown): Promise<string> {
  const text = canonicalJson(value);
  if (nodeCreateHash) return nodeCreateHash('sha256').update(text, 'utf8').digest('hex');
  return webCryptoHash(text);
}

/** The same hash with WebCrypto only (edge runtimes). */
export async function webCryptoHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
