import { checkAccount, shopBalance } from './accounts.js';
import type { FeennexSandboxTiming, MethodContext, MethodHandler } from './context.js';
import type { GooglePayNames } from './google-pay.js';
import { FeennexError, ParameterError, errorEnvelope, okEnvelope } from './envelope.js';
import { SIGNED_KEYS, type MethodName } from './methods.js';
import { readApiParams, signedValues } from './params.js';
import { billCreate, invoiceCreate, invoiceTry, shopOrderStatus } from './payments.js';
import { transferCreate, transferShopPaymentStatus, transferTry, withdrawCreate, withdrawShopPaymentStatus, withdrawStatus, withdrawTry } from './payouts.js';
import { feennexSign, stringToSign } from '../server/sign.js';
import { signaturesMatch } from './signature.js';
import type { SandboxState } from './state.js';
import { MAGIC_SHOPS } from './test-data.js';

const HANDLERS: Record<MethodName, MethodHandler> = {
  'bill/create': billCreate,
  'bill/shop_order_status': shopOrderStatus,
  'invoice/try': invoiceTry,
  'invoice/create': invoiceCreate,
  'transfer/try': transferTry,
  'transfer/create': transferCreate,
  'transfer/shop_payment_status': transferShopPaymentStatus,
  'withdraw/try': withdrawTry,
  'withdraw/create': withdrawCreate,
  'withdraw/status': withdrawStatus,
  'withdraw/shop_payment_status': withdrawShopPaymentStatus,
  check_account: checkAccount,
  shop_balance: shopBalance,
};

export interface ApiSetup {
  shopId: string;
  secretKey: string;
  state: SandboxState;
  timing: FeennexSandboxTiming;
  /** How an unknown shop is answered (see `FeennexSandboxOptions.unknownShop`). */
  unknownShop: 'invalid-sign' | 'shop-not-found';
  googlePay: GooglePayNames;
}

/**
 * An IP allow-list (15) is checked before anything else is read. Then the signature: an unknown
 * shop has no key, so its signature cannot be valid — error 10 with the string to sign, as the
 * documented example answers for shop 6199 (`unknownShop: 'invalid-sign'`, the default) — or,
 * under `unknownShop: 'shop-not-found'`, error 11 first. The magic shops' other errors need a
 * valid signature.
 */
async function authorize(setup: ApiSetup, values: Record<string, string>, sign: unknown): Promise<void> {
  const shopId = values.shop_id;
  const magic = shopId !== setup.shopId && Object.hasOwn(MAGIC_SHOPS, shopId) ? MAGIC_SHOPS[shopId] : undefined;
  const unknown = shopId !== setup.shopId && !magic;
  if (unknown && setup.unknownShop === 'shop-not-found') throw new FeennexError(11, `shop ${shopId}`);
  if (magic?.errorCode === 15) throw new FeennexError(15, magic.why);
  if (unknown || !signaturesMatch(sign, await feennexSign(values, setup.secretKey))) {
    throw new ParameterError(`Invalid sign, string_to_sign: ${stringToSign(values)}`);
  }
  if (magic) throw new FeennexError(magic.errorCode, magic.why);
}

/** One API call: parameters, shop and signature, then the method; business errors stay HTTP 200. */
export async function callMethod(method: MethodName, request: Request, setup: ApiSetup, pageUrl: MethodContext['pageUrl']): Promise<Response> {
  try {
    const params = await readApiParams(request);
    const values = signedValues(params, SIGNED_KEYS[method]);
    await authorize(setup, values, params.sign);
    setup.state.settle();
    const { shopId, state, timing, googlePay } = setup;
    const data = await HANDLERS[method]({ params, values, shopId, state, timing, googlePay, pageUrl, signal: request.signal });
    return okEnvelope(data);
  } catch (error) {
    if (error instanceof FeennexError) return errorEnvelope(error);
    throw error;
  }
}

/** The API answers JSON whatever the request (the document: "always returns a response in JSON format"). */
export const unknownMethod = (path: string): Response => errorEnvelope(new ParameterError(`Unknown API method: ${path}`), 404);

export const methodNotAllowed = (method: string): Response => {
  const response = errorEnvelope(new ParameterError(`Request method ${method} is not supported: use POST (JSON) or GET (query string)`), 405);
  response.headers.set('allow', 'GET, HEAD, POST');
  return response;
};
