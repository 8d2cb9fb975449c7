// A shop for the fault tests: one page with <paytool-button> and <feennex-pay> (built dist/, fake
// Google Pay), the merchant's checkout handlers, and the sandbox with faults — all on one port.
// The handlers talk to the sandbox over HTTP with the real clients, as in production.
// `playScenario` drives payments in Chromium under a set of faults and checks the money rules.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { listen } from '../support/http.js';
import { sleep } from '../support/wait.js';
import type { BackendPolicy } from '../../src/checkout/backend-client.js';
import { classifyResponse, type Outcome } from '../../src/protocol/index.js';
import { createSandbox, type FaultKind, type FaultRule, type FaultSettings, type Sandbox } from '../../src/sandbox/index.js';
import { createCheckoutHandler, FeennexClient, feennexCheckout, FenigeClient, toNodeListener, type CheckoutEvent } from '../../src/server/index.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Short timings so every fault plays out in seconds; the order matters: gateway < handler < element. */
export const TIMINGS = {
  /** The merchant's gateway clients give up after this. */
  gatewayTimeoutMs: 2_000,
  /** The checkout handler's own deadline for a gateway call. */
  handlerTimeoutMs: 4_000,
  /** E0153 test cards and Feennex's processing amount settle after this. */
  settleMs: 1_500,
} as const;

/** The element's retry and polling policy for these tests (the browser tests' own is `testPolicy` in test/browser/helpers.ts). */
export const ELEMENT_POLICY: BackendPolicy = { requestTimeoutMs: 6_000, maxPosts: 3, deadlineMs: 15_000, initialDelayMs: 150, maxDelayMs: 500 };

/** One answer the merchant's handler gave: what the merchant's own code would act on. */
export interface HandlerAnswer {
  method: string;
  path: string;
  httpStatus: number;
  transactionId?: string;
  outcome: Outcome['kind'];
}

