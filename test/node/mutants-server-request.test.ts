import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonStructureProblem } from '../../src/server/json-body.js';
import { readBodyBytes } from '../../src/server/read-body.js';
import { clientIp, normalizeBasePath, readJsonBody, routeOf } from '../../src/server/request-parts.js';
import { httpUrl, redirectIsSafe, redirectUrlOf, returnUrlPolicy } from '../../src/server/return-urls.js';

/**
 * How the checkout handler reads what a browser sends it, function by function: where an attacker
 * controls the bytes (a smuggled second amount, a return URL on their own site, a forged proxy
 * header, an endless body). Written for the mutants StrykerJS left alive (docs/testing.md).
 */

describe('a JSON body with a second value for the same key', () => {
  test('is refused naming the key, at any depth; the same key in sibling objects is fine', () => {
    assert.deepEqual(jsonStructureProblem('{"amount":1,"amount":100000}'), { path: 'amount', message: 'appears twice in the body' });
    assert.deepEqual(jsonStructureProblem('{"sender":{"email":"a@b.pl","email":"x@y.pl"}}'), { path: 'sender.email', message: 'appears twice in the body' });
    assert.deepEqual(jsonStructureProblem('{"a":[{"k":1},{"k":2}],"b":{"k":3}}'), undefined);
    assert.deepEqual(jsonStructureProblem('[{"k":1},{"k":1}]'), undefined);
    assert.deepEqual(jsonStructureProblem('{"a":{"x":1},"b":{"x":1}}'), undefined);
    // A closed object's keys are its own: the outer "k" after {"k":1} is no duplicate.
    assert.equal(jsonStructureProblem('{"a":{"k":1},"k":2}'), undefined);
    assert.equal(jsonStructureProblem('{"a":[{"k":1}],"k":2}'), undefined);
  });

  test('a key hidden in a string value or behind escapes is still seen for what it is', () => {
    assert.equal(jsonStructureProblem('{"note":"\\"amount\\":5","amount":1}'), undefined);
    assert.deepEqual(jsonStructureProblem('{"amount":1,"\\u0061mount":2}'), { path: 'amount', message: 'appears twice in the body' });
    assert.equal(jsonStructureProblem('{"list":["amount","amount"],"amount":1}'), undefined);
    assert.equal(jsonStructureProblem('{"a":"x,\\"a\\":1"}'), undefined);
  });

  test('nesting deeper than the limit is refused, the limit itself is not', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    assert.equal(jsonStructureProblem(nested(32)), undefined);
    assert.deepEqual(jsonStructureProblem(nested(33)), { path: '', message: 'is nested deeper than 32 levels' });
    assert.deepEqual(jsonStructureProblem('{"a":{"b":{}}}', 2), { path: 'a.b', message: 'is nested deeper than 2 levels' });
    assert.equal(jsonStructureProblem('{"a":{}}', 2), undefined);
  });
});

describe('return URLs', () => {
  const request = new Request('https://shop.example/api/checkout', { method: 'POST' });

  test("without an allow-list only the request's own origin is a place to send a payer", () => {
    const policy = returnUrlPolicy(undefined);
    assert.equal(policy.allowed('https://shop.example/thanks?o=1', request), 'https://shop.example/thanks?o=1');
    for (const url of ['https://evil.example/thanks', 'http://shop.example/thanks', 'https://shop.example:8443/', 'javascript:alert(1)', '', null, undefined]) {
      assert.equal(policy.allowed(url, request), undefined, String(url));
    }
  });

  test('with an allow-list only its origins count, whatever Host the request names', () => {
    const policy = returnUrlPolicy(['https://pay.shop.example/any/path']);
    assert.equal(policy.allowed('https://pay.shop.example/back', request), 'https://pay.shop.example/back');
    assert.equal(policy.allowed('https://shop.example/back', request), undefined);
    assert.throws(() => returnUrlPolicy(['ftp://shop.example']), /allowedReturnOrigins: "ftp:\/\/shop.example" is not an http\(s\) origin/);
    assert.throws(() => returnUrlPolicy(['shop.example']), /allowedReturnOrigins: "shop.example"/);
    assert.throws(() => returnUrlPolicy('https://shop.example' as unknown as string[]), /allowedReturnOrigins must be an array/);
    assert.equal(returnUrlPolicy(['http://localhost:5173']).allowed('http://localhost:5173/x', request), 'http://localhost:5173/x');
  });

  test('credentials in a URL, or any scheme but http(s), never pass', () => {
    assert.equal(httpUrl('https://user:pw@shop.example/'), undefined);
    assert.equal(httpUrl('https://user@shop.example/'), undefined);
    assert.equal(httpUrl('https://:pw@shop.example/'), undefined);
    assert.equal(httpUrl('data:text/html,hi'), undefined);
    assert.equal(httpUrl('not a url'), undefined);
    assert.equal(httpUrl('http://shop.example/a')?.href, 'http://shop.example/a');
  });

  test('a gateway redirect is forwarded only when it is an absolute http(s) URL', () => {
    assert.equal(redirectUrlOf({ redirect: { url: 'https://acs.example/3ds' } }), 'https://acs.example/3ds');
    assert.equal(redirectUrlOf({ redirect: { url: 5 } }), null);
    assert.equal(redirectUrlOf({ redirectUrl: 'https://pay.example/1' }), 'https://pay.example/1');
    assert.equal(redirectUrlOf({ redirectUrl: 5 }), null);
    assert.equal(redirectUrlOf({ redirect: null, redirectUrl: 'https://pay.example/2' }), 'https://pay.example/2');
    assert.equal(redirectUrlOf({ status: 'APPROVED' }), undefined);
    assert.equal(redirectIsSafe({ status: 'APPROVED' }), true);
    assert.equal(redirectIsSafe({ redirect: { url: 'https://acs.example/3ds' } }), true);
    assert.equal(redirectIsSafe({ redirect: { url: 'javascript:alert(1)' } }), false);
    assert.equal(redirectIsSafe({ redirect: {} }), false);
    assert.equal(redirectIsSafe({ redirectUrl: 'data:text/html,x' }), false);
  });
});

