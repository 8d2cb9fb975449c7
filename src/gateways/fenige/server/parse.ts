import type * as z from 'zod/mini';
import { toFieldIssues } from '../../../protocol/index.js';
import { FenigeError, FenigeValidationError, TRANSPORT_STATUS } from './errors.js';

/** A request body checked before it is sent: `FenigeValidationError` naming each field, nothing sent. */
export function parseRequest<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  // reportInput lets toFieldIssues tell "missing" from "wrong type"; the input itself is not kept.
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const errors: Record<string, string[]> = {};
  for (const { path, message } of toFieldIssues(result.error.issues)) (errors[path] ??= []).push(message);
  throw new FenigeValidationError(errors);
}

/** Fenige's answer text checked against what the method promises: anything else has an unknown outcome. */
export function parseResponse<T>(schema: z.ZodMiniType<T>, httpStatus: number, text: string): T {
  let json: unknown = {};
  let problem: string | undefined;
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      problem = 'body is not JSON';
    }
  }
  if (!problem) {
    const result = schema.safeParse(json, { reportInput: true });
    if (result.success) return result.data;
    problem = toFieldIssues(result.error.issues)
      .map((i) => `${i.path || 'body'} ${i.message}`)
      .join('; ');
  }
  throw new FenigeError({
    status: TRANSPORT_STATUS.invalidResponse,
    kind: 'unknown-outcome',
    httpStatus,
    message: `Fenige answered HTTP ${httpStatus} with an unexpected body: ${problem}`,
  });
}
