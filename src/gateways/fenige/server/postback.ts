import * as z from 'zod/mini';
import { toFieldIssues } from '../../../protocol/index.js';
import type { FenigeClient } from './client.js';
import { FenigeError } from './errors.js';
import { transactionStateOf, type FenigeDetailsResponse } from './schemas.js';
import { readBodyBytes } from '../../../server/read-body.js';

/**
 * Fenige's postback (Fenige docs: "Postback URL", configured at onboarding). Its documentation describes neither
 * its body nor how it is signed. Assumed here, after one public integration and NOT confirmed by
 * Fenige: a JSON body naming the `transactionId` (and usually its state), and a header
 * `X-SECRET-CHECKSUM` = lowercase hex SHA-256 of `secret + transactionId`. Header, algorithm and the
 * string hashed are options so the scheme can be corrected without a new release. Because the
 * checksum covers only the transactionId (a genuine DECLINED postback replayed with APPROVED keeps
 * it), the handler re-reads the transaction with `confirmWithDetails` and hands the merchant the
 * state, amount and currency from Fenige's `details` — never the postback's own. Leaving that out
 * needs `unsafeTrustPostbackState: true`.
 */

export type FenigeChecksumAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** How a Fenige postback is verified: the shared secret, the checksum header, algorithm and hashed text, and body limits. */
export interface FenigePostbackVerifyOptions {
  /** The secret agreed with Fenige. */
  secret: string;
  /** Default `X-SECRET-CHECKSUM`. */
  header?: string;
  /** Default `SHA-256`. */
  algorithm?: FenigeChecksumAlgorithm;
  /** The text whose digest is the checksum. Default: `secret + transactionId`. */
  stringToHash?: (input: { secret: string; transactionId: string; body: Record<string, unknown> }) => string;
  /** Larger bodies are refused with 413 as soon as the cap is passed. Default 64 KiB. */
  maxBodyBytes?: number;
  /** A body still arriving after this long is refused with 408. Default 10 s. */
  bodyTimeoutMs?: number;
}

const postbackSchema = z.looseObject({
  transactionId: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty')),
  transactionState: z.optional(z.string({ error: 'must be a string' })),
  status: z.optional(z.string({ error: 'must be a string' })),
  amount: z.optional(z.number({ error: 'must be a number' })),
  currency: z.optional(z.string({ error: 'must be a string' })),
});

/** A validated Fenige postback body. The checksum covers only its transactionId: act on the state `createFenigePostbackHandler` reads from `details`. */
export type FenigePostback = z.infer<typeof postbackSchema>;

/** Why a postback was refused; `httpStatus` is the answer to give Fenige. */
export class FenigePostbackError extends Error {
  readonly httpStatus: 400 | 401 | 405 | 408 | 413;
  constructor(httpStatus: 400 | 401 | 405 | 408 | 413, message: string) {
    super(message);
    this.name = 'FenigePostbackError';
    this.httpStatus = httpStatus;
  }
}

const DEFAULT_HEADER = 'X-SECRET-CHECKSUM';
const DEFAULT_MAX_BODY = 64 * 1024;

