// Property-based hostile `data` through a real element, the fake Google Pay client and the mock
// backend: every bad value is answered with a payment-error naming the field, the element goes
// `invalid`, and even a click on Google's (hidden) button sends nothing anywhere. Markup in any
// field is shown as text, never parsed, never run.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isKnownCurrency } from '../../src/protocol/index.js';
import type { PaymentElement } from '../../src/elements/payment-element.js';
import { backend, eventsOf, firstEvent, freshGooglePay, mount, sender, statusText, validData } from './helpers.js';
import { sleep, waitFor } from '../support/wait.js';

declare global {
  interface Window {
    __hostile?: number;
  }
}

const HTML = [
  '<img src=x onerror="window.__hostile=1">',
  '<script>window.__hostile=1</script>',
  '"><svg onload="window.__hostile=1">',
  '<iframe srcdoc="<script>parent.__hostile=1</script>"></iframe>',
  '<a href="javascript:window.__hostile=1">x</a>',
  '<!--?lit$123$--><b>lit marker</b>',
];
const SHADOW_TAGS = new Set(['DIV', 'BUTTON', 'STYLE']);
/** Elements the payloads would create if they were parsed as HTML. */
const markupInPage = () => document.querySelectorAll('img, script:not([src]), svg, iframe, a[href^="javascript"], b').length;
const pageBefore = markupInPage();
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

function expectNothingInjected(el?: Element): void {
  expect(window.__hostile, 'markup ran').to.equal(undefined);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).to.equal(prototypeBefore);
  expect(markupInPage(), 'markup parsed into the page').to.equal(pageBefore);
  if (el) {
    // The fake Google Pay button draws its logo with its own spans and SVG; everything else counts.
    const tags = [...el.shadowRoot!.querySelectorAll('*:not(.fake-gpay-button *)')].map((node) => node.tagName);
    expect(
      tags.filter((tag) => !SHADOW_TAGS.has(tag)),
      'markup parsed into the shadow root',
    ).to.deep.equal([]);
  }
}

type Tag = 'paytool-button' | 'feennex-pay';
interface Scenario {
  fake: ReturnType<typeof freshGooglePay>;
  endpoint: string;
  log: () => Promise<unknown[]>;
}

async function scenario(): Promise<Scenario> {
  const fake = freshGooglePay();
  const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
  return { fake, endpoint: server.endpoint, log: server.log };
}

/**
 * Mounts an element with `data` (as the property, or as the attribute's JSON text), expects the
 * payment-error naming `path`, then clicks Google's button anyway: nothing may start.
 */
async function expectRefused(s: Scenario, tag: Tag, data: unknown, path: string, asAttribute = false) {
  const el = await mount(tag, { endpoint: s.endpoint });
  if (asAttribute) el.setAttribute('data', data as string);
  else el.data = data as never;
  const { detail } = await firstEvent(el, 'payment-error');
  expect(detail.code).to.equal('INVALID_DATA');
  const paths: string[] = detail.issues.map((i: { path: string }) => i.path);
  expect(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    `issues ${JSON.stringify(paths).slice(0, 200)} name ${path}`,
  ).to.equal(true);
  expect(detail.message).to.be.a('string').and.not.equal('');
  await el.updateComplete;
  expect(el.state).to.equal('invalid');
  // Google Pay is ready underneath; its button is only hidden. A click must still start nothing.
  const button = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button'), 'the Google Pay button');
  button.click();
  await el.updateComplete;
  expect(s.fake.calls.loadPaymentData, 'Google Pay sheet opened').to.have.length(0);
  expect(eventsOf(el).map((e) => e.type)).to.deep.equal(['payment-error']);
  expectNothingInjected(el);
  el.parentElement!.remove();
  return { detail, el };
}

// ---------------------------------------------------------------------------------------------
// Values

const weird = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    [],
    {},
    Symbol('s'),
    () => 1,
    new Date(0),
    10n,
    new Number(1000),
    new String('PLN'),
    /x/,
    new Map(),
    Object.create(null),
    new Uint8Array(2),
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const notAString = weird.filter((v) => typeof v !== 'string');
const HUGE = 1024 * 1024;
const longString = (min: number) =>
  fc.tuple(fc.string({ minLength: 1, maxLength: 5 }), fc.integer({ min: min + 1, max: min + 5_000 })).map(([seed, n]) => seed.repeat(n).slice(0, n));
const badText = (max: number) => fc.oneof(notAString, fc.constant(''), longString(max));

const badAmount = fc
  .oneof(
    weird,
    fc.string(),
    fc.constantFrom(2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, 1e21, 0.5, 1.0000001, -1, Number.MIN_VALUE, -0),
    fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
    fc.integer({ max: 0 }),
    fc.bigInt().map((n) => Number(n) * 1e6 + 0.5),
  )
  .filter((v) => !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 1));
