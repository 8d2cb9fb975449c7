// A scriptable merchant backend for browser tests, served by the test runner over real HTTP.
// A test scripts the answers of scenario S, points the element at /mock/S/pay, and reads back
// every request the element made from /mock/S/log. An answer scripted with `hold: true` waits for an
// explicit signal: the test's POST /mock/S/release (then it is sent), or the client giving up (its
// own timeout, or the element leaving the page: then nothing is sent). No answer waits on a clock.
// The built script-tag folder is also served per scenario, at /mock/S/dist/<file>.js, so its
// sibling chunks resolve there too: a file the script lists in `withhold` loses its connection
// until /mock/S/release (a chunk that fails to load, then loads); every fetch of the folder is logged.
import { readFile } from 'node:fs/promises';

const scenarios = new Map();
/** Script requests held open by /mock/hanging-script.js, by id: calling one answers it. */
const hanging = new Map();
/** Ids released before their script was asked for (a busy browser may send the release first). */
const releasedScripts = new Set();

function scenario(id) {
  if (!scenarios.has(id)) scenarios.set(id, { pay: [], status: [], hosted: [], withhold: [], log: [], released: false, held: [] });
  return scenarios.get(id);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves true once the scenario is released (at once if it was), false when the client gave up first. */
function held(ctx, s) {
  if (s.released) return Promise.resolve(true);
  return new Promise((resolve) => {
    s.held.push(() => resolve(true));
    ctx.res.once('close', () => resolve(false));
  });
}

async function answer(ctx, queue, s) {
  const next = queue.length > 1 ? queue.shift() : queue[0];
  if (!next) {
    ctx.status = 500;
    ctx.body = { error: 'mock backend: nothing scripted' };
    return;
  }
  if (next.hold && !(await held(ctx, s))) {
    ctx.status = 499; // the client closed the request (nothing is sent; the runner would log a 404)
    ctx.respond = false;
    return;
  }
  if (next.delayMs) await sleep(next.delayMs);
  if (next.drop) {
    ctx.req.socket.destroy();
    ctx.status = 499; // nothing is sent; the runner would log a 404
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
    const m = /^\/mock\/([\w-]+)\/(script|log|release|pay|dist)(?:\/(.+))?$/.exec(ctx.path);
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
        if (hanging.has(id)) hanging.get(id)();
        else releasedScripts.add(id);
        return void (ctx.body = { released: true });
      }
      if (!releasedScripts.delete(id)) {
        await new Promise((resolve) => {
          hanging.set(id, resolve);
          setTimeout(resolve, 30_000).unref?.();
        });
      }
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
      Object.assign(s, {
        pay: script.pay ?? [],
        status: script.status ?? [],
        hosted: script.hosted ?? [],
        withhold: script.withhold ?? [],
        log: [],
        released: false,
        held: [],
      });
      ctx.body = { ok: true };
      return;
    }
    if (kind === 'release') {
      s.released = true;
      s.held.splice(0).forEach((send) => send());
      ctx.body = { released: true };
      return;
    }
    if (kind === 'log') {
      ctx.body = s.log;
      return;
    }
    if (kind === 'dist') return builtFile(ctx, s, rest);
    const text = ctx.method === 'POST' ? await readBody(ctx.req) : '';
    s.log.push({
      method: ctx.method,
      path: ctx.path,
      idempotencyKey: ctx.get('Idempotency-Key') || undefined,
      contentType: ctx.get('Content-Type') || undefined,
      body: text ? JSON.parse(text) : undefined,
    });
    if (ctx.method === 'GET' && rest) return answer(ctx, s.status, s);
    if (ctx.method === 'POST' && rest === 'hosted') return answer(ctx, s.hosted, s);
    if (ctx.method === 'POST' && !rest) return answer(ctx, s.pay, s);
    ctx.status = 405;
  };
}

/** One file of the built dist/ folder, or 503 while the scenario withholds it. */
async function builtFile(ctx, s, name) {
  if (ctx.method !== 'GET' || !/^[\w.-]+\.js$/.test(name ?? '')) return void (ctx.status = 404);
  s.log.push({ method: 'GET', path: ctx.path });
  if (s.withhold.includes(name) && !s.released) {
    // The connection is lost, as on a payer's bad network. (A 503 would stay in the browser's cache:
    // the runner marks every path with an extension cacheable for a year.)
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  try {
    ctx.body = await readFile(new URL(`../../dist/${name}`, import.meta.url), 'utf8');
    ctx.type = 'text/javascript';
  } catch {
    ctx.status = 404;
  }
}
