/**
 * The sandbox pages' HTML: plain forms, no script at all, one external stylesheet, so they work
 * under the strictest Content-Security-Policy and with a keyboard or a screen reader.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let text = strings[0];
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    text += parts.map((part) => (part instanceof Html ? part.text : escapeHtml(String(part ?? '')))).join('');
    text += strings[i + 1];
  });
  return new Html(text);
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http: https:; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function page(title: string, stylesheet: string, body: Html, status = 200): Response {
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — Feennex sandbox</title>
        <link rel="stylesheet" href="${stylesheet}" />
      </head>
      <body>
        <main>
          <p class="badge">Feennex sandbox · test payments only, no money moves</p>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `;
  return new Response(document.text, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS },
  });
}

export const STYLESHEET = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1f24; }
main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
.badge { display: inline-block; margin: 0; padding: .2rem .6rem; border-radius: 4px; background: #fff3cd; color: #5c4400; font-size: .85rem; }
h1 { font-size: 1.4rem; }
label { display: block; margin-top: .8rem; font-weight: 600; }
input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #8a939c; border-radius: 4px; }
.actions { display: flex; gap: .8rem; margin-top: 1.2rem; }
button { padding: .6rem 1.2rem; font: inherit; border: 0; border-radius: 4px; cursor: pointer; background: #0b5cad; color: #fff; }
button.secondary { background: #e4e7eb; color: #1b1f24; }
button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.error { color: #a1110a; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: 1.2rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #e4e7eb; }
`;

export function stylesheet(): Response {
  return new Response(STYLESHEET, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600', 'x-content-type-options': 'nosniff' },
  });
}