const badCurrency = fc.oneof(
  notAString,
  fc.string().filter((s) => !isKnownCurrency(s)),
  fc.constantFrom('pln', 'Pln', ' PLN', 'PLN ', 'XYZ', 'ZZZ', 'EURO', '€', 'ＰＬＮ', 'P\u200bLN'),
);
const badUuid = fc.oneof(
  notAString,
  fc.string(),
  fc.uuid().map((u) => `${u} `),
  fc.uuid().map((u) => u.slice(1)),
);
const badCountry = fc.oneof(
  notAString,
  fc.string().filter((s) => !/^[A-Z]{2}$/.test(s)),
  fc.constantFrom('pl', 'POL', 'P', ''),
);
const badSender = fc.oneof(
  weird.filter((v) => !(v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length)),
  badText(100).map((firstName) => ({ ...sender, firstName })),
  badText(100).map((lastName) => ({ ...sender, lastName })),
  fc
    .oneof(
      notAString,
      fc.string().filter((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)),
    )
    .map((email) => ({ ...sender, email })),
  fc
    .string({ minLength: 1 })
    .filter((k) => !['firstName', 'lastName', 'email'].includes(k))
    .map((k) => ({ ...sender, [k]: 1 })),
);

/** One field of otherwise valid data replaced by a value it must refuse. */
const hostileField = fc.oneof(
  badAmount.map((v) => ({ path: 'amount', value: v })),
  badCurrency.map((v) => ({ path: 'currencyCode', value: v })),
  badText(255).map((v) => ({ path: 'description', value: v })),
  badText(200).map((v) => ({ path: 'apiKey', value: v })),
  badUuid.map((v) => ({ path: 'transactionId', value: v })),
  badText(255).map((v) => ({ path: 'gatewayMerchantId', value: v })),
  badText(100).map((v) => ({ path: 'merchantName', value: v })),
  badText(100).map((v) => ({ path: 'merchantId', value: v })),
  badCountry.map((v) => ({ path: 'countryCode', value: v })),
  badSender.map((v) => ({ path: 'sender', value: v })),
);
const tag = fc.constantFrom<Tag>('paytool-button', 'feennex-pay');
/** Values the element does not see as a change from "no data" (see the skipped test below). */
const isSeenAsChange = (data: unknown) => data !== '' && typeof data !== 'function' && typeof data !== 'symbol';

