import type { FieldIssue } from '../protocol/index.js';

/**
 * What a failed gateway call means for the caller, the same for every gateway:
 * - `invalid-request`: the request is wrong (refused by our own validation before sending, or by
 *   the gateway); nothing happened, and sending it again unchanged fails again.
 * - `declined`: the gateway (or the card's issuer) refused this operation; nothing was charged.
 * - `configuration`: the merchant's setup is wrong (credentials, terminal, shop, payway, contract);
 *   nothing happened; a developer has to fix it, the payer cannot.
 * - `gateway`: the gateway answered something this client cannot read or does not know, and the
 *   operation cannot have happened (an undocumented 4xx, an unknown code on a read).
 * - `unavailable`: nothing happened (refused before processing, not reached, or a read that failed);
 *   the same request may be sent again later.
 * - `unknown-outcome`: the operation may or may not have happened (timeout, network error or 5xx
 *   after sending); ask its status before reporting anything or sending it again.
 */
export type GatewayErrorKind = 'invalid-request' | 'declined' | 'configuration' | 'gateway' | 'unavailable' | 'unknown-outcome';

/** The kinds after which the operation certainly did not happen and repeating it unchanged fails again. */
export const FINAL_GATEWAY_ERROR_KINDS: readonly GatewayErrorKind[] = Object.freeze(['invalid-request', 'declined', 'configuration', 'gateway']);

/** `code` values for failures that carry no gateway code. An HTTP answer without one gets `HTTP_<status>`. */
export const TRANSPORT_ERROR_CODES = Object.freeze({
  /** The client's timeout ran out before the answer was read. */
  timeout: 'TIMEOUT',
  /** The caller's `signal` aborted the call. */
  aborted: 'ABORTED',
  /** The connection failed; see `kind` for whether the request can have reached the gateway. */
  network: 'NETWORK_ERROR',
  /** The gateway answered 2xx with a body this client does not understand. */
  invalidResponse: 'INVALID_RESPONSE',
} as const);

/** What a `GatewayError` is made from: gateway id, kind, code, message, field issues and HTTP status. */
export interface GatewayErrorInit {
  /** The gateway's id, e.g. `fenige`. */
  gateway: string;
  kind: GatewayErrorKind;
  code: string;
  message: string;
  issues?: readonly FieldIssue[];
  httpStatus?: number;
  cause?: unknown;
}

/**
 * Any failed call of a gateway client: refused input, an error answer, an answer that cannot be
 * read, a timeout or a network error. `kind` says what to do next, `code` which failure it was,
 * `issues` which fields were wrong. Each gateway's client throws its own subclass (`FenigeError`,
 * `FeennexError`) with the gateway's own details. Never holds credentials or a token.
 */
export class GatewayError extends Error {
  /** The gateway's id, e.g. `fenige` or `feennex`. */
  readonly gateway: string;
  /** What the failure means for the caller; see `GatewayErrorKind`. */
  readonly kind: GatewayErrorKind;
  /** The gateway's own code (`E0150`, `FEENNEX_6`), one of `TRANSPORT_ERROR_CODES`, or `HTTP_<status>`. */
  readonly code: string;
  /** The fields that were wrong, when the failure names any (our validation or the gateway's). */
  readonly issues: readonly FieldIssue[];
  /** The HTTP status of the gateway's answer; undefined when no answer arrived. */
  readonly httpStatus: number | undefined;

  constructor(init: GatewayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GatewayError';
    this.gateway = init.gateway;
    this.kind = init.kind;
    this.code = init.code;
    this.issues = Object.freeze([...(init.issues ?? [])]);
    this.httpStatus = init.httpStatus;
  }

  /** The operation did not happen and repeating it unchanged fails again. */
  get isFinal(): boolean {
    return FINAL_GATEWAY_ERROR_KINDS.includes(this.kind);
  }

  /** Nothing happened at the gateway: the same request may be sent again. */
  get isRetriable(): boolean {
    return this.kind === 'unavailable';
  }

  /** The operation may have happened: ask its status before reporting anything. */
  get isUnknownOutcome(): boolean {
    return this.kind === 'unknown-outcome';
  }

  /** For structured logs: every field, none of them secret. */
  toJSON(): Record<string, unknown> {
    const { name, gateway, kind, code, message, issues, httpStatus } = this;
    return { name, gateway, kind, code, message, issues, httpStatus };
  }
}

/** `Record<field, messages[]>` (Fenige's `errors` map) as a list of field issues. */
export function fieldIssuesOf(errors: Readonly<Record<string, readonly string[]>> | undefined): FieldIssue[] {
  return Object.entries(errors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

/** "a must…; b must…": field issues in one line, for an error message. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map(({ path, message }) => `${path || 'body'} ${message}`).join('; ');
}
