/**
 * How a payer comes back from an off-page step (3-D Secure, a hosted page): the backend sends
 * them to the shop's page with these parameters, and the element on that page confirms the
 * outcome with the backend — the parameters alone are never trusted.
 */
export const RESULT_PARAM = 'paytool-result';
export const TRANSACTION_PARAM = 'transactionId';

export type ReturnResult = 'success' | 'failure';

/** The shop's return URL with the result and transaction id added (server side). */
export function withPaymentResult(returnUrl: string, result: ReturnResult, transactionId: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set(RESULT_PARAM, result);
  url.searchParams.set(TRANSACTION_PARAM, transactionId);
  return url.href;
}

/** The transaction a payer is returning from, if this URL says so (browser side). */
export function returningTransaction(href: string): string | undefined {
  const params = new URL(href).searchParams;
  const id = params.get(TRANSACTION_PARAM);
  return params.has(RESULT_PARAM) && id && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

/** The URL without the return parameters, so a reload does not confirm the payment again. */
export function withoutReturnParams(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(RESULT_PARAM);
  url.searchParams.delete(TRANSACTION_PARAM);
  return url.href;
}