describe('hostile data (property-based, through the element)', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await scenario();
    window.__hostile = undefined;
  });
  afterEach(async () => {
    await sleep(30); // let a would-be onerror/onload fire
    expectNothingInjected();
    expect(await s.log(), 'requests reached the backend').to.deep.equal([]);
  });

  it('any one field with a wrong type, NaN/Infinity/-0, an unsafe or fractional amount, an unknown currency, a bad string → payment-error naming it', async () => {
    await fc.assert(
      fc.asyncProperty(tag, hostileField, async (t, { path, value }) => {
        const { detail } = await expectRefused(s, t, { ...validData, [path]: value }, path);
        expect(detail.message.length, 'the message echoes the value').to.be.below(1_000);
      }),
      { numRuns: 200 },
    );
  });

  it('a 1 MB description (as the property or in the attribute’s JSON) → payment-error naming description, not echoing it', async () => {
    await fc.assert(
      fc.asyncProperty(tag, fc.integer({ min: 256, max: HUGE }), fc.boolean(), fc.constantFrom('x', 'ż', HTML[0]!), async (t, length, asAttribute, unit) => {
        const description = unit.repeat(Math.ceil(length / unit.length)).slice(0, Math.max(length, 256));
        const data = { ...validData, description };
        const { detail, el } = await expectRefused(s, t, asAttribute ? JSON.stringify(data) : data, 'description', asAttribute);
        expect(detail.message.length).to.be.below(1_000);
        expect(statusText(el).length).to.be.below(1_000);
      }),
      { numRuns: 12 },
    );
  });

  it('data that is no object at all (numbers, arrays, broken JSON text, JSON of a non-object) → payment-error about the data itself', async () => {
    // Any non-array object (a Date, a Map …) is read as an object missing every field instead.
    const garbage = fc.oneof(
      weird.filter((v) => v !== null && (typeof v !== 'object' || Array.isArray(v))),
      fc.string().filter((text) => {
        try {
          const parsed = JSON.parse(text);
          return !parsed || typeof parsed !== 'object' || Array.isArray(parsed);
        } catch {
          return true;
        }
      }),
      fc
        .jsonValue()
        .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(tag, garbage.filter(isSeenAsChange), async (t, data) => {
        await expectRefused(s, t, data, '');
      }),
      { numRuns: 60 },
    );
  });

  // BUG (src/elements/payment-element.ts, contentKey): '', a function and a symbol all key as ''
  // like `undefined`, so `hasChanged` says "unchanged": no validation, no payment-error, the element
  // stays `loading` for ever. Enable once contentKey tells those apart from undefined.
  it('an empty string, a function or a symbol as data → payment-error, not a silent "loading"', async () => {
    await fc.assert(
      fc.asyncProperty(
        tag,
        fc.constantFrom<unknown>('', () => 1, Symbol('data')),
        async (t, data) => {
          await expectRefused(s, t, data, '');
        },
      ),
      { numRuns: 6 },
    );
  });

  it('prototype-pollution keys (own keys via JSON.parse, as the property or the attribute) at the top or in sender → payment-error naming them; nothing polluted', async () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const value = fc.oneof(fc.constant({ polluted: true }), fc.constant({ prototype: { polluted: true } }), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(tag, key, value, fc.boolean(), fc.boolean(), async (t, k, v, inSender, asAttribute) => {
        const text = inSender
          ? JSON.stringify({ ...validData, sender: { ...sender } }).replace('"sender":{', () => `"sender":{${JSON.stringify(k)}:${JSON.stringify(v)},`)
          : `{${JSON.stringify(k)}:${JSON.stringify(v)},${JSON.stringify(validData).slice(1)}`;
        await expectRefused(s, t, asAttribute ? text : JSON.parse(text), inSender ? `sender.${k}` : k, asAttribute);
      }),
      { numRuns: 100 },
    );
  });

  // BUG (src/protocol/payment-data.ts, describeUnknownKey): DID_YOU_MEAN[key] reads inherited
  // members, so "__proto__" is told 'did you mean "[object Object]"?' and "constructor"/"toString"
  // 'did you mean "function Object() { [native code] }"?'. Enable once it uses Object.hasOwn.
  it('keys named like Object.prototype members get a plain "unknown field" message, not a nonsense hint', async () => {
    await fc.assert(
      fc.asyncProperty(tag, fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), async (t, k) => {
        const { detail } = await expectRefused(s, t, JSON.parse(`{${JSON.stringify(k)}:1,${JSON.stringify(validData).slice(1)}`), k);
        const issue = detail.issues.find((i: { path: string }) => i.path === k);
        expect(issue.message).not.to.match(/\[object Object\]|native code|did you mean/);
      }),
      { numRuns: 24 },
    );
  });

  it('markup in a refused field or an unknown key is never put in the page, parsed or run', async () => {
    const payload = fc.constantFrom(...HTML);
    const placement = fc.constantFrom('unknown key', 'description', 'sender.firstName', 'currencyCode');
    await fc.assert(
      fc.asyncProperty(tag, payload, placement, async (t, html, where) => {
        let data: Record<string, unknown>;
        let path: string;
        if (where === 'unknown key') [data, path] = [{ ...validData, [html]: 1 }, html];
        else if (where === 'description') [data, path] = [{ ...validData, description: html.repeat(60) }, 'description'];
        else if (where === 'sender.firstName') [data, path] = [{ ...validData, sender: { ...sender, firstName: html.repeat(30) } }, 'sender.firstName'];
        else [data, path] = [{ ...validData, currencyCode: html }, 'currencyCode'];
        const { el } = await expectRefused(s, t, data, path);
        // The details (quoting the markup) go to payment-error, never into the page.
        expect(statusText(el)).to.equal('This payment button is not set up correctly.');
      }),
      { numRuns: 60 },
    );
  });
});

describe('markup in valid data is data', () => {
  afterEach(() => expectNothingInjected());

  it('a description or merchant name full of markup pays normally and reaches the backend unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(tag, fc.constantFrom(...HTML), fc.constantFrom(...HTML), async (t, description, merchantName) => {
        window.__hostile = undefined;
        const s = await scenario();
        const el: PaymentElement = await mount(t, { endpoint: s.endpoint, data: { ...validData, description, merchantName } });
        await firstEvent(el, 'payment-ready');
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button')!.click();
        await firstEvent(el, 'payment-success');
        await el.updateComplete;
        const [post] = (await s.log()) as Array<{ body: { description: string } }>;
        expect(post!.body.description).to.equal(description);
        expect(s.fake.calls.loadPaymentData[0]!.merchantInfo!.merchantName).to.equal(merchantName);
        await sleep(10);
        expectNothingInjected(el);
        el.parentElement!.remove();
      }),
      { numRuns: 20 },
    );
  });
});
