// A scriptable merchant backend for browser tests, served by the test runner over real HTTP.
// A test scripts the answers of scenario S, points the element at /mock/S/pay, and reads back
// every request the element made from /mock/S/log.
const scenarios = new Map();
/** Script requests held open by /mock/hanging-script.js, by id: calling one answers it. */
const hanging = new Map();

function scenario(id) {
  if (!scenarios.has(id)) scenarios.set(id, { pay: [], status: [], hosted: [], log: [] });
  return scenarios.get(id);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answer(ctx, queue) {
  const next = queue.length > 1 ? queue.shift() : queue[0];
  if (!next) {
    ctx.status = 500;
    ctx.body = { error: 'mock backend: nothing scripted' };
    return;
  }
  if (next.delayMs) await sleep(next.delayMs);
  if (next.drop) {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  ctx.status = next.status ?? 200;
  for (const [k, v] of Object.entries(next.headers ?? {})) ctx.set(k, v);
  if (next.text !== undefined) {
    ctx.type = 'text/plain';
    ctx.body = next.text;
  } else ctx.body = next.body ?? {};
}

export function mockBackend() {
  return async (ctx, next) => {
    const m = /^\/mock\/([\w-]+)\/(script|log|pay)(?:\/(.+))?$/.exec(ctx.path);
    if (ctx.path === '/mock/echo' && ctx.method === 'POST') {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(ctx.req)));
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><title>echo</title><pre id="echo">${JSON.stringify(fields).replace(/</g, '\\u003c')}</pre>`;
      return;
    }
    if (ctx.path === '/mock/hanging-script.js') {
      // Held until the test releases it (or 30 s pass): a pay.js that never arrives.
      const id = ctx.query.id;
      if (ctx.query.release) {
        hanging.get(id)?.();
        return void (ctx.body = { released: true });
      }
      await new Promise((resolve) => {
        hanging.set(id, resolve);
        setTimeout(resolve, 30_000).unref?.();
      });
      hanging.delete(id);
      ctx.type = 'text/javascript';
      ctx.body = '/* released */';
      return;
    }
    if (!m) return next();
    const [, id, kind, rest] = m;
    const s = scenario(id);
    if (kind === 'script') {
      const script = JSON.parse(await readBody(ctx.req));
      Object.assign(s, { pay: script.pay ?? [], status: script.status ?? [], hosted: script.hosted ?? [], log: [] });
      ctx.body = { ok: true };
      return;
    }
    if (kind === 'log') {
      ctx.body = s.log;
      return;
    }
    const text = ctx.method === 'POST' ? await readBody(ctx.req) : '';
    s.log.push({
      method: ctx.method,
      path: ctx.path,
      idempotencyKey: ctx.get('Idempotency-Key') || undefined,
      contentType: ctx.get('Content-Type') || undefined,
      body: text ? JSON.parse(text) : undefined,
    });
    if (ctx.method === 'GET' && rest) return answer(ctx, s.status);
    if (ctx.method === 'POST' && rest === 'hosted') return answer(ctx, s.hosted);
    if (ctx.method === 'POST' && !rest) return answer(ctx, s.pay);
    ctx.status = 405;
  };
}
