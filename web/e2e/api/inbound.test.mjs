// Customers calling our number, through HTTP only on the built-in stand-in: the stand-in rings
// our number and posts the signed voice webhook; a known caller rings an available agent's
// browser (<Dial><Client>), who answers and takes them like any customer; with nobody available,
// or a declined call, the caller hears why and a "Missed call" callback waits for the team;
// unknown numbers and calls out of hours hear a message. The clock is pinned inside the calling
// window (a Wednesday at 11:00) unless a test moves it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import twilio from 'twilio';

import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting, standIn } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-inbound-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const SUNDAY_11 = '2026-11-08T11:00:00Z';

describe('inbound calls: customers ringing our number', () => {
  let server;
  let agent;
  let supervisor;
  let admin;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const sim = (pathname, json) => standIn(server.url, AUTH_TOKEN, pathname, json);
  const setStatus = (user, status, reason) =>
    as(user, '/api/agents/me/status', { method: 'PUT', json: reason ? { status, reason } : { status } });

  /** A customer's full number (learnt by texting them), then let go: nobody holds them. */
  async function knownCaller(words) {
    const lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const phone = await numberByTexting(server.url, AUTH_TOKEN, agent, lead.userId, words);
    // Skipped, not released: the next knownCaller is handed someone else.
    const released = await post(agent, `/api/queue/leads/${lead.userId}/skip`);
    assert.equal(released.response.status, 200, JSON.stringify(released.body));
    return { lead, phone };
  }

  /**
   * The customer at `from` rings us (leaving a message of `voicemailSeconds` if asked to);
   * resolves with the stand-in's record once we answered.
   */
  async function customerRings(from, voicemailSeconds = 0) {
    const placed = await sim('/sim/inbound/calls', { from, voicemailSeconds });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));
    return eventually(async () => {
      const { body } = await sim(`/sim/inbound/calls/${placed.body.callSid}`);
      return body.webhookStatus ? body : undefined;
    }, 'the voice webhook answered');
  }

  async function teamCallbackFor(userId) {
    const { response, body } = await as(supervisor, '/api/callbacks?scope=team');
    assert.equal(response.status, 200, JSON.stringify(body));
    return body.callbacks.find((c) => c.userId === userId && c.status === 'pending');
  }

  async function voiceToken(user) {
    const { response, body } = await post(user, '/api/telephony/token');
    assert.equal(response.status, 200, JSON.stringify(body));
    return body.token;
  }

  const device = (token, action) =>
    request(server.url, `/sim/device/${action}`, {
      method: 'POST',
      json: {},
      headers: { Authorization: `Bearer ${token}` },
    });

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN }, { demoUsers: 150 });
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    supervisor = await login(server.url, DEMO_USERS.supervisor.email, DEMO_USERS.supervisor.password);
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 })).response.status, 200);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('an unknown number hears a message and rings nobody', async () => {
    const call = await customerRings('+447700900999');
    assert.equal(call.webhookStatus, 200);
    assert.match(call.answer, /<Say>Thank you for calling. We cannot find your details/);
    assert.doesNotMatch(call.answer, /<Client/);
    assert.equal(call.status, 'completed');
  });

  it('with nobody available a known caller becomes a missed call for the team', async () => {
    const { lead, phone } = await knownCaller('Inbound test one');
    assert.equal((await setStatus(agent, 'break', 'lunch')).response.status, 200);
    const call = await customerRings(phone, 4);
    assert.match(call.answer, /Everyone is busy just now\. We will call you back shortly\. You can leave a message/);
    assert.match(call.answer, /<Record maxLength="120"[^>]*recordingStatusCallback="[^"]*callbackId=\d+"/);
    assert.doesNotMatch(call.answer, /<Client/);
    const callback = await eventually(async () => {
      const found = await teamCallbackFor(lead.userId);
      return found?.voicemail ? found : undefined;
    }, 'the voicemail is kept with the callback');
    assert.equal(callback.notes, 'Missed call');
    assert.equal(callback.agentId, null);
    assert.equal(callback.scheduledFor, WEDNESDAY_11);
    assert.deepEqual(callback.voicemail, { seconds: 4, url: `/api/callbacks/${callback.id}/voicemail` });
    const audio = await fetch(`${server.url}${callback.voicemail.url}`, { headers: { Cookie: agent.cookie } });
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
    assert.equal((await fetch(`${server.url}${callback.voicemail.url}`)).status, 401);
    // A second missed call from them does not book a second callback.
    await customerRings(phone);
    const { body } = await as(supervisor, '/api/callbacks?scope=team');
    assert.equal(body.callbacks.filter((c) => c.userId === lead.userId && c.status === 'pending').length, 1);
  });

  it('a known caller rings the available agent, who answers, talks and saves the outcome', async () => {
    const { lead, phone } = await knownCaller('Inbound test two');
    assert.equal((await setStatus(agent, 'available')).response.status, 200);
    const token = await voiceToken(agent);
    const call = await customerRings(phone);
    // The TwiML npm twilio's builder writes for ringing this agent's browser.
    const identity = (await post(agent, '/api/telephony/token')).body.identity;
    const expected = new twilio.twiml.VoiceResponse();
    expected
      .dial({
        answerOnBridge: true,
        timeout: 20,
        record: 'record-from-answer-dual',
        recordingStatusCallback: `${server.url}/api/webhooks/twilio/recording`,
        recordingStatusCallbackMethod: 'POST',
        action: `${server.url}/api/webhooks/twilio/voice?step=inbound-ended`,
        method: 'POST',
      })
      .client(
        {
          statusCallbackEvent: 'initiated ringing answered completed',
          statusCallback: `${server.url}/api/webhooks/twilio/status`,
          statusCallbackMethod: 'POST',
        },
        identity,
      );
    assert.equal(call.answer, expected.toString());

    const ringing = await eventually(async () => {
      const { body } = await as(agent, '/api/calls/incoming');
      return body.incoming.length ? body.incoming : undefined;
    }, 'the call rings for the agent');
    assert.equal(ringing.length, 1);
    assert.equal(ringing[0].userId, lead.userId);
    assert.equal(typeof ringing[0].customerName, 'string');
    assert.equal(JSON.stringify(ringing).includes(phone), false, 'the number never reaches the browser');
    const sessionId = ringing[0].callSessionId;
    // Nobody else's screen shows it, and nobody else may answer it.
    assert.deepEqual((await as(supervisor, '/api/calls/incoming')).body.incoming, []);
    assertErrorEnvelope(await post(supervisor, `/api/call-sessions/${sessionId}/answer`), {
      status: 404,
      code: 'not_found',
    });
    assertErrorEnvelope(await as(admin, '/api/calls/incoming'), { status: 403, code: 'permission_denied' });
    assertErrorEnvelope(await post(agent, '/api/call-sessions/abc/answer'), { status: 400, code: 'invalid_argument' });

    const answered = await post(agent, `/api/call-sessions/${sessionId}/answer`);
    assert.equal(answered.response.status, 200, JSON.stringify(answered.body));
    assert.equal(answered.body.lead.userId, lead.userId);
    assert.equal(answered.body.callSession.direction, 'inbound');
    const accepted = await device(token, 'incoming/accept');
    assert.equal(accepted.response.status, 200, JSON.stringify(accepted.body));
    const inProgress = await eventually(async () => {
      const { body } = await as(agent, `/api/call-sessions/${sessionId}`);
      return body.callSession?.status === 'in-progress' ? body.callSession : undefined;
    }, 'the call is answered');
    assert.ok(inProgress.answeredAt);
    assert.equal((await as(agent, '/api/agents/me/status')).body.status.status, 'on_call');
    // Nothing rings any more, and a second answer is refused.
    assert.deepEqual((await as(agent, '/api/calls/incoming')).body.incoming, []);
    assertErrorEnvelope(await post(agent, `/api/call-sessions/${sessionId}/answer`), {
      status: 409,
      code: 'failed_precondition',
    });

    const hungUp = await device(token, `calls/${accepted.body.callSid}/hangup`);
    assert.equal(hungUp.response.status, 200, JSON.stringify(hungUp.body));
    const ended = await eventually(async () => {
      const { body } = await as(agent, `/api/call-sessions/${sessionId}`);
      return body.callSession?.recording ? body.callSession : undefined;
    }, 'the call ends with its recording');
    assert.equal(ended.status, 'completed');
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'going_to_complete',
      callSessionId: sessionId,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    const day = await as(agent, '/api/agents/me/day');
    assert.ok(day.body.day.contacts >= 1, JSON.stringify(day.body));
    assert.equal(await teamCallbackFor(lead.userId), undefined, 'an answered call books nothing');
  });

  it('a declined call is a missed call: the caller hears why and the team gets a callback', async () => {
    const { lead, phone } = await knownCaller('Inbound test three');
    assert.equal((await setStatus(agent, 'available')).response.status, 200);
    const token = await voiceToken(agent);
    const placed = await sim('/sim/inbound/calls', { from: phone });
    assert.equal(placed.response.status, 201);
    await eventually(async () => {
      const { body } = await as(agent, '/api/calls/incoming');
      return body.incoming.length ? body.incoming : undefined;
    }, 'the call rings for the agent');
    const rejected = await device(token, 'incoming/reject');
    assert.equal(rejected.response.status, 200, JSON.stringify(rejected.body));
    const record = await eventually(async () => {
      const { body } = await sim(`/sim/inbound/calls/${placed.body.callSid}`);
      return body.dialAnswer ? body : undefined;
    }, 'the dial ended');
    assert.match(record.dialAnswer, /Everyone is busy just now/);
    const callback = await eventually(() => teamCallbackFor(lead.userId), 'the missed call is a callback');
    assert.equal(callback.notes, 'Missed call');
    // Nothing rings any more: a second reject finds no call.
    assert.equal((await device(token, 'incoming/reject')).response.status, 404);
    // The agent is still available: a call they did not take is not a call of theirs.
    assert.equal((await as(agent, '/api/agents/me/status')).body.status.status, 'available');
  });

  it('out of hours a caller hears the configured message and is called back at the opening', async () => {
    const { lead, phone } = await knownCaller('Inbound test four');
    const message = 'We are closed today. We will ring you tomorrow morning.';
    const bad = await as(admin, '/api/settings', { method: 'PUT', json: { settings: { 'inbound.outOfHoursMessage': ' ' } } });
    assertErrorEnvelope(bad, { status: 400, code: 'invalid_argument', field: 'inbound.outOfHoursMessage' });
    const set = await as(admin, '/api/settings', { method: 'PUT', json: { settings: { 'inbound.outOfHoursMessage': message } } });
    assert.equal(set.response.status, 200, JSON.stringify(set.body));
    assert.equal((await post(admin, '/api/testing/clock', { now: SUNDAY_11 })).response.status, 200);
    try {
      const call = await customerRings(phone);
      assert.match(call.answer, new RegExp(`<Say>${message}</Say>`));
      const callback = await teamCallbackFor(lead.userId);
      assert.ok(callback, 'a callback for the opening');
      assert.equal(callback.notes, 'Called out of hours');
      assert.ok(Date.parse(callback.scheduledFor) > Date.parse(SUNDAY_11));
    } finally {
      await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 });
    }
  });
});
