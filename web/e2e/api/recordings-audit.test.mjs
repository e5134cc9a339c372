// Recordings and the audit log through HTTP only, on the built-in stand-in: a call is made and
// recorded as `make run` makes one (the simulated device, the customer scripted to answer), the
// supervisor finds it by agent, customer, outcome and date and plays it, and the audit log shows
// that playback, filtered by action, family of actions, who and customer. Bad filters are 400
// naming the field; agents get 403.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-recordings-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';

describe('recordings and the audit log', () => {
  let server;
  let agent;
  let supervisor;
  let admin;
  let call; // { session, lead }

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const meOf = async (user) => (await as(user, '/api/auth/me')).body.agent;

  /** The agent calls the next customer, who answers and talks briefly; recorded, with an outcome. */
  async function recordedCall() {
    const scripted = await scriptNextCustomer(server.url, AUTH_TOKEN, {
      behaviour: 'answer',
      ringMs: 100,
      talkMs: 1000,
    });
    assert.equal(scripted.response.status, 200, scripted.text);
    const next = await post(agent, '/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    const { lead } = next.body;
    const started = await post(agent, '/api/call-sessions', { userId: lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const session = started.body.callSession;
    const { token } = (await post(agent, '/api/telephony/token')).body;
    const placed = await request(server.url, '/sim/device/calls', {
      method: 'POST',
      json: { params: { sessionId: session.id } },
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(placed.response.status, 201, placed.text);
    await eventually(async () => {
      const { body } = await as(agent, `/api/call-sessions/${session.id}`);
      return body.callSession?.recording ? body.callSession : undefined;
    }, 'the call is recorded');
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'going_to_complete',
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    return { session, lead };
  }

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN }, { demoUsers: 80 });
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    supervisor = await login(server.url, DEMO_USERS.supervisor.email, DEMO_USERS.supervisor.password);
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 })).response.status, 200);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
    call = await recordedCall();
  });

  after(async () => {
    await server?.stop();
  });

  it('GET /api/recordings finds the call by agent, customer, outcome and date, a page at a time', async () => {
    const me = await meOf(agent);
    const { response, body } = await as(supervisor, `/api/recordings?agentId=${me.id}`);
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.hasMore, false);
    const [found] = body.recordings;
    assert.equal(found.callSessionId, call.session.id);
    assert.equal(found.userId, call.lead.userId);
    assert.equal(found.agentId, me.id);
    assert.equal(found.direction, 'outbound');
    assert.equal(found.outcome, 'going_to_complete');
    assert.equal(typeof found.customerName, 'string');
    assert.deepEqual(found.recording, {
      seconds: found.recording.seconds,
      url: `/api/call-sessions/${call.session.id}/recording`,
    });
    assert.equal(JSON.stringify(body).includes('+44'), false, 'no number leaves the server');

    const byCustomer = await as(supervisor, `/api/recordings?userId=${call.lead.userId}&outcome=going_to_complete`);
    assert.deepEqual(byCustomer.body.recordings.map((r) => r.callSessionId), [call.session.id]);
    const otherOutcome = await as(supervisor, '/api/recordings?outcome=no_answer');
    assert.deepEqual(otherOutcome.body.recordings, []);
    const later = await as(supervisor, '/api/recordings?from=2026-11-05T00:00:00Z');
    assert.deepEqual(later.body.recordings, []);
    const page = await as(admin, `/api/recordings?before=${call.session.id}`);
    assert.deepEqual(page.body.recordings, []);

    for (const [query, field] of [
      ['outcome=maybe', 'outcome'],
      ['agentId=x', 'agentId'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['from=yesterday', 'from'],
      ['from=2026-11-05T00:00:00Z&to=2026-11-04T00:00:00Z', 'to'],
    ]) {
      assertErrorEnvelope(await as(supervisor, `/api/recordings?${query}`), {
        status: 400,
        code: 'invalid_argument',
        field,
      });
    }
    assertErrorEnvelope(await as(agent, '/api/recordings'), { status: 403, code: 'permission_denied' });
  });

  it('a playback is in the audit log, found by action, family, who and customer', async () => {
    const boss = await meOf(supervisor);
    const audio = await fetch(`${server.url}/api/call-sessions/${call.session.id}/recording`, {
      headers: { Cookie: supervisor.cookie },
    });
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');

    const played = await as(admin, '/api/audit?action=call.recording_played');
    assert.equal(played.response.status, 200, JSON.stringify(played.body));
    const [entry] = played.body.entries;
    assert.equal(entry.action, 'call.recording_played');
    assert.deepEqual(entry.actor, { kind: 'agent', agentId: boss.id });
    assert.equal(entry.subjectType, 'call_session');
    assert.equal(entry.subjectId, call.session.id);
    assert.equal(entry.userId, call.lead.userId);
    assert.match(entry.details.recordingSid, /^RE/);

    // The family "call." holds the start and end of the call too, newest first.
    const family = (await as(admin, `/api/audit?action=call.&userId=${call.lead.userId}`)).body.entries;
    const actions = family.map((e) => e.action);
    assert.ok(actions.includes('call.started') && actions.includes('call.recording_played'), actions.join());
    assert.deepEqual(
      family.map((e) => Number(e.id)),
      family.map((e) => Number(e.id)).sort((a, b) => b - a),
    );
    const bySupervisor = (await as(admin, `/api/audit?agentId=${boss.id}&action=call.`)).body.entries;
    assert.deepEqual(bySupervisor.map((e) => e.action), ['call.recording_played']);

    // One at a time: the next page starts below the last id.
    const first = await as(admin, `/api/audit?userId=${call.lead.userId}&limit=1`);
    assert.equal(first.body.hasMore, true);
    const second = await as(admin, `/api/audit?userId=${call.lead.userId}&limit=1&before=${first.body.entries[0].id}`);
    assert.ok(Number(second.body.entries[0].id) < Number(first.body.entries[0].id));

    // Reading the audit log is itself audited, with the filter and never more.
    const searches = (await as(admin, '/api/audit?action=audit.searched&limit=200')).body.entries;
    assert.ok(searches.some((e) => e.details.action === 'call.recording_played'));

    for (const [query, field] of [
      ['action=DROP%20TABLE', 'action'],
      ['action=.call', 'action'],
      ['userId=-1', 'userId'],
      ['before=0', 'before'],
      ['limit=201', 'limit'],
      ['to=never', 'to'],
    ]) {
      assertErrorEnvelope(await as(admin, `/api/audit?${query}`), { status: 400, code: 'invalid_argument', field });
    }
    assertErrorEnvelope(await as(agent, '/api/audit'), { status: 403, code: 'permission_denied' });
  });
});
