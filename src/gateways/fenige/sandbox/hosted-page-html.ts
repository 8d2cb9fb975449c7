import { createHash } from 'node:crypto';
import { minorToDecimal } from '../../../protocol/index.js';
import { FENIGE_TEST_CARDS } from './test-cards.js';

/**
 * HTML of the sandbox's hosted payment page: a plain form, no script at all, one stylesheet
 * allowed by its hash, so it works under the strictest Content-Security-Policy.
 */

export interface PaymentPageModel {
  action: string;
  amount: number;
  currency: string;
  description: string;
  /** Field name → message. */
  fieldErrors?: Partial<Record<CardField, string>>;
  /** A payment error that left the payment open (the payer may try again). */
  paymentError?: string;
  values?: Partial<Record<CardField, string>>;
}

export type CardField = 'pan' | 'expiry' | 'cvc' | 'name';

const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
main { max-width: 30rem; margin: 0 auto; }
.badge { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; background: #fde68a; color: #3f2d00; font-size: .85rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { box-sizing: border-box; width: 100%; padding: .6rem; font: inherit; border: 1px solid GrayText; border-radius: .4rem; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
input[aria-invalid="true"] { border: 2px solid #b91c1c; }
.row { display: flex; gap: 1rem; } .row > div { flex: 1; }
.field-error { color: #b91c1c; margin: .25rem 0 0; font-size: .9rem; }
.alert { border: 2px solid #b91c1c; border-radius: .4rem; padding: .5rem 1rem; margin-top: 1rem; }
.alert h2 { font-size: 1.1rem; margin: .5rem 0; }
button { margin-top: 1.5rem; width: 100%; padding: .8rem; font: inherit; font-weight: 600; color: #fff; background: #1d4ed8; border: 0; border-radius: .4rem; cursor: pointer; }
details { margin-top: 2rem; } table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid GrayText; } td:first-child { font-family: ui-monospace, monospace; white-space: nowrap; }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Headers of every hosted page; `formTargets` are the origins a form may end up at (its redirects). */
export function pageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const formAction = ["'self'", ...new Set(formTargets)].join(' ');
  return {
    'Content-Type': 'text/html;charset=UTF-8',
    'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const money = (amount: number, currency: string) => `${minorToDecimal(amount, currency)} ${currency}`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<title>${escapeHtml(title)} — Fenige sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="badge">Sandbox — no real money moves</p>
${body}
</main>
</body>
</html>
`;
}

const FIELDS: { name: CardField; label: string; attributes: string }[] = [
  { name: 'pan', label: 'Card number', attributes: 'inputmode="numeric" autocomplete="cc-number" maxlength="23"' },
  { name: 'expiry', label: 'Expiry date (MM/YY)', attributes: 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7"' },
  { name: 'cvc', label: 'Security code (CVC)', attributes: 'inputmode="numeric" autocomplete="cc-csc" maxlength="4"' },
  { name: 'name', label: 'Name on card', attributes: 'autocomplete="cc-name" maxlength="100"' },
];

function field(model: PaymentPageModel, name: CardField): string {
  const spec = FIELDS.find((f) => f.name === name)!;
  const error = model.fieldErrors?.[name];
  const value = name === 'cvc' ? '' : (model.values?.[name] ?? '');
  const described = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
  return `<div>
<label for="${name}">${spec.label}</label>
<input id="${name}" name="${name}" required ${spec.attributes} value="${escapeHtml(value)}"${described}>
${error ? `<p id="${name}-error" class="field-error">${escapeHtml(error)}</p>` : ''}
</div>`;
}

function errorSummary(model: PaymentPageModel): string {
  const errors = Object.entries(model.fieldErrors ?? {});
  if (errors.length === 0) return '';
  const items = errors.map(([name, message]) => `<li><a href="#${name}">${escapeHtml(message!)}</a></li>`).join('');
  return `<div class="alert" role="alert"><h2>Please correct the card details</h2><ul>${items}</ul></div>`;
}

function testCardTable(): string {
  const rows = FENIGE_TEST_CARDS.map(
    (card) => `<tr><td>${card.pan}</td><td>${card.network}</td><td>${card.outcome}</td><td>${escapeHtml(card.description)}</td></tr>`,
  ).join('\n');
  return `<details>
<summary>Test cards</summary>
<table>
<caption>Any expiry date in the future and any CVC work. Other VISA and Mastercard numbers are approved.</caption>
<thead><tr><th scope="col">Card number</th><th scope="col">Network</th><th scope="col">Outcome</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</details>`;
}

export function renderPaymentPage(model: PaymentPageModel): string {
  const total = money(model.amount, model.currency);
  const paymentError = model.paymentError ? `<div class="alert" role="alert"><p>${escapeHtml(model.paymentError)}</p></div>` : '';
  return layout(
    `Pay ${total}`,
    `<h1>Pay ${escapeHtml(total)}</h1>
<p>${escapeHtml(model.description)}</p>
${errorSummary(model)}${paymentError}
<form method="post" action="${escapeHtml(model.action)}" novalidate>
${field(model, 'pan')}
<div class="row">${field(model, 'expiry')}${field(model, 'cvc')}</div>
${field(model, 'name')}
<button type="submit">Pay ${escapeHtml(total)}</button>
</form>
${testCardTable()}`,
  );
}

/** Shown while an E0153 payment is IN_PROGRESS; reloads itself without script. */
export function renderProcessingPage(selfUrl: string, refreshSeconds: number): string {
  return layout(
    'Payment in progress',
    `<h1>Your payment is being processed</h1>
<p role="status">This page checks again every ${refreshSeconds} seconds.</p>
<p><a href="${escapeHtml(selfUrl)}">Check now</a></p>`,
    `<meta http-equiv="refresh" content="${refreshSeconds}">\n`,
  );
}

export const renderNotFoundPage = (): string =>
  layout('Payment not found', '<h1>Payment not found</h1>\n<p>This payment link does not exist in the sandbox.</p>');
