// The floor board through HTTP only (docs/metrics.md "The floor board"): every figure checked
// against a day the test makes by hand, with webhooks signed as Twilio signs them and the clock
// pinned inside the calling window. The board's agent figures must equal the agent's own
// `GET /api/agents/me/day` (one definition); alerts appear only past their thresholds, which an
// admin sets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { customerLegStatus, signedWebhook } from '../support/twilio-webhooks.mjs';
import { textedLinkToken } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-floor-auth-token-0123456789';
const LINK_SECRET = 'e2e-floor-link-secret-0123456789abcdef';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const at = (seconds) => new Date(Date.parse(WEDNESDAY_11) + seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('the floor board: figures, current calls, alerts', () => {
  let server;
  let admin;
  let agent;
  let supervisor;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const put = (user, pathname, json) => as(user, pathname, { method: 'PUT', json });

  const webhook = (pathname, params) => signedWebhook(server.url, AUTH_TOKEN, pathname, params);
  /** The customer's leg of the browser's call `parent` reports `status` (5 s per step). */
  const legStatus = (parent, status, sequence) =>
    customerLegStatus(server.url, AUTH_TOKEN, { parent, base: WEDNESDAY_11, status, sequence });

  /** The agent calls the customer they hold: the session and the browser's leg connected. */
  async function call(lead, browserSid) {
    const started = await post(agent, '/api/call-sessions', { userId: lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const identity = (await post(agent, '/api/telephony/token')).body.identity;
    const voice = await webhook('/api/webhooks/twilio/voice', {
      CallSid: browserSid,
      From: `client:${identity}`,
      To: '',
      sessionId: started.body.callSession.id,
    });
    assert.equal(voice.response.status, 200, voice.text);
    return started.body.callSession;
  }

  async function next() {
    const r = await post(agent, '/api/queue/next');
    assert.equal(r.response.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.lead, JSON.stringify(r.body));
    return r.body.lead;
  }

  async function outcome(lead, session, code) {
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: code,
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
  }

  async function board(user = supervisor) {
    const r = await as(user, '/api/floor');
    assert.equal(r.response.status, 200, JSON.stringify(r.body));
    return r.body.board;
  }
  const row = (b, user) => b.agents.find((a) => a.agentId === user.agent.id);
  const pin = async (now) => assert.equal((await post(admin, '/api/testing/clock', { now })).response.status, 200);

  before(async () => {
    server = await startServer(
      {
        ENABLE_TEST_ENDPOINTS: 'true',
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        MAGIC_LINK_SECRET: LINK_SECRET,
        MAIN_APP_URL: 'https://claims.example.test',
      },
      { demoUsers: 150 },
    );
    [admin, agent, supervisor] = await Promise.all(
      [DEMO_USERS.admin, DEMO_USERS.agent, DEMO_USERS.supervisor].map(async ({ email, password }) => {
        const result = await login(server.url, email, password);
        assert.equal(result.response.status, 200, JSON.stringify(result.body));
        return { ...result, agent: result.body.agent };
      }),
    );
    await pin(WEDNESDAY_11);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('is for supervisors and admins only', async () => {
    assertErrorEnvelope(await request(server.url, '/api/floor'), { status: 401, code: 'unauthenticated' });
    assertErrorEnvelope(await as(agent, '/api/floor'), { status: 403, code: 'permission_denied' });
    const b = await board(admin);
    assert.equal(b.since, '2026-11-04T00:00:00Z'); // UK midnight (GMT in November)
    assert.equal(b.at, WEDNESDAY_11);
    // People on the floor, not admins; nobody has worked yet.
    assert.ok(row(b, agent) && row(b, supervisor));
    assert.equal(row(b, admin), undefined);
    assert.deepEqual(row(b, agent).today, {
      calls: 0, contacts: 0, talkSeconds: 0, linksSent: 0, conversions: 0, outcomes: {},
    });
    assert.equal(b.today.contactRate, null);
    assert.deepEqual(b.thresholds, { ringingSeconds: 60, breakMinutes: 30 });
    assert.deepEqual(
      b.queues.map((q) => q.queue),
      ['unsigned', 'outstanding', 'callbacks'],
    );
    // The queues are the queue page's own counts.
    assert.deepEqual(b.queues, (await as(supervisor, '/api/queue')).body.queues);
  });

  it("counts a hand-made day exactly as the agent's own screen does", async () => {
    assert.equal((await put(agent, '/api/agents/me/status', { status: 'available' })).response.status, 200);
    let b = await board();
    assert.equal(row(b, agent).status, 'available');
    assert.equal(row(b, agent).statusSince, WEDNESDAY_11);
    assert.equal(row(b, agent).call, null);

    // Call 1: answered at +10 s, ended at +15 s (5 s of talk), outcome might_complete.
    const first = await next();
    const s1 = await call(first, 'CAfloor1');
    for (const [status, sequence] of [['initiated', 0], ['ringing', 1], ['answered', 2]]) {
      await legStatus('CAfloor1', status, sequence);
    }
    b = await board();
    assert.equal(row(b, agent).status, 'on_call');
    assert.deepEqual(row(b, agent).call, {
      callId: s1.id, state: 'in-progress', direction: 'outbound', startedAt: WEDNESDAY_11, answeredAt: at(10),
    });
    await legStatus('CAfloor1', 'completed', 3);
    await outcome(first, s1, 'might_complete');

    // A magic link sent to a customer, which they open.
    const texted = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const link = await post(agent, '/api/magic-links', { userId: texted.userId, type: 'documentUpload' });
    assert.equal(link.response.status, 201, JSON.stringify(link.body));
    const token = await textedLinkToken(server.url, AUTH_TOKEN);
    const click = await fetch(`${server.url}/l/${token}`, { redirect: 'manual' });
    assert.equal(click.status, 302);
    assert.equal((await post(agent, `/api/queue/leads/${texted.userId}/release`)).response.status, 200);

    // Call 2: rings, nobody answers; outcome no_answer.
    const second = await next();
    const s2 = await call(second, 'CAfloor2');
    await legStatus('CAfloor2', 'ringing', 1);
    await legStatus('CAfloor2', 'no-answer', 2);
    await outcome(second, s2, 'no_answer');

    b = await board();
    const mine = row(b, agent);
    assert.equal(mine.status, 'available');
    assert.equal(mine.call, null);
    assert.deepEqual(mine.today, {
      calls: 2, contacts: 1, talkSeconds: 5, linksSent: 1, conversions: 0,
      outcomes: { might_complete: 1, no_answer: 1 },
    });
    // One definition: the same figures as the agent's top bar.
    const day = (await as(agent, '/api/agents/me/day')).body.day;
    assert.deepEqual(
      { calls: day.calls, contacts: day.contacts, talkSeconds: day.talkSeconds, linksSent: day.linksSent },
      { calls: 2, contacts: 1, talkSeconds: 5, linksSent: 1 },
    );
    assert.deepEqual(row(b, supervisor).today.outcomes, {});
    assert.deepEqual(b.today, {
      calls: 2, contacts: 1, contactRate: 0.5, talkSeconds: 5, conversions: 0,
      linksSent: 1, linksOpened: 1, unreadSms: 0, outcomes: { might_complete: 1, no_answer: 1 },
    });
    assert.deepEqual(b.alerts.filter((a) => a.code !== 'queue_empty'), []);
  });

  it('raises an alert for a call ringing and a break past their limits, which an admin sets', async () => {
    await call(await next(), 'CAfloor3');
    await legStatus('CAfloor3', 'ringing', 1);
    assert.equal(
      (await put(supervisor, '/api/agents/me/status', { status: 'break', reason: 'lunch' })).response.status,
      200,
    );
    let b = await board();
    assert.equal(row(b, agent).call.state, 'ringing');
    assert.equal(row(b, supervisor).status, 'break');
    assert.equal(row(b, supervisor).reason, 'lunch');
    const personal = (alerts) => alerts.filter((a) => a.code !== 'queue_empty');
    assert.deepEqual(personal(b.alerts), []); // exactly at the start: within limits

    await pin(at(61));
    b = await board();
    assert.deepEqual(personal(b.alerts), [
      {
        code: 'call_ringing_long',
        message: `${agent.agent.displayName}'s call has rung for more than 60 s`,
        subjectId: agent.agent.id,
        since: WEDNESDAY_11,
      },
    ]);

    await pin(at(31 * 60));
    b = await board();
    assert.deepEqual(
      personal(b.alerts).map((a) => [a.code, a.subjectId]),
      [['call_ringing_long', agent.agent.id], ['break_long', supervisor.agent.id]],
    );
    assert.match(personal(b.alerts)[1].message, /on a break \(lunch\) for more than 30 min$/);

    // The limit is a setting: refused out of range with the key named, then raised.
    assertErrorEnvelope(await put(admin, '/api/settings', { settings: { 'alerts.breakMinutes': '4' } }), {
      status: 400, code: 'invalid_argument', field: 'alerts.breakMinutes',
    });
    const raised = await put(admin, '/api/settings', { settings: { 'alerts.breakMinutes': '45' } });
    assert.equal(raised.response.status, 200, JSON.stringify(raised.body));
    b = await board();
    assert.equal(b.thresholds.breakMinutes, 45);
    assert.deepEqual(personal(b.alerts).map((a) => a.code), ['call_ringing_long']);

    // The call ends: the alert goes with it. (The customer went back to the queue long ago: a
    // lease lasts two minutes without a heartbeat, so no outcome is taken now.)
    await legStatus('CAfloor3', 'no-answer', 2);
    b = await board();
    assert.equal(row(b, agent).call, null);
    assert.deepEqual(personal(b.alerts), []);
    assert.equal(row(b, agent).today.calls, 3);
  });
});
