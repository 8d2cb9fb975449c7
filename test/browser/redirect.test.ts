import { expect } from '@open-wc/testing';
import { backend } from './helpers.js';

/** Loads test/support/redirect-page.html in an iframe and resolves with the page it navigated to. */
function payInFrame(endpoint: string, tag: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = `/test/support/redirect-page.html?tag=${tag}&endpoint=${encodeURIComponent(endpoint)}`;
  document.body.append(frame);
  return new Promise((resolve) => {
    let loads = 0;
    frame.addEventListener('load', () => {
      if (++loads === 2) resolve(frame.contentDocument!);
    });
  });
}

describe('redirects really navigate (docs/protocol.md §4.2)', () => {
  it('POST: an auto-submitted form carries the fields (3-D Secure)', async () => {
    const server = await backend({
      pay: [
        {
          body: {
            transactionId: 't',
            redirect: { url: '/mock/echo', method: 'POST', params: { PaReq: 'eJx+abc/=', MD: '42', TermUrl: 'https://shop.example/3ds?a=1&b=2' } },
          },
        },
      ],
    });
    const page = await payInFrame(server.endpoint, 'feennex-pay');
    expect(JSON.parse(page.getElementById('echo')!.textContent!)).to.deep.equal({
      PaReq: 'eJx+abc/=',
      MD: '42',
      TermUrl: 'https://shop.example/3ds?a=1&b=2',
    });
  });

  it('GET: navigates with params in the query', async () => {
    const server = await backend({
      pay: [{ body: { redirect: { url: '/test/support/redirect-page.html?landed=1', method: 'GET', params: { session: 's 1' } } } }],
    });
    const page = await payInFrame(server.endpoint, 'paytool-button');
    const url = new URL(page.location.href);
    expect(url.searchParams.get('landed')).to.equal('1');
    expect(url.searchParams.get('session')).to.equal('s 1');
  });
});
