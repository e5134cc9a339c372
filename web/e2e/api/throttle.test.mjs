// Sign-in throttling: 5 failures for an account in 15 minutes, then 429 with Retry-After.
// A file of its own: the lock-out would break other tests that log in as the same account.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

describe('login throttling', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('after 5 wrong passwords the 6th attempt is 429 with Retry-After, even with the right one', async () => {
    const user = DEMO_USERS.supervisor;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await request(server.url, '/api/auth/login', {
        method: 'POST',
        json: { email: user.email, password: `wrong-${attempt}` },
      });
      assertErrorEnvelope(result, { status: 401, code: 'unauthenticated' });
    }

    const sixth = await request(server.url, '/api/auth/login', {
      method: 'POST',
      json: { email: user.email, password: user.password },
    });
    assertErrorEnvelope(sixth, { status: 429, code: 'resource_exhausted' });
    const retryAfter = sixth.response.headers.get('retry-after');
    assert.match(retryAfter ?? '', /^\d+$/, `Retry-After: ${retryAfter}`);
    assert.ok(Number(retryAfter) > 0);
    assert.equal(sixth.response.headers.getSetCookie().length, 0, 'no session cookie');
  });

  it('does not lock out other accounts', async () => {
    const { response } = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(response.status, 200);
  });
});