export interface FaultShop {
  origin: string;
  sandbox: Sandbox;
  /** Everything the handlers reported (`onEvent`). */
  events: CheckoutEvent[];
  /** Every answer of the handlers, classified as the element would. */
  answers: HandlerAnswer[];
  /** Transaction ids the merchant would mark paid: a handler answered success for them. */
  paid(): Set<string>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>fault shop</title>
<script type="module" src="/page.js"></script></head>
<body><paytool-button id="fenige"></paytool-button><feennex-pay id="feennex"></feennex-pay></body></html>`;

const PAGE_SCRIPT = `import { installFakeGooglePay } from '/dist/npm/testing/index.js';
window.fakeGooglePay = installFakeGooglePay({ payer: { name: 'Jan Kowalski', email: 'jan@example.com' } });
await import('/dist/paytool.js');
// Every state and status text the payer sees, in order (read and emptied by payOnce).
window.trail = [];
window.watch = (el) => {
  const note = () => {
    const text = el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
    const last = window.trail.at(-1);
    if (!last || last.state !== el.state || last.text !== text) window.trail.push({ state: el.state, text });
  };
  new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['state'] });
  new MutationObserver(note).observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
};
window.shopReady = true;`;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

async function serveDist(path: string): Promise<Response> {
  const file = join(DIST, normalize(path));
  if (!file.startsWith(DIST) || !TYPES[extname(file)] || file.split(sep).some((part) => part.startsWith('.')))
    return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { 'Content-Type': TYPES[extname(file)]! } });
  } catch {
    return new Response('Not found: run `npm run build` first', { status: 404 });
  }
}

export async function startFaultShop(faults?: FaultSettings): Promise<FaultShop> {
  const events: CheckoutEvent[] = [];
  const answers: HandlerAnswer[] = [];
  let app: (request: Request, info?: { clientIp?: string }) => Promise<Response> = async () => new Response('Starting', { status: 503 });
  const server = await listen(toNodeListener((request, info) => app(request, info)));
  const origin = server.url;

  const sandbox = createSandbox({
    basePath: '/sandbox',
    fenige: { pendingSettleMs: TIMINGS.settleMs },
    feennex: { timing: { processingMs: TIMINGS.settleMs } },
    ...(faults ? { faults } : {}),
  });
  const sb = sandbox.describe(origin);
  const onEvent = (event: CheckoutEvent) => events.push(event);
  const timeoutMs = TIMINGS.gatewayTimeoutMs;
  const handlers = [
    createCheckoutHandler({
      gateway: new FenigeClient({
        baseUrl: sb.fenige.url,
        login: sb.fenige.login,
        password: sb.fenige.password,
        merchantUuid: sb.fenige.merchantUuid,
        timeoutMs,
      }),
      timeoutMs: TIMINGS.handlerTimeoutMs,
      unsafeTrustBrowserAmount: true, // a test page: the browser's amount is charged
      logger: { warn: () => {}, error: (message: string) => console.error(message) },
      onEvent,
    }),
    createCheckoutHandler({
      gateway: feennexCheckout(new FeennexClient({ baseUrl: sb.feennex.url, shopId: sb.feennex.shopId, secretKey: sb.feennex.secretKey, timeoutMs })),
      timeoutMs: TIMINGS.handlerTimeoutMs,
      unsafeTrustBrowserAmount: true, // a test page: the browser's amount is charged
      logger: { warn: () => {}, error: (message: string) => console.error(message) },
      onEvent,
    }),
  ];

  /** Calls a handler and notes its answer the way the merchant's order book would read it. */
  async function checkout(handler: (typeof handlers)[number], request: Request, info?: { clientIp?: string }): Promise<Response> {
    const response = await handler(request, info);
    const body = await response
      .clone()
      .json()
      .catch(() => ({}));
    const { pathname } = new URL(request.url);
    answers.push({
      method: request.method,
      path: pathname,
      httpStatus: response.status,
      ...(typeof body.transactionId === 'string' ? { transactionId: body.transactionId } : {}),
      outcome: classifyResponse(response.status, body).kind,
    });
    return response;
  }

  app = async (request, info) => {
    const { pathname } = new URL(request.url);
    const sandboxAnswer = await sandbox.handle(request);
    if (sandboxAnswer) return sandboxAnswer;
    const handler = handlers.find((h) => pathname === h.basePath || pathname.startsWith(`${h.basePath}/`));
    if (handler) return checkout(handler, request, info);
    if (pathname === '/') return new Response(PAGE, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    if (pathname === '/page.js') return new Response(PAGE_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    if (pathname.startsWith('/dist/')) return serveDist(pathname.slice('/dist/'.length));
    if (pathname === '/favicon.ico') return new Response(null, { status: 204 });
    return new Response('Not found', { status: 404 });
  };

  return {
    origin,
    sandbox,
    events,
    answers,
    paid: () => new Set(answers.filter((a) => a.outcome === 'success' && a.transactionId).map((a) => a.transactionId!)),
    close: server.close,
  };
}

export type ShopElement = 'fenige' | 'feennex';

/** How one click ended for the payer, and every (state, status text) the element showed on the way. */
export interface PayerView {
  event: 'payment-success' | 'payment-failure' | 'payment-error' | 'payment-cancel';
  detail: { transactionId?: string; code?: string; message?: string; status?: string };
  trail: { state: string; text: string }[];
}

/** Opens the shop page with the element ready for `card` and `amount` (minor units). */
export async function openShop(page: Page, shop: FaultShop, element: ShopElement, card: string, amount = 1000): Promise<void> {
  await page.goto(`${shop.origin}/`);
  await page.waitForFunction(() => (window as unknown as { shopReady?: boolean }).shopReady === true);
  const gatewayMerchantId =
    element === 'fenige' ? shop.sandbox.emulators.fenige.credentials.gatewayMerchantId : shop.sandbox.emulators.feennex.credentials.shopId;
  await page.evaluate(
    async ({ element, card, amount, gatewayMerchantId, policy }) => {
      const w = window as unknown as { fakeGooglePay: { setOptions(o: object): void } };
      w.fakeGooglePay.setOptions({ card });
      const el = document.getElementById(element) as HTMLElement & { data: unknown; backendPolicy: unknown; state: string };
      el.backendPolicy = policy;
      const ready = new Promise((resolve) => el.addEventListener('payment-ready', resolve, { once: true }));
      el.data = { apiKey: 'pk_test_faults', amount, currencyCode: 'PLN', description: 'Order 42', merchantName: 'Fault Shop', gatewayMerchantId };
      await ready;
      (window as unknown as { watch(el: HTMLElement): void }).watch(el);
    },
    { element, card, amount, gatewayMerchantId, policy: ELEMENT_POLICY },
  );
}

/** Clicks Google Pay's button in `element` and waits for how the payment ends. */
export async function payOnce(page: Page, element: ShopElement): Promise<PayerView> {
  const ended = page.evaluate(
    (id) =>
      new Promise<{ event: string; detail: object }>((resolve) => {
        const el = document.getElementById(id)!;
        for (const type of ['payment-success', 'payment-failure', 'payment-error', 'payment-cancel']) {
          el.addEventListener(type, (e) => resolve({ event: type, detail: (e as CustomEvent).detail }), { once: true });
        }
      }),
    element,
  );
  await page.locator(`#${element} [part="button"] button`).click();
  const { event, detail } = await ended;
  const trail = await page.evaluate(async (id) => {
    await (document.getElementById(id) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    return (window as unknown as { trail: { state: string; text: string }[] }).trail.splice(0);
  }, element);
  return { event: event as PayerView['event'], detail: detail as PayerView['detail'], trail };
}

