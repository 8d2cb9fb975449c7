/**
 * Where Fenige's document is silent or contradicts itself, the emulator plays each plausible reading
 * behind a named switch, so a merchant can test their integration against every one of them. The
 * defaults are the readings the document's own examples show. Each switch is an option of
 * `createFenigeEmulator` / `startSandbox({ fenige })`; docs/gateways/fenige.md gives the evidence.
 */
export interface FenigeReadings {
  /**
   * `transactionId` of the paymelink answer. `assigned` (default, as the example: the answer's id
   * differs from the request's): Fenige gives the hosted payment its own id, and every later call
   * (details, the payer's return) uses that id. `echo`: the answer repeats the merchant's id.
   */
  paymelinkId: 'assigned' | 'echo';
  /**
   * The field clearing reads the transaction from. `transactionId` (default: the example's body);
   * `requestUuid` (the field table). The other field is ignored, as Spring ignores unknown fields.
   */
  clearingIdField: 'transactionId' | 'requestUuid';
  /**
   * `once` (default): one clearing per authorisation, full or partial; the rest is released.
   * `repeated`: several partial clearings, adding up to at most the authorised amount.
   */
  clearing: 'once' | 'repeated';
  /**
   * "Each one transaction can be refund once at least". `repeated` (default, our reading of "at
   * least" and "total amount of refund"): partial refunds add up to at most the amount taken.
   * `once`: a single refund per transaction, full or partial.
   */
  refunds: 'repeated' | 'once';
  /**
   * Paymelink `autoClear`. `required` (default: the field table's "@Must not be null", and the
   * example sends it); `default-true` (the prose: "Automaticly this parameter is on true").
   */
  paymelinkAutoClear: 'required' | 'default-true';
  /**
   * Shape of `GET /transactions/details/{id}`. `example` (default): the example body
   * (`transactionState`, `currencyCode`, `sender.phone`, `creationDate`); `table`: the field table
   * (`status`, `threeDsMode`, no `currencyCode` / `creationDate` / `sender`).
   */
  details: 'example' | 'table';
  /**
   * Optional `itemId` of google-pay ("Merchant's unique id of transaction. Ensures the idempotency").
   * `merchant` (default): a sent itemId is kept, echoed and deduplicated — a second payment with the
   * same itemId gets the first one's answer; without one Fenige assigns it, as the example.
   * `assigned`: the request's itemId is ignored; Fenige always assigns its own.
   */
  itemId: 'merchant' | 'assigned';
  /**
   * Google Pay `gateway` the tokens must be sealed for (ECv2 recipient `gateway:<id>`). `fenige`
   * (default: Google's gateway identifiers are lower case); `Fenige` (the document's prose).
   */
  gatewayId: 'fenige' | 'Fenige';
  /**
   * Host of google-pay. `same` (default): under the same base URL as every other method.
   * `separate`: only under `{basePath}-google-pay` (the document shows google-pay on another host);
   * the main base URL answers 404 for it.
   */
  googlePayHost: 'same' | 'separate';
}

export const FENIGE_DEFAULT_READINGS: Readonly<FenigeReadings> = Object.freeze({
  paymelinkId: 'assigned',
  clearingIdField: 'transactionId',
  clearing: 'once',
  refunds: 'repeated',
  paymelinkAutoClear: 'required',
  details: 'example',
  itemId: 'merchant',
  gatewayId: 'fenige',
  googlePayHost: 'same',
});

const CHOICES: { [K in keyof FenigeReadings]: readonly FenigeReadings[K][] } = {
  paymelinkId: ['assigned', 'echo'],
  clearingIdField: ['transactionId', 'requestUuid'],
  clearing: ['once', 'repeated'],
  refunds: ['repeated', 'once'],
  paymelinkAutoClear: ['required', 'default-true'],
  details: ['example', 'table'],
  itemId: ['merchant', 'assigned'],
  gatewayId: ['fenige', 'Fenige'],
  googlePayHost: ['same', 'separate'],
};

export const FENIGE_READING_CHOICES: Readonly<typeof CHOICES> = Object.freeze(CHOICES);

/** The readings chosen in `options`, each checked, the rest defaulted. */
export function resolveReadings(options: Partial<Record<keyof FenigeReadings, unknown>>): FenigeReadings {
  const readings: Record<string, unknown> = { ...FENIGE_DEFAULT_READINGS };
  for (const key of Object.keys(CHOICES) as (keyof FenigeReadings)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!(CHOICES[key] as readonly unknown[]).includes(value)) {
      throw new TypeError(`fenige.${key} must be one of ${CHOICES[key].map((c) => `'${c}'`).join(', ')} (got ${JSON.stringify(value)})`);
    }
    readings[key] = value;
  }
  return readings as unknown as FenigeReadings;
}
