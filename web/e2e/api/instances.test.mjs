// Two dialler instances on one PostgreSQL database (as behind a load balancer): a call placed
// through one instance reaches a live socket opened on the other, through LISTEN/NOTIFY. The
// PostgreSQL server is the test harness's (tests/support/services.sh, via ctest's fixture).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import WebSocket from 'ws';

import { login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer } from '../support/stand-in.mjs';

const run = promisify(execFile);
const AUTH_TOKEN = 'e2e-instances-auth-token-0123456789';

async function newPostgresDatabase() {
  const envFile = process.env.DIALLER_TEST_SERVICES_ENV;
  assert.ok(envFile, 'DIALLER_TEST_SERVICES_ENV names the test services (run through ctest)');
  const env = await readFile(envFile, 'utf8');
  const admin = env.match(/^DIALLER_TEST_PG_URL=(.+)$/m)?.[1];
  assert.ok(admin, `no PostgreSQL in ${envFile}`);
  const name = `e2e_${process.pid}_${Date.now()}`;
  await run('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`]);
  return admin.replace(/\/postgres$/, `/${name}`);
}

describe('two instances on one PostgreSQL database', () => {
  let first;
  let second;

  before(async () => {
    const database = await newPostgresDatabase();
    const env = { DATABASE_URL: database, TWILIO_AUTH_TOKEN: AUTH_TOKEN, ENABLE_TEST_ENDPOINTS: 'true' };
    first = await startServer(env, { demoUsers: 80 });
    second = await startServer({ ...env, REPLICA_DATABASE_URL: first.env.REPLICA_DATABASE_URL });
  });

  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('a call on one instance is seen live on the other', async () => {
    const admin = await login(first.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    const agent = await login(first.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    const post = (server, user, pathname, json = {}) =>
      request(server.url, pathname, {
        method: 'POST',
        json,
        headers: { Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken },
      });
    // Both instances share the clock only through the database's data: pin both.
    for (const server of [first, second]) {
      const pinned = await post(server, admin, '/api/testing/clock', {
        now: '2026-11-04T11:00:00Z',
        running: true,
      });
      assert.equal(pinned.response.status, 200, JSON.stringify(pinned.body));
    }
    const discovered = await first.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);

    // The agent's browser is connected to the second instance (same session: shared database).
    const ws = new WebSocket(`${second.url.replace('http', 'ws')}/api/live`, {
      headers: { Cookie: agent.cookie, Origin: second.url },
    });
    const messages = [];
    let wake = () => {};
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      wake();
    });
    async function seen(predicate) {
      const deadline = Date.now() + 15_000;
      while (!messages.some(predicate)) {
        assert.ok(Date.now() < deadline, `not seen on the other instance: ${JSON.stringify(messages)}`);
        await new Promise((resolve) => {
          wake = resolve;
          setTimeout(resolve, 250);
        });
      }
    }
    await seen((m) => m.type === 'hello');

    await scriptNextCustomer(first.url, AUTH_TOKEN, { behaviour: 'busy', ringMs: 300 });
    const next = await post(first, agent, '/api/queue/next');
    assert.ok(next.body.lead, JSON.stringify(next.body));
    const started = await post(first, agent, '/api/call-sessions', { userId: next.body.lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const sessionId = started.body.callSession.id;
    const token = (await post(first, agent, '/api/telephony/token')).body.token;
    const placed = await request(first.url, '/sim/device/calls', {
      method: 'POST',
      json: { params: { sessionId } },
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));

    await seen((m) => m.type === 'call' && m.subjectId === sessionId && m.state === 'busy');
    ws.close();
  });
});
