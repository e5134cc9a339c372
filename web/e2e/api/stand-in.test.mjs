// Calls against the built-in Twilio stand-in (TELEPHONY=sim, as `make run` serves), black-box:
// the browser's simulated device places the call with its access token, the stand-in asks the
// dialler's voice webhook and dials, signed callbacks move the session, the recording plays; the
// agent's live socket carries each change; sockets from another origin or without a session are
// refused. The clock runs on from a Wednesday morning, so call times pass as they would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { STAND_IN_ACCOUNT, scriptNextCustomer } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-stand-in-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const DEADLINE_MS = 15_000;

describe('calls through the built-in stand-in', () => {
  let server;
  let admin;
  let agent;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  const scriptNext = (script) => scriptNextCustomer(server.url, AUTH_TOKEN, script);

  function device(token, pathname, json = {}) {
    return request(server.url, pathname, {
      method: 'POST',
      json,
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  /** Opens the live socket as `user` and collects its messages. */
  function openLive(user, origin = server.url) {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/live`, {
      headers: { Cookie: user?.cookie ?? '', Origin: origin },
    });
    const messages = [];
    const waiters = [];
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      for (const w of waiters.splice(0)) w();
    });
    const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
    const refused = new Promise((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode)));
    ws.on('error', () => {});
    /** Resolves with the first message matching `predicate`, waiting up to the deadline. */
    async function next(predicate) {
      const deadline = Date.now() + DEADLINE_MS;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        assert.ok(Date.now() < deadline, `no such live message; got ${JSON.stringify(messages)}`);
        await new Promise((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    }
    return { ws, messages, next, closed, refused };
  }

  /** Reads the session until `predicate` holds, within the deadline. */
  async function sessionWhen(id, predicate) {
    const deadline = Date.now() + DEADLINE_MS;
    for (;;) {
      const { body } = await as(agent, `/api/call-sessions/${id}`);
      if (predicate(body.callSession)) return body.callSession;
      assert.ok(Date.now() < deadline, `session never got there: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function startCall() {
    const next = await post(agent, '/api/queue/next');
    assert.ok(next.body.lead, JSON.stringify(next.body));
    const started = await post(agent, '/api/call-sessions', { userId: next.body.lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const token = (await post(agent, '/api/telephony/token')).body.token;
    return { userId: next.body.lead.userId, session: started.body.callSession, token };
  }

  before(async () => {
    server = await startServer(
      { ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN },
      { demoUsers: 120 },
    );
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    const clock = await post(admin, '/api/testing/clock', { now: WEDNESDAY_11, running: true });
    assert.equal(clock.response.status, 200, JSON.stringify(clock.body));
    assert.equal(clock.body.running, true);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('an agent chooses a status; breaks need a reason', async () => {
    let status = await as(agent, '/api/agents/me/status');
    assert.equal(status.body.status.status, 'offline', 'logging in leaves the agent offline');
    assert.ok(status.body.status.since, 'since the login');
    const put = (json) => as(agent, '/api/agents/me/status', { method: 'PUT', json });
    assertErrorEnvelope(await put({ status: 'break' }), { status: 400, code: 'invalid_argument', field: 'reason' });
    assertErrorEnvelope(await put({ status: 'on_call' }), { status: 400, code: 'invalid_argument', field: 'status' });
    assertErrorEnvelope(await put({}), { status: 400, code: 'invalid_argument', field: 'status' });
    status = await put({ status: 'break', reason: 'lunch' });
    assert.equal(status.response.status, 200, JSON.stringify(status.body));
    assert.deepEqual([status.body.status.status, status.body.status.reason], ['break', 'lunch']);
    status = await put({ status: 'available' });
    assert.equal(status.body.status.status, 'available');
    assert.equal((await as(agent, '/api/agents/status')).response.status, 403);
  });

  it('an answered call: live events, ordered times, a recording that plays', async () => {
    const live = openLive(agent);
    await live.next((m) => m.type === 'hello');
    assert.equal((await scriptNext({ behaviour: 'answer', ringMs: 1200, talkMs: 1500 })).response.status, 200);
    const { userId, session, token } = await startCall();
    const placed = await device(token, '/sim/device/calls', { params: { sessionId: session.id } });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));
    assert.match(placed.body.callSid, /^CA[0-9a-f]{32}$/);

    for (const state of ['ringing', 'in-progress', 'completed']) {
      const event = await live.next((m) => m.type === 'call' && m.subjectId === session.id && m.state === state);
      assert.equal(event.agentId, agent.body.agent.id);
    }
    const done = await sessionWhen(session.id, (s) => s.recording !== null);
    assert.equal(done.status, 'completed');
    assert.ok(Date.parse(done.ringingAt) <= Date.parse(done.answeredAt));
    assert.ok(Date.parse(done.answeredAt) < Date.parse(done.endedAt));
    assert.ok(done.talkSeconds >= 1, JSON.stringify(done));

    const audio = await fetch(`${server.url}${done.recording.url}`, { headers: { Cookie: agent.cookie } });
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
    assert.equal(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString(), 'RIFF');

    // The call moved the agent: on a call, in wrap-up until the outcome, then available.
    await live.next((m) => m.type === 'agent.status' && m.state === 'wrap_up');
    assert.equal((await as(agent, '/api/agents/me/status')).body.status.status, 'wrap_up');
    const early = await as(agent, '/api/agents/me/status', { method: 'PUT', json: { status: 'break', reason: 'lunch' } });
    assertErrorEnvelope(early, { status: 409, code: 'failed_precondition' });
    const saved = await post(agent, `/api/queue/leads/${userId}/outcome`, {
      outcome: 'might_complete',
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    assert.equal((await as(agent, '/api/agents/me/status')).body.status.status, 'available');

    const supervisor = await login(server.url, DEMO_USERS.supervisor.email, DEMO_USERS.supervisor.password);
    const floor = await as(supervisor, '/api/agents/status');
    assert.equal(floor.response.status, 200);
    const mine = floor.body.agents.find((a) => a.agentId === agent.body.agent.id);
    assert.equal(mine?.status, 'available');
    const from = encodeURIComponent('2026-11-04T00:00:00Z');
    const to = encodeURIComponent('2026-11-05T00:00:00Z');
    const timeline = await as(supervisor, `/api/agents/${agent.body.agent.id}/status-timeline?from=${from}&to=${to}`);
    assert.equal(timeline.response.status, 200, JSON.stringify(timeline.body));
    assert.deepEqual(
      timeline.body.timeline.map((e) => `${e.status}:${e.cause}`).slice(-3),
      ['on_call:call_started', 'wrap_up:call_ended', 'available:outcome_saved'],
    );
    const others = await as(agent, `/api/agents/${supervisor.body.agent.id}/status-timeline?from=${from}&to=${to}`);
    assertErrorEnvelope(others, { status: 404, code: 'not_found' });
    live.ws.close();
  });

  it('busy, and the agent hanging up while it rings, end the call without talk', async () => {
    await scriptNext({ behaviour: 'busy', ringMs: 300 });
    let call = await startCall();
    await device(call.token, '/sim/device/calls', { params: { sessionId: call.session.id } });
    const busy = await sessionWhen(call.session.id, (s) => s.endedAt !== null);
    assert.equal(busy.status, 'busy');
    assert.equal(busy.talkSeconds, 0);
    await post(agent, `/api/queue/leads/${call.userId}/outcome`, { outcome: 'no_answer', callSessionId: call.session.id });

    await scriptNext({ behaviour: 'answer', ringMs: 60000 });
    call = await startCall();
    const placed = await device(call.token, '/sim/device/calls', { params: { sessionId: call.session.id } });
    await sessionWhen(call.session.id, (s) => s.status === 'ringing');
    const stranger = await device('not-a-token', `/sim/device/calls/${placed.body.callSid}/hangup`);
    assert.equal(stranger.response.status, 401);
    const hungUp = await device(call.token, `/sim/device/calls/${placed.body.callSid}/hangup`);
    assert.equal(hungUp.response.status, 200, JSON.stringify(hungUp.body));
    const canceled = await sessionWhen(call.session.id, (s) => s.endedAt !== null);
    assert.equal(canceled.status, 'canceled');
    assert.equal(canceled.recording, null);
    await post(agent, `/api/queue/leads/${call.userId}/outcome`, { outcome: 'hung_up', callSessionId: call.session.id });
  });

  it('every agent hears that the queues changed, and only their own calls', async () => {
    const added = await server.runCli(
      ['agents', 'add', '--email', 'listener@demo.local', '--name', 'Listening Agent'],
      { input: 'listener-agent-password\n' },
    );
    assert.equal(added.code, 0, added.stderr);
    const other = await login(server.url, 'listener@demo.local', 'listener-agent-password');
    const live = openLive(other);
    await live.next((m) => m.type === 'hello');
    const call = await startCall();
    const taken = await live.next((m) => m.type === 'lead' && m.subjectId === call.userId);
    assert.equal(taken.state, 'taken');
    await post(agent, `/api/queue/leads/${call.userId}/outcome`, { outcome: 'no_answer', callSessionId: call.session.id });
    await live.next((m) => m.type === 'lead' && m.subjectId === call.userId && m.state === 'done');
    assert.equal(
      live.messages.some((m) => m.type === 'call' || m.type === 'agent.status'),
      false,
      `another agent's call reached this agent: ${JSON.stringify(live.messages)}`,
    );
    live.ws.close();
  });

  it('live sockets: another origin is refused, no session is closed, REST needs the account', async () => {
    const foreign = openLive(agent, 'https://evil.example');
    assert.equal(await foreign.refused, 403);
    const anonymous = openLive(undefined);
    assert.equal(await anonymous.closed, 1008);
    const rest = await request(server.url, `/2010-04-01/Accounts/${STAND_IN_ACCOUNT}/Calls/CA1.json`);
    assert.equal(rest.response.status, 401);
  });
});
