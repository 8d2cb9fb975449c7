import { declineBody, json } from './http.js';

/** Fenige's 503 E9001 (acquirer connection error): nothing was processed. */
export function fenigeE9001(): Response {
  const { httpStatus, body } = declineBody('E9001', undefined);
  return json(httpStatus, body);
}

/** Fenige's 500 E0153 with `transactionStatus: PENDING`: processed, outcome to be asked for later. */
export function fenigeE0153(): Response {
  const { httpStatus, body } = declineBody('E0153', crypto.randomUUID());
  return json(httpStatus, body);
}

/** The sandbox's Fenige-specific faults (see `src/sandbox/faults/rules.ts`), by fault kind. */
export const FENIGE_FAULTS = {
  'fenige-e9001': { processFirst: false, answer: fenigeE9001 },
  'fenige-e0153': { processFirst: true, answer: fenigeE0153 },
} as const;
