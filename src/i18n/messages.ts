/** Every text the elements show or put in an event, per language. */
export interface Messages {
  processing: string;
  checking: string;
  success: string;
  redirecting: string;
  payByCard: string;
  invalidData: string;
  /** Payer-facing texts for groups of gateway codes; see `CODE_GROUPS`. */
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
 * Gateway and protocol codes → the group of words a payer understands. Fenige's E-codes come
 * from its Payment Hub error catalogue; Feennex error codes arrive as `FEENNEX_<n>`.
 */
const CODE_GROUPS: Record<string, FailureGroup> = {
  DECLINED: 'declined', REJECTED: 'declined', FAILURE: 'declined', E0150: 'declined',
  E0151: 'currency', FEENNEX_16: 'currency',
  E0152: 'issuer',
  E0156: 'threeDs', E0157: 'threeDs', E01583: 'threeDs', E01597: 'threeDs', E01598: 'threeDs', E01600: 'threeDs',
  E0159: 'amountLimit', FEENNEX_4: 'amountLimit', FEENNEX_5: 'amountLimit',
  E01596: 'blocked', E01601: 'blocked', E01602: 'blocked', E0200: 'blocked', E0201: 'blocked', E0202: 'blocked',
  E0203: 'blocked', E0204: 'blocked', E0205: 'blocked', E0206: 'blocked', E0207: 'blocked', E0208: 'blocked',
  E0209: 'blocked', E0210: 'blocked', E0211: 'blocked', FEENNEX_13: 'blocked', FEENNEX_14: 'blocked', FEENNEX_18: 'blocked',
  E11000: 'timeout',
  E9001: 'unavailable', E9002: 'unavailable', FEENNEX_8: 'unavailable', HTTP_429: 'unavailable',
  E8000: 'shopSetup', E8001: 'shopSetup', E8002: 'shopSetup', E0122: 'shopSetup', E0132: 'shopSetup',
  E0135: 'shopSetup', E0137: 'shopSetup', E0142: 'shopSetup', E0190: 'shopSetup', E01607: 'shopSetup',
  FEENNEX_1: 'shopSetup', FEENNEX_2: 'shopSetup', FEENNEX_3: 'shopSetup', FEENNEX_9: 'shopSetup', FEENNEX_10: 'shopSetup',
  FEENNEX_11: 'shopSetup', FEENNEX_12: 'shopSetup', FEENNEX_15: 'shopSetup', FEENNEX_17: 'shopSetup', FEENNEX_19: 'shopSetup',
  INVALID_REQUEST: 'shopSetup', ORDER_NOT_FOUND: 'shopSetup',
  OUTCOME_UNKNOWN: 'unknownOutcome', E0153: 'unknownOutcome', E01599: 'unknownOutcome', E9000: 'unknownOutcome', E9008: 'unknownOutcome',
  TRANSACTION_ID_REUSED: 'duplicate', FEENNEX_6: 'duplicate', FEENNEX_7: 'shopSetup',
};

export const failureGroup = (code: string): FailureGroup => CODE_GROUPS[code] ?? 'generic';
