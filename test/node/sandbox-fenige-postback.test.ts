import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { verifyFenigePostback } from '../../src/gateways/fenige/server/postback.js';
import { listen } from '../support/http.js';
import { sleep, waitFor } from '../support/wait.js';
import { DETAILS_KEYS, googlePayBody, MERCHANT, post, startFenige, type FenigeHarness } from './sandbox-fenige-harness.js';

const PAY = '/external-api/transactions/google-pay';
const SECRET = 'postback-secret';

interface Received {
  headers: IncomingMessage['headers'];
  body: any;
  raw: string;
}

/** A merchant endpoint that records postbacks; with `hold`, it answers none until `release()`. */
async function startReceiver(options: { hold?: boolean } = {}) {
  const received: Received[] = [];
  let release = () => {};
  const released = options.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const server = await listen(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    received.push({ headers: req.headers, body: JSON.parse(raw), raw });
    await released;
    res.writeHead(200).end('OK');
  });
  const waitForCount = (count: number) => waitFor(() => received.length >= count && received, `${count} postbacks`);
  return { url: `${server.url}/postback`, received, waitFor: waitForCount, release, close: server.close };
}

describe('Fenige sandbox: postback', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let h: FenigeHarness;
  before(async () => {
    receiver = await startReceiver();
    h = await startFenige({ postback: { url: receiver.url, secret: SECRET } });
  });
  after(async () => {
    await h.close();
    await receiver.close();
  });

  it('POSTs the details body with X-SECRET-CHECKSUM on every final state change', async () => {
    const body = googlePayBody();
    await post(h, PAY, body);
    await post(h, '/external/clear', { transactionId: body.transactionId, merchantUuid: MERCHANT, clearingAmount: 1000 });
    const [authorised, cleared] = await receiver.waitFor(2);
    assert.equal(authorised!.headers['content-type'], 'application/json');
    const checksum = createHash('sha256')
      .update(SECRET + body.transactionId)
      .digest('hex');
    assert.equal(authorised!.headers['x-secret-checksum'], checksum);
    assert.deepEqual(Object.keys(authorised!.body), DETAILS_KEYS);
    assert.equal(authorised!.body.transactionState, 'SUCCESS_WAITING_FOR_CLEARING');
    assert.equal(cleared!.body.transactionState, 'SUCCESS');

    // The package's own verifier accepts what the sandbox sends.
    const verified = await verifyFenigePostback(
      new Request(receiver.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-SECRET-CHECKSUM': String(cleared!.headers['x-secret-checksum']) },
        body: cleared!.raw,
      }),
      { secret: SECRET },
    );
    assert.equal(verified.transactionId, body.transactionId);

    const tx = await waitFor(
      () => h.emulator.transactions().find((t) => t.transactionId === body.transactionId && t.postbacks.length === 2),
      'both deliveries recorded',
    );
    assert.deepEqual(
      tx.postbacks.map((p) => [p.state, p.httpStatus]),
      [
        ['SUCCESS_WAITING_FOR_CLEARING', 200],
        ['SUCCESS', 200],
      ],
    );
  });

  it('sends FAILURE for a rejected payment and nothing for one that recorded nothing', async () => {
    const before = receiver.received.length;
    await post(h, PAY, googlePayBody({ card: '4000000000090011' })); // E9001: nothing recorded
    const rejected = googlePayBody({ card: '4000000000001505' });
    await post(h, PAY, rejected);
    const all = await receiver.waitFor(before + 1);
    await sleep(50); // a postback for the E9001 request, were there one, would have come by now
    assert.equal(all.length, before + 1);
    assert.equal(all.at(-1)!.body.transactionId, rejected.transactionId);
    assert.equal(all.at(-1)!.body.transactionState, 'FAILURE');
  });
});

describe('Fenige sandbox: postback never blocks the API', () => {
  it('answers before a slow merchant has answered, and notes a failed delivery', async () => {
    const slow = await startReceiver({ hold: true });
    const h = await startFenige({ postback: { url: slow.url, secret: SECRET } });
    try {
      const res = await post(h, PAY, googlePayBody());
      assert.equal(res.status, 200);
      // Had the API waited for the delivery, the delivery would be recorded by now (as a timeout).
      await slow.waitFor(1);
      const postbacks = () => h.emulator.transactions()[0]!.postbacks;
      assert.deepEqual(postbacks(), [], 'the answer did not wait for the postback');
      slow.release();
      const [delivered] = await waitFor(() => postbacks().length === 1 && postbacks(), 'the delivery recorded');
      assert.equal(delivered!.httpStatus, 200);
    } finally {
      await h.close();
      await slow.close();
    }

    const unreachable = await startFenige({ postback: { url: 'http://127.0.0.1:9/closed', secret: SECRET } });
    try {
      const body = googlePayBody();
      await post(unreachable, PAY, body);
      const tx = () => unreachable.emulator.transactions()[0]!;
      const attempts = await waitFor(() => tx().postbacks.length > 0 && tx().postbacks, 'the failed delivery');
      assert.equal(attempts.length, 1);
      assert.match((attempts[0] as { error: string }).error, /fetch failed|ECONNREFUSED/);
    } finally {
      await unreachable.close();
    }
  });
});
