import type { Environment, GooglePaymentsApi, PaymentAuthorizationResult, GooglePaymentData, PaymentsClient } from './types.js';

type Authorizer = (data: GooglePaymentData) => Promise<PaymentAuthorizationResult>;

/**
 * One `PaymentsClient` per environment, shared by every element on the page. Google takes the
 * `onPaymentAuthorized` callback at construction, so the shared client forwards it to whichever
 * payment currently has the sheet open (there is only ever one sheet).
 */
const clients = new Map<Environment, PaymentsClient>();
let activeAuthorizer: Authorizer | undefined;

export function paymentsClient(api: GooglePaymentsApi, environment: Environment, nonce?: string): PaymentsClient {
  let client = clients.get(environment);
  if (!client) {
    client = new api.PaymentsClient({
      environment,
      ...(nonce ? { nonce } : {}),
      paymentDataCallbacks: { onPaymentAuthorized: (data) => authorize(data) },
    });
    clients.set(environment, client);
  }
  return client;
}

function authorize(data: GooglePaymentData): Promise<PaymentAuthorizationResult> {
  if (activeAuthorizer) return activeAuthorizer(data);
  return Promise.resolve({
    transactionState: 'ERROR',
    error: { intent: 'PAYMENT_AUTHORIZATION', reason: 'OTHER_ERROR', message: 'This payment is no longer active.' },
  });
}

/** True while some element's Google Pay sheet is open: a second payment must not start. */
export const sheetIsOpen = (): boolean => activeAuthorizer !== undefined;

/** Runs `open` (which shows the sheet) with `authorizer` receiving the sheet's authorizations. */
export async function withSheet<T>(authorizer: Authorizer, open: () => Promise<T>): Promise<T> {
  activeAuthorizer = authorizer;
  try {
    return await open();
  } finally {
    if (activeAuthorizer === authorizer) activeAuthorizer = undefined;
  }
}

/** Forgets the shared clients (tests install a fresh fake client between cases). */
export function resetPaymentsClients(): void {
  clients.clear();
  activeAuthorizer = undefined;
}
