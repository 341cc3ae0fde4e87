// POST /v1/token has two ways in: the standalone server's handler answers it in front of Express
// (http/token-fast-path.ts), a host that mounts the Express app gets it through the router. Every
// request here goes to one service of each kind, started alike, and the answers must be the same:
// status, body (the LiveKit token compared by its claims, which hold a fresh expiry), and every
// header but the per-request ones (Date, X-Request-Id, the limiter's seconds to reset); so must
// the access lines and the latency metric. That is the proof the lighter path drops no protection:
// security headers, CORS, rate limit, body size and JSON rules, portal token check, error JSON.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { api, LIVEKIT_KEY, LIVEKIT_SECRET, PORTAL_AUDIENCE, PORTAL_ISSUER, PORTAL_SECRET, portalToken, startService, testEnv, type ApiResponse, type RunningService } from './helpers.js';
import { TokenVerifier } from 'livekit-server-sdk';
import { connect, type Socket } from 'node:net';

const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
const ORIGIN = 'http://127.0.0.1:3000';
const METRICS_TOKEN = 'metrics-secret-for-the-test-0123456789';
/** Headers that differ from one request to the next by design. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

interface Request { path?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }

/** What a client can observe of an answer, with the per-request parts taken out. */
async function observed(res: ApiResponse): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (PER_REQUEST.has(name)) return;
    // RateLimit: "limit=600, remaining=599, reset=60" and Retry-After: the seconds may tick between the two.
    headers[name] = name === 'ratelimit' ? value.replace(/reset=\d+/, 'reset=…') : name === 'retry-after' ? '…' : value;
  });
  let body: unknown = res.body ?? res.text;
  if (typeof res.body?.token === 'string') {
    const claims = { ...(await verifier.verify(res.body.token)) } as Record<string, unknown>;
    for (const volatile of ['exp', 'nbf', 'iat', 'jti']) delete claims[volatile];
    body = { ...res.body, token: claims };
    // The token's length (and so the body's) can differ by an expiry digit; the claims are compared.
    delete headers['content-length'];
  }
  return { status: res.status, headers, body };
}

