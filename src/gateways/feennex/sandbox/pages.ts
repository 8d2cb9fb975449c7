import { randomBytes } from 'node:crypto';
import { cardNetworkOf, cardOutcome, maskPan } from './cards.js';
import { html, page, type Html } from './html.js';
import { formatAmount } from './money.js';
import { readFormParams } from './params.js';
import type { PaymentRecord, SandboxState } from './state.js';
import { BILL_STATUS, INVOICE_STATUS, isFinal, isSuccess } from './statuses.js';
import { TEST_CARDS } from './test-data.js';

/**
 * The payer-facing pages: `pay/{id}` (the hosted card form, or the wallet confirmation for other
 * payways and bills) and `3ds/{id}` (the 3-D Secure challenge). Both finish the payment and send
 * the payer to the payment's `success_url` / `failed_url` with `shop_order_id` appended.
 */
export interface PageContext {
  state: SandboxState;
  /** Path (no origin) of a sandbox page or asset, e.g. `/feennex/pay/100001`. */
  path(page: string): string;
}

const family = (payment: PaymentRecord) => (payment.type === 'bill' ? 'bill' : 'invoice');
const price = (payment: PaymentRecord) => `${formatAmount(payment.payerPrice, payment.payerCurrency)} ${payment.payerCurrency.alpha}`;

function render(context: PageContext, title: string, body: Html, status?: number): Response {
  return page(title, context.path('sandbox.css'), body, status);
}

const notFound = (context: PageContext) => render(context, 'Payment not found', html`<p>There is no payment to finish at this address.</p>`, 404);

const wrongLink = (context: PageContext) => render(context, 'Link not valid', html`<p>This payment link is incomplete. Start again from the shop.</p>`, 403);

/** Sends the payer back to the shop, or shows the result when the shop gave no URL. */
function finish(context: PageContext, payment: PaymentRecord): Response {
  const success = isSuccess(family(payment), payment.status);
  const target = success ? payment.successUrl : payment.failedUrl;
  if (target) {
    const url = new URL(target);
    url.searchParams.set('shop_order_id', payment.shopOrderId);
    return new Response(null, { status: 303, headers: { location: url.href, 'cache-control': 'no-store' } });
  }
  return render(
    context,
    success ? 'Payment successful' : 'Payment failed',
    html`<p role="status">
      ${success ? 'The payment was approved' : 'The payment was not completed'} (order ${payment.shopOrderId}). You can close this page.
    </p>`,
  );
}

function end(context: PageContext, payment: PaymentRecord, approved: boolean): Response {
  const status = payment.type === 'bill' ? (approved ? BILL_STATUS.paid : BILL_STATUS.canceled) : approved ? INVOICE_STATUS.success : INVOICE_STATUS.rejected;
  context.state.setStatus(payment, status);
  return finish(context, payment);
}

