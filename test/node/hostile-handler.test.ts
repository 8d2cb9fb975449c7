// Property-based hostile input against the checkout handler over real HTTP: whatever the body,
// content type or size, the answer is a 4xx naming what is wrong, the gateway is never called and
// Object.prototype is never touched.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCheckoutHandler } from '../../src/server/checkout-handler.js';
import { toNodeListener } from '../../src/server/adapters.js';
import { isKnownCurrency } from '../../src/protocol/index.js';
import { payBody } from '../support/checkout.js';
import { listen } from '../support/http.js';
import { fakeGateway, TRUST_BROWSER_AMOUNT } from './handler-fake-gateway.js';

const LIMIT = 64 * 1024;
const gateway = fakeGateway();
let endpoint: string;
let close: () => Promise<void>;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

before(async () => {
  const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway, basePath: '/pay' });
  const server = await listen(toNodeListener(handler));
  endpoint = `${server.url}/pay`;
  close = server.close;
});
after(() => close());
afterEach(() => {
  const charged = gateway.payCalls.splice(0).length;
  assert.equal(charged, 0, 'the gateway was called');
  assertPrototypeClean();
});

function assertPrototypeClean(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore, 'Object.prototype gained a property');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
}

interface Answer {
  status: number;
  contentType: string;
  body: Record<string, any>;
}

async function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Answer> {
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: Record<string, any>;
  try {
    parsed = JSON.parse(text);
  } catch {
    assert.fail(`answer ${response.status} is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
}

/** 400 INVALID_REQUEST with an issue at `path` (or under it), listed in `errors` too. */
function assertNamesField(answer: Answer, path: string): void {
  assert.equal(answer.status, 400, `status for ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  assert.match(answer.contentType, /^application\/json/);
  assert.equal(answer.body.code, 'INVALID_REQUEST');
  const issues = answer.body.issues as Array<{ path: string; message: string }>;
  const named = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  assert.ok(named.length > 0, `no issue names "${path}": ${JSON.stringify(issues).slice(0, 300)}`);
  assert.ok(named.every((i) => typeof i.message === 'string' && i.message.length > 0));
  assert.ok(Object.keys(answer.body.errors).some((key) => key === path || key.startsWith(`${path}.`)));
}

// ---------------------------------------------------------------------------------------------
// Bodies are built as text so that raw JSON (1e400, -0, deep nesting, duplicate keys) survives.

/** `object` as JSON text with `key` set to the raw JSON `raw` (first, replacing any own `key`). */
function withRaw(object: Record<string, unknown>, key: string, raw: string): string {
  const { [key]: _dropped, ...rest } = object;
  const text = JSON.stringify(rest);
  return `{${JSON.stringify(key)}:${raw}${text === '{}' ? '}' : `,${text.slice(1)}`}`;
}

const json = (value: unknown) => JSON.stringify(value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTML = ['<img src=x onerror=globalThis.__hostile=1>', '<script>globalThis.__hostile=1</script>', '"><svg onload=globalThis.__hostile=1>'];

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...HTML));
const notAString = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1e400', '-1e400', '[]', '{}'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(json),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }).map(json),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map(json),
);
const notAnObject = fc.oneof(
  notAString.filter((raw) => !raw.startsWith('{')),
  anyString.map(json),
);
/** Strings longer than `max`, up to what still fits under the body limit. */
const tooLong = (max: number) =>
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: max + 1, max: 30_000 }))
    .map(([seed, length]) => json(seed.repeat(Math.ceil(length / seed.length)).slice(0, Math.max(length, max + 1))))
    .filter((raw) => JSON.parse(raw).length > max);

const invalidAmount = fc.oneof(
  notAString.filter((raw) => typeof JSON.parse(raw) !== 'number' || !Number.isSafeInteger(JSON.parse(raw)) || JSON.parse(raw) < 1),
  anyString.map(json),
  fc.constantFrom('9007199254740992', '9007199254740993', '1e16', '1e308', '1.5', '0.0000001', '1e-400', '-1'),
  fc.bigInt({ min: 2n ** 53n, max: 10n ** 40n }).map(String),
  fc.integer({ max: 0 }).map(String),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((n) => !Number.isInteger(n))
    .map(json),
);
const invalidCurrency = fc.oneof(
  notAString,
  anyString.filter((s) => !isKnownCurrency(s)).map(json),
  fc.constantFrom('pln', 'Pln', ' PLN', 'PLN ', 'PLNX', 'XYZ', 'ZZZ', '€', 'ＰＬＮ').map(json),
);
const invalidText = (max: number) => fc.oneof(notAString, fc.constant('""'), tooLong(max));

