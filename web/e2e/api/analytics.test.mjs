// Analytics through HTTP only (docs/metrics.md "Analytics"): two hand-made days with the clock
// pinned step by step, calls moved by webhooks signed as Twilio signs them, and every figure of
// the report checked against what the day was by hand; each table's CSV is the JSON's rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { textedLinkToken } from '../support/stand-in.mjs';
import { customerLegStatus, signedWebhook } from '../support/twilio-webhooks.mjs';

const AUTH_TOKEN = 'e2e-analytics-auth-token-0123456789';
const MONDAY_9 = '2026-11-02T09:00:00Z'; // November: UK time is UTC
const TUESDAY_14 = '2026-11-03T14:00:00Z';
const plus = (base, seconds) => new Date(Date.parse(base) + seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('analytics: every figure of a hand-made two days', () => {
  let server;
  let admin;
  let agent;
  let supervisor;
  /** How many leads discovery put in a queue (Monday 09:00), and the three customers called. */
  let inQueue;
  const called = [];
  /** The customer texted a magic link on Monday (never called for it), who opens it. */
  let texted;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const pin = async (now) => assert.equal((await post(admin, '/api/testing/clock', { now })).response.status, 200);
  async function status(wanted, reason) {
    const r = await as(agent, '/api/agents/me/status', { method: 'PUT', json: { status: wanted, reason } });
    assert.equal(r.response.status, 200, JSON.stringify(r.body));
  }

  const webhook = (pathname, params) => signedWebhook(server.url, AUTH_TOKEN, pathname, params);
  /** The customer's leg of the browser's call `parent` reports `status`, `sequence` × 5 s after `base`. */
  const legStatus = (parent, base, status, sequence) =>
    customerLegStatus(server.url, AUTH_TOKEN, { parent, base, status, sequence });

  /** Takes the next customer and calls them: the session with the browser's leg connected. */
  async function call(browserSid) {
    const next = await post(agent, '/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    assert.ok(next.body.lead, JSON.stringify(next.body));
    called.push(next.body.lead);
    const started = await post(agent, '/api/call-sessions', { userId: next.body.lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const identity = (await post(agent, '/api/telephony/token')).body.identity;
    const voice = await webhook('/api/webhooks/twilio/voice', {
      CallSid: browserSid,
      From: `client:${identity}`,
      To: '',
      sessionId: started.body.callSession.id,
    });
    assert.equal(voice.response.status, 200, voice.text);
    return { lead: next.body.lead, session: started.body.callSession };
  }

  async function outcome({ lead, session }, code) {
    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: code,
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
  }

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN }, { demoUsers: 120 });
    [admin, agent, supervisor] = await Promise.all(
      [DEMO_USERS.admin, DEMO_USERS.agent, DEMO_USERS.supervisor].map(async ({ email, password }) => {
        const result = await login(server.url, email, password);
        assert.equal(result.response.status, 200, JSON.stringify(result.body));
        return { ...result, agent: result.body.agent };
      }),
    );
    await pin(MONDAY_9);
    // On the pinned clock, so that every lead enters its queue on Monday at 09:00.
    const discovered = await post(admin, '/api/testing/jobs/discovery.full');
    assert.equal(discovered.response.status, 200, JSON.stringify(discovered.body));
    inQueue = discovered.body.result;
    assert.ok(inQueue > 3, `leads in a queue: ${inQueue}`);

    // Monday. 09:00 available; a call answered at 09:00:10, ended 09:00:15 (5 s of talk), the
    // outcome saved at 09:01:15 (15 s on the call, 60 s of wrap-up).
    await status('available');
    const first = await call('CAan1');
    for (const [s, sequence] of [['initiated', 0], ['ringing', 1], ['answered', 2]]) {
      await legStatus('CAan1', MONDAY_9, s, sequence);
    }
    await pin(plus(MONDAY_9, 15));
    await legStatus('CAan1', MONDAY_9, 'completed', 3);
    await pin(plus(MONDAY_9, 75));
    await outcome(first, 'might_complete');
    // 09:05 a magic link texted to another customer (a mobile), who opens it.
    await pin(plus(MONDAY_9, 300));
    texted = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const link = await post(agent, '/api/magic-links', { userId: texted.userId, type: 'documentUpload' });
    assert.equal(link.response.status, 201, JSON.stringify(link.body));
    const opened = await fetch(`${server.url}/l/${await textedLinkToken(server.url, AUTH_TOKEN)}`, { redirect: 'manual' });
    assert.equal(opened.status, 302);
    assert.equal((await post(agent, `/api/queue/leads/${texted.userId}/release`)).response.status, 200);
    // 09:30 a call nobody answers (20 s on it), no_answer saved at once.
    const halfPast = plus(MONDAY_9, 1800);
    await pin(halfPast);
    const second = await call('CAan2');
    await legStatus('CAan2', halfPast, 'ringing', 1);
    await pin(plus(halfPast, 20));
    await legStatus('CAan2', halfPast, 'no-answer', 2);
    await outcome(second, 'no_answer');
    // A lunch break 10:00-10:30, signed off at 11:00.
    await pin(plus(MONDAY_9, 3600));
    await status('break', 'lunch');
    await pin(plus(MONDAY_9, 5400));
    await status('available');
    await pin(plus(MONDAY_9, 7200));
    await status('offline');

    // Tuesday 14:00: one call nobody answers; the report is read at that moment.
    await pin(TUESDAY_14);
    await status('available');
    await call('CAan3');
    await legStatus('CAan3', TUESDAY_14, 'no-answer', 1);
  });

  after(async () => {
    await server?.stop();
  });

  const report = async (query, user = supervisor) => as(user, `/api/analytics?${query}`);

  it('counts the days, the hours and the outcomes', async () => {
    const { response, body } = await report('from=2026-11-02&to=2026-11-03');
    assert.equal(response.status, 200, JSON.stringify(body));
    const a = body.analytics;
    assert.equal(a.from, '2026-11-02');
    assert.equal(a.to, '2026-11-03');
    assert.equal(a.timeZone, 'Europe/London');
    assert.deepEqual(a.totals, { calls: 3, contacts: 1, contactRate: 1 / 3, talkSeconds: 5, conversions: 0 });
    assert.deepEqual(a.days, [
      { day: '2026-11-02', calls: 2, contacts: 1, contactRate: 0.5, talkSeconds: 5, conversions: 0 },
      { day: '2026-11-03', calls: 1, contacts: 0, contactRate: 0, talkSeconds: 0, conversions: 0 },
    ]);
    assert.equal(a.hours.length, 24);
    assert.deepEqual(a.hours[9], { hour: 9, calls: 2, contacts: 1, contactRate: 0.5 });
    assert.deepEqual(a.hours[14], { hour: 14, calls: 1, contacts: 0, contactRate: 0 });
    assert.deepEqual(
      a.hours.filter((h) => h.hour !== 9 && h.hour !== 14),
      a.hours.filter((h) => h.hour !== 9 && h.hour !== 14).map((h) => ({ ...h, calls: 0, contacts: 0, contactRate: null })),
    );
    const mix = Object.fromEntries(a.outcomes.map((o) => [o.outcome, o.calls]));
    assert.equal(mix.might_complete, 1);
    assert.equal(mix.no_answer, 1);
    assert.equal(Object.values(mix).reduce((n, c) => n + c, 0), 2); // the Tuesday call has none yet
    assert.ok('do_not_contact' in mix, 'every outcome is listed');
  });

  it("derives each agent's rates from their status timeline", async () => {
    const a = (await report('from=2026-11-02&to=2026-11-03')).body.analytics;
    const mine = a.agents.find((row) => row.agentId === agent.agent.id);
    // Signed in 09:00-11:00: on calls 15 s + 20 s, wrap-up 60 s, a 30-minute break.
    assert.deepEqual(mine, {
      agentId: agent.agent.id,
      name: agent.agent.displayName,
      calls: 3,
      contacts: 1,
      talkSeconds: 5,
      signedInSeconds: 7200,
      busySeconds: 95,
      callsPerHour: 1.5,
      talkPercent: 5 / 7200,
      averageGapSeconds: 1785, // 09:00:15 -> 09:30:00; Tuesday's one call has no gap
      utilisation: 95 / 7200,
      conversions: 0,
    });
    assert.deepEqual(
      a.statusTime.find((row) => row.agentId === agent.agent.id),
      {
        agentId: agent.agent.id,
        name: agent.agent.displayName,
        logins: 0, // they signed in before the range
        availableSeconds: 7200 - 95 - 1800,
        onCallSeconds: 35,
        wrapUpSeconds: 60,
        breakSeconds: 1800,
      },
    );
    const boss = a.agents.find((row) => row.agentId === supervisor.agent.id);
    assert.equal(boss.calls, 0);
    assert.equal(boss.signedInSeconds, 0);
    assert.equal(boss.callsPerHour, null);
    assert.equal(boss.averageGapSeconds, null);
    assert.equal(a.agents.find((row) => row.agentId === admin.agent.id), undefined);
    // Monday alone: the same agent, Tuesday's call left out.
    const monday = (await report('from=2026-11-02&to=2026-11-02')).body.analytics;
    assert.equal(monday.agents.find((row) => row.agentId === agent.agent.id).calls, 2);
    assert.equal(monday.days.length, 1);
  });

  it("serves each table's CSV as exactly the JSON's rows", async () => {
    const a = (await report('from=2026-11-02&to=2026-11-03')).body.analytics;
    for (const [file, key] of [
      ['days', 'days'],
      ['hours', 'hours'],
      ['outcomes', 'outcomes'],
      ['agents', 'agents'],
      ['status-time', 'statusTime'],
      ['funnel', 'funnel'],
      ['first-call', 'firstCall'],
      ['score-bands', 'scoreBands'],
    ]) {
      const r = await fetch(`${server.url}/api/analytics/${file}.csv?from=2026-11-02&to=2026-11-03`, {
        headers: { Cookie: supervisor.cookie },
      });
      assert.equal(r.status, 200, file);
      assert.match(r.headers.get('content-type'), /^text\/csv/);
      assert.equal(
        r.headers.get('content-disposition'),
        `attachment; filename="analytics-${file}-2026-11-02-to-2026-11-03.csv"`,
      );
      const lines = (await r.text()).split('\r\n');
      assert.equal(lines.pop(), '', 'ends with CRLF');
      const columns = lines[0].split(',');
      assert.deepEqual(columns, Object.keys(a[key][0]).sort());
      const rows = lines.slice(1).map((line) => line.split(','));
      assert.equal(rows.length, a[key].length, file);
      rows.forEach((cells, i) => {
        columns.forEach((column, c) => {
          const value = a[key][i][column];
          const cell = typeof value === 'number' ? Number(cells[c]) : cells[c];
          assert.equal(cell, value === null ? '' : value, `${file} row ${i} ${column}`);
        });
      });
    }
  });

  it('counts the funnel, the time to first call and the score bands of the leads entered', async () => {
    const a = (await report('from=2026-11-02&to=2026-11-03')).body.analytics;
    // The calls, each after the customer entered (Monday 09:00): at once (answered), 1800 s
    // later, and 29 hours later (Tuesday 14:00, perhaps to one of Monday's customers again).
    // Each customer entered once: their first call is their wait, any answer a contact.
    const waits = [0, 1800, 29 * 3600];
    const customers = new Map();
    called.forEach((lead, n) => {
      const seen = customers.get(lead.userId);
      customers.set(lead.userId, {
        lead,
        wait: Math.min(seen?.wait ?? Infinity, waits[n]),
        answered: (seen?.answered ?? false) || n === 0,
      });
    });
    const queues = ['unsigned', 'outstanding'];
    assert.deepEqual(a.funnel.map((row) => row.queue), queues);
    assert.deepEqual(a.firstCall.map((row) => row.queue), queues);
    assert.equal(a.funnel[0].entered + a.funnel[1].entered, inQueue);
    for (const [i, queue] of queues.entries()) {
      const mine = [...customers.values()].filter((c) => c.lead.queue === queue);
      const entered = a.funnel[i].entered;
      assert.deepEqual(a.funnel[i], {
        queue,
        entered,
        called: mine.length,
        contacted: mine.filter((c) => c.answered).length,
        linkSent: texted.queue === queue ? 1 : 0,
        linkOpened: texted.queue === queue ? 1 : 0,
        converted: 0,
      });
      const sorted = mine.map((c) => c.wait).sort((x, y) => x - y);
      const median =
        sorted.length === 0
          ? null
          : sorted.length % 2 === 1
            ? sorted[(sorted.length - 1) / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      const withinDay = mine.filter((c) => c.wait < 86400).length;
      assert.deepEqual(a.firstCall[i], {
        queue,
        entered,
        called: mine.length,
        calledWithinDay: withinDay,
        calledWithinDayShare: entered === 0 ? null : withinDay / entered,
        medianSecondsToFirstCall: median,
      });
    }
    // Nobody entered a queue on Tuesday.
    const tuesday = (await report('from=2026-11-03&to=2026-11-03')).body.analytics;
    assert.deepEqual(tuesday.funnel.map((row) => row.entered), [0, 0]);
    assert.deepEqual(tuesday.firstCall.map((row) => row.medianSecondsToFirstCall), [null, null]);

    // Score bands: each call by the score its lead had when it was called.
    const bandOf = (score) => (score >= 100 ? '100+' : `${Math.floor(score / 20) * 20}-${Math.floor(score / 20) * 20 + 19}`);
    const bands = ['0-19', '20-39', '40-59', '60-79', '80-99', '100+', 'none'];
    assert.deepEqual(a.scoreBands.map((row) => row.band), bands);
    for (const row of a.scoreBands) {
      const mine = called.map((lead, n) => ({ band: bandOf(lead.score.total), answered: n === 0 })).filter((c) => c.band === row.band);
      const contacts = mine.filter((c) => c.answered).length;
      assert.deepEqual(row, {
        band: row.band,
        calls: mine.length,
        contacts,
        contactRate: mine.length === 0 ? null : contacts / mine.length,
      });
    }
  });

  it('streams every call of the range as CSV, a row per call session', async () => {
    const r = await fetch(`${server.url}/api/analytics/calls.csv?from=2026-11-02&to=2026-11-03`, {
      headers: { Cookie: supervisor.cookie },
    });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    assert.equal(r.headers.get('transfer-encoding'), 'chunked');
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="analytics-calls-2026-11-02-to-2026-11-03.csv"');
    const lines = (await r.text()).split('\r\n');
    assert.equal(lines.pop(), '', 'ends with CRLF');
    const columns = lines[0].split(',');
    assert.deepEqual(columns.slice(0, 3), ['callId', 'direction', 'startedAt']);
    const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, c) => [columns[c], cell])));
    assert.equal(rows.length, 3);
    // Newest first: Tuesday's call, then Monday's two.
    assert.deepEqual(
      rows.map((row) => [row.customerId, row.startedAt, row.ukDay, row.ukHour, row.contact, row.talkSeconds, row.outcome, row.agentName]),
      [
        [called[2].userId, TUESDAY_14, '2026-11-03', '14', 'false', '0', '', agent.agent.displayName],
        [called[1].userId, plus(MONDAY_9, 1800), '2026-11-02', '9', 'false', '0', 'no_answer', agent.agent.displayName],
        [called[0].userId, MONDAY_9, '2026-11-02', '9', 'true', '5', 'might_complete', agent.agent.displayName],
      ],
    );
    for (const [n, row] of rows.entries()) {
      const lead = called[2 - n];
      assert.equal(row.leadScore, String(lead.score.total));
      assert.equal(row.direction, 'outbound');
      assert.equal(row.countsAsCall, 'true');
      assert.ok(!lines[n + 1].includes('+44'), 'no phone numbers');
    }
    // A day with no calls: the header alone.
    const empty = await fetch(`${server.url}/api/analytics/calls.csv?from=2026-11-05&to=2026-11-05`, {
      headers: { Cookie: supervisor.cookie },
    });
    assert.equal(await empty.text(), `${lines[0]}\r\n`);
    // Refused before anything is sent: a JSON error naming the field, and agents.
    assertErrorEnvelope(await as(supervisor, '/api/analytics/calls.csv?from=2026-11-02'), { status: 400, code: 'invalid_argument', field: 'to' });
    assertErrorEnvelope(await as(supervisor, '/api/analytics/calls.csv?from=2026-01-01&to=2026-12-31'), { status: 400, code: 'invalid_argument', field: 'to' });
    assertErrorEnvelope(await as(agent, '/api/analytics/calls.csv?from=2026-11-02&to=2026-11-03'), { status: 403, code: 'permission_denied' });
  });

  it('refuses bad ranges naming the field, and agents', async () => {
    assertErrorEnvelope(await report('to=2026-11-03'), { status: 400, code: 'invalid_argument', field: 'from' });
    assertErrorEnvelope(await report('from=2026-11-02&to=2026-13-01'), { status: 400, code: 'invalid_argument', field: 'to' });
    assertErrorEnvelope(await report('from=2026-11-03&to=2026-11-02'), { status: 400, code: 'invalid_argument', field: 'to' });
    assertErrorEnvelope(await report('from=2026-01-01&to=2026-04-30'), { status: 400, code: 'invalid_argument', field: 'to' });
    assertErrorEnvelope(await report('from=2026-11-02&to=2026-11-03', agent), { status: 403, code: 'permission_denied' });
    const csv = await as(agent, '/api/analytics/days.csv?from=2026-11-02&to=2026-11-03');
    assertErrorEnvelope(csv, { status: 403, code: 'permission_denied' });
  });
});
