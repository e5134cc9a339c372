// Calls through HTTP only, with webhooks signed exactly as Twilio signs them (npm `twilio`'s
// getExpectedTwilioSignature, with the auth token the server is configured with): the gate opens
// a call session, the voice webhook answers TwiML that dials the session's number, status
// callbacks move it in order and are idempotent, unsigned or forged webhooks get 403 and change
// nothing, an outcome links to its call. The clock is pinned inside the calling window.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import jwt from 'jsonwebtoken';
import twilio from 'twilio';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const AUTH_TOKEN = 'e2e-webhook-auth-token-0123456789';
const API_SECRET = 'e2e-api-secret-0123456789abcdef';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';

describe('calls: sessions, signed webhooks, recordings', () => {
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

  /** Posts a form webhook to `pathname` signed for `params` (or with `signature` if given). */
  function webhook(pathname, params, { signature, token = AUTH_TOKEN } = {}) {
    const url = `${server.url}${pathname}`;
    const sig = signature ?? twilio.getExpectedTwilioSignature(token, url, params);
    return request(server.url, pathname, {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': sig,
      },
    });
  }

  const childStatus = (parent, status, sequence) =>
    webhook('/api/webhooks/twilio/status', {
      CallSid: `CAchild${parent}`,
      ParentCallSid: parent,
      CallStatus: status,
      SequenceNumber: String(sequence),
      Timestamp: new Date(Date.parse(WEDNESDAY_11) + sequence * 5000).toUTCString().replace('GMT', '+0000'),
    });

  async function loginAs({ email, password }) {
    const result = await login(server.url, email, password);
    assert.equal(result.response.status, 200, JSON.stringify(result.body));
    return result;
  }

  /** Takes the next customer and opens a call session; returns { lead, session }. */
  async function startCall() {
    const next = await post(agent, '/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    assert.ok(next.body.lead, JSON.stringify(next.body));
    const started = await post(agent, '/api/call-sessions', { userId: next.body.lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    return { lead: next.body.lead, session: started.body.callSession };
  }

  before(async () => {
    server = await startServer(
      { ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_SECRET: API_SECRET },
      { demoUsers: 120 },
    );
    [admin, agent, supervisor] = await Promise.all([
      loginAs(DEMO_USERS.admin),
      loginAs(DEMO_USERS.agent),
      loginAs(DEMO_USERS.supervisor),
    ]);
    const pinned = await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 });
    assert.equal(pinned.response.status, 200, JSON.stringify(pinned.body));
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('POST /api/telephony/token: a voice token for the logged-in agent only', async () => {
    const { response, body } = await post(agent, '/api/telephony/token', { identity: 'agent-1' });
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.mode, 'sim');
    assert.match(body.identity, /^agent-\d+$/);
    // Issued by the server's clock, pinned to the test's Wednesday.
    const decoded = jwt.verify(body.token, API_SECRET, {
      algorithms: ['HS256'],
      complete: true,
      clockTimestamp: Date.parse(WEDNESDAY_11) / 1000,
    });
    assert.equal(decoded.payload.iat, Date.parse(WEDNESDAY_11) / 1000);
    assert.equal(decoded.header.cty, 'twilio-fpa;v=1');
    // The identity is the session's, whatever the request said.
    assert.equal(decoded.payload.grants.identity, body.identity);
    assert.ok(decoded.payload.grants.voice.outgoing.application_sid.startsWith('AP'));
    assert.equal(decoded.payload.exp - decoded.payload.iat, body.ttlSeconds);

    const anonymous = await request(server.url, '/api/telephony/token', { method: 'POST', json: {} });
    assertErrorEnvelope(anonymous, { status: 401, code: 'unauthenticated' });
    const adminToken = await post(admin, '/api/telephony/token');
    assertErrorEnvelope(adminToken, { status: 403, code: 'permission_denied' });
  });

  it('a call from the voice webhook to completed, in order, idempotent, with its outcome', async () => {
    const dayBefore = await as(agent, '/api/agents/me/day');
    assert.equal(dayBefore.response.status, 200, JSON.stringify(dayBefore.body));
    assert.equal(dayBefore.body.day.since, '2026-11-04T00:00:00Z'); // UK midnight (GMT in November)
    const { lead, session } = await startCall();
    assert.equal(session.status, 'created');
    assert.equal(session.userId, lead.userId);
    assert.equal(JSON.stringify(session).includes('+44'), false, 'the number never reaches the browser');

    const identity = (await post(agent, '/api/telephony/token')).body.identity;
    const voice = await webhook('/api/webhooks/twilio/voice', {
      CallSid: 'CAbrowser1',
      From: `client:${identity}`,
      To: '',
      sessionId: session.id,
    });
    assert.equal(voice.response.status, 200, voice.text);
    assert.match(voice.response.headers.get('content-type'), /xml/);
    // The TwiML npm twilio's builder writes for the same dial, number and caller ID taken from ours.
    const number = voice.text.match(/<Number[^>]*>(\+44\d+)<\/Number>/)?.[1];
    const callerId = voice.text.match(/callerId="([^"]+)"/)?.[1];
    assert.ok(number && callerId, voice.text);
    const expected = new twilio.twiml.VoiceResponse();
    const dial = expected.dial({
      answerOnBridge: true,
      callerId,
      timeout: 25,
      record: 'record-from-answer-dual',
      recordingStatusCallback: `${server.url}/api/webhooks/twilio/recording`,
      recordingStatusCallbackMethod: 'POST',
      action: `${server.url}/api/webhooks/twilio/voice?step=dial-ended`,
      method: 'POST',
    });
    dial.number(
      {
        statusCallbackEvent: 'initiated ringing answered completed',
        statusCallback: `${server.url}/api/webhooks/twilio/status`,
        statusCallbackMethod: 'POST',
      },
      number,
    );
    assert.equal(voice.text, expected.toString());

    for (const [status, sequence] of [['initiated', 0], ['ringing', 1], ['answered', 2]]) {
      const r = await childStatus('CAbrowser1', status, sequence);
      assert.equal(r.response.status, 204, r.text);
    }
    let read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.equal(read.body.callSession.status, 'in-progress');
    assert.equal(read.body.callSession.answeredAt, '2026-11-04T11:00:10Z');

    assert.equal((await childStatus('CAbrowser1', 'completed', 3)).response.status, 204);
    read = await as(agent, `/api/call-sessions/${session.id}`);
    const done = read.body.callSession;
    assert.equal(done.status, 'completed');
    assert.equal(done.endReason, 'completed');
    assert.equal(done.ringingAt, '2026-11-04T11:00:05Z');
    assert.equal(done.endedAt, '2026-11-04T11:00:15Z');
    assert.equal(done.ringSeconds, 5);
    assert.equal(done.talkSeconds, 5);

    // Replayed and late callbacks change nothing.
    for (const [status, sequence] of [['completed', 3], ['ringing', 1], ['answered', 2]]) {
      assert.equal((await childStatus('CAbrowser1', status, sequence)).response.status, 204);
    }
    read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.deepEqual(read.body.callSession, done);

    // The dial's action answers with a hang-up.
    const action = await webhook('/api/webhooks/twilio/voice?step=dial-ended', {
      CallSid: 'CAbrowser1',
      DialCallStatus: 'completed',
      DialCallSid: 'CAchildCAbrowser1',
    });
    assert.equal(action.response.status, 200);
    assert.match(action.text, /<Hangup\/>/);

    // The recording arrives; the outcome names the call.
    const rec = await webhook('/api/webhooks/twilio/recording', {
      CallSid: 'CAbrowser1',
      RecordingSid: 'RE0001',
      RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0001',
      RecordingStatus: 'completed',
      RecordingDuration: '5',
    });
    assert.equal(rec.response.status, 204, rec.text);
    read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.deepEqual(read.body.callSession.recording, {
      seconds: 5,
      url: `/api/call-sessions/${session.id}/recording`,
    });

    const wrong = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'might_complete',
      callSessionId: String(Number(session.id) + 1000),
    });
    assertErrorEnvelope(wrong, { status: 400, code: 'invalid_argument', field: 'callSessionId' });
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'might_complete',
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.equal(read.body.callSession.outcomeId, saved.body.outcome.id);

    const listed = await as(supervisor, `/api/call-sessions?userId=${lead.userId}`);
    assert.equal(listed.response.status, 200);
    assert.deepEqual(listed.body.callSessions.map((s) => s.id), [session.id]);

    // The agent's day counts the call, the contact (it was answered) and its talk time.
    const day = (await as(agent, '/api/agents/me/day')).body;
    assert.equal(day.day.calls, dayBefore.body.day.calls + 1);
    assert.equal(day.day.contacts, dayBefore.body.day.contacts + 1);
    assert.equal(day.day.talkSeconds, dayBefore.body.day.talkSeconds + 5);
    assert.equal(day.day.linksSent, dayBefore.body.day.linksSent);
    assert.equal(day.autoDial.countdownSeconds, 10);
    assert.ok(day.pauseReasons.includes('training'));
    // Not the supervisor's day.
    assert.equal((await as(supervisor, '/api/agents/me/day')).body.day.calls, 0);
  });

  it("the auto mode settings are an admin's, in range, and reach the agents", async () => {
    const bad = await as(admin, '/api/settings', {
      method: 'PUT',
      json: { settings: { 'autoDial.countdownSeconds': 2 } },
    });
    assertErrorEnvelope(bad, { status: 400, code: 'invalid_argument', field: 'autoDial.countdownSeconds' });
    const byAgent = await as(agent, '/api/settings', {
      method: 'PUT',
      json: { settings: { 'autoDial.countdownSeconds': 5 } },
    });
    assertErrorEnvelope(byAgent, { status: 403, code: 'permission_denied' });
    const changed = await as(admin, '/api/settings', {
      method: 'PUT',
      json: { settings: { 'autoDial.countdownSeconds': 5, 'autoDial.maxCallsPerSession': 40 } },
    });
    assert.equal(changed.response.status, 200, JSON.stringify(changed.body));
    const day = (await as(agent, '/api/agents/me/day')).body;
    assert.equal(day.autoDial.countdownSeconds, 5);
    assert.equal(day.autoDial.maxCallsPerSession, 40);
    assert.equal(day.autoDial.breakReminderMinutes, 120);
  });

  it('test hooks run a job now, for admins only', async () => {
    const ran = await post(admin, '/api/testing/jobs/callbacks.reminders');
    assert.equal(ran.response.status, 200, JSON.stringify(ran.body));
    assert.equal(ran.body.job, 'callbacks.reminders');
    assert.equal(typeof ran.body.result, 'number');
    assertErrorEnvelope(await post(agent, '/api/testing/jobs/callbacks.reminders'), {
      status: 403,
      code: 'permission_denied',
    });
    assertErrorEnvelope(await post(admin, '/api/testing/jobs/discovery.everything'), { status: 404, code: 'not_found' });
  });

  it('unsigned, forged and re-pointed webhooks get 403 and change nothing', async () => {
    const { lead, session } = await startCall();
    const identity = (await post(agent, '/api/telephony/token')).body.identity;
    const params = { CallSid: 'CAbrowser2', From: `client:${identity}`, sessionId: session.id };

    const unsigned = await request(server.url, '/api/webhooks/twilio/voice', {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assertErrorEnvelope(unsigned, { status: 403, code: 'permission_denied' });
    const wrongKey = await webhook('/api/webhooks/twilio/voice', params, { token: 'not-our-token' });
    assertErrorEnvelope(wrongKey, { status: 403, code: 'permission_denied' });
    // Signed for one session, sent with another.
    const url = `${server.url}/api/webhooks/twilio/voice`;
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params);
    const tampered = await webhook(
      '/api/webhooks/twilio/voice',
      { ...params, sessionId: String(Number(session.id) + 1) },
      { signature },
    );
    assertErrorEnvelope(tampered, { status: 403, code: 'permission_denied' });
    const forgedEnd = await webhook(
      '/api/webhooks/twilio/status',
      { CallSid: 'CAbrowser2', CallStatus: 'completed' },
      { token: 'guessed' },
    );
    assertErrorEnvelope(forgedEnd, { status: 403, code: 'permission_denied' });

    let read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.equal(read.body.callSession.status, 'created');

    // The genuine webhook still connects it; another agent's device cannot.
    const stolen = await webhook('/api/webhooks/twilio/voice', {
      ...params,
      CallSid: 'CAstolen',
      From: 'client:agent-999999',
    });
    assert.equal(stolen.response.status, 200);
    assert.doesNotMatch(stolen.text, /<Dial/);
    assert.match(stolen.text, /<Hangup\/>/);
    const genuine = await webhook('/api/webhooks/twilio/voice', params);
    assert.match(genuine.text, /<Dial /);

    // Busy: the call ends without talk time.
    await childStatus('CAbrowser2', 'ringing', 1);
    await childStatus('CAbrowser2', 'busy', 2);
    read = await as(agent, `/api/call-sessions/${session.id}`);
    assert.equal(read.body.callSession.status, 'busy');
    assert.equal(read.body.callSession.talkSeconds, 0);
    assert.equal(read.body.callSession.recording, null);
    const none = await as(agent, `/api/call-sessions/${session.id}/recording`);
    assertErrorEnvelope(none, { status: 404, code: 'not_found' });
    const unknown = await childStatus('CAnobody', 'completed', 4);
    assertErrorEnvelope(unknown, { status: 404, code: 'not_found' });
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'no_answer',
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
  });

  it('a call refused by the gate names the reasons and the next allowed time', async () => {
    const next = await post(agent, '/api/queue/next');
    const userId = next.body.lead.userId;
    const suppressed = await post(agent, '/api/suppressions', {
      userId,
      channel: 'call',
      reason: 'asked not to be called',
    });
    assert.equal(suppressed.response.status, 201, JSON.stringify(suppressed.body));
    const refused = await post(agent, '/api/call-sessions', { userId });
    assert.equal(refused.response.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'failed_precondition');
    assert.deepEqual(refused.body.denials.map((d) => d.code), ['suppressed']);
    assert.equal(refused.body.nextAllowedAt, null);
    const listed = await as(agent, `/api/call-sessions?userId=${userId}`);
    assert.deepEqual(listed.body.callSessions, []);

    for (const [body, field] of [
      [{}, 'userId'],
      [{ userId: 'x' }, 'userId'],
      [{ userId: 7 }, 'userId'],
    ]) {
      assertErrorEnvelope(await post(agent, '/api/call-sessions', body), {
        status: 400,
        code: 'invalid_argument',
        field,
      });
    }
    const notHeld = await post(agent, '/api/call-sessions', { userId: '999999' });
    assertErrorEnvelope(notHeld, { status: 409, code: 'failed_precondition' });
    const badFilter = await as(agent, '/api/call-sessions?from=yesterday');
    assertErrorEnvelope(badFilter, { status: 400, code: 'invalid_argument', field: 'from' });
    await post(agent, `/api/queue/leads/${userId}/release`);
  });
});
