import { checkAccount, shopBalance } from './accounts.js';
import type { FeennexSandboxTiming, MethodContext, MethodHandler } from './context.js';
import { FeennexError, ParameterError, errorEnvelope, okEnvelope } from './envelope.js';
import { SIGNED_KEYS, type MethodName } from './methods.js';
import { readApiParams, signedValues } from './params.js';
import { billCreate, invoiceCreate, invoiceTry, shopOrderStatus } from './payments.js';
import {
  transferCreate, transferShopPaymentStatus, transferTry,
  withdrawCreate, withdrawShopPaymentStatus, withdrawStatus, withdrawTry,
} from './payouts.js';
import { signString, signaturesMatch, stringToSign } from './signature.js';
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
}

/**
 * Shop, then signature: an unknown shop (11) has no key to check with, and an IP allow-list (15)
 * is checked before anything else is read; the magic shops' other errors need a valid signature.
 */
function authorize(setup: ApiSetup, values: Record<string, string>, keys: readonly string[], sign: unknown): void {
  const shopId = values.shop_id;
  const magic = shopId !== setup.shopId && Object.hasOwn(MAGIC_SHOPS, shopId) ? MAGIC_SHOPS[shopId] : undefined;
  if (shopId !== setup.shopId && !magic) throw new FeennexError(11, `shop ${shopId}`);
  if (magic?.errorCode === 15) throw new FeennexError(15, magic.why);
  const joined = stringToSign(values, keys);
  if (!signaturesMatch(sign, signString(joined, setup.secretKey))) {
    throw new ParameterError(`Invalid sign, string_to_sign: ${joined}`);
  }
  if (magic) throw new FeennexError(magic.errorCode, magic.why);
}

/** One API call: parameters, shop and signature, then the method; business errors stay HTTP 200. */
export async function callMethod(
  method: MethodName,
  request: Request,
  setup: ApiSetup,
  pageUrl: MethodContext['pageUrl'],
): Promise<Response> {
  try {
    const params = await readApiParams(request);
    const keys = SIGNED_KEYS[method];
    const values = signedValues(params, keys);
    authorize(setup, values, keys, params.sign);
    setup.state.settle();
    const { shopId, state, timing } = setup;
    const data = await HANDLERS[method]({ params, values, shopId, state, timing, pageUrl, signal: request.signal });
    return okEnvelope(data);
  } catch (error) {
    if (error instanceof FeennexError) return errorEnvelope(error);
    throw error;
  }
}

export const unknownMethod = (path: string): Response =>
  errorEnvelope(new ParameterError(`Unknown API method: ${path}`), 404);
