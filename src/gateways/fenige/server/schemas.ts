import * as z from 'zod/mini';
import { fields } from '../../../protocol/index.js';

/**
 * The Payment Hub's request and response bodies (Fenige docs, "Methods in API"). Requests are strict, so a
 * misspelt field is refused before anything is sent; responses are loose, so fields Fenige adds
 * later pass through.
 */

const text = (what: string, max = 255) =>
  z.string({ error: `must be a string (${what})` }).check(z.minLength(1, `must not be empty (${what})`), z.maxLength(max, `must be at most ${max} characters`));

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `must be an absolute http(s) URL (${what})` });

/**
 * One rule for the id of a transaction, shared with the sandbox: a UUID (any case). Fenige's
 * document says only "not empty", but every example is a UUID, the Gateway Merchant Id is one, and
 * the id travels in URL paths; a client that sent anything else could only learn about a refusal
 * in production.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const transactionId = z
  .string({ error: 'must be a string (the id of the whole transaction process)' })
  .check(
    z.minLength(1, 'must not be empty (the id of the whole transaction process)'),
    z.regex(UUID, 'must be a UUID such as 08ea8e28-0aad-45eb-8368-f15bdadd5eba'),
  );
const merchantUuid = text("the merchant's uuid at Fenige", 100);

// ---- requests ----

const ecv2Token = z.looseObject(
  {
    signature: z.string({ error: 'must be a string' }),
    intermediateSigningKey: z.object(
      {
        signedKey: z.string({ error: 'must be a string' }),
        signatures: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' }),
      },
      { error: 'must be an object { signedKey, signatures }' },
    ),
    protocolVersion: z.string({ error: 'must be a string' }),
    signedMessage: z.string({ error: 'must be a string' }),
  },
  { error: 'must be the Google Pay ECv2 token object { protocolVersion, signature, intermediateSigningKey, signedMessage }' },
);

export const googlePayRequestSchema = z.strictObject({
  amount: fields.amount,
  transactionId,
  description: fields.description,
  browserIp: z.optional(text("the payer's IP address", 64)),
  currency: fields.currencyCode,
  deposit: z.optional(z.boolean({ error: 'must be true or false' })),
  /** The merchant's own idempotency id for the payment (Fenige: "Ensures the idempotency of the transaction"). */
  itemId: z.optional(text("the merchant's idempotency id of the payment", 100)),
  sender: fields.sender,
  token: ecv2Token,
});

/**
 * A google-pay body the checkout adapter built from a request the handler validated: amount,
 * transactionId, description, currency and any sender fields passed the same field rules there
 * (`fields`, docs/protocol.md), so only what those rules leave open is checked again — Fenige
 * requires the sender, and only an ECv2 token object.
 */
export const builtGooglePayCheckSchema = z.looseObject({ sender: fields.sender, token: ecv2Token });

/**
 * The document's clearing example sends `transactionId`, its field table names `requestUuid` (with
 * the same description): the client adds `requestUuid` = `transactionId` to the checked body, so
 * either reading is served.
 */
export const clearRequestSchema = z.strictObject({
  transactionId,
  merchantUuid,
  clearingAmount: fields.amount,
});

export const reverseRequestSchema = z.strictObject({ transactionId, merchantUuid });

export const detailsRequestSchema = z.strictObject({ transactionId });

export const refundRequestSchema = z.strictObject({
  transactionId,
  amountToRefund: fields.amount,
});

const optionalText = (what: string, max = 255) => z.optional(text(what, max));

export const paymelinkRequestSchema = z.strictObject({
  preInitData: z.strictObject({
    transactionId,
    currencyCode: fields.currencyCode,
    amount: fields.amount,
    description: fields.description,
    merchantUrl: z.optional(httpUrl("the merchant's website")),
    orderNumber: optionalText('the order number', 100),
    redirectUrl: z.strictObject({
      successUrl: httpUrl('where the payer goes after a successful payment'),
      failureUrl: httpUrl('where the payer goes after a failed payment'),
    }),
    formLanguage: text('the language of the payment page, e.g. en', 10),
    sender: z.optional(
      z.strictObject({
        firstName: optionalText("the payer's first name", 100),
        lastName: optionalText("the payer's last name", 100),
        address: z.optional(
          z.strictObject({
            countryCode: z.optional(fields.countryCode),
            city: optionalText('the city', 100),
            postalCode: optionalText('the postal code', 20),
            street: optionalText('the street', 100),
            houseNumber: optionalText('the house number', 20),
          }),
        ),
      }),
    ),
    autoClear: z.boolean({ error: 'must be true or false' }),
  }),
});

