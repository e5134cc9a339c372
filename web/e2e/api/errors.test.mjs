// The one error shape (docs/api.md "Errors") from every kind of failure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

describe('error envelope', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  for (const pathname of ['/api/auth/me', '/api/queue']) {
    it(`GET ${pathname} without a session is 401 unauthenticated`, async () => {
      const result = await request(server.url, pathname);
      assertErrorEnvelope(result, { status: 401, code: 'unauthenticated' });
    });
  }

  it('an unknown /api route with a session is 404 not_found', async () => {
    const { cookie } = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.ok(cookie, 'login set a session cookie');

    const result = await request(server.url, '/api/nope', { headers: { Cookie: cookie } });
    assertErrorEnvelope(result, { status: 404, code: 'not_found' });
  });

  it('a login without email is 400 invalid_argument naming the field', async () => {
    const result = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { password: DEMO_USERS.agent.password },
    });
    assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: 'email' });
  });

  it('malformed JSON is 400 invalid_argument with field "body"', async () => {
    const result = await request(server.url, '/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email": "agent@demo.local", "password":',
    });
    assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: 'body' });
  });

  it('a JSON body over 64 KiB is 413 payload_too_large', async () => {
    const result = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { email: DEMO_USERS.agent.email, password: 'x'.repeat(65 * 1024) },
    });
    assertErrorEnvelope(result, { status: 413, code: 'payload_too_large' });
  });
});
