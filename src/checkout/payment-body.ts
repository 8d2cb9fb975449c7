import type { CheckoutRequest, HostedRequest, PaymentData, Sender } from '../protocol/index.js';
import type { GooglePaymentData } from '../google-pay/types.js';

/** A v4 UUID; `crypto.randomUUID` only exists in secure contexts, so fall back to random bytes. */
export function newTransactionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The payer from `data.sender`, else from Google Pay's billing name and e-mail. */
export function payerOf(data: PaymentData, paid?: GooglePaymentData): Sender | undefined {
  if (data.sender) return data.sender;
  const name = paid?.paymentMethodData.info?.billingAddress?.name?.trim();
  if (!name) return undefined;
  const parts = name.split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : parts[0]!;
  const sender: Sender = { firstName: parts.join(' '), lastName };
  if (paid?.email) sender.email = paid.email;
  return sender;
}

/** Google's token string, parsed when it is JSON (ECv2) and sent as it is otherwise. */
function parseToken(token: string): CheckoutRequest['token'] {
  try {
    const parsed: unknown = JSON.parse(token);
    return parsed && typeof parsed === 'object' ? (parsed as CheckoutRequest['token']) : token;
  } catch {
    return token;
  }
}

/** What both POSTs say about the order; `currencyCode` becomes Fenige's `currency`. */
function order(data: PaymentData, transactionId: string, sender: Sender | undefined) {
  const { apiKey, amount, currencyCode: currency, description, orderId } = data;
  return { transactionId, ...(orderId ? { orderId } : {}), apiKey, amount, currency, description, ...(sender ? { sender } : {}) };
}

/** The token POST body of docs/protocol.md §4.1. */
export function checkoutBody(data: PaymentData, transactionId: string, paid: GooglePaymentData): CheckoutRequest {
  const info = paid.paymentMethodData.info;
  return {
    ...order(data, transactionId, payerOf(data, paid)),
    token: parseToken(paid.paymentMethodData.tokenizationData.token),
    ...(info?.cardNetwork || info?.cardDetails ? { paymentMethod: { cardNetwork: info.cardNetwork, cardDetails: info.cardDetails } } : {}),
  } as CheckoutRequest;
}

/** The hosted-page POST body of docs/protocol.md §4.5. */
export function hostedBody(data: PaymentData, transactionId: string, returnUrl: string): HostedRequest {
  return { ...order(data, transactionId, data.sender), returnUrl };
}
