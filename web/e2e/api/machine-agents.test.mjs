// Machine agents through HTTP only: an admin adds an external AI agent and gives it an API key,
// shown once and scoped to queues and actions; with the key (Authorization: Bearer, no cookie, no
// CSRF header) it takes customers, texts them and saves outcomes through the same endpoints and
// checks as a person, and is refused everything else; its work is audited under its own id, it is
// on the floor board as kind "machine", it can never sign in with a password, and a revoked key
// or a deactivated machine agent is refused at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window

describe('machine agents: API keys for external AI agents', () => {
  let server;
  let admin;
  let supervisor;
  let bot;
  let key;
  let secret;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  /** A request as the machine agent: its key only, as an external program sends it. */
  function withKey(token, pathname, { method = 'GET', json } = {}) {
    return request(server.url, pathname, {
      method,
      json,
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' }, { demoUsers: 150 });
    [admin, supervisor] = await Promise.all(
      [DEMO_USERS.admin, DEMO_USERS.supervisor].map(({ email, password }) =>
        login(server.url, email, password),
      ),
    );
    assert.equal(admin.response.status, 200);
    assert.equal(supervisor.response.status, 200);
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 })).response.status, 200);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('an admin adds a machine agent, which has no password and works as an agent', async () => {
    const valid = {
      email: 'claims-bot@example.com',
      displayName: 'Claims bot',
      role: 'agent',
      kind: 'machine',
      queues: ['unsigned', 'outstanding'],
    };
    for (const [body, field] of [
      [{ ...valid, kind: 'robot' }, 'kind'],
      [{ ...valid, role: 'supervisor' }, 'role'],
      [{ ...valid, password: 'a-long-enough-password' }, 'password'],
    ]) {
      assertErrorEnvelope(await post(admin, '/api/admin/agents', body), {
        status: 400,
        code: 'invalid_argument',
        field,
      });
    }
    const created = await post(admin, '/api/admin/agents', valid);
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    bot = created.body.agent;
    assert.equal(bot.kind, 'machine');
    assert.deepEqual(bot.queues, ['unsigned', 'outstanding']);

    // No password opens it, not even an empty one or the demo password.
    for (const password of ['', DEMO_USERS.agent.password, 'anything-at-all-1']) {
      const signedIn = await login(server.url, valid.email, password);
      assert.notEqual(signedIn.response.status, 200, `signed in with "${password}"`);
    }
    assertErrorEnvelope(
      await post(admin, `/api/admin/agents/${bot.id}/password`, { password: 'a-long-enough-password' }),
      { status: 409, code: 'failed_precondition', field: 'password' },
    );
  });

  it('a key is shown once, stored hashed, and refused for a person or bad scopes', async () => {
    const path = `/api/admin/agents/${bot.id}/api-keys`;
    for (const [body, field] of [
      [{ actions: [] }, 'actions'],
      [{ actions: ['call'] }, 'actions'],
      [{ actions: 'sms' }, 'actions'],
      [{ actions: ['sms'], queues: ['callbacks'] }, 'queues'], // not one of the agent's queues
    ]) {
      assertErrorEnvelope(await post(admin, path, body), { status: 400, code: 'invalid_argument', field });
    }
    const human = (await as(admin, '/api/admin/agents')).body.agents.find(
      (a) => a.email === DEMO_USERS.agent.email,
    );
    assertErrorEnvelope(await post(admin, `/api/admin/agents/${human.id}/api-keys`, { actions: ['sms'] }), {
      status: 409,
      code: 'failed_precondition',
      field: 'agentId',
    });
    assertErrorEnvelope(await post(admin, '/api/admin/agents/999999/api-keys', { actions: ['sms'] }), {
      status: 404,
      code: 'not_found',
    });
    assertErrorEnvelope(await post(supervisor, path, { actions: ['sms'] }), {
      status: 403,
      code: 'permission_denied',
    });

    const created = await post(admin, path, {
      actions: ['next_lead', 'outcome', 'sms'],
      queues: ['unsigned'],
    });
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    assert.equal(created.response.headers.get('cache-control'), 'no-store');
    ({ key, secret } = created.body);
    assert.match(secret, /^rmc_[A-Za-z0-9_-]{20,}$/);
    assert.equal(key.prefix, secret.slice(0, 12));
    assert.deepEqual(key.actions, ['next_lead', 'outcome', 'sms']);
    assert.deepEqual(key.queues, ['unsigned']);
    assert.equal(key.active, true);

    const listed = await as(admin, path);
    assert.equal(listed.response.status, 200);
    assert.deepEqual(
      listed.body.keys.map((k) => k.id),
      [key.id],
    );
    assert.equal(JSON.stringify(listed.body).includes(secret), false, 'the key is never shown again');
  });

  it('with its key the machine agent works its queue through the same endpoints', async () => {
    const status = await withKey(secret, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(status.response.status, 200, JSON.stringify(status.body));

    // Customers from the key's queue only; skip until one with a mobile to text.
    let lead;
    for (let i = 0; i < 40 && !lead; i += 1) {
      const next = await withKey(secret, '/api/queue/next', { method: 'POST', json: {} });
      assert.equal(next.response.status, 200, JSON.stringify(next.body));
      assert.ok(next.body.lead, JSON.stringify(next.body));
      assert.equal(next.body.lead.queue, 'unsigned', 'the key narrows the agent to its queues');
      if (next.body.lead.customer.phone?.type === 'mobile') lead = next.body.lead;
      else {
        const skipped = await withKey(secret, `/api/queue/leads/${next.body.lead.userId}/skip`, {
          method: 'POST',
          json: {},
        });
        assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
      }
    }
    assert.ok(lead, 'a customer with a mobile in the unsigned queue');
    // The key names queues it may not work: refused like a person's request would be.
    assertErrorEnvelope(
      await withKey(secret, '/api/queue/next', { method: 'POST', json: { queue: 'outstanding' } }),
      { status: 403, code: 'permission_denied', field: 'queue' },
    );

    const sent = await withKey(secret, '/api/sms/send', {
      method: 'POST',
      json: { userId: lead.userId, body: 'Hello, this is the claims team. Your documents are ready.' },
    });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));

    const saved = await withKey(secret, `/api/queue/leads/${lead.userId}/outcome`, {
      method: 'POST',
      json: { outcome: 'might_complete' },
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));

    // The work is audited under the machine agent's own id.
    const audited = await as(admin, `/api/audit?agentId=${bot.id}`);
    assert.equal(audited.response.status, 200, JSON.stringify(audited.body));
    const actions = new Set(audited.body.entries.map((e) => e.action));
    assert.ok(actions.size >= 2, JSON.stringify([...actions]));
    assert.ok(
      audited.body.entries.every((e) => e.actor?.agentId === bot.id),
      JSON.stringify(audited.body.entries),
    );

    // On the floor board as a machine.
    const board = await as(supervisor, '/api/floor');
    assert.equal(board.response.status, 200, JSON.stringify(board.body));
    const { agents } = board.body.board;
    const row = agents.find((a) => a.agentId === bot.id);
    assert.ok(row, JSON.stringify(agents));
    assert.equal(row.kind, 'machine');
    assert.equal(row.status, 'available');
    assert.ok(
      agents.filter((a) => a.agentId !== bot.id).every((a) => a.kind === 'human'),
      JSON.stringify(agents),
    );
  });

  it('a key reaches only the routes of its actions, and no screen routes at all', async () => {
    for (const [method, pathname, json] of [
      ['POST', '/api/magic-links', { userId: '1', type: 'documentUpload' }], // no link action
      ['GET', '/api/floor'],
      ['GET', '/api/customers?q=smith'],
      ['GET', '/api/settings'],
      ['POST', '/api/call-sessions', { userId: '1' }],
      ['POST', '/api/auth/logout', {}],
      ['GET', `/api/admin/agents/${bot.id}/api-keys`],
    ]) {
      assertErrorEnvelope(await withKey(secret, pathname, { method, json }), {
        status: 403,
        code: 'permission_denied',
      });
    }
  });

  it('a wrong, malformed or revoked key, or a deactivated machine agent, is refused', async () => {
    for (const authorization of [
      `Bearer ${secret}x`,
      'Bearer rmc_not-a-key-at-all',
      `Basic ${Buffer.from('bot:pw').toString('base64')}`,
      'Bearer ',
    ]) {
      const r = await request(server.url, '/api/agents/me/status', {
        headers: { Authorization: authorization },
      });
      assertErrorEnvelope(r, { status: 401, code: 'unauthenticated' });
    }

    const second = await post(admin, `/api/admin/agents/${bot.id}/api-keys`, { actions: ['next_lead'] });
    assert.equal(second.response.status, 201, JSON.stringify(second.body));
    const revoked = await post(admin, `/api/admin/api-keys/${key.id}/revoke`);
    assert.equal(revoked.response.status, 200, JSON.stringify(revoked.body));
    assert.equal(revoked.body.key.active, false);
    assertErrorEnvelope(await withKey(secret, '/api/agents/me/status'), {
      status: 401,
      code: 'unauthenticated',
    });
    assertErrorEnvelope(await post(admin, `/api/admin/api-keys/${key.id}/revoke`), {
      status: 404,
      code: 'not_found',
    });
    // The other key still works, until the machine agent is deactivated.
    assert.equal((await withKey(second.body.secret, '/api/agents/me/status')).response.status, 200);
    const off = await as(admin, `/api/admin/agents/${bot.id}`, { method: 'PATCH', json: { active: false } });
    assert.equal(off.response.status, 200, JSON.stringify(off.body));
    assertErrorEnvelope(await withKey(second.body.secret, '/api/agents/me/status'), {
      status: 401,
      code: 'unauthenticated',
    });

    const logged = await as(admin, `/api/audit?action=api_key.revoked`);
    assert.ok(
      logged.body.entries.some((e) => e.details?.keyId === key.id),
      JSON.stringify(logged.body.entries),
    );
    assert.equal(JSON.stringify(logged.body).includes(secret), false, 'no key in the audit log');
  });
});
