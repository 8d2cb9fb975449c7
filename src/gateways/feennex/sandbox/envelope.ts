import { errorMessage } from './test-data.js';

/** A business error: answered as HTTP 200 with `result: false` and this `error_code`. */
export class FeennexError extends Error {
  constructor(
    readonly code: number,
    detail?: string,
  ) {
    super(detail ? `${errorMessage(code)}: ${detail}` : errorMessage(code));
    this.name = 'FeennexError';
  }
}

/** Error 10 whose message is exactly `message` (the signature and parameter errors). */
export class ParameterError extends FeennexError {
  constructor(message: string) {
    super(10);
    this.message = message;
  }
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

export const okEnvelope = (data: unknown): Response => json({ data, error_code: 0, message: 'Ok', result: true });

export const errorEnvelope = (error: FeennexError, status = 200): Response =>
  json({ data: null, error_code: error.code, message: error.message, result: false }, status);