/** One field replaced by a value it must refuse, with the path the answer must name. */
const hostileField = fc.oneof(
  invalidAmount.map((raw) => ({ path: 'amount', text: withRaw(payBody(), 'amount', raw) })),
  invalidCurrency.map((raw) => ({ path: 'currency', text: withRaw(payBody(), 'currency', raw) })),
  invalidText(255).map((raw) => ({ path: 'description', text: withRaw(payBody(), 'description', raw) })),
  invalidText(200).map((raw) => ({ path: 'apiKey', text: withRaw(payBody(), 'apiKey', raw) })),
  fc.oneof(notAString, anyString.filter((s) => !UUID.test(s)).map(json)).map((raw) => ({
    path: 'transactionId',
    text: withRaw(payBody(), 'transactionId', raw),
  })),
  notAnObject.map((raw) => ({ path: 'sender', text: withRaw(payBody(), 'sender', raw) })),
  fc.constantFrom('firstName', 'lastName').chain((field) =>
    invalidText(100).map((raw) => {
      const body = payBody();
      return { path: `sender.${field}`, text: withRaw(body, 'sender', withRaw(body.sender as Record<string, unknown>, field, raw)) };
    }),
  ),
  fc.oneof(notAString, anyString.filter((s) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || s.length > 254).map(json)).map((raw) => {
    const body = payBody();
    return { path: 'sender.email', text: withRaw(body, 'sender', withRaw(body.sender as Record<string, unknown>, 'email', raw)) };
  }),
  fc
    .oneof(
      notAString.filter((raw) => !/"signedMessage"/.test(raw)),
      fc.constant('""'),
      fc.integer({ min: 20_001, max: 30_000 }).map((n) => json('t'.repeat(n))),
      fc
        .record({ protocolVersion: fc.jsonValue(), signature: fc.jsonValue(), signedMessage: fc.jsonValue() }, { requiredKeys: [] })
        .filter((t) => !(typeof t.protocolVersion === 'string' && typeof t.signature === 'string' && typeof t.signedMessage === 'string'))
        .map(json),
    )
    .map((raw) => ({ path: 'token', text: withRaw(payBody(), 'token', raw) })),
  notAnObject.map((raw) => ({ path: 'paymentMethod', text: withRaw(payBody(), 'paymentMethod', raw) })),
);

const OBJECT_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const BODY_KEYS = Object.keys(payBody()).concat('paymentMethod');
const SENDER_KEYS = ['firstName', 'lastName', 'email'];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const pollutingValue = fc.oneof(fc.constant('{"polluted":true}'), fc.constant('{"prototype":{"polluted":true}}'), fc.jsonValue({ maxDepth: 2 }).map(json));