function cardForm(context: PageContext, payment: PaymentRecord, error?: string): Response {
  const rows = TEST_CARDS.map(
    (card) =>
      html`<tr>
        <td>${card.pan}</td>
        <td>${card.network}</td>
        <td>${card.description}</td>
      </tr>`,
  );
  return render(
    context,
    `Pay ${price(payment)}`,
    html` ${error ? html`<p class="error" role="alert" id="card-error">${error}</p>` : ''}
      <form method="post" action="${context.path(`pay/${payment.id}`)}">
        <input type="hidden" name="session_id" value="${payment.sessionId}" />
        <label for="pan">Card number</label>
        <input id="pan" name="pan" inputmode="numeric" autocomplete="cc-number" required ${error ? html`aria-describedby="card-error"` : ''} />
        <label for="exp">Expiry date (MM/YY)</label>
        <input id="exp" name="exp" inputmode="numeric" autocomplete="cc-exp" placeholder="12/30" required />
        <label for="cvc">Security code</label>
        <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required />
        <div class="actions"><button type="submit" name="action" value="pay">Pay ${price(payment)}</button></div>
      </form>
      <table>
        <caption>
          Test cards (any future expiry date, any 3-digit code)
        </caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Network</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    error ? 422 : 200,
  );
}

function cardError(fields: Record<string, string>, now: Date): string | undefined {
  if (!/^\d{12,19}$/.test(fields.pan ?? '')) return 'Enter the card number: 12 to 19 digits.';
  const exp = /^(0[1-9]|1[0-2])\/?(\d{2})$/.exec(fields.exp?.replace(/\s/g, '') ?? '');
  if (!exp) return 'Enter the expiry date as MM/YY.';
  const lastValidMonth = (2000 + Number(exp[2])) * 12 + Number(exp[1]);
  if (lastValidMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) return 'This card has expired.';
  if (!/^\d{3,4}$/.test(fields.cvc ?? '')) return 'Enter the 3- or 4-digit security code.';
  return undefined;
}

function payByCard(context: PageContext, payment: PaymentRecord, fields: Record<string, string>): Response {
  const pan = (fields.pan ?? '').replace(/[\s-]/g, '');
  const error = cardError({ ...fields, pan }, new Date(context.state.now()));
  if (error) return cardForm(context, payment, error);
  payment.psData = { card: maskPan(pan), network: cardNetworkOf(pan) ?? 'UNKNOWN' };
  const outcome = cardOutcome(pan);
  if (outcome !== 'challenge') return end(context, payment, outcome === 'approve');
  payment.md = randomBytes(16).toString('hex');
  const challenge = `${context.path(`3ds/${payment.id}`)}?md=${payment.md}`;
  return new Response(null, { status: 303, headers: { location: challenge, 'cache-control': 'no-store' } });
}

/** Approve / Fail buttons posting `hidden` back to `action`. */
function confirmation(context: PageContext, title: string, text: string, action: string, hidden: Html): Response {
  return render(
    context,
    title,
    html`<p>${text}</p>
      <form method="post" action="${context.path(action)}">
        ${hidden}
        <div class="actions">
          <button type="submit" name="action" value="approve">Approve</button>
          <button type="submit" name="action" value="fail" class="secondary">Fail</button>
        </div>
      </form>`,
  );
}

export async function payPage(request: Request, id: number, context: PageContext): Promise<Response> {
  const payment = context.state.paymentById(id);
  if (!payment || payment.payway?.kind === 'googlepay') return notFound(context);
  const fields = await readFormParams(request);
  if (fields.session_id !== payment.sessionId) return wrongLink(context);
  if (isFinal(family(payment), payment.status)) return finish(context, payment);
  if (payment.status === INVOICE_STATUS.created && payment.type === 'invoice') context.state.setStatus(payment, INVOICE_STATUS.waiting);
  const action = request.method === 'POST' ? fields.action : undefined;
  if (payment.payway?.kind === 'card') return action === 'pay' ? payByCard(context, payment, fields) : cardForm(context, payment);
  if (action === 'approve' || action === 'fail') return end(context, payment, action === 'approve');
  return confirmation(
    context,
    `Pay ${price(payment)}`,
    `Sign in to your test wallet and confirm the payment for order ${payment.shopOrderId}.`,
    `pay/${id}`,
    html`<input type="hidden" name="session_id" value="${payment.sessionId}" />`,
  );
}

export async function threeDsPage(request: Request, id: number, context: PageContext): Promise<Response> {
  const payment = context.state.paymentById(id);
  if (!payment?.md) return notFound(context);
  const fields = await readFormParams(request);
  if (fields.md !== payment.md) return wrongLink(context);
  if (isFinal(family(payment), payment.status)) return finish(context, payment);
  const action = request.method === 'POST' ? fields.action : undefined;
  if (action === 'approve' || action === 'fail') return end(context, payment, action === 'approve');
  return confirmation(
    context,
    '3-D Secure check',
    `Your bank asks you to confirm a payment of ${price(payment)} for order ${payment.shopOrderId}.`,
    `3ds/${id}`,
    html`<input type="hidden" name="md" value="${payment.md}" />`,
  );
}
