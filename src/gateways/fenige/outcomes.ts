import type { GatewayOutcomes } from '../profile.js';

/** Fenige's answers as the element words them: the codes are those of `server/codes.ts`. */
export const fenigeOutcomes = {
  merchantIdName: 'your Fenige Gateway Merchant Id (a UUID)',
  failureGroups: `declined:E0150
currency:E0151
issuer:E0152
threeDs:E0156 E0157 E01583 E01597 E01598 E01600
amountLimit:E0159
blocked:E01596 E01601 E01602 E0200 E0201 E0202 E0203 E0204 E0205 E0206 E0207 E0208 E0209 E0210 E0211
timeout:E11000
unavailable:E9001 E9002
shopSetup:E8000 E8001 E8002 E0122 E0132 E0135 E0137 E0142 E0190 E01607
unknownOutcome:E0153 E01599 E9000 E9008`,
  credentialCodes: ['E8002'],
} as const satisfies GatewayOutcomes;
