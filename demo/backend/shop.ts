/**
 * The demo shop's catalogue and order book. Orders live on the server: the page sends only which
 * products and how many, the server prices them, and the checkout handlers' `lookupOrder` charges
 * the server's total — whatever amount the browser sends.
 *
 * A payment attempt is tied to its order by the order's description ("Demo Shop order DS-1001"),
 * the one field the element sends unchanged on every attempt: after a decline in the Google Pay
 * sheet the payer retries with a fresh `transactionId`, so the id alone cannot name the order.
 */

export interface Product {
  sku: string;
  name: string;
  detail: string;
  /** Minor units of {@link CURRENCY}. */
  price: number;
  image: string;
}

export interface OrderLine {
  sku: string;
  quantity: number;
}

export type OrderStatus = 'open' | 'paid';

export interface Order {
  id: string;
  lines: (OrderLine & { name: string; unitPrice: number; total: number })[];
  subtotal: number;
  shipping: number;
  total: number;
  currency: string;
  description: string;
  status: OrderStatus;
  /** The `transactionId` of every payment attempt, in order; the last paid one is `paidBy`. */
  attempts: string[];
  paidBy?: string;
}

export const CURRENCY = 'PLN';
export const FREE_SHIPPING_FROM = 150_00;
export const SHIPPING = 12_99;
const MAX_QUANTITY = 20;

export const CATALOGUE: readonly Product[] = [
  { sku: 'beans-250', name: 'Yirgacheffe coffee beans', detail: 'Single origin, 250 g', price: 49_00, image: '/img/beans.svg' },
  { sku: 'dripper', name: 'Ceramic pour-over dripper', detail: 'Size 02, white', price: 89_00, image: '/img/dripper.svg' },
  { sku: 'filters-100', name: 'Paper filters', detail: 'Size 02, pack of 100', price: 19_00, image: '/img/filters.svg' },
];

/** The standing order the framework examples (React, Vue) pay: 10.00 PLN, "Order 42". */
const EXAMPLE_ORDER = { amount: 10_00, currency: CURRENCY, description: 'Order 42' };

export class OrderError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Validates `{ lines: [{ sku, quantity }] }` from the page; names the field that is wrong. */
export function parseLines(body: unknown): OrderLine[] {
  const lines = (body as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines) || lines.length > CATALOGUE.length)
    throw new OrderError(400, `lines must be an array of at most ${CATALOGUE.length} { sku, quantity }`);
  const seen = new Set<string>();
  return lines.map((line: unknown, i) => {
    const { sku, quantity } = (line ?? {}) as Record<string, unknown>;
    if (typeof sku !== 'string' || !CATALOGUE.some((p) => p.sku === sku))
      throw new OrderError(400, `lines[${i}].sku must be one of ${CATALOGUE.map((p) => p.sku).join(', ')}`);
    if (seen.has(sku)) throw new OrderError(400, `lines[${i}].sku ${sku} appears twice`);
    seen.add(sku);
    if (!Number.isInteger(quantity) || (quantity as number) < 0 || (quantity as number) > MAX_QUANTITY) {
      throw new OrderError(400, `lines[${i}].quantity must be an integer 0…${MAX_QUANTITY}`);
    }
    return { sku, quantity: quantity as number };
  });
}

export function createOrderBook() {
  const orders = new Map<string, Order>();
  const byDescription = new Map<string, Order>();
  const byTransaction = new Map<string, Order>();
  let next = 1001;

  function price(order: Order, lines: OrderLine[]): Order {
    order.lines = lines
      .filter((line) => line.quantity > 0)
      .map((line) => {
        const product = CATALOGUE.find((p) => p.sku === line.sku)!;
        return { ...line, name: product.name, unitPrice: product.price, total: product.price * line.quantity };
      });
    order.subtotal = order.lines.reduce((sum, line) => sum + line.total, 0);
    order.shipping = order.subtotal === 0 || order.subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
    order.total = order.subtotal + order.shipping;
    return order;
  }

  return {
    create(lines: OrderLine[]): Order {
      const id = `DS-${next++}`;
      const order = price(
        { id, lines: [], subtotal: 0, shipping: 0, total: 0, currency: CURRENCY, description: `Demo Shop order ${id}`, status: 'open', attempts: [] },
        lines,
      );
      orders.set(id, order);
      byDescription.set(order.description, order);
      return order;
    },

    get(id: string): Order | undefined {
      return orders.get(id);
    },

    /** A new cart for an open order; a paid order cannot change. */
    update(id: string, lines: OrderLine[]): Order {
      const order = orders.get(id);
      if (!order) throw new OrderError(404, `No order ${id}`);
      if (order.status !== 'open') throw new OrderError(409, `Order ${id} is already paid`);
      return price(order, lines);
    },

    /**
     * The checkout handlers' `lookupOrder`: the server's amount for the order this attempt pays.
     * An attempt already seen (a re-sent request, a status check) keeps its order; a new attempt
     * needs an open order with something in it.
     */
    lookup(query: { transactionId: string; description: string }): { amount: number; currency: string; description: string } | null {
      const known = byTransaction.get(query.transactionId);
      if (known) return { amount: known.total, currency: known.currency, description: known.description };
      if (query.description === EXAMPLE_ORDER.description) return EXAMPLE_ORDER;
      const order = byDescription.get(query.description);
      if (!order || order.status !== 'open' || order.total === 0) return null;
      order.attempts.push(query.transactionId);
      byTransaction.set(query.transactionId, order);
      return { amount: order.total, currency: order.currency, description: order.description };
    },

    /** The order a transaction paid for, e.g. for a Feennex notification. */
    forTransaction(transactionId: string): Order | undefined {
      return byTransaction.get(transactionId);
    },

    markPaid(transactionId: string): Order | undefined {
      const order = byTransaction.get(transactionId);
      if (order && order.status === 'open') {
        order.status = 'paid';
        order.paidBy = transactionId;
      }
      return order;
    },

    list(): Order[] {
      return [...orders.values()];
    },
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
