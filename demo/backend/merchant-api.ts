/**
 * `/demo-api/…`: the shop's own API for the page (orders, configuration) and its back office
 * (what a merchant does after a payment, through the real FenigeClient, FeennexClient and FeennexPayoutClient).
 */
import { FEENNEX_TEST_CARDS, FENIGE_TEST_CARDS, type createSandbox } from '../../src/sandbox/index.js';
import { FeennexClient, FeennexError, FeennexInputError, FenigeClient, FenigeError } from '../../src/server/index.js';
import { FeennexPayoutClient } from '../../src/server/feennex.js';
import type { Feed } from './feed.js';
import { CATALOGUE, CURRENCY, FREE_SHIPPING_FROM, OrderError, parseLines, type Order, type OrderBook } from './shop.js';

export interface MerchantApiDeps {
  sandbox: ReturnType<typeof createSandbox>;
  fenige: FenigeClient;
  feennex: FeennexClient;
  feed: Feed;
  orders: OrderBook;
}

type FenigeTransaction = ReturnType<MerchantApiDeps['sandbox']['emulators']['fenige']['transactions']>[number];
export type FenigeAction = 'clear' | 'reverse' | 'refund';

/**
 * What the merchant may still do with a Fenige transaction (the gateway's lifecycle): clear or
 * reverse an authorisation waiting for clearing; refund what was cleared and not yet refunded.
 */
export function fenigeActions(tx: Pick<FenigeTransaction, 'state' | 'amount' | 'clearedAmount' | 'refundedAmount'>): FenigeAction[] {
  if (tx.state === 'SUCCESS_WAITING_FOR_CLEARING') return ['clear', 'reverse'];
  if (tx.state === 'SUCCESS' && (tx.clearedAmount ?? tx.amount) - tx.refundedAmount > 0) return ['refund'];
  return [];
}

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDER_ID = /^DS-\d{1,9}$/;

const orderView = ({ id, lines, subtotal, shipping, total, currency, description, status, paidBy }: Order) => ({
  id,
  lines,
  subtotal,
  shipping,
  total,
  currency,
  description,
  status,
  paidBy,
});