/** `FenigeClient.googlePay`'s request: the Google Pay token, amount, currency, description, payer and browser IP, in Fenige's field names. */
export type FenigeGooglePayRequest = z.infer<typeof googlePayRequestSchema>;
/** `FenigeClient.clear`'s request: capture an authorized transaction (all of it or part). */
export type FenigeClearRequest = Omit<z.infer<typeof clearRequestSchema>, 'merchantUuid'>;
/** `FenigeClient.reverse`'s request: release an authorized, uncaptured transaction. */
export type FenigeReverseRequest = Omit<z.infer<typeof reverseRequestSchema>, 'merchantUuid'>;
/** `FenigeClient.refund`'s request: give back a captured amount (all or part). */
export type FenigeRefundRequest = z.infer<typeof refundRequestSchema>;
/** `autoClear` defaults to `true`, as Fenige documents. */
export type FenigePreInitData = Omit<z.infer<typeof paymelinkRequestSchema>['preInitData'], 'autoClear'> & {
  autoClear?: boolean;
};

// ---- responses ----

const str = () => z.string({ error: 'must be a string' });

export const googlePayResponseSchema = z.looseObject({
  transactionId: str(),
  status: str(),
  itemId: z.optional(str()),
  externalTransactionId: z.optional(str()),
});

export const clearResponseSchema = z.looseObject({
  status: str(),
  message: z.optional(str()),
  httpStatus: z.optional(str()),
  completion: z.optional(z.looseObject({ estimate: z.optional(str()) })),
});

export const reverseResponseSchema = z.looseObject({
  status: str(),
  requestUuid: z.optional(str()),
  reversalStatus: z.optional(str()),
  responseCode: z.optional(str()),
  message: z.optional(str()),
  httpStatus: z.optional(str()),
});

/** Fenige's documentation shows no refund answer; it is assumed to be shaped like the reversal's, possibly empty. */
export const refundResponseSchema = z.looseObject({
  status: z.optional(str()),
  requestUuid: z.optional(str()),
  refundStatus: z.optional(str()),
  message: z.optional(str()),
  httpStatus: z.optional(str()),
});

export const detailsResponseSchema = z
  .looseObject({
    transactionId: str(),
    /** The example body names the state `transactionState`; the field table calls it `status`. */
    transactionState: z.optional(str()),
    status: z.optional(str()),
    amount: z.optional(z.number({ error: 'must be a number' })),
    currency: z.optional(str()),
    currencyCode: z.optional(str()),
    description: z.optional(str()),
    creationDate: z.optional(str()),
    threeDsMode: z.optional(str()),
    sender: z.optional(z.looseObject({})),
  })
  .check(
    z.refine((d) => d.transactionState !== undefined || d.status !== undefined, {
      message: 'must name the transaction state (transactionState or status)',
      path: ['transactionState'],
    }),
  );

export const paymelinkResponseSchema = z.looseObject({
  value: httpUrl('the payment link'),
  transactionId: str(),
});

/** `FenigeClient.googlePay`'s answer: the transaction's status, or the 3-D Secure step that completes it. */
export type FenigeGooglePayResponse = z.infer<typeof googlePayResponseSchema>;
/** `FenigeClient.clear`'s answer. */
export type FenigeClearResponse = z.infer<typeof clearResponseSchema>;
/** `FenigeClient.reverse`'s answer. */
export type FenigeReverseResponse = z.infer<typeof reverseResponseSchema>;
/** `FenigeClient.refund`'s answer. */
export type FenigeRefundResponse = z.infer<typeof refundResponseSchema>;
/** `FenigeClient.details`'s answer: the transaction as Fenige knows it (read its state with `transactionStateOf`). */
export type FenigeDetailsResponse = z.infer<typeof detailsResponseSchema>;
/** `FenigeClient.paymelink`'s answer: the hosted payment page to send the payer to. */
export type FenigePaymelinkResponse = z.infer<typeof paymelinkResponseSchema>;

/** The transaction's state from a details body, whichever field Fenige used. */
export const transactionStateOf = (details: FenigeDetailsResponse): string => (details.transactionState ?? details.status) as string;
