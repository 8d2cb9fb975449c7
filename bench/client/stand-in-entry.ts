// The stand-in for Google's pay.js in the bench's network profiles: a classic script that defines
// `google.payments.api.PaymentsClient` (the fake client of paytool-elements/testing) when it runs,
// as pay.js does. bench/client/stand-in-pay-js.ts bundles it and pads it to pay.js's size.
import { installFakeGooglePay } from '../../src/testing/index.js';

installFakeGooglePay();
