// The benchmark page's side: both elements get the same fake Google Pay client (from
// paytool-elements/testing, so neither loads pay.js), are created the same way (script loaded,
// element created, configured by property, appended), and are timed to the same moment: Google
// Pay answered isReadyToPay and the element shows its button.
//   <paytool-button>     → `payment-ready` (fired once the button is rendered in its shadow root)
//   <google-pay-button>  → `readytopaychange` (fired once isReadyToPay answered and the button
//                          lost its `not-ready` class, i.e. became visible)
//
// `?google=network`: nothing is pre-installed; each element loads pay.js itself from
// https://pay.google.com (the bench maps that host to its stand-in server).
const network = new URLSearchParams(location.search).get('google') === 'network';
const fake = network ? undefined : (await import('/fake-google.js')).installFakeGooglePay();
/** The fake keeps a copy of every call; emptied between cycles so only the elements' memory counts. */
const forgetCalls = () => fake && Object.values(fake.calls).forEach((list) => (list.length = 0));

const GATEWAY_MERCHANT_ID = '3c5e8f0a-6b1d-4e27-9a4c-d8f2b7e61a05'; // the sandbox's Fenige Gateway Merchant Id

const ELEMENTS = {
  paytool: {
    script: '/paytool.js',
    tag: 'paytool-button',
    ready: 'payment-ready',
    failures: ['payment-error', 'payment-unavailable'],
    configure(element) {
      element.data = {
        apiKey: 'pk_bench',
        amount: 1000,
        currencyCode: 'PLN',
        description: 'Order 42',
        merchantName: 'Bench Shop',
        gatewayMerchantId: GATEWAY_MERCHANT_ID,
      };
    },
  },
  google: {
    script: '/google-pay-button.js',
    tag: 'google-pay-button',
    ready: 'readytopaychange',
    failures: ['error'],
    configure(element) {
      element.environment = 'TEST';
      element.paymentRequest = {
        apiVersion: 2,
        apiVersionMinor: 0,
        allowedPaymentMethods: [
          {
            type: 'CARD',
            parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['MASTERCARD', 'VISA'] },
            tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'fenige', gatewayMerchantId: GATEWAY_MERCHANT_ID } },
          },
        ],
        merchantInfo: { merchantName: 'Bench Shop' },
        transactionInfo: { totalPriceStatus: 'FINAL', totalPrice: '10.00', currencyCode: 'PLN', countryCode: 'PL' },
      };
    },
  },
};

// An earlier build of ours (npm run bench -- --baseline DIR), for before/after in the same rounds.
ELEMENTS.baseline = { ...ELEMENTS.paytool, script: '/baseline/paytool.js' };

const READY_TIMEOUT_MS = 10_000;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

function mountOne(spec, existing) {
  const element = existing ?? document.createElement(spec.tag);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.tag} not ready within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    element.addEventListener(
      spec.ready,
      (event) => {
        clearTimeout(timer);
        if (event.detail && event.detail.isReadyToPay === false) reject(new Error(`${spec.tag}: not ready to pay`));
        else resolve();
      },
      { once: true },
    );
    for (const type of spec.failures) {
      element.addEventListener(type, (event) => reject(new Error(`${spec.tag}: ${type} ${JSON.stringify(event.detail ?? String(event.error))}`)), {
        once: true,
      });
    }
  });
  spec.configure(element);
  if (!existing) document.getElementById('mount').append(element);
  return { element, ready };
}

const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
const layoutShifts = [];
new PerformanceObserver((list) => layoutShifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/**
 * Waits until the task that reached "ready" has ended and two frames were drawn, so its long-task
 * and layout-shift entries (if any) are delivered.
 */
const settle = async () => {
  await frame();
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 60));
};

const box = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
/** A layout shift as data: when (from the page's start), how much, and which boxes moved from where to where. */
const describeShift = (s) => ({
  atMs: Math.round(s.startTime),
  value: s.value,
  sources: (s.sources ?? []).map((src) => ({
    node: src.node ? `${src.node.nodeName.toLowerCase()}${src.node.id ? `#${src.node.id}` : ''}` : '(gone)',
    from: box(src.previousRect),
    to: box(src.currentRect),
  })),
});

/** From the `<script>` element's creation to `count` elements ready. */
async function measureReady(kind, count) {
  const spec = ELEMENTS[kind];
  // Our page is a script-tag checkout: the element is in the markup before its script loads
  // (configured by property once defined), so the script can request pay.js at its first statement,
  // and the page has painted it (in the space docs/script-tag.md reserves) before the script starts,
  // as a real page would. Google's element, upgraded from markup and then configured by property,
  // never became ready here, so it is created after its script and appended then.
  const markup =
    spec.tag === 'paytool-button' ? Array.from({ length: count }, () => document.getElementById('mount').appendChild(document.createElement(spec.tag))) : [];
  await frame();
  await frame();
  const start = performance.mark('bench:start').startTime; // the marks let a trace (bench/client/trace.ts) cut at the same moments
  await loadScript(spec.script);
  const loaded = performance.now();
  const mounted = Array.from({ length: count }, (_, i) => mountOne(spec, markup[i]));
  await Promise.all(mounted.map((m) => m.ready));
  const end = performance.mark('bench:ready').startTime;
  await settle();
  const tasks = longTasks.filter((t) => t.startTime >= start && t.startTime <= end);
  const resource = performance.getEntriesByName(new URL(spec.script, location.href).href)[0];
  // Everything fetched from the start until ready: the element's own files (this origin) and pay.js.
  const fetched = performance.getEntriesByType('resource').filter((r) => r.startTime >= start && r.startTime <= end);
  const payJs = fetched.find((r) => r.name.startsWith('https://pay.google.com/'));
  // Only what arrived before ready (not the after-click code prefetched at ready).
  const own = fetched.filter((r) => r.name.startsWith(location.origin) && !r.name.endsWith('/fake-google.js') && r.responseEnd <= end);
  const shifts = layoutShifts.filter((s) => s.startTime >= start && !s.hadRecentInput);
  return {
    shifts: shifts.map(describeShift),
    criticalBytes: own.reduce((sum, r) => sum + r.encodedBodySize, 0),
    criticalFiles: own.length,
    payJsRequestMs: payJs ? payJs.startTime - start : -1,
    payJsBytes: payJs ? payJs.encodedBodySize : 0,
    cls: shifts.reduce((sum, s) => sum + s.value, 0),
    readyMs: end - start,
    scriptMs: loaded - start,
    longTaskCount: tasks.length,
    longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    transferBytes: resource.encodedBodySize,
    decodedBytes: resource.decodedBodySize,
  };
}

async function cycles(kind, count) {
  const spec = ELEMENTS[kind];
  for (let i = 0; i < count; i++) {
    const { element, ready } = mountOne(spec);
    await ready;
    element.remove();
    forgetCalls();
  }
  // Let timers the elements left behind (Google's debounce, Lit's update) run before measuring.
  await settle();
  return document.querySelectorAll(spec.tag).length;
}

async function loadElement(kind) {
  await loadScript(ELEMENTS[kind].script);
}

window.bench = { measureReady, cycles, loadElement };
