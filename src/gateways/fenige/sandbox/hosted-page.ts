import type { EmulatorContext } from './context.js';
import { readLimitedText } from './http.js';
import { pageHeaders, renderNotFoundPage, renderPaymentPage, renderProcessingPage, type CardField, type PaymentPageModel } from './hosted-page-html.js';
import { hostedPagePath } from './paymelink.js';
import { decide, recordAuthorisation } from './payment.js';
import type { TransactionRecord } from './store.js';
import { isLuhnValid, outcomeFor } from './test-cards.js';
import { FENIGE_ERROR_CODES } from './error-codes.js';

/**
 * The paymelink's hosted payment page, `GET|POST {basePath}/pay/{transactionId}` — opened by the
 * payer's browser, so it needs no Basic auth. The POST runs the same outcome rules as google-pay,
 * then redirects (303) to `successUrl` or `failureUrl` with `?transactionId=…`.
 */

const PROCESSING_REFRESH_SECONDS = 2;

type Paymelink = TransactionRecord & { hosted: NonNullable<TransactionRecord['hosted']> };

const html = (status: number, body: string, formTargets: readonly string[] = []): Response => new Response(body, { status, headers: pageHeaders(formTargets) });

const redirect = (location: string): Response => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

const isOpen = (tx: TransactionRecord) => tx.state === 'IN_PROGRESS' && !tx.pending;

/**
 * Where the payer goes once the payment is over: the success or failure URL, with the sandbox's id
 * of the transaction appended as `transactionId` unless the URL already carries one (the
 * document says nothing about parameters; a merchant's own id in its URL is left as it is).
 */
function returnUrl(tx: Paymelink): string {
  const success = tx.state === 'SUCCESS' || tx.state === 'SUCCESS_WAITING_FOR_CLEARING';
  const url = new URL(success ? tx.hosted.successUrl : tx.hosted.failureUrl);
  if (!url.searchParams.has('transactionId')) url.searchParams.set('transactionId', tx.transactionId);
  return url.href;
}

function find(ctx: EmulatorContext, transactionId: string): Paymelink | undefined {
  const tx = ctx.store.get(transactionId);
  return tx?.hosted ? (tx as Paymelink) : undefined;
}

function formPage(ctx: EmulatorContext, tx: Paymelink, status: number, extra: Partial<PaymentPageModel> = {}): Response {
  const model: PaymentPageModel = {
    action: ctx.baseUrl + hostedPagePath(tx.transactionId),
    amount: tx.amount,
    currency: tx.currency,
    description: tx.description,
    ...extra,
  };
  const targets = [tx.hosted.successUrl, tx.hosted.failureUrl].map((u) => new URL(u).origin);
  return html(status, renderPaymentPage(model), targets);
}

export function handlePaymentPage(ctx: EmulatorContext, transactionId: string): Response {
  const tx = find(ctx, transactionId);
  if (!tx) return html(404, renderNotFoundPage());
  if (isOpen(tx)) return formPage(ctx, tx, 200);
  if (tx.pending) {
    return html(200, renderProcessingPage(ctx.baseUrl + hostedPagePath(tx.transactionId), PROCESSING_REFRESH_SECONDS));
  }
  return redirect(returnUrl(tx));
}

interface CardForm {
  pan: string;
  name: string;
}

function readCardForm(form: URLSearchParams, now: number): { card?: CardForm; errors: Partial<Record<CardField, string>> } {
  const errors: Partial<Record<CardField, string>> = {};
  const pan = (form.get('pan') ?? '').replace(/[\s-]/g, '');
  if (!isLuhnValid(pan)) errors.pan = 'Enter a valid card number (12–19 digits)';
  const expiry = /^(0[1-9]|1[0-2])\s*\/\s*(\d{2}|\d{4})$/.exec((form.get('expiry') ?? '').trim());
  if (!expiry) {
    errors.expiry = 'Enter the expiry date as MM/YY';
  } else {
    const year = Number(expiry[2]!.length === 2 ? `20${expiry[2]}` : expiry[2]);
    const endOfMonth = Date.UTC(year, Number(expiry[1]), 1);
    if (endOfMonth <= now) errors.expiry = 'The card has expired';
  }
  if (!/^\d{3,4}$/.test((form.get('cvc') ?? '').trim())) errors.cvc = 'Enter the 3 or 4 digit security code';
  const name = (form.get('name') ?? '').trim();
  if (name === '' || name.length > 100) errors.name = 'Enter the name on the card';
  return Object.keys(errors).length ? { errors } : { card: { pan, name }, errors };
}

/** The payer's name on the card becomes the sender when the paymelink named none. */
function fillSender(tx: TransactionRecord, name: string): void {
  if (tx.sender.firstName || tx.sender.lastName) return;
  const parts = name.split(/\s+/);
  const lastName = parts.length > 1 ? parts.pop()! : '';
  tx.sender = { firstName: parts.join(' '), lastName };
}

export async function handlePaymentSubmit(ctx: EmulatorContext, transactionId: string, request: Request): Promise<Response> {
  const tx = find(ctx, transactionId);
  if (!tx) return html(404, renderNotFoundPage());
  // Paid, failed or still processing: never charge twice, show where it stands.
  if (!isOpen(tx)) return redirect(ctx.baseUrl + hostedPagePath(tx.transactionId));

  const text = await readLimitedText(request);
  const form = new URLSearchParams(text ?? '');
  const values = Object.fromEntries(['pan', 'expiry', 'name'].map((k) => [k, form.get(k) ?? ''])) as Record<CardField, string>;
  const now = ctx.now();
  const { card, errors } = readCardForm(form, now);
  if (!card) return formPage(ctx, tx, 400, { fieldErrors: errors, values });

  const outcome = outcomeFor(card.pan, tx.amount);
  const decision = decide(tx, outcome, now, ctx.pendingSettleMs);
  if (!decision.state) {
    const code = decision.answer.body.status as keyof typeof FENIGE_ERROR_CODES;
    const paymentError = `${code}: ${FENIGE_ERROR_CODES[code].message}. Nothing was charged; please try again.`;
    return formPage(ctx, tx, decision.answer.httpStatus, { paymentError, values });
  }
  if (outcome.network) tx.cardNetwork = outcome.network;
  tx.cardLast4 = card.pan.slice(-4);
  fillSender(tx, card.name);
  recordAuthorisation(tx, decision, now);
  ctx.store.setState(tx, decision.state);
  if (tx.pending) {
    ctx.store.watchPending(tx);
    return redirect(ctx.baseUrl + hostedPagePath(tx.transactionId));
  }
  return redirect(returnUrl(tx));
}
