import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FENIGE_TEST_CARDS } from '../../src/gateways/fenige/sandbox/index.js';
import { get, MERCHANT, post, startFenige, UUID, type FenigeHarness } from './sandbox-fenige-harness.js';

const SUCCESS_URL = 'https://shop.example/ok?order=42';
const FAILURE_URL = 'https://shop.example/failed';
const cardFor = (code: string) => FENIGE_TEST_CARDS.find((c) => c.outcome === code)!.pan;

/** Fenige's documented paymelink example with a fresh id. */
function preInitData(overrides: Record<string, unknown> = {}) {
  return {
    transactionId: crypto.randomUUID(),
    currencyCode: 'PLN',
    amount: 2599,
    description: 'test',
    merchantUrl: 'https://www.fenige.com',
    orderNumber: 'a66026ab-e9f3-4aca-9fb1-25fa3c511a1b',
    redirectUrl: { successUrl: SUCCESS_URL, failureUrl: FAILURE_URL },
    formLanguage: 'en',
    sender: {
      firstName: 'test',
      lastName: 'test',
      address: { countryCode: 'PL', city: 'Lublin', postalCode: '20-149', street: 'test', houseNumber: '1234' },
    },
    autoClear: false,
    ...overrides,
  };
}

describe('Fenige sandbox: paymelink and hosted payment page', () => {
  let h: FenigeHarness;
  before(async () => {
    h = await startFenige({ pendingSettleMs: 10_000 });
  });
  after(() => h.close());

  async function link(overrides: Record<string, unknown> = {}): Promise<string> {
    const data = preInitData(overrides);
    const res = await post(h, '/external/paymelink', { preInitData: data });
    assert.equal(res.status, 200);
    return res.body.transactionId;
  }
  const page = (id: string) => fetch(`${h.url}/pay/${id}`, { redirect: 'manual' });
  const pay = (id: string, form: Record<string, string>) =>
    fetch(`${h.url}/pay/${id}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  const card = (pan: string) => ({ pan, expiry: '12/39', cvc: '123', name: 'Jan Kowalski' });
  const state = async (id: string) => (await get(h, `/transactions/details/${id}`)).body.transactionState;

  it('creates a link to the hosted page for the example, under an id of its own (paymelinkId: assigned), IN_PROGRESS until paid', async () => {
    const data = preInitData();
    const res = await post(h, '/external/paymelink', { preInitData: data });
    assert.equal(res.status, 200);
    const assigned = res.body.transactionId;
    assert.match(assigned, UUID);
    assert.notEqual(assigned, data.transactionId, 'as the example: the answer names another id');
    assert.deepEqual(res.body, { value: `${h.url}/pay/${assigned}`, transactionId: assigned });
    assert.equal(await state(assigned), 'IN_PROGRESS');
    assert.equal((await get(h, `/transactions/details/${data.transactionId}`)).status, 404, "the merchant id is not Fenige's");
    assert.equal(h.emulator.transactions().find((t) => t.transactionId === assigned)?.merchantTransactionId, data.transactionId);
    const replay = await post(h, '/external/paymelink', { preInitData: data });
    assert.deepEqual(replay.body, res.body, 'the same request gets the same link');
    const different = await post(h, '/external/paymelink', { preInitData: { ...data, amount: 1 } });
    assert.equal(different.status, 422);
  });

  it('paymelinkId: echo keeps the merchant id; formLanguage is case-insensitive', async () => {
    const echo = await startFenige({ paymelinkId: 'echo' });
    try {
      const data = preInitData({ formLanguage: 'PL' });
      const res = await post(echo, '/external/paymelink', { preInitData: data });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { value: `${echo.url}/pay/${data.transactionId}`, transactionId: data.transactionId });
      assert.equal((await get(echo, `/transactions/details/${data.transactionId}`)).body.transactionState, 'IN_PROGRESS');
      const bad = await post(echo, '/external/paymelink', { preInitData: preInitData({ formLanguage: 'english' }) });
      assert.deepEqual(bad.body.errors, { 'preInitData.formLanguage': ['must be a language code such as en or pl'] });
    } finally {
      await echo.close();
    }
  });

  it('autoClear is required by default (the field table) and true when left out under paymelinkAutoClear: default-true (the prose)', async () => {
    const { autoClear: _dropped, ...withoutAutoClear } = preInitData();
    const strict = await post(h, '/external/paymelink', { preInitData: withoutAutoClear });
    assert.equal(strict.status, 400);
    assert.deepEqual(strict.body.errors, { 'preInitData.autoClear': ['must not be null'] });
    const prose = await startFenige({ paymelinkAutoClear: 'default-true' });
    try {
      const res = await post(prose, '/external/paymelink', { preInitData: withoutAutoClear });
      assert.equal(res.status, 200);
      assert.equal(prose.emulator.transactions()[0]!.capture, true);
    } finally {
      await prose.close();
    }
  });

  it('validates preInitData with the errors map', async () => {
    const res = await post(h, '/external/paymelink', {
      preInitData: { amount: -1, currencyCode: 'PLN', redirectUrl: { successUrl: 'javascript:alert(1)' } },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, {
      'preInitData.transactionId': ['must not be null', 'must not be blank'],
      'preInitData.amount': ['must be greater than 0'],
      'preInitData.description': ['must not be null', 'must not be blank'],
      'preInitData.redirectUrl.successUrl': ['must be a valid absolute http(s) URL'],
      'preInitData.redirectUrl.failureUrl': ['must not be null', 'must not be blank'],
      'preInitData.formLanguage': ['must not be null', 'must not be blank'],
      'preInitData.autoClear': ['must not be null'],
    });
    assert.deepEqual((await post(h, '/external/paymelink', {})).body.errors, { preInitData: ['must not be null'] });
  });

  it('serves an accessible, script-free card form without Basic auth', async () => {
    const id = await link({ description: '<script>alert(1)</script>' });
    const res = await page(id);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' https:\/\/shop\.example/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const html = await res.text();
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Pay 25\.99 PLN/);
    assert.match(html, new RegExp(`<form method="post" action="${h.url}/pay/${id}"`));
    for (const field of ['pan', 'expiry', 'cvc', 'name']) assert.match(html, new RegExp(`<label for="${field}">`));
    assert.match(html, /autocomplete="cc-number"/);
    assert.match(html, /4111111111111111/);
  });

  it('shows field errors on the form for invalid card details', async () => {
    const id = await link();
    const res = await pay(id, { pan: '4111111111111112', expiry: '01/20', cvc: '1', name: '' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /id="pan"[^>]*aria-invalid="true" aria-describedby="pan-error"/);
    for (const message of ['Enter a valid card number', 'The card has expired', 'Enter the 3 or 4 digit security code', 'Enter the name on the card']) {
      assert.match(html, new RegExp(message));
    }
    assert.equal(await state(id), 'IN_PROGRESS');
  });

  it('pays with an approved card and redirects 303 to successUrl with the transactionId', async () => {
    const id = await link();
    const res = await pay(id, card('4111 1111 1111 1111'));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `https://shop.example/ok?order=42&transactionId=${id}`);
    assert.equal(await state(id), 'SUCCESS_WAITING_FOR_CLEARING', 'autoClear: false waits for clearing');
    const cleared = await post(h, '/external/clear', { transactionId: id, merchantUuid: MERCHANT, clearingAmount: 2599 });
    assert.equal(cleared.status, 200);
    const again = await pay(id, card('4111111111111111'));
    assert.equal(again.status, 303, 'a second submit charges nothing');
    assert.equal(again.headers.get('location'), `${h.url}/pay/${id}`);
    assert.equal(h.emulator.transactions().find((t) => t.transactionId === id)?.state, 'SUCCESS');
    const details = await get(h, `/transactions/details/${id}`);
    assert.deepEqual(details.body.sender, { firstName: 'test', lastName: 'test', email: null, phone: null });
  });

  it('clears at once with autoClear: true and takes the payer name when no sender was given', async () => {
    const id = await link({ autoClear: true, sender: undefined });
    assert.equal((await pay(id, card('5555555555554444'))).status, 303);
    const details = await get(h, `/transactions/details/${id}`);
    assert.equal(details.body.transactionState, 'SUCCESS');
    assert.deepEqual(details.body.sender, { firstName: 'Jan', lastName: 'Kowalski', email: null, phone: null });
  });

  it('redirects a declined card to failureUrl and records FAILURE', async () => {
    const id = await link();
    const res = await pay(id, card(cardFor('E0204')));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${FAILURE_URL}?transactionId=${id}`);
    assert.equal(await state(id), 'FAILURE');
    const revisit = await page(id);
    assert.equal(revisit.status, 303);
    assert.equal(revisit.headers.get('location'), `${FAILURE_URL}?transactionId=${id}`);
  });

  it('keeps the payment open after a 503-class error', async () => {
    const id = await link();
    const res = await pay(id, card(cardFor('E9001')));
    assert.equal(res.status, 503);
    assert.match(await res.text(), /E9001: Error acquirer connection\. Nothing was charged/);
    assert.equal(await state(id), 'IN_PROGRESS');
    assert.equal((await pay(id, card('4111111111111111'))).status, 303);
    assert.equal(await state(id), 'SUCCESS_WAITING_FOR_CLEARING');
  });

  it('shows a self-refreshing processing page for E0153 until it settles', async () => {
    const id = await link();
    const res = await pay(id, card(cardFor('E0153')));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${h.url}/pay/${id}`);
    const processing = await page(id);
    assert.equal(processing.status, 200);
    assert.match(await processing.text(), /<meta http-equiv="refresh" content="2">/);
    h.advance(10_000);
    const settled = await page(id);
    assert.equal(settled.status, 303);
    assert.equal(settled.headers.get('location'), `https://shop.example/ok?order=42&transactionId=${id}`);
  });

  it('answers 404 for an unknown payment page', async () => {
    const res = await page(crypto.randomUUID());
    assert.equal(res.status, 404);
    assert.match(await res.text(), /Payment not found/);
  });
});