describe('POST /v1/token: the path in front of Express answers as Express does', () => {
  let viaHandler: RunningService;
  let viaApp: RunningService;
  before(async () => {
    const env = testEnv({ METRICS_TOKEN });
    [viaHandler, viaApp] = await Promise.all([startService({ env, via: 'handler' }), startService({ env, via: 'app' })]);
  });
  after(async () => {
    await viaHandler?.close();
    await viaApp?.close();
  });

  const both = async (r: Request) => {
    const send = (s: RunningService) => api(s.base, 'POST', r.path ?? '/v1/token', {
      ...(r.token ? { token: r.token } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
      ...(r.rawBody !== undefined ? { rawBody: r.rawBody } : {}),
      headers: { origin: ORIGIN, ...r.headers },
    });
    const [fast, express] = await Promise.all([send(viaHandler), send(viaApp)]);
    assert.deepEqual(await observed(fast), await observed(express));
    return fast;
  };

  test('a good request: the same token, the same security, CORS, cache and limit headers', async () => {
    const res = await both({ token: portalToken('anna'), body: { room: 'vertrieb' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'helmet');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/, 'helmet');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(res.headers.get('ratelimit-policy') ?? '', /^600;w=60$/);
    assert.equal(res.headers.get('x-powered-by'), null);
    const moderator = await both({ token: portalToken('anna'), body: { room: 'vertrieb', moderator: true } });
    assert.equal(moderator.body.role, 'moderator');
    assert.equal((await both({ path: '/v1/token?from=test', token: portalToken('ben'), body: { room: 'vertrieb' } })).status, 200);
  });

  test('the request id: a plain one is echoed, anything else replaced', async () => {
    const echoed = await both({ token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { 'x-request-id': 'req-42.a_b' } });
    assert.equal(echoed.headers.get('x-request-id'), 'req-42.a_b');
    const replaced = await both({ token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { 'x-request-id': 'no spaces <allowed>' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('another origin gets no CORS header', async () => {
    const res = await both({ token: portalToken('anna'), body: { room: 'vertrieb' }, headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('vary'), 'Origin');
  });

  test('portal tokens: missing, malformed, forged, expired, another algorithm, no expiry, a bad subject', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: object, options: jwt.SignOptions = {}, secret: jwt.Secret = PORTAL_SECRET) =>
      jwt.sign(claims, secret, { algorithm: 'HS256', issuer: PORTAL_ISSUER, audience: PORTAL_AUDIENCE, ...options });
    const cases: Array<[Request, number, string]> = [
      [{ body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ body: { room: 'vertrieb' }, headers: { authorization: 'Basic YW5uYTp4' } }, 401, 'unauthorized'],
      [{ token: portalToken('anna', {}, {}, 'not-the-portal-secret'), body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ token: sign({ sub: 'anna', exp: now - 60 }), body: { room: 'vertrieb' } }, 401, 'token_expired'],
      [{ token: sign({ sub: 'anna' }, { algorithm: 'HS512', expiresIn: 300 }), body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ token: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'anna', exp: now + 300, iss: PORTAL_ISSUER, aud: PORTAL_AUDIENCE })).toString('base64url')}.`, body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ token: sign({ sub: 'anna' }), body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ token: sign({ sub: 'no such:user' }, { expiresIn: 300 }), body: { room: 'vertrieb' } }, 401, 'unauthorized'],
      [{ token: portalToken('anna', {}, { audience: 'someone-else' }), body: { room: 'vertrieb' } }, 401, 'unauthorized'],
    ];
    for (const [request, status, code] of cases) {
      const res = await both(request);
      assert.equal(res.status, status, JSON.stringify(request));
      assert.equal(res.body.error.code, code);
      assert.equal(typeof res.body.error.message, 'string');
    }
  });

  test('the route\'s own checks: room id, membership, unknown room, moderator flag', async () => {
    const cases: Array<[Request, number, string]> = [
      [{ token: portalToken('anna'), body: { room: 'no spaces' } }, 400, 'invalid_input'],
      [{ token: portalToken('anna'), body: {} }, 400, 'invalid_input'],
      [{ token: portalToken('dora'), body: { room: 'vertrieb' } }, 403, 'not_a_member'],
      [{ token: portalToken('anna'), body: { room: 'nirgendwo' } }, 404, 'not_found'],
      [{ token: portalToken('anna'), body: { room: 'vertrieb', moderator: 'yes' } }, 400, 'invalid_input'],
    ];
    for (const [request, status, code] of cases) {
      const res = await both(request);
      assert.equal(res.status, status, JSON.stringify(request));
      assert.equal(res.body.error.code, code);
    }
  });

  test('body rules: JSON only, an object, strict, at most 16 kB, UTF-8', async () => {
    const token = portalToken('anna');
    const cases: Array<[Request, number, string]> = [
      [{ token, rawBody: 'room=vertrieb', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400, 'invalid_input'],
      [{ token, rawBody: '{"room":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_input'],
      [{ token, rawBody: '[1]', headers: { 'content-type': 'application/json' } }, 400, 'invalid_input'],
      [{ token, rawBody: '"vertrieb"', headers: { 'content-type': 'application/json' } }, 400, 'invalid_input'],
      [{ token, rawBody: JSON.stringify({ room: 'vertrieb', pad: 'x'.repeat(17_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
      [{ token, rawBody: '{"room":"vertrieb"}', headers: { 'content-type': 'application/json; charset=latin1' } }, 415, 'unsupported_media_type'],
      [{ token, headers: { 'content-type': 'application/json' } }, 400, 'invalid_input'],
    ];
    for (const [request, status, code] of cases) {
      const res = await both(request);
      assert.equal(res.status, status, JSON.stringify(request).slice(0, 200));
      assert.equal(res.body.error.code, code);
    }
    assert.equal((await both({ token, rawBody: ' {"room":"vertrieb"} ', headers: { 'content-type': 'application/json; charset=utf-8' } })).status, 200);
  });

  test('the access lines and the latency metric are the same', async () => {
    await both({ token: portalToken('carla'), body: { room: 'vertrieb' }, headers: { 'x-request-id': 'line-check-1' } });
    await both({ token: portalToken('carla'), rawBody: '{', headers: { 'content-type': 'application/json', 'x-request-id': 'line-check-2' } });
    await both({ token: portalToken('dora'), body: { room: 'vertrieb' }, headers: { 'x-request-id': 'line-check-3' } });
    const line = (s: RunningService, id: string) => {
      const found = s.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['reqId'] === id);
      assert.ok(found, `access line ${id}`);
      // The time as pino's isoTime writes it, and current (it is formatted once per millisecond).
      assert.match(String(found['time']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(Math.abs(Date.parse(String(found['time'])) - Date.now()) < 60_000, String(found['time']));
      const { time: _t, ms: _ms, msg, pid: _pid, hostname: _h, ...rest } = found;
      return { ...rest, msg: String(msg).replace(/ [\d.]+ms$/, '') } as Record<string, unknown>;
    };
    for (const id of ['line-check-1', 'line-check-2', 'line-check-3']) assert.deepEqual(line(viaHandler, id), line(viaApp, id));
    assert.equal(line(viaHandler, 'line-check-1')['route'], '/v1/token');
    assert.equal(line(viaHandler, 'line-check-3')['route'], '/v1/token', 'refused by the route: its template');
    assert.equal(line(viaHandler, 'line-check-2')['route'], 'unmatched', 'refused before the route, like Express');
    const counts = async (s: RunningService) => {
      const text = (await api(s.base, 'GET', '/metrics', { token: METRICS_TOKEN })).text;
      return text.split('\n').filter((l) => l.startsWith('timio_http_request_duration_seconds_count') && l.includes('method="POST"')).sort();
    };
    const [fast, express] = await Promise.all([counts(viaHandler), counts(viaApp)]);
    assert.ok(fast.some((l) => l.includes('route="/v1/token"') && l.includes('status="200"')), fast.join('\n'));
    assert.deepEqual(fast, express);
  });

  test('other requests still go to Express: other routes, other methods, the path\'s variants', async () => {
    const token = portalToken('anna');
    for (const [method, path] of [['GET', '/v1/token'], ['POST', '/v1/token/'], ['POST', '/v1/calls'], ['GET', '/healthz'], ['POST', '/nowhere']] as const) {
      const [fast, express] = await Promise.all([viaHandler, viaApp].map((s) => api(s.base, method, path, { token, ...(method === 'POST' ? { body: { room: 'vertrieb' } } : {}), headers: { origin: ORIGIN } })));
      assert.deepEqual(await observed(fast!), await observed(express!), `${method} ${path}`);
    }
  });
});

/**
 * A connection written to byte by byte as a client may: the request in `pieces`, each sent once the
 * one before has left (so the body can arrive after the headers, in several packets). Answers are
 * read off by Content-Length; the connection stays open for the next request (keep-alive).
 */
class RawClient {
  private readonly socket: Socket;
  private buffered = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.waiting?.();
    });
    socket.on('close', () => this.waiting?.());
  }

  static async open(base: string): Promise<RawClient> {
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawClient(socket);
  }

  async send(pieces: Array<string | Buffer>): Promise<ApiResponse> {
    for (const [i, piece] of pieces.entries()) {
      // Pacing, not timing: gives the server a chance to see the headers before the body.
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise<void>((resolve, reject) => this.socket.write(piece, (err) => (err ? reject(err) : resolve())));
    }
    for (;;) {
      const headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd >= 0) {
        const [statusLine, ...lines] = this.buffered.subarray(0, headEnd).toString('latin1').split('\r\n');
        const headers = new Headers();
        for (const line of lines) headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
        const end = headEnd + 4 + Number(headers.get('content-length') ?? 0);
        if (this.buffered.length >= end) {
          const text = this.buffered.subarray(headEnd + 4, end).toString('utf8');
          this.buffered = this.buffered.subarray(end);
          return { status: Number(statusLine!.split(' ')[1]), text, body: text ? JSON.parse(text) : undefined, headers };
        }
      }
      if (this.socket.destroyed) throw new Error(`connection closed; received ${this.buffered.toString('latin1').slice(0, 200)}`);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A POST /v1/token as bytes: `body` after the given headers (Content-Length is the body's unless given; '' leaves a header out). */
function rawRequest(token: string, body: Buffer, headers: Record<string, string> = {}): Buffer {
  const all: Record<string, string> = { host: '127.0.0.1', authorization: `Bearer ${token}`, origin: ORIGIN, 'content-type': 'application/json', 'content-length': String(body.length), ...headers };
  const head = `POST /v1/token HTTP/1.1\r\n${Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

describe('POST /v1/token in front of Express: its own JSON body reader keeps express.json\'s rules', () => {
  let viaHandler: RunningService;
  let viaApp: RunningService;
  before(async () => {
    const env = testEnv();
    [viaHandler, viaApp] = await Promise.all([startService({ env, via: 'handler' }), startService({ env, via: 'app' })]);
  });
  after(async () => {
    await viaHandler?.close();
    await viaApp?.close();
  });

  /** The same bytes, cut into the same pieces, on one connection to each service; the answers must match. */
  const both = async (requests: Array<Array<string | Buffer>>): Promise<ApiResponse[]> => {
    const clients = await Promise.all([RawClient.open(viaHandler.base), RawClient.open(viaApp.base)]);
    try {
      const answers: ApiResponse[] = [];
      for (const pieces of requests) {
        const [fast, express] = await Promise.all(clients.map((c) => c.send(pieces)));
        assert.deepEqual(await observed(fast!), await observed(express!), String(pieces.map(String).join('|')).slice(0, 300));
        answers.push(fast!);
      }
      return answers;
    } finally {
      for (const c of clients) c.close();
    }
  };
  const token = portalToken('anna');
  const good = Buffer.from('{"room":"vertrieb"}');
  const padded = (bytes: number) => {
    const shell = '{"room":"vertrieb","pad":""}';
    return Buffer.from(shell.replace('""', `"${'x'.repeat(bytes - shell.length)}"`));
  };

  test('the limit is 16384 bytes: that many are read, one more is 413, and the connection serves the next request', async () => {
    assert.equal(padded(16_384).length, 16_384);
    const [atLimit, over, next] = await both([[rawRequest(token, padded(16_384))], [rawRequest(token, padded(16_385))], [rawRequest(token, good)]]);
    assert.equal(atLimit!.status, 200);
    assert.equal(over!.status, 413);
    assert.equal(over!.body.error.code, 'payload_too_large');
    assert.equal(next!.status, 200, 'the too-large body was read off; the connection goes on');
  });

  test('a body arriving after the headers, in pieces (also too large) is read as a whole', async () => {
    const whole = rawRequest(token, good);
    const cut = whole.length - good.length;
    const [split, splitOver, next] = await both([
      [whole.subarray(0, cut), whole.subarray(cut, cut + 5), whole.subarray(cut + 5)],
      (() => { const big = rawRequest(token, padded(20_000)); return [big.subarray(0, cut), big.subarray(cut, cut + 8000), big.subarray(cut + 8000)]; })(),
      [whole],
    ]);
    assert.equal(split!.status, 200);
    assert.equal(split!.body.room, 'vertrieb');
    assert.equal(splitOver!.status, 413);
    assert.equal(next!.status, 200);
  });

  test('charset: none, utf-8 in any case or quoted are read; others are refused as before (415)', async () => {
    const answers = await both([
      [rawRequest(token, good, { 'content-type': 'application/json;charset=UTF-8' })],
      [rawRequest(token, good, { 'content-type': 'application/json; charset="utf-8"' })],
      [rawRequest(token, good, { 'content-type': 'Application/JSON' })],
      [rawRequest(token, good, { 'content-type': 'application/json; charset=iso-8859-1' })],
      [rawRequest(token, good, { 'content-type': 'application/json; charset=ascii' })],
    ]);
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 415, 415]);
    assert.equal(answers[3]!.body.error.code, 'unsupported_media_type');
  });

  test('UTF-8: a byte order mark is dropped, bytes that are not UTF-8 reach the room check', async () => {
    const [bom, notUtf8] = await both([
      [rawRequest(token, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]))],
      [rawRequest(token, Buffer.concat([Buffer.from('{"room":"vertr'), Buffer.from([0xff, 0xfe]), Buffer.from('ieb"}')]))],
    ]);
    assert.equal(bom!.status, 200);
    assert.equal(notUtf8!.status, 400);
    assert.equal(notUtf8!.body.error.code, 'invalid_input');
  });

  test('strict JSON: empty is {}, whitespace only, scalars and broken JSON are 400, JSON whitespace before an object is fine', async () => {
    const answers = await both([
      [rawRequest(token, Buffer.alloc(0))],
      [rawRequest(token, Buffer.from(' \r\n\t '))],
      [rawRequest(token, Buffer.from(' 42'))],
      [rawRequest(token, Buffer.from('null'))],
      [rawRequest(token, Buffer.from('{"room":"vertrieb",}'))],
      [rawRequest(token, Buffer.from('\u00a0{"room":"vertrieb"}'))],
      [rawRequest(token, Buffer.from('\r\n\t {"room":"vertrieb"}\n'))],
    ]);
    assert.deepEqual(answers.map((a) => a.status), [400, 400, 400, 400, 400, 400, 200]);
    assert.match(answers[0]!.body.error.message, /^room must be/, 'an empty body is an empty object, as express.json has it');
    assert.equal(answers[1]!.body.error.message, 'request body is not valid JSON');
  });

  test('compressed or chunked bodies still go to express.json', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = gzipSync(good);
    const chunked = Buffer.concat([Buffer.from(`${good.length.toString(16)}\r\n`), good, Buffer.from('\r\n0\r\n\r\n')]);
    const [gzip, te] = await both([
      [rawRequest(token, zipped, { 'content-encoding': 'gzip' })],
      [rawRequest(token, chunked, { 'transfer-encoding': 'chunked', 'content-length': '' })],
    ]);
    assert.equal(gzip!.status, 200);
    assert.equal(te!.status, 200);
  });
});

describe('POST /v1/token in front of Express: one rate limit with the rest of /v1', () => {
  test('its requests and other /v1 requests share the per-address count; 429 answers alike', async () => {
    const env = testEnv();
    const [fast, express] = await Promise.all([
      startService({ env, via: 'handler', options: { rateLimits: { perAddress: 3 } } }),
      startService({ env, via: 'app', options: { rateLimits: { perAddress: 3 } } }),
    ]);
    try {
      const token = portalToken('anna');
      const send = (s: RunningService, path: string) => api(s.base, 'POST', path, { token, body: { room: 'vertrieb' }, headers: { origin: ORIGIN } });
      for (const s of [fast, express]) {
        assert.equal((await send(s, '/v1/token')).status, 200);
        assert.notEqual((await send(s, '/v1/rooms/vertrieb/ring')).status, 429);
        assert.equal((await send(s, '/v1/token')).status, 200);
      }
      const [a, b] = await Promise.all([send(fast, '/v1/token'), send(express, '/v1/token')]);
      assert.equal(a.status, 429);
      assert.equal(a.body.error.code, 'rate_limited');
      assert.deepEqual(await observed(a), await observed(b));
    } finally {
      await fast.close();
      await express.close();
    }
  });
});
