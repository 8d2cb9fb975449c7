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

/**
 * A language as the code before a payment holds it: built-in and registered languages are whole,
 * but English keeps only its generic failure text there; the others (`en-failure.ts`) come with the
 * after-click code, since no other failure is worded before a payment has started.
 */
export type PageMessages = Omit<Messages, 'failure'> & { failure: Partial<Messages['failure']> & Pick<Messages['failure'], 'generic'> };
