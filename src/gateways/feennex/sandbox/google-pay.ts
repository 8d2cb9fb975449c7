/**
 * Google Pay through Feennex — an ASSUMED contract (no public document shows it), kept in this one
 * file so it is easy to change when the real one is known (docs/gateways/feennex.md):
 *
 * - `invoice/create` with payway `googlepay_<currency>` (e.g. `googlepay_pln`), signed as usual;
 * - the token in the unsigned field `google_pay_token`: Google's token object, or its JSON string;
 * - both names are switches (`googlePay: { paywaySystem, tokenField }`), so a merchant can test the
 *   names their deployment really uses — e.g. `card` + `payment_token`: a card payway whose request
 *   carries a token is then charged as Google Pay, one without goes to the card page;
 * - the answer `data` is final, `{ id, shop_order_id, status }` with status 4 (success) or 6
 *   (rejected), or, for a 3-D Secure challenge, `{ id, shop_order_id, status: 2, method: 'POST',
 *   url, data: { md, pareq } }`: post `data` to `url`, then ask `bill/shop_order_status`.
 */
import { randomBytes } from 'node:crypto';
import { GooglePayTokenError, openGooglePayToken } from '../../../ecv2/open.js';
import { claimMessageId, messageIdOf } from '../../../ecv2/message-ids.js';
import { SANDBOX_KEYS, sandboxRecipientId } from '../../../ecv2/sandbox-keys.js';
import { cardNetworkOf, cardOutcome, maskPan } from './cards.js';
import type { MethodContext } from './context.js';
import { FeennexError, ParameterError } from './envelope.js';
import { answerLate, paceOf, settlesLater } from './pace.js';
import type { Params } from './params.js';
import type { PaymentRecord } from './state.js';
import { INVOICE_STATUS } from './statuses.js';
import type { CardOutcome } from './test-data.js';

export const GOOGLE_PAY_TOKEN_FIELD = 'google_pay_token';
export const GOOGLE_PAY_PAYWAY_SYSTEM = 'googlepay';

/** The names a deployment uses for Google Pay: the payway's system and the token's field. */
export interface GooglePayNames {
  paywaySystem: string;
  tokenField: string;
}

const NAME = /^[a-z][a-z0-9_]{0,63}$/;

export function googlePayNamesOf(options: Partial<GooglePayNames> = {}): GooglePayNames {
  const names = { paywaySystem: options.paywaySystem ?? GOOGLE_PAY_PAYWAY_SYSTEM, tokenField: options.tokenField ?? GOOGLE_PAY_TOKEN_FIELD };
  for (const [key, value] of Object.entries(names)) {
    if (typeof value !== 'string' || !NAME.test(value)) {
      throw new TypeError(
        `feennex.googlePay.${key} must be a lower-case name such as ${key === 'tokenField' ? 'google_pay_token' : 'googlepay'} (got ${JSON.stringify(value)})`,
      );
    }
  }
  return names;
}

/** True when `invoice/create` on this payway system is a Google Pay charge under `names`. */
export function isGooglePayRequest(system: string, kind: string, params: Params, names: GooglePayNames): boolean {
  if (system !== names.paywaySystem) return false;
  // A dedicated Google Pay payway always is; a shared one (e.g. card) only when it carries a token.
  return kind === 'googlepay' || (params[names.tokenField] !== undefined && params[names.tokenField] !== '');
}

interface GooglePayCard {
  pan: string;
  expirationMonth: number;
  expirationYear: number;
  authMethod: string;
}

const invalidToken = (field: string, why: string) => new ParameterError(`Incorrect parameter ${field}: ${why}`);

function readToken(params: Params, field: string): unknown {
  const raw = params[field];
  if (raw === undefined || raw === null || raw === '') {
    throw new ParameterError(`Missing required parameter: ${field}`);
  }
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidToken(field, 'not a Google Pay token (neither an object nor its JSON string)');
  }
}

