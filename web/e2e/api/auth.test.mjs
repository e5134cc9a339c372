// Login, the session cookie, CSRF on logout (docs/api.md "Sessions, cookies and CSRF").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request, sessionCookieLine } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

describe('authentication', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  for (const user of Object.values(DEMO_USERS)) {
    it(`logs in ${user.email} as ${user.role}`, async () => {
      const { response, body, cookie } = await login(server.url, user.email, user.password);
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.agent.email, user.email);
      assert.equal(body.agent.role, user.role);
      assert.equal(typeof body.agent.id, 'string');
      assert.equal(typeof body.agent.displayName, 'string');
      assert.ok(Array.isArray(body.agent.queues));
      assert.equal(typeof body.csrfToken, 'string');
      assert.ok(body.csrfToken.length > 0);
      assert.ok(!Number.isNaN(Date.parse(body.expiresAt)), 'expiresAt is a timestamp');
      assert.ok(!Number.isNaN(Date.parse(body.idleExpiresAt)), 'idleExpiresAt is a timestamp');
      assert.ok(cookie, 'a dialler_session cookie was set');

      const me = await request(server.url, '/api/auth/me', { headers: { Cookie: cookie } });
      assert.equal(me.response.status, 200);
      assert.equal(me.body.agent.email, user.email);
      assert.equal(me.body.agent.role, user.role);
      assert.equal(me.body.csrfToken, body.csrfToken);
    });
  }

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/', async () => {
    const { response } = await login(
      server.url,
      DEMO_USERS.agent.email,
      DEMO_USERS.agent.password,
    );
    const line = sessionCookieLine(response);
    assert.ok(line, `no dialler_session in Set-Cookie: ${response.headers.getSetCookie()}`);
    const attributes = line
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    assert.ok(attributes.includes('httponly'), line);
    assert.ok(attributes.includes('samesite=strict'), line);
    assert.ok(attributes.includes('path=/'), line);
  });

  it('a wrong password is 401 unauthenticated and sets no cookie', async () => {
    const result = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { email: DEMO_USERS.supervisor.email, password: 'not-the-password' },
    });
    assertErrorEnvelope(result, { status: 401, code: 'unauthenticated' });
    assert.equal(sessionCookieLine(result.response), undefined);
  });

  it('an unknown email gets the same 401 message as a wrong password', async () => {
    const wrongPassword = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { email: DEMO_USERS.admin.email, password: 'not-the-password' },
    });
    const unknownEmail = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { email: 'nobody@demo.local', password: 'not-the-password' },
    });
    assertErrorEnvelope(unknownEmail, { status: 401, code: 'unauthenticated' });
    assert.equal(unknownEmail.body.error.message, wrongPassword.body.error.message);
  });

  it('logout without X-CSRF-Token is 403 and leaves the session working', async () => {
    const { cookie } = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);

    const denied = await request(server.url, '/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie },
    });
    assertErrorEnvelope(denied, { status: 403, code: 'permission_denied' });

    const wrongToken = await request(server.url, '/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': 'not-the-token' },
    });
    assertErrorEnvelope(wrongToken, { status: 403, code: 'permission_denied' });

    const me = await request(server.url, '/api/auth/me', { headers: { Cookie: cookie } });
    assert.equal(me.response.status, 200);
  });

  it('logout with X-CSRF-Token is 200 {ok: true}, clears the cookie and ends the session', async () => {
    const { cookie, csrfToken } = await login(
      server.url,
      DEMO_USERS.agent.email,
      DEMO_USERS.agent.password,
    );

    const out = await request(server.url, '/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    assert.equal(out.response.status, 200, JSON.stringify(out.body));
    assert.deepEqual(out.body, { ok: true });
    const cleared = sessionCookieLine(out.response);
    assert.ok(cleared, 'logout sends a Set-Cookie for dialler_session');
    assert.match(cleared, /max-age=0|expires=thu, 01 jan 1970/i, cleared);

    const me = await request(server.url, '/api/auth/me', { headers: { Cookie: cookie } });
    assertErrorEnvelope(me, { status: 401, code: 'unauthenticated' });
  });
});
