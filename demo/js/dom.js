// Small helpers shared by the demo's modules. Plain DOM, no innerHTML: the page enforces Trusted Types.

/** `h('button', { type: 'button', onclick }, 'Clear')` → an element; `on*` keys become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** Minor units → "129.99 PLN", without floating point. */
export function money(amount, currency) {
  let digits;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return `${amount} ${currency}`;
  }
  const units = String(amount).padStart(digits + 1, '0');
  return `${digits ? `${units.slice(0, -digits)}.${units.slice(-digits)}` : units} ${currency}`;
}

/** "12.5" → 1250 for a 2-digit currency; undefined when it is not a positive amount. */
export function toMinor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const match = new RegExp(`^(\\d+)(?:[.,](\\d{1,${Math.max(digits, 1)}}))?$`).exec(String(text).trim());
  if (!match || (match[2] && digits === 0)) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

/** JSON fetch against the shop's own API; throws an Error carrying the server's message. */
export async function api(path, init = {}) {
  const response = await fetch(`/demo-api${path}`, {
    ...init,
    headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error ?? {};
    throw new Error([error.code, error.message ?? `HTTP ${response.status}`].filter(Boolean).join(': '));
  }
  return body;
}

export const send = (method, path, body = {}) => api(path, { method, body: JSON.stringify(body) });