/** A gateway's error, as the panel shows it: its code and message, never a credential. */
function gatewayError(error: unknown): Response {
  if (error instanceof OrderError) return json(error.status, { error: { code: 'ORDER', message: error.message } });
  if (error instanceof FenigeError) {
    const status = error.kind === 'final' ? 422 : 502;
    return json(status, { error: { gateway: 'fenige', code: error.status, message: error.message, errors: error.errors } });
  }
  if (error instanceof FeennexInputError) return json(400, { error: { gateway: 'feennex', code: 'INVALID_INPUT', message: error.message } });
  if (error instanceof FeennexError) {
    return json(error.kind === 'final' ? 422 : 502, { error: { gateway: 'feennex', code: error.errorCode, message: error.message } });
  }
  throw error;
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const body = (await request.json().catch(() => null)) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new OrderError(400, 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

function amountField(body: Record<string, unknown>, fallback: number): number {
  const { amount } = body;
  if (amount === undefined) return fallback;
  if (!Number.isInteger(amount) || (amount as number) < 1) throw new OrderError(400, 'amount must be a positive integer of minor units');
  return amount as number;
}

export function createMerchantApi({ sandbox, fenige, feennex, feed, orders }: MerchantApiDeps) {
  const { fenige: fenigeSandbox, feennex: feennexSandbox } = sandbox.emulators;
  const feennexPayouts = new FeennexPayoutClient(feennex);
  // What the page needs so the fake Google Pay seals tokens each sandbox accepts.
  const config = {
    fenige: { endpoint: '/paytool/transactions', gatewayMerchantId: fenigeSandbox.credentials.gatewayMerchantId },
    feennex: { endpoint: '/feennex/payments', gatewayMerchantId: feennexSandbox.credentials.shopId },
    shop: { currency: CURRENCY, freeShippingFrom: FREE_SHIPPING_FROM, catalogue: CATALOGUE },
  };

  async function fenigeAction(request: Request, id: string, action: string): Promise<unknown> {
    const tx = fenigeSandbox.transactions().find((t) => t.transactionId === id);
    if (action === 'details') return fenige.details(id);
    if (!tx) throw new OrderError(404, `No Fenige transaction ${id}`);
    if (!(fenigeActions(tx) as string[]).includes(action)) throw new OrderError(409, `${action} is not possible for a ${tx.state} transaction`);
    const body = await readBody(request);
    switch (action) {
      case 'clear':
        return fenige.clear({ transactionId: id, clearingAmount: amountField(body, tx.amount) });
      case 'reverse':
        return fenige.reverse({ transactionId: id });
      default:
        return fenige.refund({ transactionId: id, amountToRefund: amountField(body, (tx.clearedAmount ?? tx.amount) - tx.refundedAmount) });
    }
  }

  function transactions() {
    return {
      fenige: fenigeSandbox.transactions().map((tx) => ({
        ...tx,
        order: orders.forTransaction(tx.transactionId)?.id,
        clearedAmount: tx.clearedAmount ?? 0,
        refundable: tx.state === 'SUCCESS' ? (tx.clearedAmount ?? tx.amount) - tx.refundedAmount : 0,
        actions: fenigeActions(tx),
      })),
      feennex: feennexSandbox.invoices().map((invoice) => ({ ...invoice, order: orders.forTransaction(invoice.shopOrderId)?.id })),
      payouts: feennexSandbox.payouts(),
    };
  }

  return async (request: Request, path: string): Promise<Response> => {
    const segments = path.split('/').filter(Boolean);
    const method = request.method;
    if (method === 'POST' || method === 'PUT') {
      if (!(request.headers.get('Content-Type') ?? '').startsWith('application/json')) return json(415, { error: { message: 'send application/json' } });
    }
    try {
      if (method === 'GET' && path === '/events') return feed.stream(request);
      if (method === 'GET' && path === '/test-cards') return json(200, testCards());
      if (method === 'GET' && path === '/config') return json(200, config);
      if (method === 'GET' && path === '/transactions') return json(200, transactions());
      if (method === 'POST' && path === '/orders') {
        const order = orders.create(parseLines(await readBody(request)));
        feed.push('shop', { action: 'order created', order: order.id, total: order.total, currency: order.currency });
        return json(201, orderView(order));
      }
      if (segments[0] === 'orders' && segments.length === 2 && ORDER_ID.test(segments[1]!)) {
        if (method === 'GET') {
          const order = orders.get(segments[1]!);
          return order ? json(200, orderView(order)) : json(404, { error: { message: `No order ${segments[1]}` } });
        }
        if (method === 'PUT') return json(200, orderView(orders.update(segments[1]!, parseLines(await readBody(request)))));
      }
      if (method === 'GET' && path === '/feennex/balance') return json(200, await feennexPayouts.shopBalance());
      if (method === 'POST' && path === '/feennex/payout') {
        const body = await readBody(request);
        const currency = typeof body.currency === 'string' && /^[A-Z]{3}$/.test(body.currency) ? body.currency : CURRENCY;
        const payout = await feennexPayouts.withdrawCreate({
          amount: amountField(body, 0),
          currency,
          payway: `card_${currency.toLowerCase()}`,
          account: typeof body.card === 'string' ? body.card : '4111111111111111',
          shopPaymentId: crypto.randomUUID(),
        });
        feed.push('merchant', { action: 'payout', id: payout.id, status: payout.status });
        return json(200, payout);
      }
      if (segments[0] === 'feennex' && segments[1] === 'status' && segments.length === 3 && UUID.test(segments[2]!) && method === 'GET') {
        return json(200, await feennex.orderStatus(segments[2]!));
      }
      if (segments[0] === 'fenige' && segments.length === 3 && UUID.test(segments[1]!)) {
        const [, id, action] = segments as [string, string, string];
        if (!['details', 'clear', 'reverse', 'refund'].includes(action)) return json(404, { error: { message: `Unknown action ${action}` } });
        if ((action === 'details') !== (method === 'GET')) return json(405, { error: { message: 'details is GET; clear, reverse and refund are POST' } });
        const result = await fenigeAction(request, id, action);
        if (action !== 'details') feed.push('merchant', { action, transactionId: id });
        return json(200, result);
      }
      return json(404, { error: { message: `No demo API at ${path}` } });
    } catch (error) {
      return gatewayError(error);
    }
  };
}

/** Both gateways' test cards by PAN, for the page's card picker: `{ pan, network, label, fenige?, feennex? }`. */
function testCards() {
  const byPan = new Map<string, { pan: string; network: string; fenige?: string; feennex?: string }>();
  for (const card of FENIGE_TEST_CARDS) byPan.set(card.pan, { pan: card.pan, network: card.network, fenige: card.outcome });
  for (const card of FEENNEX_TEST_CARDS) {
    byPan.set(card.pan, { ...(byPan.get(card.pan) ?? { pan: card.pan, network: card.network }), feennex: card.outcome });
  }
  return [...byPan.values()].map((c) => ({
    ...c,
    label: [c.fenige && `Fenige ${c.fenige}`, c.feennex && `Feennex ${c.feennex}`].filter(Boolean).join(' · '),
  }));
}
