import { expect, oneEvent } from '@open-wc/testing';
import { backend, firstEvent, freshGooglePay, mount, sender, statusText, validData } from '../helpers.js';

const invalidCases: Array<[string, unknown, string]> = [
  ['a missing field', { apiKey: 'k', amount: 1000, currencyCode: 'PLN' }, 'description'],
  ['a wrong type', { ...validData, amount: '1000' }, 'amount'],
  ['an unknown currency', { ...validData, currencyCode: 'XYZ' }, 'currencyCode'],
  ['a non-integer amount', { ...validData, amount: 10.5 }, 'amount'],
  ['a non-positive amount', { ...validData, amount: 0 }, 'amount'],
  ['an amount beyond safe integers', { ...validData, amount: 2 ** 53 }, 'amount'],
  ['a typo', { apiKey: 'k', amount: 1000, currency: 'PLN', currencyCode: 'PLN', description: 'd' }, 'currency'],
  ['a secret', { ...validData, password: 'p4ss' }, 'password'],
  ['a bad sender', { ...validData, sender: { ...sender, email: 'x' } }, 'sender.email'],
  ['broken JSON text', '{"apiKey":', ''],
];

describe('invalid data never reaches Google Pay or the network (docs/protocol.md §2.1)', () => {
  for (const [what, data, path] of invalidCases) {
    it(`${what}: state invalid, a message naming ${path || 'the data'}, payment-error`, async () => {
      const fake = freshGooglePay();
      const server = await backend({ pay: [{ body: { status: 'APPROVED' } }] });
      const el = await mount('paytool-button', { endpoint: server.endpoint });
      const error = oneEvent(el, 'payment-error');
      el.data = data as never;
      const { detail } = await error;
      expect(detail.code).to.equal('INVALID_DATA');
      expect(detail.issues.map((i: { path: string }) => i.path)).to.include(path);
      expect(detail.message).to.contain(path ? `${path} ` : 'Invalid data');
      await el.updateComplete;
      expect(el.state).to.equal('invalid');
      expect(statusText(el)).to.equal('This payment button is not set up correctly.'); // details are for developers
      expect(el.shadowRoot!.querySelector('[part="button"]')!.hasAttribute('hidden')).to.equal(true);
      expect(fake.calls.loadPaymentData).to.have.length(0);
      expect(await server.log()).to.deep.equal([]);
    });
  }

  it('never echoes a secret value in messages or events', async () => {
    freshGooglePay();
    const el = await mount();
    const error = oneEvent(el, 'payment-error');
    el.data = { ...validData, secretKey: 'sk_live_SUPERSECRET' } as never;
    const { detail } = await error;
    expect(JSON.stringify(detail)).not.to.contain('SUPERSECRET');
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain('SUPERSECRET');
  });

  it('requires merchantId in PRODUCTION', async () => {
    freshGooglePay();
    const el = await mount('paytool-button', { attrs: 'environment="PRODUCTION"' });
    const error = oneEvent(el, 'payment-error');
    el.data = validData;
    const { detail } = await error;
    expect(detail.issues).to.deep.equal([{ path: 'merchantId', message: 'is required when environment is PRODUCTION' }]);
  });

  it('reports an unknown environment as a configuration error', async () => {
    freshGooglePay();
    const el = await mount('paytool-button', { attrs: 'environment="STAGING"' });
    const { detail } = await firstEvent(el, 'payment-error');
    expect(detail.code).to.equal('INVALID_CONFIGURATION');
    expect(detail.message).to.contain('environment');
  });
});
