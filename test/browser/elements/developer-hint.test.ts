import { expect, oneEvent } from '@open-wc/testing';
import { backend, click, eventsOf, freshGooglePay, mountReady, statusText } from '../helpers.js';

// What the checkout handler answers when the gateway could not open the token because Google Pay
// sealed it for another merchant (the Fenige sandbox's words; test/node/handler-token-refusal.test.ts
// pins that both gateways' answers carry errors.token).
const refusal = {
  transactionId: '6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
  status: 'E8000',
  message: 'The request is incorrect: required fields are missing or their values are not valid.',
  errors: { token: ["was not sealed for this merchant (its gatewayMerchantId is not the account's Gateway Merchant Id)"] },
};

async function payWith(data: Record<string, unknown>, answer: { status: number; body: unknown }, tag: 'paytool-button' | 'feennex-pay' = 'paytool-button') {
  freshGooglePay();
  const server = await backend({ pay: [answer] });
  const el = await mountReady(tag, { endpoint: server.endpoint, data });
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    const failure = oneEvent(el, 'payment-failure');
    click(el);
    await failure;
  } finally {
    console.warn = warn;
  }
  return { el, warnings, errors: eventsOf(el).filter((e) => e.type === 'payment-error') };
}

describe('a token the gateway refused: a hint for the integrator, never for the payer', () => {
  it('names gatewayMerchantId and the value apiKey gave it, in payment-error and the console', async () => {
    const data = { apiKey: 'pk_live_51Hx', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };
    const { el, warnings, errors } = await payWith(data, { status: 400, body: refusal });

    expect(errors).to.have.length(1);
    const { code, message, issues } = errors[0]!.detail;
    expect(code).to.equal('INVALID_CONFIGURATION');
    expect(message).to.include('token was not sealed for this merchant');
    expect(message).to.include('"pk_live_51Hx" from data.apiKey (gatewayMerchantId defaults to it)');
    expect(issues).to.have.length(1);
    expect(issues[0].path).to.equal('gatewayMerchantId');
    expect(issues[0].message).to.include('your Fenige Gateway Merchant Id (a UUID)');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.equal(`<paytool-button>: ${message}`);

    // The payer sees the plain message for a shop set-up problem, nothing about ids.
    expect(el.state).to.equal('failure');
    expect(statusText(el)).to.equal('The shop cannot take this payment right now. Please contact the shop.');
    expect(el.shadowRoot!.textContent).not.to.include('gatewayMerchantId');
  });

  it('says so when the id came from data.gatewayMerchantId', async () => {
    const data = { apiKey: 'pk_1', gatewayMerchantId: 'e59b470b-bdb1-4043-a856-86b624c2a607', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };
    const { errors } = await payWith(data, { status: 400, body: refusal });
    expect(errors[0]!.detail.message).to.include('"e59b470b-bdb1-4043-a856-86b624c2a607" from data.gatewayMerchantId.');
  });

  it('names the id in the gateway’s own words: Feennex’s shop id', async () => {
    const data = { apiKey: '3f2c9a7e-8b41-4d0c-9e15-6a7b2c4d8e90', amount: 1000, currencyCode: 'EUR', description: 'Order 42' };
    const body = {
      status: 'FEENNEX_10',
      code: 'FEENNEX_10',
      errors: { token: ['was refused by Feennex: sealed for gatewayMerchantId "3f2c9a7e-…", not for shop 1042'] },
    };
    const { errors } = await payWith(data, { status: 422, body }, 'feennex-pay');
    expect(errors[0]!.detail.issues[0].message).to.match(/^must be your Feennex shop id, /);
  });

  it('stays silent for a decline or a failure that is not about the token', async () => {
    const data = { apiKey: 'e59b470b-bdb1-4043-a856-86b624c2a607', amount: 1000, currencyCode: 'PLN', description: 'Order 42' };
    const declined = await payWith(data, { status: 422, body: { status: 'E0150', message: 'Transaction rejected' } });
    const badAmount = await payWith(data, { status: 400, body: { status: 'E8000', errors: { amount: ['must not be null'] } } });
    for (const { errors, warnings } of [declined, badAmount]) {
      expect(errors).to.have.length(0);
      expect(warnings).to.have.length(0);
    }
  });
});
