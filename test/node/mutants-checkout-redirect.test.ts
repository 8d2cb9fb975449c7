import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { navigate } from '../../src/checkout/redirect.js';

/**
 * How the element sends the payer to 3-D Secure or a hosted page, against a minimal stand-in for
 * `document` (test/browser/redirect.test.ts navigates a real frame; this one is fast enough to run
 * per mutant).
 */

interface FakeNode {
  tag: string;
  children: FakeNode[];
  submitted: number;
  append(...nodes: FakeNode[]): void;
  submit(): void;
  [field: string]: unknown;
}

function fakeDocument() {
  const assigned: string[] = [];
  const body: FakeNode[] = [];
  const node = (tag: string): FakeNode => ({
    tag,
    children: [],
    submitted: 0,
    append(...nodes) {
      this.children.push(...nodes);
    },
    submit() {
      this.submitted++;
    },
  });
  const doc = {
    baseURI: 'https://shop.example/checkout/cart',
    defaultView: { location: { assign: (url: string) => assigned.push(url) } },
    body: { append: (n: FakeNode) => body.push(n) },
    createElement: node,
  };
  return { doc: doc as unknown as Document, assigned, body };
}

describe('navigate', () => {
  test('GET: the page goes to the URL, resolved against the page, with the params in its query', () => {
    const { doc, assigned, body } = fakeDocument();
    navigate({ url: '../3ds?session=old&lang=pl', method: 'GET', params: { session: 's 1', MD: '42' } }, doc);
    assert.deepEqual(assigned, ['https://shop.example/3ds?session=s+1&lang=pl&MD=42']);
    assert.equal(body.length, 0, 'no form for a GET');
  });

  test('GET without params: the URL as it is', () => {
    const { doc, assigned } = fakeDocument();
    navigate({ url: 'https://pay.gateway.example/p/1?x=1', method: 'GET' }, doc);
    assert.deepEqual(assigned, ['https://pay.gateway.example/p/1?x=1']);
  });

  test('POST: one hidden form carrying every param as a hidden field, submitted once', () => {
    const { doc, assigned, body } = fakeDocument();
    navigate({ url: '/acs', method: 'POST', params: { PaReq: 'eJx+abc/=', TermUrl: 'https://shop.example/3ds?a=1&b=2' } }, doc);
    assert.deepEqual(assigned, []);
    assert.equal(body.length, 1);
    const form = body[0]!;
    assert.equal(form.tag, 'form');
    assert.equal(form.method, 'POST');
    assert.equal(form.action, 'https://shop.example/acs');
    assert.equal(form.hidden, true);
    assert.deepEqual(
      form.children.map(({ tag, type, name, value }) => ({ tag, type, name, value })),
      [
        { tag: 'input', type: 'hidden', name: 'PaReq', value: 'eJx+abc/=' },
        { tag: 'input', type: 'hidden', name: 'TermUrl', value: 'https://shop.example/3ds?a=1&b=2' },
      ],
    );
    assert.equal(form.submitted, 1);
  });

  test('POST without params: an empty form, still submitted', () => {
    const { doc, body } = fakeDocument();
    navigate({ url: 'https://acs.example/x', method: 'POST' }, doc);
    assert.equal(body[0]!.children.length, 0);
    assert.equal(body[0]!.submitted, 1);
  });
});
