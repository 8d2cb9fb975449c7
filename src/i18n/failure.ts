/**
 * Which words a payer reads for a failure code. Only the after-click code imports this (through
 * checkout/after-click.ts): the code tables are not fetched before `payment-ready`.
 */
import type { FailureGroup, Messages } from './messages.js';

/**
 * The protocol's own codes (docs/protocol.md §4.2, §5) → the group of words a payer understands.
 * Each gateway adds its codes through its outcomes (`failureGroups`, same format). Kept as text
 * (group: codes) because it is shipped to every checkout page.
 */
const CODE_TABLE = `declined:DECLINED REJECTED FAILURE
unavailable:HTTP_429
shopSetup:INVALID_REQUEST ORDER_NOT_FOUND INVALID_REDIRECT GATEWAY_SETUP GATEWAY_INVALID_REDIRECT RETURN_URL_NOT_ALLOWED
unknownOutcome:OUTCOME_UNKNOWN
duplicate:TRANSACTION_ID_REUSED TOKEN_REUSED`;

/**
 * The payer-message group of a code: the protocol's table, then the gateway's (its outcomes'
 * `failureGroups`). Parsed on each call: it runs once per failed payment.
 */
export function failureGroup(code: string, gatewayGroups = ''): FailureGroup {
  const line = `${CODE_TABLE}\n${gatewayGroups}`.split('\n').find((l) => l.split(':')[1]?.split(' ').includes(code));
  return (line?.split(':')[0] as FailureGroup | undefined) ?? 'generic';
}

/** The payer-facing message for a failure code; `gatewayGroups` is the gateway's `failureGroups` (its outcomes.ts). */
export const failureMessage = (messages: Messages, code: string, gatewayGroups?: string): string => messages.failure[failureGroup(code, gatewayGroups)];