/** Opens the token as the gateway does; it must have been sealed for this shop. */
async function openCard(params: Params, field: string, shopId: string, now: number, state: object, shopOrderId: string): Promise<GooglePayCard> {
  let plaintext: string;
  try {
    plaintext = await openGooglePayToken(readToken(params, field), {
      recipientId: sandboxRecipientId('feennex'),
      privateKeys: [SANDBOX_KEYS.recipientPrivateKey],
      rootKeys: SANDBOX_KEYS.rootKeys,
      now,
    });
  } catch (error) {
    if (error instanceof GooglePayTokenError) throw invalidToken(field, error.message);
    throw error;
  }
  let payload: { gatewayMerchantId?: unknown; paymentMethodDetails?: Partial<GooglePayCard> };
  try {
    payload = JSON.parse(plaintext);
  } catch {
    throw invalidToken(field, 'the decrypted message is not JSON');
  }
  if (payload?.gatewayMerchantId !== shopId) {
    throw invalidToken(field, `sealed for gatewayMerchantId ${JSON.stringify(payload?.gatewayMerchantId)}, not for shop ${shopId}`);
  }
  // As a real gateway: one Google Pay message pays one payment.
  const messageId = messageIdOf(payload);
  if (!messageId) throw invalidToken(field, 'the decrypted message has no messageId');
  if (!claimMessageId(state, messageId, shopOrderId)) throw invalidToken(field, 'the token was already used for another payment (messageId seen before)');
  const card = payload.paymentMethodDetails;
  if (typeof card?.pan !== 'string' || typeof card.expirationMonth !== 'number' || typeof card.expirationYear !== 'number') {
    throw invalidToken(field, 'the payment method details lack the card');
  }
  return card as GooglePayCard;
}

function outcomeOf(card: GooglePayCard, now: Date): CardOutcome {
  const expired = card.expirationYear * 12 + card.expirationMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  if (expired) return 'decline';
  const outcome = cardOutcome(card.pan);
  // A cryptogram is the issuer's authentication already: no challenge on top of it.
  return outcome === 'challenge' && card.authMethod === 'CRYPTOGRAM_3DS' ? 'approve' : outcome;
}

/** Charges the token for a new invoice and answers `invoice/create` (see the file comment). */
export async function createGooglePayInvoice(context: MethodContext, invoice: PaymentRecord): Promise<unknown> {
  const { state, timing } = context;
  const now = state.now();
  const card = await openCard(context.params, context.googlePay.tokenField, context.shopId, now, state, invoice.shopOrderId);
  // Checked again after the await: a concurrent identical create may have recorded it meanwhile.
  state.assertNewOrderId(invoice.shopOrderId);
  invoice.psData = { card: maskPan(card.pan), network: cardNetworkOf(card.pan) ?? 'UNKNOWN', auth_method: card.authMethod };
  const outcome = outcomeOf(card, new Date(now));
  const answer = { id: invoice.id, shop_order_id: invoice.shopOrderId };

  if (outcome === 'challenge') {
    invoice.status = INVOICE_STATUS.waiting;
    invoice.md = randomBytes(16).toString('hex');
    state.addPayment(invoice);
    const pareq = randomBytes(48).toString('base64');
    return { ...answer, status: invoice.status, method: 'POST', url: context.pageUrl('3ds', invoice.id), data: { md: invoice.md, pareq } };
  }

  const final = outcome === 'approve' ? INVOICE_STATUS.success : INVOICE_STATUS.rejected;
  const pace = paceOf(invoice.shopAmount, invoice.shopCurrency);
  if (settlesLater(pace)) {
    invoice.status = INVOICE_STATUS.waiting;
    invoice.schedule = [{ status: final, at: now + timing.processingMs }];
  } else {
    invoice.status = final;
  }
  state.addPayment(invoice);
  if (pace === 'processing') throw new FeennexError(8, `invoice ${invoice.id} is being processed; ask its status`);
  if (pace === 'timeout') await answerLate(timing.slowAnswerMs, context.signal);
  return { ...answer, status: invoice.status };
}
