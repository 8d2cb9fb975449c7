/**
 * What the browser needs to know about a gateway before a payment starts: small, dependency-free
 * data, so the elements' bundle carries no gateway code. Each gateway folder exports one;
 * `profiles.ts` lists them.
 */
export interface GatewayProfile {
  /** The Google Pay `gateway` tokenization parameter, and the gateway's id everywhere else. */
  readonly id: string;
  /** The element's default `endpoint`, and the checkout handler's default `basePath`. */
  readonly defaultEndpoint: string;
}

/**
 * What the browser needs to know about a gateway's answers, once a payment has started: loaded
 * with the after-click code, never before `payment-ready`. Each gateway folder exports one;
 * `outcomes.ts` lists them by gateway id.
 */
export interface GatewayOutcomes {
  /**
   * The gateway's failure codes by payer-message group (see `FailureGroup` in `src/i18n/`): one line
   * per group, `group:CODE CODE …`. Text, because it ships to every checkout page.
   */
  readonly failureGroups: string;
  /**
   * The gateway's codes for "the merchant's backend was refused its gateway credentials" (a wrong
   * password or signing key): the payer reads the `shopSetup` words, the developer also gets the
   * backend's own message in `payment-error`.
   */
  readonly credentialCodes: readonly string[];
  /** What the gateway calls the id Google Pay seals the card for, for developer hints (docs/identifiers.md). */
  readonly merchantIdName: string;
}
