// The security review's findings, each checked against the running server (docs/security.md):
// no file outside the web root, whatever the spelling of the path; JSON only where JSON is read;
// numbers and text checked before use; HTTP details (HEAD, 405 Allow, 414/431, CSP); /metrics.
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

/**
 * Sends `method target` exactly as written (fetch and URL normalise "..", "//" and escapes away,
 * which is the point of these tests). Resolves with { status, headers, body }.
 */
function raw(baseUrl, target, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: target, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const RAW_TARGET_OK = /^[\x21-\x7e]+$/; // what node lets through as a request target

describe('security review fixes', () => {
  let server;
  let agent;
  let admin;

  before(async () => {
    server = await startServer();
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    assert.ok(agent.cookie && admin.cookie, 'logged in');
  });
  after(async () => {
    await server?.stop();
  });

  const as = (user, pathname, { method = 'GET', json, body, headers = {} } = {}) =>
    request(server.url, pathname, {
      method,
      json,
      body,
      headers: { Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken, ...headers },
    });

  describe('the web root holds', () => {
    // The server's own files live in its working directory (server.dir): the database with the
    // agents and sessions, and the demo replica with every customer.
    const secrets = () => [
      path.join(server.dir, 'own.db'),
      path.join(server.dir, 'replica.db'),
      '/etc/passwd',
    ];

    it('GET //etc/passwd and //<dir>/own.db are 404 JSON, not the files', async () => {
      for (const file of secrets()) {
        const result = await raw(server.url, `/${file}`);
        assert.equal(result.status, 404, `/${file}`);
        assert.match(result.headers['content-type'] ?? '', /application\/json/);
        const text = result.body.toString('latin1');
        assert.doesNotMatch(text, /root:|SQLite format/, `/${file} leaked the file`);
        assert.equal(JSON.parse(text).error.code, 'not_found');
      }
    });

    it('refuses every traversal spelling with 404', async () => {
      const db = path.join(server.dir, 'own.db').slice(1);
      const up = '../'.repeat(12);
      const targets = [
        `/${up}etc/passwd`,
        `/assets/${up}etc/passwd`,
        '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/%252e%252e/%252e%252e/etc/passwd',
        '/..%5c..%5c..%5cetc%5cpasswd',
        '/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
        '/%2fetc%2fpasswd',
        `/%2f${db.replaceAll('/', '%2f')}`,
        '/index.html%00.js',
        '/.%2e/.%2e/.%2e/etc/passwd',
        '/assets/..%2f..%2f..%2fetc/passwd',
      ];
      for (const target of targets) {
        assert.match(target, RAW_TARGET_OK);
        const result = await raw(server.url, target);
        assert.equal(result.status, 404, target);
        assert.doesNotMatch(result.body.toString('latin1'), /root:|SQLite format/, target);
      }
    });

    it('logs the path (not the query) of every static request', async () => {
      const nonce = Math.random().toString(36).slice(2);
      const paths = [`//etc/probe-${nonce}`, `/..%2fprobe-${nonce}`, `/queue-${nonce}`];
      for (const p of paths) await raw(server.url, `${p}?token=secret-${nonce}`);
      // The access log line is written after the response: give it a moment to appear.
      const staticLines = () =>
        server
          .output()
          .split('\n')
          .filter((l) => l.includes('"route":"static"') && l.includes(nonce));
      for (let i = 0; i < 50 && staticLines().length < paths.length; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const lines = staticLines();
      for (const p of paths) {
        assert.ok(
          lines.some((l) => l.includes(`"path":"${p}"`)),
          `no static log line with path ${p}:\n${lines.join('\n')}`,
        );
      }
      for (const line of lines) assert.doesNotMatch(line, /secret-|token=/);
    });

    it('still serves the app, its history fallback and cached assets', async () => {
      const index = await request(server.url, '/customers/42');
      assert.equal(index.response.status, 200);
      assert.match(index.text, /<div id="root"><\/div>/);
      const asset = index.text.match(/\/assets\/[\w.-]+-[\w-]{8,}\.js/)?.[0];
      assert.ok(asset, 'a hashed script');
      const js = await request(server.url, asset);
      assert.equal(js.response.status, 200);
      assert.match(js.response.headers.get('cache-control') ?? '', /immutable/);
    });
  });

  describe('HTTP details', () => {
    it('HEAD answers with the Content-Length GET would send, and no body', async () => {
      const index = await request(server.url, '/');
      const asset = index.text.match(/\/assets\/[\w.-]+-[\w-]{8,}\.js/)?.[0];
      for (const target of ['/', asset, '/health']) {
        const get = await raw(server.url, target);
        const head = await raw(server.url, target, { method: 'HEAD' });
        assert.equal(head.status, 200, target);
        assert.equal(head.body.length, 0, `${target}: HEAD sent a body`);
        assert.equal(Number(head.headers['content-length']), get.body.length, target);
        assert.ok(get.body.length > 0, target);
      }
      const file = path.join(process.env.DIALLER_WEB_DIR ?? '', 'index.html');
      if (process.env.DIALLER_WEB_DIR) {
        const onDisk = await readFile(file);
        const head = await raw(server.url, '/', { method: 'HEAD' });
        assert.equal(Number(head.headers['content-length']), onDisk.length);
      }
    });

    it('405 carries Allow with the methods the path takes', async () => {
      const me = await as(agent, '/api/auth/me', { method: 'DELETE' });
      assertErrorEnvelope(me, { status: 405, code: 'method_not_allowed' });
      assert.equal(me.response.headers.get('allow'), 'GET, HEAD');
      const loginGet = await as(agent, '/api/auth/login');
      assert.equal(loginGet.response.status, 405);
      assert.equal(loginGet.response.headers.get('allow'), 'POST');
      const page = await request(server.url, '/queue', { method: 'POST' });
      assert.equal(page.response.status, 405);
      assert.equal(page.response.headers.get('allow'), 'GET, HEAD');
    });

    it('the CSP lets scripts connect to this origin only', async () => {
      const { response } = await request(server.url, '/');
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /connect-src 'self';/);
      assert.doesNotMatch(csp, /ws:|wss:/);
      // Call recordings play from this origin (the built-in stand-in needs no other host).
      assert.match(csp, /media-src 'self' blob:;/);
    });

    it('an over-long path is 414 and oversized headers are 431, as JSON', async () => {
      const long = await raw(server.url, `/api/health/${'a'.repeat(9000)}`);
      assert.equal(long.status, 414);
      assert.equal(JSON.parse(long.body.toString()).error.code, 'uri_too_long');
      const big = await raw(server.url, '/health', {
        headers: { 'X-Filler-1': 'h'.repeat(9000), 'X-Filler-2': 'h'.repeat(9000) },
      });
      assert.equal(big.status, 431);
      assert.equal(JSON.parse(big.body.toString()).error.code, 'headers_too_large');
    });
  });

  describe('JSON only where JSON is read', () => {
    const credentials = JSON.stringify({
      email: DEMO_USERS.supervisor.email,
      password: DEMO_USERS.supervisor.password,
    });

    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      it(`a login sent as ${type} is 415 and sets no cookie`, async () => {
        const result = await request(server.url, '/api/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: credentials,
        });
        assertErrorEnvelope(result, { status: 415, code: 'unsupported_media_type' });
        assert.equal(result.response.headers.getSetCookie().length, 0);
      });
    }

    it('a JSON login with a charset parameter works', async () => {
      const result = await request(server.url, '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: credentials,
      });
      assert.equal(result.response.status, 200);
    });

    it('every other JSON write is 415 as text/plain', async () => {
      const result = await as(agent, '/api/suppressions', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ phone: '+447400123456', channel: 'sms', reason: 'asked' }),
      });
      assertErrorEnvelope(result, { status: 415, code: 'unsupported_media_type' });
    });
  });

  describe('numbers and text are checked before use', () => {
    it('a settings value of 18446744073709551615 is 400 naming the key, and nothing changes', async () => {
      const before = await as(admin, '/api/settings');
      assert.equal(before.response.status, 200);
      // A key whose range includes -1, the value the number used to wrap to.
      const key = 'outcome.no_answer.score';
      assert.ok(key in before.body.settings, `${key} in ${JSON.stringify(before.body.settings)}`);
      for (const number of ['18446744073709551615', '9223372036854775808', '-9223372036854775809']) {
        const result = await as(admin, '/api/settings', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: `{"settings": {"${key}": ${number}}}`,
        });
        assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: key });
      }
      const after = await as(admin, '/api/settings');
      assert.deepEqual(after.body.settings, before.body.settings);
    });

    it('compliance settings have floors: a cap of 0 or a gap switched off is 400 naming the key', async () => {
      for (const [key, value] of [
        ['caps.callsPerDay', '0'],
        ['caps.callsPer7Days', '-3'],
        ['outcome.no_answer.nextCallMinutes', ''],
        ['window.mon', '07:00-20:00'],
      ]) {
        const result = await as(admin, '/api/settings', {
          method: 'PUT',
          json: { settings: { [key]: value } },
        });
        assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: key });
      }
    });

    it('notes and reasons refuse NUL and other control characters, naming the field', async () => {
      const cases = [
        ['/api/queue/leads/1/outcome', { outcome: 'no_answer', notes: 'rang\u0000twice' }, 'notes'],
        ['/api/queue/leads/1/outcome', { outcome: 'no_answer', notes: 'esc\u001b[2J' }, 'notes'],
        ['/api/suppressions', { phone: '+447400123456', channel: 'sms', reason: 'bell\u0007' }, 'reason'],
        ['/api/suppressions', { phone: '+447400123456', channel: 'sms\n', reason: 'asked' }, 'channel'],
        ['/api/callbacks', { userId: '1', scheduledFor: '2030-01-07T11:00:00Z', notes: 'c1\u0085' }, 'notes'],
      ];
      for (const [pathname, json, field] of cases) {
        const result = await as(agent, pathname, { method: 'POST', json });
        assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field });
      }
      const list = await as(admin, '/api/suppressions');
      assert.equal(list.body.suppressions.length, 0, 'no suppression was stored');
    });

    it('a callback more than 90 days ahead is 400 naming scheduledFor', async () => {
      const inAHundredDays = new Date(Date.now() + 100 * 24 * 3600 * 1000);
      inAHundredDays.setUTCHours(11, 0, 0, 0);
      const result = await as(agent, '/api/callbacks', {
        method: 'POST',
        json: { userId: '1', scheduledFor: inAHundredDays.toISOString() },
      });
      assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: 'scheduledFor' });
    });

    it('a suppression for an unknown customer is 404; by phone alone it is stored', async () => {
      const unknown = await as(agent, '/api/suppressions', {
        method: 'POST',
        json: { userId: '987654321', channel: 'all', reason: 'asked on the phone' },
      });
      assertErrorEnvelope(unknown, { status: 404, code: 'not_found', field: 'userId' });
      const byPhone = await as(agent, '/api/suppressions', {
        method: 'POST',
        json: { phone: '07400 123456', channel: 'sms', reason: 'asked on the phone' },
      });
      assert.equal(byPhone.response.status, 201, JSON.stringify(byPhone.body));
      assert.equal(byPhone.body.suppression.userId, null);
      assert.match(byPhone.body.suppression.phone, /•/, 'the stored number is shown masked');
    });
  });

  describe('/metrics', () => {
    it('is served to a loopback peer by default', async () => {
      const { response, text } = await request(server.url, '/metrics');
      assert.equal(response.status, 200);
      assert.match(text, /dialler_http_requests_total/);
    });
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'e2e-metrics-token-0123456789abcdef';
  let server;
  before(async () => {
    server = await startServer({ METRICS_TOKEN: token });
  });
  after(async () => {
    await server?.stop();
  });

  it('is 401 without the bearer token, even from loopback, and 200 with it', async () => {
    const anonymous = await request(server.url, '/metrics');
    assertErrorEnvelope(anonymous, { status: 401, code: 'unauthenticated' });
    assert.equal(anonymous.response.headers.get('www-authenticate'), 'Bearer');
    const wrong = await request(server.url, '/metrics', {
      headers: { Authorization: `Bearer ${token}x` },
    });
    assert.equal(wrong.response.status, 401);
    const right = await request(server.url, '/metrics', {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(right.response.status, 200);
    assert.match(right.text, /dialler_http_requests_total/);
  });
});

describe('/metrics with METRICS_BIND', () => {
  let server;
  let metricsUrl;
  before(async () => {
    // A port of its own on loopback; the test picks one the kernel says is free.
    const { createServer } = await import('node:net');
    const port = await new Promise((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const p = probe.address().port;
        probe.close(() => resolve(p));
      });
    });
    metricsUrl = `http://127.0.0.1:${port}`;
    server = await startServer({ METRICS_BIND: `127.0.0.1:${port}` });
  });
  after(async () => {
    await server?.stop();
  });

  it('moves /metrics to its own listener: not on the public one, 200 on its own', async () => {
    // On the public listener /metrics is just another page path: the app, never the figures.
    const onPublic = await request(server.url, '/metrics');
    assert.doesNotMatch(onPublic.text, /dialler_http_requests_total/);
    assert.doesNotMatch(onPublic.response.headers.get('content-type') ?? '', /text\/plain/);
    const onOwn = await request(metricsUrl, '/metrics');
    assert.equal(onOwn.response.status, 200);
    assert.match(onOwn.text, /dialler_http_requests_total/);
    const nothingElse = await request(metricsUrl, '/api/auth/me');
    assert.notEqual(nothingElse.response.status, 200);
  });
});
