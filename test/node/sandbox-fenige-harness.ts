import { serveFetch } from '../support/http.js';
import { createFenigeEmulator, type FenigeEmulator, type FenigeSandboxOptions } from '../../src/gateways/fenige/sandbox/index.js';
import { createTestToken } from '../../src/sandbox/test-token.js';

/** The Fenige emulator behind a real node:http server on 127.0.0.1, with a movable clock. */

export interface FenigeHarness {
  /** Origin + basePath, e.g. http://127.0.0.1:43123/fenige */
  url: string;
  emulator: FenigeEmulator;
  /** The emulator's clock. */
  now(): number;
  /** Moves the emulator's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export const AUTH = `Basic ${btoa('sandbox:sandbox-password')}`;
export const DAY_MS = 24 * 60 * 60 * 1000;

export async function startFenige(options: FenigeSandboxOptions = {}): Promise<FenigeHarness> {
  let offset = 0;
  const emulator = createFenigeEmulator({ now: () => Date.now() + offset, ...options });
  const server = await serveFetch(async (request) => (await emulator.handle(request)) ?? new Response(null, { status: 418 }));
  return {
    url: `${server.url}${options.basePath ?? '/fenige'}`,
    emulator,
    now: () => Date.now() + offset,
    advance: (ms) => void (offset += ms),
    close: server.close,
  };
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
}

export async function post(h: FenigeHarness, path: string, body: unknown, headers: Record<string, string> = { Authorization: AUTH }): Promise<Answer> {
  const response = await fetch(h.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(response);
}

export async function get(h: FenigeHarness, path: string, headers: Record<string, string> = { Authorization: AUTH }): Promise<Answer> {
  return answer(await fetch(h.url + path, { headers: { 'Content-Type': 'application/json', ...headers } }));
}

export const MERCHANT = 'e59b470b-bdb1-4043-a856-86b624c2a607';
/** The sandbox's default Gateway Merchant Id: what tokens are sealed for (not the merchantUuid). */
export const GATEWAY_MERCHANT = '3c5e8f0a-6b1d-4e27-9a4c-d8f2b7e61a05';

/** Fenige's documented google-pay example body with a fresh id and a token sealed for the sandbox. */
export function googlePayBody(options: { card?: string; amount?: number; deposit?: boolean; merchant?: string; now?: number } = {}): Record<string, any> {
  return {
    amount: options.amount ?? 1000,
    transactionId: crypto.randomUUID(),
    description: 'SUCCESS',
    browserIp: '41.11.22.1',
    currency: 'PLN',
    deposit: options.deposit ?? false,
    sender: { firstName: 'firstName', lastName: 'lastName', email: 'emaiL@email.pl' },
    token: createTestToken({
      gateway: 'fenige',
      gatewayMerchantId: options.merchant ?? GATEWAY_MERCHANT,
      card: options.card ?? '4111111111111111',
      ...(options.now ? { now: options.now } : {}),
    }),
  };
}

/** The details body's keys, in the order of the documented example (postbacks send the same body). */
export const DETAILS_KEYS = ['creationDate', 'transactionId', 'transactionState', 'amount', 'currencyCode', 'description', 'currency', 'sender'];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
