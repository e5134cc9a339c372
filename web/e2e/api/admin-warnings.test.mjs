// Settings that work but should be changed are said to admins, not only in the start-up log:
// with the earlier platform's link format switched on, GET /api/admin/warnings names it (and only
// admins may ask); the links it makes are the legacy ones it warns about.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

describe('warnings for admins', () => {
  let server;

  before(async () => {
    server = await startServer({ MAGIC_LINK_FORMAT: 'legacy-mlid' });
  });

  after(async () => {
    await server?.stop();
  });

  it('names the legacy link format to admins, and to nobody else', async () => {
    const admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    const { response, body } = await request(server.url, '/api/admin/warnings', {
      headers: { Cookie: admin.cookie },
    });
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.deepEqual(
      body.warnings.map((w) => w.code),
      ['legacy_magic_links'],
    );
    assert.match(body.warnings[0].message, /MAGIC_LINK_FORMAT=legacy-mlid/);
    assert.match(server.output(), /legacy_magic_links/, 'said at start-up too');

    for (const user of [DEMO_USERS.agent, DEMO_USERS.supervisor]) {
      const someone = await login(server.url, user.email, user.password);
      assertErrorEnvelope(
        await request(server.url, '/api/admin/warnings', { headers: { Cookie: someone.cookie } }),
        { status: 403, code: 'permission_denied' },
      );
    }
    assert.equal((await request(server.url, '/api/admin/warnings')).response.status, 401);
  });
});
