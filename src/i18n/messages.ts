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
 * from its Payment Hub error catalogue; Feennex error codes arrive as `FEENNEX_<n>`. Kept as
 * text (group: codes) because it is shipped to every checkout page.
 */
const CODE_TABLE = `declined:DECLINED REJECTED FAILURE E0150
currency:E0151 FEENNEX_16
issuer:E0152
threeDs:E0156 E0157 E01583 E01597 E01598 E01600
amountLimit:E0159 FEENNEX_4 FEENNEX_5
blocked:E01596 E01601 E01602 E0200 E0201 E0202 E0203 E0204 E0205 E0206 E0207 E0208 E0209 E0210 E0211 FEENNEX_13 FEENNEX_14 FEENNEX_18
timeout:E11000
unavailable:E9001 E9002 FEENNEX_8 HTTP_429
shopSetup:E8000 E8001 E8002 E0122 E0132 E0135 E0137 E0142 E0190 E01607 FEENNEX_1 FEENNEX_2 FEENNEX_3 FEENNEX_7 FEENNEX_9 FEENNEX_10 FEENNEX_11 FEENNEX_12 FEENNEX_15 FEENNEX_17 FEENNEX_19 INVALID_REQUEST ORDER_NOT_FOUND INVALID_REDIRECT
unknownOutcome:OUTCOME_UNKNOWN E0153 E01599 E9000 E9008
duplicate:TRANSACTION_ID_REUSED FEENNEX_6`;

let groups: Map<string, FailureGroup> | undefined;

export function failureGroup(code: string): FailureGroup {
  groups ??= new Map(
    CODE_TABLE.split('\n').flatMap((line) => {
      const [group, codes] = line.split(':') as [FailureGroup, string];
      return codes.split(' ').map((c) => [c, group] as const);
    }),
  );
  return groups.get(code) ?? 'generic';
}
