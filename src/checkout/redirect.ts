import type { Redirect } from '../protocol/index.js';

/**
 * Sends the browser to a 3-D Secure or hosted payment page: GET by navigation (params added to
 * the query), POST through an auto-submitted form carrying the params as hidden fields.
 */
export function navigate(redirect: Redirect, doc: Document = document): void {
  // Only http(s) redirects get here: flow-result's toResult turns any other into INVALID_REDIRECT.
  const target = new URL(redirect.url, doc.baseURI);
  if (redirect.method === 'GET') {
    for (const [key, value] of Object.entries(redirect.params ?? {})) target.searchParams.set(key, value);
    doc.defaultView?.location.assign(target.href);
    return;
  }
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = target.href;
  form.hidden = true;
  for (const [name, value] of Object.entries(redirect.params ?? {})) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  doc.body.append(form);
  form.submit();
}