/** What the gateway itself holds for a transactionId: how many transactions, and whether one took money. */
export interface GatewayRecord {
  count: number;
  successful: boolean;
  states: string[];
}

const FENIGE_PAID = ['SUCCESS', 'SUCCESS_WAITING_FOR_CLEARING'];
const FEENNEX_PAID = [4, 10]; // invoice success, captured

export function gatewayRecord(shop: FaultShop, element: ShopElement, transactionId: string): GatewayRecord {
  if (element === 'fenige') {
    const found = shop.sandbox.emulators.fenige.transactions().filter((t) => t.transactionId === transactionId);
    return { count: found.length, successful: found.some((t) => FENIGE_PAID.includes(t.state)), states: found.map((t) => t.state) };
  }
  const found = shop.sandbox.emulators.feennex.invoices().filter((i) => i.shopOrderId === transactionId);
  return { count: found.length, successful: found.some((i) => FEENNEX_PAID.includes(i.status)), states: found.map((i) => i.statusName) };
}

/** The element's text while the outcome is not known yet (src/i18n/en.ts `checking`). */
export const CHECKING_TEXT = 'We are checking your payment with the bank. Please wait and do not pay again.';

export interface Scenario {
  element: ShopElement;
  rules: FaultRule[];
  card: string;
  amount?: number;
  /**
   * `paid`: the order ends paid by exactly one charge (the payer may have had to click again after
   * being told a try did not go through). `declined`: exactly one declined transaction, nothing
   * taken. `unpaid`: the gateway never takes money and the payer is never told otherwise.
   */
  expect: 'paid' | 'declined' | 'unpaid';
  /** The payer must see "we are checking" before the outcome. */
  checking?: boolean;
  /** Wait this long after the payer's last click for requests still on their way to land. */
  lateMs?: number;
}

/**
 * Pays under `scenario.rules` as a payer would: clicks, and clicks again only after being told the
 * payment did not go through (never after a success, never after "we could not confirm"). Then
 * checks, against the gateway's own records: at most one transaction per transactionId, exactly
 * one charge per order (or none), every payer-facing outcome true, every merchant "paid" true.
 */
