// Health, readiness, metrics, request ids and the SPA's static files: no session needed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { request } from '../support/http.mjs';
import { startServer } from '../support/server.mjs';

describe('operations endpoints and static files', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  for (const pathname of ['/health', '/api/health']) {
    it(`GET ${pathname} answers 200 {status: "ok"} with a version`, async () => {
      const { response, body } = await request(server.url, pathname);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(body.status, 'ok');
      assert.equal(typeof body.version, 'string');
      assert.ok(response.headers.get('x-request-id'), 'X-Request-Id header');
    });
  }

  it('GET /ready answers 200 with the database and replica checks ok', async () => {
    const { response, body } = await request(server.url, '/ready');
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.status, 'ready');
    assert.deepEqual(body.checks, { database: 'ok', replica: 'ok' });
  });

  it('GET /metrics is Prometheus text with the request counter', async () => {
    await request(server.url, '/health');
    const { response, text } = await request(server.url, '/metrics');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(text, /dialler_http_requests_total/);
    assert.match(text, /dialler_http_request_duration_seconds/);
  });

  it('gives every response its own X-Request-Id', async () => {
    const first = await request(server.url, '/health');
    const second = await request(server.url, '/health');
    const a = first.response.headers.get('x-request-id');
    const b = second.response.headers.get('x-request-id');
    assert.ok(a && b, 'both responses carry X-Request-Id');
    assert.notEqual(a, b);
  });

  it('serves index.html for a client-side route (history fallback)', async () => {
    const { response, text } = await request(server.url, '/queue', {
      headers: { Accept: 'text/html' },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(text, /<div id="root"><\/div>/);
  });

  it('serves hashed assets with an immutable Cache-Control', async () => {
    const index = await request(server.url, '/');
    assert.equal(index.response.status, 200);
    const asset = index.text.match(/\/assets\/[\w.-]+-[\w-]{8,}\.js/)?.[0];
    assert.ok(asset, `no hashed script in index.html:\n${index.text}`);

    const { response, text } = await request(server.url, asset);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    assert.ok(text.length > 1000, 'the asset has content');
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const { response } = await request(server.url, '/assets/does-not-exist-0123abcd.js');
    assert.equal(response.status, 404);
  });
});