describe('hostile request bodies (property-based, over HTTP)', () => {
  test('any one field with a wrong type, a wrong value, a huge or an HTML string → 400 naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(hostileField, async ({ path, text }) => {
        assertNamesField(await post(text), path);
      }),
      { numRuns: 200 },
    );
  });

  test('hosted page: a returnUrl that is no absolute http(s) URL (javascript:, data:, relative, HTML, wrong type) → 400 naming returnUrl', async () => {
    const returnUrl = fc.oneof(
      notAString,
      fc
        .oneof(
          fc.constantFrom(
            'javascript:alert(1)',
            'JAVASCRIPT:alert(1)',
            ' javascript:alert(1)',
            'data:text/html,<script>alert(1)</script>',
            'vbscript:x',
            '//evil.example/x',
            '/relative',
            'ftp://example.com/',
            'file:///etc/passwd',
            'blob:https://x/1',
            '',
            'https://',
            ...HTML,
          ),
          fc.webUrl().map((url) => url.replace(/^https?/, 'javascript')),
        )
        .map(json),
    );
    await fc.assert(
      fc.asyncProperty(returnUrl, async (raw) => {
        const { token: _token, ...hosted } = payBody();
        const response = await fetch(`${endpoint}/hosted`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: withRaw(hosted, 'returnUrl', raw),
        });
        assertNamesField({ status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.json() }, 'returnUrl');
        assert.equal(gateway.hostedCalls.length, 0);
      }),
      { numRuns: 80 },
    );
  });

  test('a missing required field → 400 naming that field ("is required"; the token says what it must be)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(['transactionId', 'apiKey', 'amount', 'currency', 'description', 'token'], { minLength: 1 }), async (missing) => {
        const body = payBody();
        for (const key of missing) delete body[key];
        const answer = await post(JSON.stringify(body));
        for (const key of missing) {
          assertNamesField(answer, key);
          if (key !== 'token') assert.deepEqual(answer.body.errors[key], ['is required']);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('unknown keys (HTML, unicode, pollution keys) inside sender → 400 naming sender.<key>; nothing polluted', async () => {
    const key = fc.oneof(
      fc.constantFrom(...POLLUTION_KEYS, ...HTML),
      fc.string({ minLength: 1 }).filter((k) => !SENDER_KEYS.includes(k)),
    );
    await fc.assert(
      fc.asyncProperty(key, pollutingValue, async (unknown, raw) => {
        const body = payBody();
        const answer = await post(withRaw(body, 'sender', withRaw(body.sender as Record<string, unknown>, unknown, raw)));
        assertNamesField(answer, `sender.${unknown}`);
        assertPrototypeClean();
      }),
      { numRuns: 150 },
    );
  });

  test('unknown top-level keys that are not Object.prototype names → 400 naming the key', async () => {
    const key = fc
      .oneof(fc.constantFrom('prototype', ...HTML), fc.string({ minLength: 1 }))
      .filter((k) => !BODY_KEYS.includes(k) && !OBJECT_PROTOTYPE_NAMES.includes(k));
    await fc.assert(
      fc.asyncProperty(key, pollutingValue, async (unknown, raw) => {
        assertNamesField(await post(withRaw(payBody(), unknown, raw)), unknown);
        assertPrototypeClean();
      }),
      { numRuns: 150 },
    );
  });

  test('top-level keys named like Object.prototype members (__proto__, constructor, toString …) → 400 naming the key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OBJECT_PROTOTYPE_NAMES), pollutingValue, async (unknown, raw) => {
        const answer = await post(withRaw(payBody(), unknown, raw));
        assertNamesField(answer, unknown);
        const issue = (answer.body.issues as Array<{ path: string; message: string }>).find((i) => i.path === unknown)!;
        assert.doesNotMatch(issue.message, /\[object Object\]|native code/, 'a nonsense "did you mean" hint');
      }),
      { numRuns: OBJECT_PROTOTYPE_NAMES.length * 2 },
    );
  });

  test('nesting thousands deep in a known field or an unknown key → 400 naming it, never a crash', async () => {
    const nested = fc
      .tuple(fc.integer({ min: 1, max: 25_000 }), fc.boolean())
      .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)))
      .filter((raw) => raw.length < LIMIT - 2_000);
    const place = fc.constantFrom('amount', 'currency', 'description', 'sender', 'transactionId', 'deep');
    await fc.assert(
      fc.asyncProperty(place, nested, async (path, raw) => {
        assertNamesField(await post(withRaw(payBody(), path, raw)), path);
      }),
      { numRuns: 60 },
    );
  });

  test('nesting thousands deep inside the token → 400, never a crash', async () => {
    const depth = fc.integer({ min: 4_000, max: 25_000 });
    await fc.assert(
      fc.asyncProperty(depth, async (d) => {
        const body = payBody();
        const answer = await post(withRaw(body, 'token', withRaw(body.token as Record<string, unknown>, 'extra', '['.repeat(d) + ']'.repeat(d))));
        assert.equal(answer.status, 400);
      }),
      { numRuns: 10 },
    );
  });

  test('a duplicated key → 400 naming it (no "last one wins")', async () => {
    const local = fakeGateway();
    const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway: local, basePath: '/pay' });
    const server = await listen(toNodeListener(handler));
    const field = fc.constantFrom('amount', 'currency', 'description', 'transactionId', 'apiKey');
    try {
      await fc.assert(
        fc.asyncProperty(field, fc.jsonValue({ maxDepth: 1 }), async (key, first) => {
          const body = payBody();
          const text = `{${JSON.stringify(key)}:${json(first)},${JSON.stringify(body).slice(1)}`;
          const response = await fetch(`${server.url}/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
          assertNamesField({ status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.json() }, key);
          assert.equal(local.payCalls.length, 0);
        }),
        { numRuns: 30 },
      );
    } finally {
      await server.close();
    }
  });

  test('text that is not JSON, or not UTF-8 → 400 INVALID_JSON that does not quote the body', async () => {
    const notJson = fc
      .oneof(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('{', '{"amount":1000,}', "{'a':1}", 'NaN', 'Infinity', '{"a":NaN}', '[1,]', '\u0000', 'undefined', '{"a":1}{"b":2}'),
        fc.jsonValue().map((v) => json(v).slice(0, -1)),
      )
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      });
    await fc.assert(
      fc.asyncProperty(notJson, async (text) => {
        const answer = await post(`${text}`);
        assert.equal(answer.status, 400);
        assert.equal(answer.body.code, 'INVALID_JSON');
        if (text.length > 3) assert.ok(!answer.body.message.includes(text), 'the answer quotes the body');
      }),
      { numRuns: 150 },
    );
    const invalidUtf8 = fc.tuple(fc.uint8Array({ maxLength: 20 }), fc.constantFrom([0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82]));
    await fc.assert(
      fc.asyncProperty(invalidUtf8, async ([noise, bad]) => {
        const valid = new TextEncoder().encode(JSON.stringify(payBody()));
        const bytes = new Uint8Array([...valid.slice(0, 20), ...noise, ...bad, ...valid.slice(20)]);
        const answer = await post(bytes);
        assert.equal(answer.status, 400);
        assert.equal(answer.body.code, 'INVALID_JSON');
      }),
      { numRuns: 50 },
    );
  });

  test('JSON that is not an object (array, string, number, null) → 400 about the body itself', async () => {
    const notObject = fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v));
    await fc.assert(
      fc.asyncProperty(notObject, async (value) => {
        const answer = await post(json(value));
        assert.equal(answer.status, 400);
        assert.equal(answer.body.code, 'INVALID_REQUEST');
        assert.ok(answer.body.issues.some((i: { path: string }) => i.path === ''));
        assert.ok(Array.isArray(answer.body.errors.body));
      }),
      { numRuns: 100 },
    );
  });

  test('a valid body sent with any other Content-Type (or none) → 415, not charged', async () => {
    const token = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789+-.'), minLength: 1, maxLength: 20 });
    const contentType = fc
      .oneof(
        fc.constantFrom(
          'text/plain',
          'text/json',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/jsonp',
          'application/json-seq',
          'application/x-json',
          'application/json+x',
          'application/ld+json',
          'json',
          'application/',
          '*/*',
          'application/*',
          'text/html; charset=utf-8',
          ' ',
          'application/ json',
        ),
        fc.tuple(token, token, fc.constantFrom('', '; charset=utf-8', ';x=y')).map(([a, b, params]) => `${a}/${b}${params}`),
      )
      .filter((type) => type.split(';')[0]!.trim().toLowerCase() !== 'application/json');
    await fc.assert(
      fc.asyncProperty(fc.option(contentType, { nil: undefined }), async (type) => {
        const bytes = new TextEncoder().encode(JSON.stringify(payBody()));
        const answer = await post(bytes, type === undefined ? {} : { 'Content-Type': type });
        assert.equal(answer.status, 415, `Content-Type ${JSON.stringify(type)}`);
        assert.equal(answer.body.code, 'UNSUPPORTED_MEDIA_TYPE');
      }),
      { numRuns: 100 },
    );
  });

  /** POSTs `field` padded to `bytes` bytes, with a Content-Length or streamed without one. */
  async function postOversized(bytes: number, field: string, streamed: boolean): Promise<Response> {
    const data = new TextEncoder().encode(withRaw(payBody(), field, json('x'.repeat(bytes))));
    const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: data };
    if (streamed) {
      init.body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < data.length; offset += 256 * 1024) controller.enqueue(data.subarray(offset, offset + 256 * 1024));
          controller.close();
        },
      });
      init.duplex = 'half';
    }
    return fetch(endpoint, init);
  }
  const oversize = fc.oneof(
    fc.integer({ min: LIMIT + 1, max: 2 * LIMIT }),
    fc.constantFrom(1024 * 1024, 10 * 1024 * 1024),
    fc.integer({ min: LIMIT, max: 10 * 1024 * 1024 }),
  );
  const paddedField = fc.constantFrom('description', 'token', 'padding');

  test('streamed bodies (no Content-Length) from just over the limit up to 10 MB → 413', async () => {
    await fc.assert(
      fc.asyncProperty(oversize, paddedField, async (bytes, field) => {
        const response = await postOversized(bytes, field, true);
        assert.equal(response.status, 413);
        assert.equal((await response.json()).code, 'PAYLOAD_TOO_LARGE');
      }),
      { numRuns: 12 },
    );
  });

  test('bodies with a Content-Length over the limit (up to 10 MB) → 413, not a connection reset', async () => {
    await fc.assert(
      fc.asyncProperty(oversize, paddedField, async (bytes, field) => {
        const response = await postOversized(bytes, field, false);
        assert.equal(response.status, 413);
        assert.equal((await response.json()).code, 'PAYLOAD_TOO_LARGE');
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });

  test('HTML in the description is a description like any other: sent as data, answered as JSON', async () => {
    // Not hostile to the server: a 1…255 character description is valid whatever its characters.
    // What matters is that nothing treats it as markup; the answer is JSON and never reflects it.
    const local = fakeGateway();
    const handler = createCheckoutHandler({ ...TRUST_BROWSER_AMOUNT, gateway: local, basePath: '/pay' });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HTML), async (description) => {
        const body = payBody({ description });
        const response = await handler(
          new Request('http://shop.test/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
        );
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type')!, /^application\/json/);
        assert.ok(!(await response.text()).includes('<'));
        assert.equal(local.payCalls.at(-1)!.request.description, description);
      }),
      { numRuns: HTML.length },
    );
  });
});