describe('routes and the payer address', () => {
  test('the routes under a base path, and nothing beside them', () => {
    assert.deepEqual(routeOf('/api/pay', '/api/pay'), { kind: 'pay' });
    assert.deepEqual(routeOf('/api/pay/hosted', '/api/pay'), { kind: 'hosted' });
    assert.deepEqual(routeOf('/api/pay/abc', '/api/pay'), { kind: 'status', id: 'abc' });
    assert.equal(routeOf('/api/pay/a/b', '/api/pay'), undefined);
    assert.equal(routeOf('/api/pay/', '/api/pay'), undefined);
    assert.equal(routeOf('/api/payx', '/api/pay'), undefined);
    assert.deepEqual(routeOf('/abc', '/'), { kind: 'status', id: 'abc' });
    assert.equal(normalizeBasePath('/api/pay//'), '/api/pay');
    assert.equal(normalizeBasePath('/'), '/');
    assert.throws(() => normalizeBasePath('api'), /basePath must start with "\/", got "api"/);
  });

  test('X-Forwarded-For counts only behind a trusted proxy, and only when it is an address', () => {
    const forwarded = new Request('https://shop.example/', { headers: { 'X-Forwarded-For': '203.0.113.7, 10.0.0.1' } });
    assert.equal(clientIp(forwarded, '10.0.0.1', true), '203.0.113.7');
    assert.equal(clientIp(forwarded, '10.0.0.1', false), '10.0.0.1');
    const forged = new Request('https://shop.example/', { headers: { 'X-Forwarded-For': '<script>' } });
    assert.equal(clientIp(forged, '10.0.0.1', true), '10.0.0.1');
    assert.equal(clientIp(new Request('https://shop.example/'), '::ffff:192.0.2.1', false), '192.0.2.1');
    assert.equal(clientIp(new Request('https://shop.example/'), '::ffff:abcd', false), '::ffff:abcd');
    assert.equal(clientIp(new Request('https://shop.example/'), 'x'.repeat(46), false), undefined);
    assert.equal(clientIp(new Request('https://shop.example/'), undefined, false), undefined);
  });
});

describe('reading a body', () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    new Request('https://shop.example/api/pay', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  test('a body of exactly the limit is read; one byte more is refused, announced or not', async () => {
    assert.deepEqual(await readBodyBytes(post('12345'), { maxBytes: 5 }), { ok: true, bytes: new TextEncoder().encode('12345') });
    assert.deepEqual(await readBodyBytes(post('123456'), { maxBytes: 5 }), { ok: false, reason: 'too-large' });
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('123'));
        controller.enqueue(new TextEncoder().encode('456'));
        controller.close();
      },
    });
    assert.deepEqual(await readBodyBytes(post(chunks), { maxBytes: 5 }), { ok: false, reason: 'too-large' });
    const whole = await readBodyBytes(post('{"a":"ą"}'), { maxBytes: 100 });
    assert.equal(whole.ok && new TextDecoder().decode(whole.bytes), '{"a":"ą"}');
  });

  test('a body that never ends is refused when the signal fires, and the reading stops', async () => {
    let cancelled = false;
    const endless = new ReadableStream({ pull: () => new Promise(() => {}), cancel: () => void (cancelled = true) });
    const controller = new AbortController();
    const read = readBodyBytes(post(endless), { maxBytes: 100, signal: controller.signal });
    controller.abort();
    assert.deepEqual(await read, { ok: false, reason: 'timeout' });
    const aborted = new AbortController();
    aborted.abort();
    assert.deepEqual(await readBodyBytes(post(new ReadableStream({ pull: () => new Promise(() => {}) })), { maxBytes: 100, signal: aborted.signal }), {
      ok: false,
      reason: 'timeout',
    });
    assert.equal(cancelled, true);
  });

  test('the JSON reader answers each refusal with its own status and code', async () => {
    const answer = async (request: Request, limit = 100) => {
      const read = await readJsonBody(request, limit, 60_000);
      return read.ok ? read.value : [read.code, read.response.status];
    };
    assert.deepEqual(await answer(post('{"a":1}')), { a: 1 });
    assert.deepEqual(await answer(post('{"a":1}', { 'Content-Type': 'Application/JSON; charset=utf-8' })), { a: 1 });
    assert.deepEqual(await answer(post('{"a":1}', { 'Content-Type': 'text/plain' })), ['UNSUPPORTED_MEDIA_TYPE', 415]);
    assert.deepEqual(await answer(post('{"a":1}'), 3), ['PAYLOAD_TOO_LARGE', 413]);
    assert.deepEqual(await answer(post('{"a":')), ['INVALID_JSON', 400]);
    assert.deepEqual(await answer(post(new Uint8Array([0x22, 0xff, 0x22]))), ['INVALID_JSON', 400]);
    assert.deepEqual(await answer(post('{"a":1,"a":2}')), ['INVALID_REQUEST', 400]);
  });
});
