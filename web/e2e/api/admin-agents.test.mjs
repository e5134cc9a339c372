// Agent accounts through HTTP only: an admin adds, changes, resets and deactivates an agent; each
// change lands in the audit log from → to, a change of rights signs the agent out, bad input is
// refused naming the field and changes nothing, and an admin cannot lock themselves out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const PASSWORD = 'kim-temporary-password-1';

describe('agent accounts: the admin screens API', () => {
  let server;
  let admin;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json) => as(user, pathname, { method: 'POST', json });
  const patch = (user, pathname, json) => as(user, pathname, { method: 'PATCH', json });

  before(async () => {
    server = await startServer({}, { demoUsers: 20 });
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    assert.equal(admin.response.status, 200);
  });

  after(async () => {
    await server?.stop();
  });

  it('adds an agent who can then sign in with the rights given', async () => {
    const created = await post(admin, '/api/admin/agents', {
      email: 'Kim@Example.com',
      displayName: 'Kim Floor',
      role: 'agent',
      queues: ['callbacks'],
      team: 'North',
      password: PASSWORD,
    });
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    const kim = created.body.agent;
    assert.equal(kim.email, 'kim@example.com');
    assert.deepEqual(kim.queues, ['callbacks']);
    assert.equal(kim.team, 'North');
    assert.equal(kim.active, true);
    assert.equal(JSON.stringify(created.body).includes(PASSWORD), false, 'the password is never echoed');

    const listed = await as(admin, '/api/admin/agents');
    assert.equal(listed.response.status, 200);
    assert.ok(listed.body.agents.some((a) => a.id === kim.id && a.team === 'North'));
    const signedIn = await login(server.url, 'kim@example.com', PASSWORD);
    assert.equal(signedIn.response.status, 200);
    assert.deepEqual(signedIn.body.agent.queues, ['callbacks']);
  });

  it('refuses bad input naming the field, and a taken email, adding nobody', async () => {
    const before = (await as(admin, '/api/admin/agents')).body.agents.length;
    const valid = { email: 'new@example.com', displayName: 'New', role: 'agent', password: PASSWORD };
    for (const [body, field] of [
      [{ ...valid, email: 'not-an-email' }, 'email'],
      [{ ...valid, displayName: '  ' }, 'displayName'],
      [{ ...valid, role: 'boss' }, 'role'],
      [{ ...valid, queues: ['vip'] }, 'queues'],
      [{ ...valid, queues: 'callbacks' }, 'queues'],
      [{ ...valid, team: 't'.repeat(61) }, 'team'],
      [{ ...valid, password: 'short' }, 'password'],
      [{ ...valid, password: undefined }, 'password'],
    ]) {
      assertErrorEnvelope(await post(admin, '/api/admin/agents', body), { status: 400, code: 'invalid_argument', field });
    }
    assertErrorEnvelope(await post(admin, '/api/admin/agents', { ...valid, email: 'KIM@example.com' }), {
      status: 409,
      code: 'already_exists',
      field: 'email',
    });
    assert.equal((await as(admin, '/api/admin/agents')).body.agents.length, before);
  });

  it('changes role, queues and team, audited from → to, and signs the agent out', async () => {
    const kim = (await as(admin, '/api/admin/agents')).body.agents.find((a) => a.email === 'kim@example.com');
    const session = await login(server.url, 'kim@example.com', PASSWORD);
    assert.equal((await as(session, '/api/auth/me')).response.status, 200);

    assertErrorEnvelope(await patch(admin, `/api/admin/agents/${kim.id}`, { role: 'boss', team: 'South' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'role',
    });
    assertErrorEnvelope(await patch(admin, `/api/admin/agents/${kim.id}`, { active: 'no' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'active',
    });
    assert.equal((await as(admin, '/api/admin/agents')).body.agents.find((a) => a.id === kim.id).team, 'North');

    const changed = await patch(admin, `/api/admin/agents/${kim.id}`, { role: 'supervisor', team: 'South' });
    assert.equal(changed.response.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.agent.role, 'supervisor');
    assert.equal(changed.body.agent.team, 'South');
    assertErrorEnvelope(await as(session, '/api/auth/me'), { status: 401, code: 'unauthenticated' });
    const again = await login(server.url, 'kim@example.com', PASSWORD);
    assert.equal(again.body.agent.role, 'supervisor');

    const audit = await as(admin, `/api/audit?action=agent.updated`);
    assert.equal(audit.response.status, 200);
    const fields = audit.body.entries
      .filter((e) => e.subjectId === kim.id)
      .map((e) => [e.details.field, e.details.from, e.details.to]);
    assert.deepEqual(fields.sort(), [['role', 'agent', 'supervisor'], ['team', 'North', 'South']]);
    assertErrorEnvelope(await patch(admin, '/api/admin/agents/99999', { team: 'X' }), { status: 404, code: 'not_found' });
  });

  it('resets a password and deactivates, never an admin themselves', async () => {
    const kim = (await as(admin, '/api/admin/agents')).body.agents.find((a) => a.email === 'kim@example.com');
    assertErrorEnvelope(await post(admin, `/api/admin/agents/${kim.id}/password`, { password: 'short' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'password',
    });
    const reset = await post(admin, `/api/admin/agents/${kim.id}/password`, { password: 'kim-new-password-22' });
    assert.equal(reset.response.status, 200, JSON.stringify(reset.body));
    assert.equal((await login(server.url, 'kim@example.com', PASSWORD)).response.status, 401);
    assert.equal((await login(server.url, 'kim@example.com', 'kim-new-password-22')).response.status, 200);

    const off = await patch(admin, `/api/admin/agents/${kim.id}`, { active: false });
    assert.equal(off.response.status, 200);
    assert.equal(off.body.agent.active, false);
    assert.equal((await login(server.url, 'kim@example.com', 'kim-new-password-22')).response.status, 401);

    const me = admin.body.agent.id;
    assertErrorEnvelope(await patch(admin, `/api/admin/agents/${me}`, { active: false }), {
      status: 409,
      code: 'failed_precondition',
      field: 'active',
    });
    assertErrorEnvelope(await patch(admin, `/api/admin/agents/${me}`, { role: 'agent' }), {
      status: 409,
      code: 'failed_precondition',
      field: 'role',
    });
    assert.equal((await as(admin, '/api/auth/me')).response.status, 200);
  });

  it('is for admins only', async () => {
    for (const user of [DEMO_USERS.agent, DEMO_USERS.supervisor]) {
      const session = await login(server.url, user.email, user.password);
      assertErrorEnvelope(await as(session, '/api/admin/agents'), { status: 403, code: 'permission_denied' });
      assertErrorEnvelope(await patch(session, `/api/admin/agents/${session.body.agent.id}`, { role: 'admin' }), {
        status: 403,
        code: 'permission_denied',
      });
    }
    assertErrorEnvelope(await request(server.url, '/api/admin/agents'), { status: 401, code: 'unauthenticated' });
  });
});
