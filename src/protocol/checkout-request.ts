import * as z from 'zod/mini';
import type { Validation } from './payment-data.js';
import { fields, validate } from './schema.js';

/**
 * The element → merchant backend protocol (docs/protocol.md §4.1, §4.5). Field names follow Fenige's
 * google-pay request so a backend can forward the body as it is.
 */

/** Google's `tokenizationData.token`, parsed; a non-JSON token (TEST `example` gateway) stays a string. */
const token = z.union(
  [
    z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(20_000, 'is too long')),
    z.looseObject({
      protocolVersion: z.string({ error: 'must be a string' }),
      signature: z.string({ error: 'must be a string' }),
      signedMessage: z.string({ error: 'must be a string' }),
      intermediateSigningKey: z.optional(
        z.object({
          signedKey: z.string({ error: 'must be a string' }),
          signatures: z.array(z.string()),
        }),
      ),
    }),
  ],
  { error: 'must be the Google Pay token (an object with protocolVersion, signature, signedMessage)' },
);

const common = {
  transactionId: fields.transactionId,
  /** The merchant's order this attempt pays (`data.orderId`): one order, a new transactionId per attempt. */
  orderId: z.optional(fields.orderId),
  apiKey: fields.apiKey,
  amount: fields.amount,
  currency: fields.currencyCode,
  description: fields.description,
};

export const checkoutRequestSchema = z.strictObject({
  ...common,
  sender: z.optional(fields.sender),
  token,
  paymentMethod: z.optional(
    z.object({
      cardNetwork: z.optional(z.string().check(z.maxLength(40))),
      cardDetails: z.optional(z.string().check(z.maxLength(40))),
    }),
  ),
});

export const hostedRequestSchema = z.strictObject({
  ...common,
  sender: z.optional(fields.sender),
  returnUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
});

/** The body the element POSTs to your backend with the Google Pay token (docs/protocol.md §4.1). */
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;
/** The body the element POSTs to `{endpoint}/hosted` to start a hosted card page (docs/protocol.md §4.5). */
export type HostedRequest = z.infer<typeof hostedRequestSchema>;

export const validateCheckoutRequest = (body: unknown): Validation<CheckoutRequest> => validate(checkoutRequestSchema, body, 'request body');
export const validateHostedRequest = (body: unknown): Validation<HostedRequest> => validate(hostedRequestSchema, body, 'request body');

export { IDEMPOTENCY_HEADER } from './http.js';
