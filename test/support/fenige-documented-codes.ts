/**
 * Fenige's documented "Possible errors" table, by HTTP status (docs/gateways/fenige.md), written out
 * here rather than read from the code's catalogue, so the tests check the catalogue and the payer
 * messages against the documents: a code the catalogue loses still fails them.
 */
export const FENIGE_DOCUMENTED_CODES: Record<number, string[]> = {
  400: ['E8000'],
  401: ['E8002'],
  403: ['E8001'],
  404: ['E0122', 'E0132', 'E0135', 'E0137'],
  422: [
    'E0150',
    'E0151',
    'E0152',
    'E0156',
    'E0157',
    'E01583',
    'E0159',
    'E01596',
    'E01597',
    'E01598',
    'E01600',
    'E01601',
    'E01602',
    'E01607',
    'E0200',
    'E0201',
    'E0202',
    'E0203',
    'E0204',
    'E0205',
    'E0206',
    'E0207',
    'E0208',
    'E0209',
    'E0210',
    'E0211',
    'E11000',
  ],
  500: ['E0153', 'E01599', 'E0142', 'E0190', 'E9000', 'E9008'],
  503: ['E9001', 'E9002'],
};

/** Every documented code, once. */
export const FENIGE_DOCUMENTED_CODE_LIST: readonly string[] = Object.values(FENIGE_DOCUMENTED_CODES).flat();