async function hexDigest(algorithm: FenigeChecksumAlgorithm, text: string): Promise<string> {
  const digest = await crypto.subtle.digest(algorithm, new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without an early exit, so timing does not reveal how much of a guess was right. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<Record<string, unknown>> {
  // Streamed with a cap: a huge (or endless chunked) body is refused at the first byte past it.
  const read = await readBodyBytes(request, { maxBytes, timeoutMs });
  if (!read.ok) {
    throw read.reason === 'too-large' ? new FenigePostbackError(413, 'Postback body is too large') : new FenigePostbackError(408, 'Postback body is too slow');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    throw new FenigePostbackError(400, 'Postback body is not JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new FenigePostbackError(400, 'Postback body is not a JSON object');
  return json as Record<string, unknown>;
}

/**
 * Verifies a postback's checksum in constant time, then validates its body. Throws
 * `FenigePostbackError` (401 bad or missing checksum, 400 malformed body, 405, 413).
 */
export async function verifyFenigePostback(request: Request, options: FenigePostbackVerifyOptions): Promise<FenigePostback> {
  const { secret, header = DEFAULT_HEADER, algorithm = 'SHA-256', maxBodyBytes = DEFAULT_MAX_BODY, bodyTimeoutMs = 10_000 } = options;
  checkSecret(secret, 'verifyFenigePostback');
  const stringToHash = options.stringToHash ?? (({ secret: s, transactionId }) => s + transactionId);

  if (request.method !== 'POST') throw new FenigePostbackError(405, 'Postbacks are POSTed');
  const given = request.headers.get(header)?.trim().toLowerCase();
  if (!given) throw new FenigePostbackError(401, `Missing ${header} header`);

  const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
  // Read only to know what was signed; nothing in the body is trusted before the checksum matches.
  const transactionId = body.transactionId;
  if (typeof transactionId !== 'string' || !transactionId) {
    throw new FenigePostbackError(400, 'Postback body has no transactionId');
  }
  const expected = await hexDigest(algorithm, stringToHash({ secret, transactionId, body }));
  if (!constantTimeEqual(given, expected)) throw new FenigePostbackError(401, `Invalid ${header} checksum`);

  const result = postbackSchema.safeParse(body, { reportInput: true });
  if (!result.success) {
    const problems = toFieldIssues(result.error.issues).map((i) => `${i.path} ${i.message}`);
    throw new FenigePostbackError(400, `Invalid postback body: ${problems.join('; ')}`);
  }
  return result.data;
}

/** What the postback handler adds to a verified postback: the transaction as Fenige reports it now. */
export interface FenigePostbackContext {
  /** The transaction as Fenige reports it now (absent only with `unsafeTrustPostbackState`). */
  details?: FenigeDetailsResponse;
}

/** Options of `createFenigePostbackHandler`: verification, the client to confirm with, and what to do with each verified postback. */
export interface FenigePostbackHandlerOptions extends FenigePostbackVerifyOptions {
  /**
   * Told each verified postback. Its `transactionState`, `status`, `amount` and `currency` are
   * Fenige's `details`, not the postback's unsigned fields.
   */
  onNotification: (postback: FenigePostback, context: FenigePostbackContext) => void | Promise<void>;
  /** Required: the client whose `details` confirm each postback before `onNotification`. */
  confirmWithDetails?: FenigeClient;
  /**
   * UNSAFE: without `confirmWithDetails`, hand the merchant the postback's own state, which its
   * checksum does not cover (a replayed DECLINED postback can say APPROVED). Warns once.
   */
  unsafeTrustPostbackState?: boolean;
  /** Where the unsafe opt-in's warning goes. Default `console`. */
  logger?: { warn(message: string): void };
  /** Told when `onNotification` throws (the answer is then 500). Default `console.error`. */
  onError?: (error: unknown) => void;
}

const json = (status: number, body: Record<string, unknown>) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * A WHATWG handler for the Postback URL: 200 once `onNotification` has run; 401/400/405/413 for a
 * postback that fails verification; with `confirmWithDetails`, 400 when Fenige does not know the
 * transaction and 503 when it cannot be asked (so Fenige may try again); 500 when
 * `onNotification` throws.
 */
export function createFenigePostbackHandler(options: FenigePostbackHandlerOptions): (request: Request) => Promise<Response> {
  checkSecret(options.secret, 'createFenigePostbackHandler');
  const { onNotification, confirmWithDetails, onError = (error) => console.error('Fenige postback handler failed:', error) } = options;
  if (!confirmWithDetails) {
    if (options.unsafeTrustPostbackState !== true) {
      throw new TypeError(
        'createFenigePostbackHandler needs confirmWithDetails: your FenigeClient, so the state comes from Fenige and not from the ' +
          'postback (its checksum does not cover the state); only a test may pass unsafeTrustPostbackState: true instead.',
      );
    }
    (options.logger ?? console).warn(
      'paytool-elements: Fenige postbacks are trusted without details (unsafeTrustPostbackState: true); a replayed postback can change its state.',
    );
  }
  return async (request) => {
    let postback: FenigePostback;
    try {
      postback = await verifyFenigePostback(request, options);
    } catch (error) {
      if (error instanceof FenigePostbackError) return json(error.httpStatus, { error: error.message });
      throw error;
    }
    const context: FenigePostbackContext = {};
    if (confirmWithDetails) {
      try {
        context.details = await confirmWithDetails.details(postback.transactionId);
      } catch (error) {
        if (!(error instanceof FenigeError)) throw error;
        return error.isFinal
          ? json(400, { error: 'Fenige does not confirm this transaction', status: error.status })
          : json(503, { error: 'Could not confirm the transaction with Fenige', status: error.status });
      }
    }
    const disagreement = context.details && contradiction(postback, context.details);
    if (disagreement) return json(409, { error: `Fenige's details contradict the postback (${disagreement})` });
    try {
      await onNotification(context.details ? confirmed(postback, context.details) : postback, context);
    } catch (error) {
      onError(error);
      return json(500, { error: 'The notification could not be processed' });
    }
    return json(200, { status: 'OK' });
  };
}

/**
 * The assumed checksum covers only the transactionId, so the other fields of a postback are
 * unsigned: when Fenige's own details are at hand, a postback that contradicts them is refused.
 */
function contradiction(postback: FenigePostback, details: FenigeDetailsResponse): string | undefined {
  const fields = postback as unknown as Record<string, unknown>;
  const truth = details as unknown as Record<string, unknown>;
  const state = truth.transactionState ?? truth.status;
  if (fields.transactionState !== undefined && state !== undefined && fields.transactionState !== state) return 'transactionState';
  for (const field of ['amount', 'currency']) {
    if (fields[field] !== undefined && truth[field] !== undefined && fields[field] !== truth[field]) return field;
  }
  return undefined;
}

/** A secret that is missing, empty or only whitespace would make every checksum guessable. */
function checkSecret(secret: unknown, where: string): void {
  if (typeof secret !== 'string' || !secret.trim()) throw new TypeError(`${where}: secret must be a non-blank string`);
}

/** The postback with Fenige's own state, amount and currency in place of its unsigned fields. */
function confirmed(postback: FenigePostback, details: FenigeDetailsResponse): FenigePostback {
  const state = transactionStateOf(details);
  const truth = details as unknown as Record<string, unknown>;
  const currency = truth.currency ?? truth.currencyCode;
  const result: FenigePostback = { ...postback, transactionState: state, status: state };
  if (typeof truth.amount === 'number') result.amount = truth.amount;
  else delete result.amount;
  if (typeof currency === 'string') result.currency = currency;
  else delete result.currency;
  return result;
}