export async function playScenario(shop: FaultShop, page: Page, scenario: Scenario): Promise<PayerView[]> {
  const { element } = scenario;
  shop.sandbox.faults.set({ seed: 11, rules: scenario.rules });
  const firstFault = shop.sandbox.faults.injected().length;
  const views: PayerView[] = [];
  try {
    await openShop(page, shop, element, scenario.card, scenario.amount);
    for (let click = 0; click < 3; click++) {
      const view = await payOnce(page, element);
      views.push(view);
      const toldNotPaid = view.event === 'payment-failure' && view.detail.code !== 'OUTCOME_UNKNOWN';
      if (!toldNotPaid || scenario.expect === 'declined') break;
    }
  } finally {
    shop.sandbox.faults.clear();
  }
  if (scenario.lateMs) await sleep(scenario.lateMs);

  const fired = new Set<FaultKind>(
    shop.sandbox.faults
      .injected()
      .slice(firstFault)
      .map((f) => f.fault),
  );
  for (const rule of scenario.rules) assert.ok(fired.has(rule.fault), `the ${rule.fault} fault fired (fired: ${[...fired].join(', ') || 'none'})`);

  const ids = views.map((v) => v.detail.transactionId);
  assert.ok(
    ids.every((id): id is string => typeof id === 'string'),
    `every click ended with a transactionId: ${JSON.stringify(views.map((v) => v.event))}`,
  );
  const records = ids.map((id) => gatewayRecord(shop, element, id));
  records.forEach((r, i) => assert.ok(r.count <= 1, `${ids[i]}: at most one transaction per transactionId, got ${r.states}`));

  // The payer is told the truth: success only when charged, a failure only when not charged.
  views.forEach((view, i) => {
    const what = `click ${i + 1} (${view.event} ${view.detail.code ?? view.detail.status ?? ''}, gateway: ${records[i]!.states.join(',') || 'nothing'})`;
    assert.ok(view.event === 'payment-success' || view.event === 'payment-failure', `${what}: a payment outcome`);
    if (view.event === 'payment-success') assert.ok(records[i]!.successful, `${what}: success shown only for a charged payment`);
    if (view.event === 'payment-failure' && view.detail.code !== 'OUTCOME_UNKNOWN')
      assert.ok(!records[i]!.successful, `${what}: failure shown for a charged payment`);
    const last = view.trail.at(-1);
    assert.equal(last?.state, view.event === 'payment-success' ? 'success' : 'failure', `${what}: the element ends in the outcome's state`);
    assert.ok(last!.text.length > 0, `${what}: the payer reads a message`);
  });

  const charges = records.filter((r) => r.successful).length;
  const transactions = records.reduce((n, r) => n + r.count, 0);
  if (scenario.expect === 'paid') {
    assert.equal(charges, 1, `exactly one charge for the order (gateway: ${records.map((r) => r.states.join(',') || '-').join(' | ')})`);
    assert.equal(views.at(-1)!.event, 'payment-success', 'the payer ends with the success');
  } else {
    assert.equal(charges, 0, 'nothing charged');
    assert.equal(transactions, scenario.expect === 'declined' ? 1 : 0, 'transactions at the gateway');
    assert.ok(views.every((v) => v.event !== 'payment-success'));
  }

  // The merchant: every id a handler answered "success" for is paid at the gateway.
  for (const id of shop.paid()) {
    const record = gatewayRecord(shop, shop.events.some((e) => e.gateway === 'fenige' && e.transactionId === id) ? 'fenige' : 'feennex', id);
    assert.ok(record.successful, `the merchant was told ${id} is paid, the gateway has ${record.states.join(',') || 'nothing'}`);
  }
  for (const id of ids) if (records[ids.indexOf(id)]!.successful) assert.ok(shop.paid().has(id), `the merchant learnt that ${id} is paid`);

  if (scenario.checking) {
    const final = views.at(-1)!.trail;
    const checkingAt = final.findIndex((t) => t.state === 'processing' && t.text === CHECKING_TEXT);
    assert.ok(checkingAt >= 0 && checkingAt < final.length - 1, `"we are checking" before the outcome: ${JSON.stringify(final)}`);
  }
  return views;
}

/**
 * A suite of fault scenarios on one element: one shop and one Chromium page for the whole file
 * (registered with node:test's before/after), and `play` for one scenario.
 */
export function faultSuite(element: ShopElement, defaultCard: string) {
  let shop: FaultShop;
  let browser: Browser;
  let page: Page;
  before(async () => {
    shop = await startFaultShop();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
  });
  return (scenario: Omit<Scenario, 'element' | 'card'> & { card?: string }): Promise<PayerView[]> =>
    playScenario(shop, page, { ...scenario, element, card: scenario.card ?? defaultCard });
}
