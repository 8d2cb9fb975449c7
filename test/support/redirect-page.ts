// A page with one element whose backend answers with a redirect; the test embeds it in an
// iframe and watches the iframe really navigate.
import { installFakeGooglePay } from '../../src/testing/index.js';
import '../../src/index.js';

installFakeGooglePay();
const params = new URLSearchParams(location.search);
const el = document.createElement(params.get('tag') === 'feennex-pay' ? 'feennex-pay' : 'paytool-button');
el.endpoint = params.get('endpoint')!;
el.backendPolicy = { requestTimeoutMs: 2_000, maxPosts: 2, deadlineMs: 3_000, initialDelayMs: 20, maxDelayMs: 50 };
el.addEventListener('payment-ready', () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"] button')!.click());
document.body.append(el);
el.data = { apiKey: 'pk', amount: 1000, currencyCode: 'EUR', description: 'Redirect test' };
