// The next-lead path, callbacks, suppression and the support endpoints (docs/api.md "Queues",
// "Callbacks", "Suppression", "Support and operations"), through HTTP only. The queues are filled
// by `dialler discover --full` against the same databases; the server's clock is pinned inside the
// calling window (Wednesday 2026-11-04 11:00 GMT) so the result does not depend on when CI runs.
// The tests in this file share one server and run in order; each leaves no lead held.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const THURSDAY_11 = '2026-11-05T11:00:00Z'; // a valid callback time (future, inside the window)
const SUNDAY_11 = '2026-11-08T11:00:00Z'; // the window is closed all day
const MONDAY_08 = '2026-11-09T08:00:00Z'; // when it opens again
const QUEUES = ['unsigned', 'outstanding', 'callbacks'];
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SECOND_AGENT = Object.freeze({
  email: 'agent2@demo.local',
  password: 'e2e-second-agent-password',
});

describe('queues, callbacks and suppression', () => {
  let server;
  let admin;
  let agent;
  let agent2;
  let supervisor;
  let queueBeforeDiscovery;

  /** A request as a logged-in user (session cookie and, unless `csrf: false`, the CSRF header). */
  function as(user, pathname, { method = 'GET', json, csrf = true } = {}) {
    const headers = { Cookie: user.cookie };
    if (csrf && user.csrfToken !== undefined) headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}, options = {}) =>
    as(user, pathname, { ...options, method: 'POST', json });
  const next = (user, json = {}) => post(user, '/api/queue/next', json);
  const lead = (userId, action) => `/api/queue/leads/${encodeURIComponent(userId)}/${action}`;
  const outcome = (user, userId, json) => post(user, lead(userId, 'outcome'), json);

  async function pinClock(now) {
    const result = await post(admin, '/api/testing/clock', { now });
    assert.equal(result.response.status, 200, `pin the clock: ${JSON.stringify(result.body)}`);
    assert.equal(Date.parse(result.body.now), Date.parse(now), 'the clock answer echoes the time');
  }

  /** next must hand out a customer; returns the lead. */
  async function takeLead(user, label = 'next') {
    const result = await next(user);
    assert.equal(result.response.status, 200, `${label}: ${JSON.stringify(result.body)}`);
    assert.ok(result.body.lead, `${label}: expected a lead, got ${JSON.stringify(result.body)}`);
    return result.body.lead;
  }

  /** Gives a held customer back; a 409 (not held) is fine here, anything else is not. */
  async function releaseQuietly(user, userId) {
    if (userId === undefined) return;
    const { response, body } = await post(user, lead(userId, 'release'));
    assert.ok([200, 409].includes(response.status), `release: ${JSON.stringify(body)}`);
  }

  async function loginAs({ email, password }) {
    const result = await login(server.url, email, password);
    assert.equal(result.response.status, 200, `login ${email}: ${JSON.stringify(result.body)}`);
    assert.ok(result.cookie && result.csrfToken, `login ${email} gave a cookie and a token`);
    return result;
  }

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' }, { demoUsers: 300 });

    // A second plain agent for the concurrency test (the password is read from stdin).
    const added = await server.runCli(
      ['agents', 'add', '--email', SECOND_AGENT.email, '--name', 'E2E Agent Two'],
      { input: `${SECOND_AGENT.password}\n` },
    );
    assert.equal(added.code, 0, `agents add: ${added.stdout}\n${added.stderr}`);

    [admin, agent, agent2, supervisor] = await Promise.all([
      loginAs(DEMO_USERS.admin),
      loginAs(DEMO_USERS.agent),
      loginAs(SECOND_AGENT),
      loginAs(DEMO_USERS.supervisor),
    ]);
    await pinClock(WEDNESDAY_11);

    queueBeforeDiscovery = await as(agent, '/api/queue');
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(
      discovered.code,
      0,
      `discover --full: ${discovered.stdout}\n${discovered.stderr}\n${server.output()}`,
    );
  });

  after(async () => {
    await server?.stop();
  });

  it('GET /api/queue: empty before discovery, filled after; callableNow <= total', async () => {
    const { status } = queueBeforeDiscovery.response;
    assert.equal(status, 200, JSON.stringify(queueBeforeDiscovery.body));
    const totalBefore = queueBeforeDiscovery.body.queues.reduce((sum, q) => sum + q.total, 0);
    assert.equal(totalBefore, 0, `before discovery: ${JSON.stringify(queueBeforeDiscovery.body)}`);

    const { response, body } = await as(agent, '/api/queue');
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.ok(Array.isArray(body.queues) && body.queues.length > 0, JSON.stringify(body));
    let total = 0;
    for (const q of body.queues) {
      assert.ok(QUEUES.includes(q.queue), `unknown queue ${q.queue}`);
      assert.ok(Number.isInteger(q.total) && q.total >= 0, `${q.queue}.total: ${q.total}`);
      assert.ok(
        Number.isInteger(q.callableNow) && q.callableNow >= 0 && q.callableNow <= q.total,
        `${q.queue}: callableNow ${q.callableNow} vs total ${q.total}`,
      );
      assert.ok(
        q.nextCallableAt === null || RFC3339_UTC.test(q.nextCallableAt),
        `${q.queue}.nextCallableAt: ${q.nextCallableAt}`,
      );
      total += q.total;
    }
    assert.ok(total > 0, `the queues are empty after discovery: ${JSON.stringify(body)}`);
    const callbacks = body.queues.find((q) => q.queue === 'callbacks');
    assert.ok(callbacks, `a callbacks row: ${JSON.stringify(body.queues)}`);
    assert.ok(Number.isInteger(callbacks.dueNow) && Number.isInteger(callbacks.laterToday));
    assert.equal(callbacks.total, callbacks.dueNow + callbacks.laterToday);

    // Every role may read the counts; without a session it is 401.
    for (const user of [supervisor, admin]) {
      assert.equal((await as(user, '/api/queue')).response.status, 200);
    }
    assertErrorEnvelope(await request(server.url, '/api/queue'), {
      status: 401,
      code: 'unauthenticated',
    });
  });

  it('POST /api/testing/clock is admin-only (403 for an agent and a supervisor)', async () => {
    for (const user of [agent, supervisor]) {
      assertErrorEnvelope(await post(user, '/api/testing/clock', { now: SUNDAY_11 }), {
        status: 403,
        code: 'permission_denied',
      });
    }
    // The clock did not move: next still hands out a lead (it would not on a Sunday).
    const held = await takeLead(agent);
    await releaseQuietly(agent, held.userId);
  });

  describe('one call, from next lead to the outcome', () => {
    let first; // the lead the agent holds through these tests
    let second;

    after(async () => {
      await releaseQuietly(agent, first?.userId);
      await releaseQuietly(agent, second?.userId);
    });

    it('next hands out a lead with the documented shape and a masked phone', async () => {
      const result = await next(agent);
      assert.equal(result.response.status, 200, JSON.stringify(result.body));
      first = result.body.lead;
      assert.ok(first, `expected a lead: ${JSON.stringify(result.body)}`);

      assert.equal(typeof first.userId, 'string');
      assert.match(first.userId, /^[1-9]\d*$/);
      assert.ok(QUEUES.includes(first.queue), `queue: ${first.queue}`);
      assert.ok(Array.isArray(first.whyInQueue) && first.whyInQueue.length > 0, 'whyInQueue');
      for (const why of first.whyInQueue) {
        assert.equal(typeof why.code, 'string');
        assert.equal(typeof why.text, 'string');
        assert.ok(why.text.length > 0, 'whyInQueue text is empty');
      }
      assert.match(first.leaseExpiresAt, RFC3339_UTC);
      assert.ok(
        Date.parse(first.leaseExpiresAt) > Date.parse(WEDNESDAY_11),
        `the lease ends after the pinned now: ${first.leaseExpiresAt}`,
      );
      assert.equal(typeof first.score?.total, 'number');
      assert.ok(Array.isArray(first.score.components) && first.score.components.length > 0);
      for (const component of first.score.components) {
        assert.equal(typeof component.name, 'string');
        assert.equal(typeof component.points, 'number');
      }
      assert.ok(Array.isArray(first.claims), 'claims');
      assert.equal(typeof first.history, 'object');

      const masked = first.customer?.phone?.masked;
      assert.equal(typeof masked, 'string', `customer.phone: ${JSON.stringify(first.customer)}`);
      assert.match(masked, /•/, `the phone is not masked: ${masked}`);
      assert.doesNotMatch(masked, /(?:\d[\s-]*){7,}/, `too many digits in the masked phone`);
      // No full phone number anywhere in the body.
      assert.doesNotMatch(result.text, /\d{9,}/, 'a 9+ digit run in the next-lead body');
    });

    it('next again returns the customer the agent already holds', async () => {
      const again = await takeLead(agent, 'second next');
      assert.equal(again.userId, first.userId);
    });

    it('heartbeat extends the lease and returns leaseExpiresAt', async () => {
      const { response, body } = await post(agent, lead(first.userId, 'heartbeat'));
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.match(body.leaseExpiresAt, RFC3339_UTC);
      assert.ok(Date.parse(body.leaseExpiresAt) > Date.parse(WEDNESDAY_11), body.leaseExpiresAt);
    });

    it('outcome without the CSRF header (or with a wrong one) is 403', async () => {
      assertErrorEnvelope(
        await outcome({ ...agent, csrfToken: undefined }, first.userId, { outcome: 'no_answer' }),
        { status: 403, code: 'permission_denied' },
      );
      assertErrorEnvelope(
        await outcome({ ...agent, csrfToken: `${agent.csrfToken}x` }, first.userId, {
          outcome: 'no_answer',
        }),
        { status: 403, code: 'permission_denied' },
      );
    });

    it('outcome with an unknown outcome code is 400 naming outcome', async () => {
      assertErrorEnvelope(await outcome(agent, first.userId, { outcome: 'teleported' }), {
        status: 400,
        code: 'invalid_argument',
        field: 'outcome',
      });
      assertErrorEnvelope(await outcome(agent, first.userId, {}), {
        status: 400,
        code: 'invalid_argument',
        field: 'outcome',
      });
    });

    it('call_back needs callbackAt in the future and inside the calling window (400 callbackAt)', async () => {
      const cases = [
        { label: 'missing', body: { outcome: 'call_back' } },
        { label: 'a Sunday', body: { outcome: 'call_back', callbackAt: SUNDAY_11 } },
        { label: 'the past', body: { outcome: 'call_back', callbackAt: '2026-11-03T11:00:00Z' } },
        { label: 'an evening', body: { outcome: 'call_back', callbackAt: '2026-11-05T22:00:00Z' } },
      ];
      for (const { label, body } of cases) {
        const result = await outcome(agent, first.userId, body);
        assert.equal(result.response.status, 400, `${label}: ${JSON.stringify(result.body)}`);
        assertErrorEnvelope(result, { status: 400, code: 'invalid_argument', field: 'callbackAt' });
      }
    });

    it('do_not_contact without notes is 400 naming notes', async () => {
      assertErrorEnvelope(await outcome(agent, first.userId, { outcome: 'do_not_contact' }), {
        status: 400,
        code: 'invalid_argument',
        field: 'notes',
      });
    });

    it('the rejected outcomes did not release the customer', async () => {
      const again = await takeLead(agent);
      assert.equal(again.userId, first.userId);
    });

    it('another user (a supervisor) cannot record an outcome for a customer the agent holds (409)', async () => {
      assertErrorEnvelope(await outcome(supervisor, first.userId, { outcome: 'no_answer' }), {
        status: 409,
        code: 'failed_precondition',
      });
      // ...nor take them: the supervisor's next lead is someone else.
      const other = await takeLead(supervisor, 'supervisor next');
      assert.notEqual(other.userId, first.userId);
      await releaseQuietly(supervisor, other.userId);
    });

    it('a valid call_back is 201 and appears in GET /api/callbacks?scope=mine', async () => {
      const result = await outcome(agent, first.userId, {
        outcome: 'call_back',
        callbackAt: THURSDAY_11,
        notes: 'e2e: ring back on Thursday',
      });
      assert.equal(result.response.status, 201, JSON.stringify(result.body));
      assert.equal(result.body.outcome?.outcome, 'call_back', JSON.stringify(result.body));
      assert.equal(result.body.outcome?.userId, first.userId);

      const mine = await as(agent, '/api/callbacks?scope=mine');
      assert.equal(mine.response.status, 200, JSON.stringify(mine.body));
      const callback = mine.body.callbacks.find((c) => c.userId === first.userId);
      assert.ok(callback, `no callback for ${first.userId}: ${JSON.stringify(mine.body)}`);
      assert.equal(typeof callback.id, 'string');
      assert.equal(Date.parse(callback.scheduledFor), Date.parse(THURSDAY_11));
      assert.equal(callback.agentId, agent.body.agent.id);

      // It is the agent's callback, not the supervisor's.
      const theirs = await as(supervisor, '/api/callbacks?scope=mine');
      assert.equal(theirs.response.status, 200, JSON.stringify(theirs.body));
      assert.ok(!theirs.body.callbacks.some((c) => c.userId === first.userId), 'in supervisor mine');
    });

    it('after the outcome the lease is gone: a second outcome (any user) is 409', async () => {
      for (const user of [agent, supervisor]) {
        assertErrorEnvelope(await outcome(user, first.userId, { outcome: 'no_answer' }), {
          status: 409,
          code: 'failed_precondition',
        });
      }
    });

    it('next after the outcome hands out a different customer', async () => {
      second = await takeLead(agent);
      assert.notEqual(second.userId, first.userId);
    });

    it('release gives the customer back unchanged; release/heartbeat/outcome when not held are 409', async () => {
      const released = await post(agent, lead(second.userId, 'release'));
      assert.equal(released.response.status, 200, JSON.stringify(released.body));

      for (const action of ['release', 'heartbeat', 'skip']) {
        assertErrorEnvelope(await post(agent, lead(second.userId, action)), {
          status: 409,
          code: 'failed_precondition',
        });
      }
      assertErrorEnvelope(await outcome(agent, second.userId, { outcome: 'no_answer' }), {
        status: 409,
        code: 'failed_precondition',
      });

      // Unchanged: with the clock pinned, the same customer is the best one again.
      const again = await takeLead(agent);
      assert.equal(again.userId, second.userId);
    });

    it('skip gives the customer back for later: next hands out someone else; skip again is 409', async () => {
      const skipped = await post(agent, lead(second.userId, 'skip'));
      assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
      assertErrorEnvelope(await post(agent, lead(second.userId, 'skip')), {
        status: 409,
        code: 'failed_precondition',
      });

      const third = await takeLead(agent);
      assert.notEqual(third.userId, second.userId, 'the skipped customer came straight back');
      assert.notEqual(third.userId, first.userId);
      await releaseQuietly(agent, third.userId);
    });

    it('the other user cannot heartbeat, skip or release a customer the agent holds (409)', async () => {
      const held = await takeLead(agent);
      try {
        for (const action of ['heartbeat', 'skip', 'release']) {
          assertErrorEnvelope(await post(supervisor, lead(held.userId, action)), {
            status: 409,
            code: 'failed_precondition',
          });
        }
        // Still the agent's.
        assert.equal((await takeLead(agent)).userId, held.userId);
      } finally {
        await releaseQuietly(agent, held.userId);
      }
    });
  });

  it('outside the calling window (a Sunday) next returns lead null with nextCallableAt Monday 08:00', async () => {
    await pinClock(SUNDAY_11);
    try {
      const { response, body } = await next(agent);
      assert.equal(response.status, 200, JSON.stringify(body));
      assert.equal(body.lead, null, `a lead was handed out on a Sunday: ${JSON.stringify(body)}`);
      assert.equal(body.reason, 'outside_calling_window');
      assert.match(body.nextCallableAt ?? '', RFC3339_UTC);
      assert.equal(Date.parse(body.nextCallableAt), Date.parse(MONDAY_08), body.nextCallableAt);
    } finally {
      await pinClock(WEDNESDAY_11);
    }
    // And inside the window again afterwards.
    const held = await takeLead(agent, 'next after the clock is back on Wednesday');
    await releaseQuietly(agent, held.userId);
  });

  it('GET /api/calling-hours gives the open hours ahead, for every role; bad days is a 400', async () => {
    await pinClock(SUNDAY_11);
    try {
      for (const user of [agent, supervisor, admin]) {
        const { response, body } = await as(user, '/api/calling-hours?days=2');
        assert.equal(response.status, 200, JSON.stringify(body));
        assert.equal(body.timeZone, 'Europe/London');
        assert.equal(Date.parse(body.now), Date.parse(SUNDAY_11));
        // Sunday is closed all day: only Monday's hours, from 08:00 to 20:00 (GMT in November).
        assert.deepEqual(body.hours, [
          { opensAt: MONDAY_08, closesAt: '2026-11-09T20:00:00Z' },
        ]);
      }
    } finally {
      await pinClock(WEDNESDAY_11);
    }
    // Inside the window, today's hours start now; the default covers two weeks.
    const { body } = await as(agent, '/api/calling-hours');
    assert.equal(Date.parse(body.hours[0].opensAt), Date.parse(WEDNESDAY_11));
    assert.equal(body.hours.length, 12, JSON.stringify(body.hours)); // 14 days less two Sundays
    for (const days of ['0', '32', 'x', '-1']) {
      assertErrorEnvelope(await as(agent, `/api/calling-hours?days=${days}`), {
        status: 400,
        code: 'invalid_argument',
        field: 'days',
      });
    }
    const anonymous = await request(server.url, '/api/calling-hours');
    assert.equal(anonymous.response.status, 401);
  });

  describe('GET /api/customers/:id/eligibility', () => {
    let userId;
    before(async () => {
      const held = await takeLead(agent);
      userId = held.userId;
      await releaseQuietly(agent, userId);
    });

    it('is 403 for an agent', async () => {
      assertErrorEnvelope(await as(agent, `/api/customers/${userId}/eligibility`), {
        status: 403,
        code: 'permission_denied',
      });
    });

    it('is 200 for a supervisor and an admin with queue, eligibility, gate and score', async () => {
      for (const user of [supervisor, admin]) {
        const { response, body, text } = await as(user, `/api/customers/${userId}/eligibility`);
        assert.equal(response.status, 200, JSON.stringify(body));
        for (const key of ['queue', 'eligibility', 'gate', 'score']) {
          assert.ok(key in body, `no "${key}" in ${JSON.stringify(body)}`);
        }
        assert.ok(QUEUES.includes(body.queue), `queue: ${body.queue}`);
        assert.ok(Array.isArray(body.eligibility.reasons), 'eligibility.reasons');
        assert.equal(typeof body.gate.allowed, 'boolean');
        assert.ok(Array.isArray(body.gate.denials), 'gate.denials');
        assert.equal(typeof body.score.total, 'number');
        assert.doesNotMatch(text, /\d{9,}/, 'a 9+ digit run in the eligibility body');
      }
    });

    it('agrees with `dialler queue show ID --json` on the queue and the eligibility', async () => {
      const { body } = await as(supervisor, `/api/customers/${userId}/eligibility`);
      const cli = await server.runCli(['queue', 'show', userId, '--json']);
      assert.equal(cli.code, 0, `queue show: ${cli.stdout}\n${cli.stderr}`);
      const shown = JSON.parse(cli.stdout);
      assert.equal(body.queue, shown.queue);
      assert.deepEqual(body.eligibility, shown.eligibility);
    });

    it('is 400 naming id for a non-numeric id', async () => {
      assertErrorEnvelope(await as(supervisor, '/api/customers/abc/eligibility'), {
        status: 400,
        code: 'invalid_argument',
        field: 'id',
      });
    });

    it('is 404 for an id that is not in the replica', async () => {
      assertErrorEnvelope(await as(supervisor, '/api/customers/987654321/eligibility'), {
        status: 404,
        code: 'not_found',
      });
    });
  });

  describe('GET /api/reports/data-quality', () => {
    it('lists customers left out for their phone, paged, for supervisors and admins', async () => {
      const first = await as(supervisor, '/api/reports/data-quality?limit=2');
      assert.equal(first.response.status, 200, JSON.stringify(first.body));
      assert.ok(first.body.customers.length > 0, 'the demo data has messy numbers');
      assert.ok(first.body.customers.length <= 2);
      for (const c of first.body.customers) {
        assert.match(c.userId, /^\d+$/);
        assert.ok(
          c.reasons.includes('no_valid_phone') || c.reasons.includes('not_uk_dialable'),
          JSON.stringify(c),
        );
      }
      if (first.body.next !== null) {
        const second = await as(admin, `/api/reports/data-quality?limit=2&after=${first.body.next}`);
        assert.equal(second.response.status, 200);
        for (const c of second.body.customers) assert.ok(Number(c.userId) > Number(first.body.next));
      }
      assert.equal((await as(agent, '/api/reports/data-quality')).response.status, 403);
      assertErrorEnvelope(await as(supervisor, '/api/reports/data-quality?limit=0'), {
        status: 400,
        code: 'invalid_argument',
        field: 'limit',
      });
      assertErrorEnvelope(await as(supervisor, '/api/reports/data-quality?limit=5000'), {
        status: 400,
        code: 'invalid_argument',
        field: 'limit',
      });
    });
  });

  it('a suppressed customer is never handed out again; only a supervisor may lift it', async () => {
    // The best customer right now: released unchanged, next would hand them out again.
    const target = (await takeLead(agent)).userId;
    await releaseQuietly(agent, target);

    const created = await post(agent, '/api/suppressions', {
      userId: target,
      channel: 'all',
      reason: 'e2e: asked not to be called',
    });
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    const suppression = created.body.suppression;
    assert.equal(typeof suppression?.id, 'string', JSON.stringify(created.body));
    assert.equal(suppression.userId, target);

    // Drain a few leads (next + outcome); the suppressed customer never comes up.
    const seen = [];
    for (let i = 0; i < 6; i += 1) {
      const taken = await takeLead(agent, `next #${i + 1} after the suppression`);
      seen.push(taken.userId);
      assert.notEqual(taken.userId, target, `suppressed customer ${target} was handed out`);
      const recorded = await outcome(agent, taken.userId, { outcome: 'no_answer' });
      assert.equal(recorded.response.status, 201, JSON.stringify(recorded.body));
    }
    assert.equal(new Set(seen).size, seen.length, `a customer came back: ${seen}`);
    // Nor to anyone else.
    const otherNext = await takeLead(agent2, 'agent2 next');
    assert.notEqual(otherNext.userId, target);
    await releaseQuietly(agent2, otherNext.userId);

    const removePath = `/api/suppressions/${encodeURIComponent(suppression.id)}/remove`;
    assertErrorEnvelope(await post(agent, removePath, { reason: 'e2e' }), {
      status: 403,
      code: 'permission_denied',
    });
    const removed = await post(supervisor, removePath, { reason: 'e2e: consent given again' });
    assert.equal(removed.response.status, 200, JSON.stringify(removed.body));

    // Kept, marked removed.
    const listed = await as(
      supervisor,
      `/api/suppressions?userId=${encodeURIComponent(target)}&includeRemoved=true`,
    );
    assert.equal(listed.response.status, 200, JSON.stringify(listed.body));
    const entry = listed.body.suppressions.find((s) => s.id === suppression.id);
    assert.ok(entry, `the removed entry is gone: ${JSON.stringify(listed.body)}`);
    assert.ok(entry.removedAt, `removedAt not set: ${JSON.stringify(entry)}`);
  });

  it('two agents working in parallel never receive the same customer', async () => {
    const cycles = 20;
    const work = async (user, label) => {
      const ids = [];
      for (let i = 0; i < cycles; i += 1) {
        const taken = await takeLead(user, `${label} next #${i + 1}`);
        ids.push(taken.userId);
        const recorded = await outcome(user, taken.userId, { outcome: 'no_answer' });
        assert.equal(
          recorded.response.status,
          201,
          `${label} outcome #${i + 1} for ${taken.userId}: ${JSON.stringify(recorded.body)}`,
        );
      }
      return ids;
    };
    const [first, second] = await Promise.all([work(agent, 'agent'), work(agent2, 'agent2')]);
    assert.equal(first.length, cycles);
    assert.equal(second.length, cycles);
    const shared = first.filter((id) => second.includes(id));
    assert.deepEqual(shared, [], 'customers handed to both agents');
    const all = [...first, ...second];
    assert.equal(new Set(all).size, all.length, `a customer was handed out twice: ${all}`);
  });
});
