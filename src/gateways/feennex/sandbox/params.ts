import { ParameterError } from './envelope.js';

/** Request parameters as received: JSON values from a POST body, strings from a query string. */
export type Params = Readonly<Record<string, unknown>>;

/** API parameters: a JSON object body for POST (the documented form), the query string for GET. */
export async function readApiParams(request: Request): Promise<Params> {
  if (request.method === 'GET' || request.method === 'HEAD') {
    return Object.fromEntries(new URL(request.url).searchParams);
  }
  // The document: every request must say "Content-Type: application/json".
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ParameterError(`Incorrect request: the Content-Type header must be application/json (got ${type ? JSON.stringify(type) : 'none'})`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ParameterError('Incorrect request: the body must be JSON (Content-Type: application/json)');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ParameterError('Incorrect request: the body must be a JSON object');
  }
  return body as Params;
}

/** Form fields of a sandbox page: the query string plus, for POST, the url-encoded body. */
export async function readFormParams(request: Request): Promise<Record<string, string>> {
  const fields = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method === 'POST') Object.assign(fields, Object.fromEntries(new URLSearchParams(await request.text())));
  return fields;
}

/** A parameter as the string it is signed as; a JSON number signs as JavaScript prints it. */
export function optionalText(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ParameterError(`Incorrect parameter ${key}: must be a string`);
}

export function requiredText(params: Params, key: string): string {
  const value = optionalText(params, key);
  if (value === undefined) throw new ParameterError(`Missing required parameter: ${key}`);
  return value;
}

/** The values of the signed keys; a missing one is reported by name before the signature. */
export function signedValues(params: Params, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, requiredText(params, key)]));
}

/** An optional `http(s)` URL parameter (success / failed / callback URLs). */
export function optionalUrl(params: Params, key: string): string | undefined {
  const value = optionalText(params, key);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ParameterError(`Incorrect parameter ${key}: must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ParameterError(`Incorrect parameter ${key}: must be an absolute http(s) URL`);
  }
  return url.href;
}
