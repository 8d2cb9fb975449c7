/** Every text the elements show or put in an event, per language. */
export interface Messages {
  processing: string;
  checking: string;
  success: string;
  redirecting: string;
  payByCard: string;
  invalidData: string;
  /** Payer-facing texts for groups of gateway codes; see `failureGroup` (failure.ts). */
  failure: Record<FailureGroup, string>;
}

export type FailureGroup =
  | 'declined'
  | 'currency'
  | 'issuer'
  | 'threeDs'
  | 'amountLimit'
  | 'blocked'
  | 'timeout'
  | 'unavailable'
  | 'shopSetup'
  | 'unknownOutcome'
  | 'duplicate'
  | 'generic';
