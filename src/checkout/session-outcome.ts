/**
 * The part of `CheckoutSession` (session.ts) needed only once a payment has started: what each
 * outcome shows and fires, the return from 3-D Secure or a hosted page, and the hosted page of
 * `fallback="hosted"`. Part of the after-click chunk (after-click.ts).
 */
import type { PaymentData } from '../protocol/index.js';
import type { CheckoutSession, PaymentSettings, Phase } from './session.js';
import type { FlowResult } from './flow-result.js';
import { tokenRefusalHint } from './developer-hint.js';
import { outcomesOf } from '../gateways/outcomes.js';
import { absoluteHttpUrl, confirmReturnedPayment, payOnHostedPage } from './off-page-flows.js';
import { forgetStarted, rememberStarted, tabStorage, wasStartedHere } from './started-payments.js';

const startedBy = (session: CheckoutSession, data: PaymentData, settings: PaymentSettings) => ({
  element: session.element,
  endpoint: settings.endpoint,
  amount: data.amount,
  currency: data.currencyCode,
});

/** Shows and fires the outcome of a payment the backend took part in. */
export function announce(session: CheckoutSession, result: Exclude<FlowResult, { kind: 'cancel' }>, data: PaymentData): void {
  const { view } = session;
  switch (result.kind) {
    case 'error':
      // After the backend answered (a redirect to a non-http URL, say), the payer is told the
      // payment did not go through, in plain words; the details are the developer's.
      session.fail(result.code);
      return view.reportError({ code: result.code, message: result.message });
    case 'success':
      session.show('success');
      view.emit('payment-success', { transactionId: result.transactionId, status: result.status, response: result.response });
      return;
    case 'failure':
      session.fail(result.code);
      view.emit('payment-failure', { transactionId: result.transactionId, code: result.code, message: session.failureText, response: result.response });
      return hintDeveloper(session, result, data);
    case 'redirect': {
      const { transactionId, redirect } = result;
      session.show('redirecting');
      rememberStarted(tabStorage(), { transactionId, ...startedBy(session, data, session.settings) });
      if (view.emit('payment-redirect', { transactionId, url: redirect.url, method: redirect.method }, true)) view.navigate(redirect);
    }
  }
}

/** A token the gateway refused is the page's configuration: tell the integrator, not the payer. */
function hintDeveloper(
  session: CheckoutSession,
  { code, message, response }: { code: string; message?: string; response: Record<string, unknown> },
  data: PaymentData,
) {
  const { merchantIdName, credentialCodes } = outcomesOf(session.profile.id);
  const hint = tokenRefusalHint(response, data, merchantIdName);
  if (hint) {
    console.warn(`<${session.element}>: ${hint.message}`);
    return session.view.reportError(hint, false);
  }
  // The backend's gateway credentials were refused (the gateway's outcomes name the codes): the payer reads
  // "contact the shop", the developer gets the backend's words.
  if (credentialCodes.includes(code)) session.view.reportError({ code, message: message ?? code });
}

/**
 * A payer back from 3-D Secure or a hosted page: the outcome is asked from the backend, never
 * taken from the URL, and only for a payment this tab started from this element for the same
 * amount and currency. A link naming any other payment (crafted, or another element's) is left
 * alone: no event, no request.
 */
export function confirmReturn(session: CheckoutSession, data: PaymentData, transactionId: string, settings: PaymentSettings, signal: AbortSignal) {
  const ours = wasStartedHere(tabStorage(), { transactionId, ...startedBy(session, data, settings) });
  if (!ours || signal.aborted || session.busy || session.phase !== 'idle') return;
  session.begin(settings, signal);
  session.to('checking', signal);
  const confirming = confirmReturnedPayment(settings.endpoint, transactionId, settings.policy, () => {}, signal).then((result) => {
    if (!result) return session.to('idle', signal);
    forgetStarted(tabStorage(), transactionId);
    session.view.returned();
    return result;
  });
  return session.settle(confirming, data, signal);
}

/** The `fallback="hosted"` payment (docs/protocol.md §4.5); `before` is the phase to go back to when the page's `return-url` is unusable. */
export function payByCard(
  session: CheckoutSession,
  data: PaymentData,
  settings: PaymentSettings,
  returnUrl: string,
  base: string,
  before: Phase,
  signal: AbortSignal,
): Promise<FlowResult> | undefined {
  const url = absoluteHttpUrl(returnUrl, base);
  if (url) return payOnHostedPage(data, settings.endpoint, url, settings.policy, () => session.to('checking', signal), signal);
  session.to(before, signal);
  const issues = [{ path: 'return-url', message: 'must be an absolute http(s) URL' }];
  session.view.reportError({ code: 'INVALID_CONFIGURATION', message: `return-url ${issues[0]!.message}`, issues });
}
