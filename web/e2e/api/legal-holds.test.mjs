// Legal holds and the retention periods through HTTP only: an admin places a hold on a customer
// the dialler knows, lists it, releases it with a reason and finds it among the released ones;
// every refusal names its field (a bad or unknown customer, a second hold, a missing or too long
// reason), agents and supervisors are refused, and releasing twice is a 404. The retention job
// runs once per UK day (-1 when it already ran), and the periods refuse values outside 30-3650.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const HOLDS = '/api/admin/legal-holds';

describe('legal holds and retention: the admin API', () => {
  let server;
  let admin;
  let supervisor;
  let agent;
  /** Two customers discovery found, held by nobody. */
  let first;
  let second;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const invalid = (field) => ({ status: 400, code: 'invalid_argument', field });

  /** The customers the queue hands the agent next, each given back at once (skipped). */
  async function discoveredCustomers(count) {
    const found = [];
    while (found.length < count) {
      const next = await post(agent, '/api/queue/next');
      assert.equal(next.response.status, 200, JSON.stringify(next.body));
      assert.ok(next.body.lead, JSON.stringify(next.body));
      found.push(next.body.lead.userId);
      const skipped = await post(agent, `/api/queue/leads/${next.body.lead.userId}/skip`);
      assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
    }
    return found;
  }

  /** Pins the server's clock at `now` (RFC 3339). */
  async function pinClock(now) {
    const pinned = await post(admin, '/api/testing/clock', { now });
    assert.equal(pinned.response.status, 200, JSON.stringify(pinned.body));
  }

  const runRetention = async () => {
    const run = await post(admin, '/api/testing/jobs/retention.apply');
    assert.equal(run.response.status, 200, JSON.stringify(run.body));
    assert.equal(run.body.job, 'retention.apply');
    assert.equal(typeof run.body.result, 'number', JSON.stringify(run.body));
    return run.body.result;
  };

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' }, { demoUsers: 20 });
    [admin, supervisor, agent] = await Promise.all(
      [DEMO_USERS.admin, DEMO_USERS.supervisor, DEMO_USERS.agent].map(async (user) => {
        const session = await login(server.url, user.email, user.password);
        assert.equal(session.response.status, 200, JSON.stringify(session.body));
        return session;
      }),
    );
    await pinClock(WEDNESDAY_11);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
    [first, second] = await discoveredCustomers(2);
    assert.notEqual(first, second);
  });

  after(async () => {
    await server?.stop();
  });

  it('places a hold, lists it, releases it, and lists it among the released', async () => {
    const empty = await as(admin, HOLDS);
    assert.equal(empty.response.status, 200, JSON.stringify(empty.body));
    assert.deepEqual(empty.body.holds, []);

    const placed = await post(admin, HOLDS, {
      userId: first,
      reason: 'Complaint to the ombudsman',
    });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));
    const hold = placed.body.hold;
    assert.deepEqual(hold, {
      id: hold.id,
      userId: first,
      reason: 'Complaint to the ombudsman',
      active: true,
      placedBy: admin.body.agent.id,
      placedAt: WEDNESDAY_11,
      releasedBy: null,
      releasedAt: null,
      releaseReason: '',
    });
    assert.match(hold.id, /^[1-9]\d*$/);
    // The customer's page says so to managers; agents are not told why records are kept.
    for (const [user, expected] of [
      [admin, { id: hold.id, reason: 'Complaint to the ombudsman', placedAt: WEDNESDAY_11 }],
      [supervisor, { id: hold.id, reason: 'Complaint to the ombudsman', placedAt: WEDNESDAY_11 }],
      [agent, null],
    ]) {
      const page = await as(user, `/api/customers/${first}`);
      assert.equal(page.response.status, 200, JSON.stringify(page.body));
      assert.deepEqual(page.body.legalHold, expected);
    }
    const later = await post(admin, HOLDS, { userId: second, reason: 'Claim in court' });
    assert.equal(later.response.status, 201, JSON.stringify(later.body));

    const listed = await as(admin, `${HOLDS}?includeReleased=false`);
    assert.equal(listed.response.status, 200, JSON.stringify(listed.body));
    // Same instant (the clock is pinned): the newer hold, by id, comes first.
    assert.deepEqual(
      listed.body.holds.map((h) => [h.userId, h.active]),
      [
        [second, true],
        [first, true],
      ],
    );

    const released = await post(admin, `${HOLDS}/${hold.id}/release`, {
      reason: 'Complaint closed',
    });
    assert.equal(released.response.status, 200, JSON.stringify(released.body));
    assert.deepEqual(released.body.hold, {
      ...hold,
      active: false,
      releasedBy: admin.body.agent.id,
      releasedAt: WEDNESDAY_11,
      releaseReason: 'Complaint closed',
    });

    assert.equal((await as(admin, `/api/customers/${first}`)).body.legalHold, null);
    const inForce = await as(admin, HOLDS);
    assert.deepEqual(inForce.body.holds.map((h) => h.userId), [second]);
    const all = await as(admin, `${HOLDS}?includeReleased=true`);
    assert.equal(all.response.status, 200, JSON.stringify(all.body));
    assert.deepEqual(all.body.holds.find((h) => h.id === hold.id), released.body.hold);
    assert.equal(all.body.holds.length, 2);

    // Released, never deleted: the customer may be held again, as a new hold.
    const again = await post(admin, HOLDS, { userId: first, reason: 'A second complaint' });
    assert.equal(again.response.status, 201, JSON.stringify(again.body));
    assert.notEqual(again.body.hold.id, hold.id);

    // Both are in the audit log, by the admin and about the customer.
    for (const action of ['legal_hold.placed', 'legal_hold.released']) {
      const logged = await as(admin, `/api/audit?action=${action}&userId=${first}`);
      assert.equal(logged.response.status, 200, JSON.stringify(logged.body));
      assert.ok(
        logged.body.entries.some(
          (e) => e.actor?.agentId === admin.body.agent.id && e.details?.holdId === hold.id,
        ),
        `${action}: ${JSON.stringify(logged.body.entries)}`,
      );
    }
  });

  it('refuses a second hold, an unknown customer and bad input, naming the field', async () => {
    // `second` is under a hold from the test before.
    const count = (await as(admin, `${HOLDS}?includeReleased=true`)).body.holds.length;
    const duplicate = await post(admin, HOLDS, { userId: second, reason: 'Again' });
    assertErrorEnvelope(duplicate, { status: 409, code: 'already_exists', field: 'userId' });
    assert.match(duplicate.body.error.message, new RegExp(`customer ${second} .*legal hold`));

    const unknown = await post(admin, HOLDS, { userId: '999999999', reason: 'Complaint' });
    assertErrorEnvelope(unknown, { status: 404, code: 'not_found', field: 'userId' });
    assert.equal(unknown.body.error.message, 'no customer 999999999 is known to the dialler');

    const valid = { userId: first, reason: 'Complaint' };
    for (const [body, field] of [
      [{ reason: 'Complaint' }, 'userId'],
      [{ ...valid, userId: '' }, 'userId'],
      [{ ...valid, userId: 'abc' }, 'userId'],
      [{ ...valid, userId: '0' }, 'userId'],
      [{ ...valid, userId: '-5' }, 'userId'],
      [{ ...valid, userId: '12.5' }, 'userId'],
      [{ ...valid, userId: Number(first) }, 'userId'],
      [{ userId: second }, 'reason'],
      [{ ...valid, userId: second, reason: '' }, 'reason'],
      [{ ...valid, userId: second, reason: '   ' }, 'reason'],
      [{ ...valid, userId: second, reason: 'x'.repeat(2001) }, 'reason'],
    ]) {
      assertErrorEnvelope(await post(admin, HOLDS, body), invalid(field));
    }
    // 2000 characters pass the reason's checks: what refuses this one is the hold already on
    // `first` (placed again by the test before), which is checked after them.
    assertErrorEnvelope(await post(admin, HOLDS, { userId: first, reason: 'x'.repeat(2000) }), {
      status: 409,
      code: 'already_exists',
      field: 'userId',
    });

    assertErrorEnvelope(
      await as(admin, `${HOLDS}?includeReleased=yes`),
      invalid('includeReleased'),
    );
    assert.equal((await as(admin, `${HOLDS}?includeReleased=true`)).body.holds.length, count);
  });

  it('refuses a release without a reason, of an unknown hold, and a second time', async () => {
    const placed = (await as(admin, HOLDS)).body.holds.find((h) => h.userId === second);
    assert.ok(placed, 'the hold on the second customer');
    const release = (id, json) => post(admin, `${HOLDS}/${id}/release`, json);

    assertErrorEnvelope(await release(placed.id, {}), invalid('reason'));
    assertErrorEnvelope(await release(placed.id, { reason: ' \n ' }), invalid('reason'));
    assertErrorEnvelope(await release(placed.id, { reason: 'y'.repeat(2001) }), invalid('reason'));
    assertErrorEnvelope(await release('999999', { reason: 'Closed' }), {
      status: 404,
      code: 'not_found',
    });
    assert.equal((await as(admin, HOLDS)).body.holds.some((h) => h.id === placed.id), true);

    const released = await release(placed.id, { reason: 'Court case settled' });
    assert.equal(released.response.status, 200, JSON.stringify(released.body));
    assertErrorEnvelope(await release(placed.id, { reason: 'Court case settled' }), {
      status: 404,
      code: 'not_found',
    });
    const kept = (await as(admin, `${HOLDS}?includeReleased=true`)).body.holds.find(
      (h) => h.id === placed.id,
    );
    assert.equal(kept.releaseReason, 'Court case settled', 'the first release is the one kept');
  });

  it('is for admins only, and asks for the CSRF token', async () => {
    const [hold] = (await as(admin, HOLDS)).body.holds;
    assert.ok(hold, 'a hold in force to try to release');
    for (const user of [agent, supervisor]) {
      const forbidden = { status: 403, code: 'permission_denied' };
      assertErrorEnvelope(await as(user, HOLDS), forbidden);
      assertErrorEnvelope(await as(user, `${HOLDS}?includeReleased=true`), forbidden);
      assertErrorEnvelope(await post(user, HOLDS, { userId: second, reason: 'Mine' }), forbidden);
      assertErrorEnvelope(
        await post(user, `${HOLDS}/${hold.id}/release`, { reason: 'Mine' }),
        forbidden,
      );
    }
    assertErrorEnvelope(await request(server.url, HOLDS), {
      status: 401,
      code: 'unauthenticated',
    });
    const noToken = await request(server.url, HOLDS, {
      method: 'POST',
      json: { userId: second, reason: 'No token' },
      headers: { Cookie: admin.cookie },
    });
    assertErrorEnvelope(noToken, { status: 403, code: 'permission_denied' });
    assert.equal((await as(admin, HOLDS)).body.holds.length, 1, 'nothing changed');
  });

  it('runs the retention job once per UK day, and audits each run', async () => {
    // A day the job cannot have run on yet.
    await pinClock('2026-11-10T11:00:00Z');
    const cleared = await runRetention();
    assert.ok(cleared >= 0, `the first run of the day: ${cleared}`);
    assert.equal(await runRetention(), -1, 'the second run on the same UK day');

    // 23:30 GMT on the 10th is still the 10th in the UK; 00:30 on the 11th is another day.
    await pinClock('2026-11-10T23:30:00Z');
    assert.equal(await runRetention(), -1, 'later the same UK day');
    await pinClock('2026-11-11T00:30:00Z');
    assert.ok((await runRetention()) >= 0, 'the next UK day');

    const audit = await as(admin, '/api/audit?action=retention.applied');
    assert.equal(audit.response.status, 200, JSON.stringify(audit.body));
    // One entry per UK day it ran, named by that day.
    const runs = audit.body.entries.filter((e) =>
      ['2026-11-10', '2026-11-11'].includes(e.subjectId),
    );
    assert.deepEqual(
      runs.map((e) => e.subjectId),
      ['2026-11-11', '2026-11-10'],
      JSON.stringify(audit.body.entries),
    );
    for (const entry of runs) {
      assert.equal(entry.actor.kind, 'system', JSON.stringify(entry));
      assert.match(String(entry.details.textsSent), /^\d+$/, JSON.stringify(entry.details));
      assert.equal(entry.details.textDays, '2190', JSON.stringify(entry.details));
    }
    assertErrorEnvelope(await post(supervisor, '/api/testing/jobs/retention.apply'), {
      status: 403,
      code: 'permission_denied',
    });
  });

  it('has the retention periods as settings, each 30-3650 days', async () => {
    const { response, body } = await as(admin, '/api/settings');
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.deepEqual(
      Object.fromEntries(Object.entries(body.settings).filter(([key]) => /^retention\./.test(key))),
      {
        'retention.callDays': '2190',
        'retention.textDays': '2190',
        'retention.noteDays': '2190',
        'retention.linkClickDays': '365',
      },
    );

    const put = (settings) => as(admin, '/api/settings', { method: 'PUT', json: { settings } });
    for (const [key, value] of [
      ['retention.textDays', '29'],
      ['retention.textDays', '3651'],
      ['retention.callDays', '0'],
      ['retention.noteDays', 'six years'],
      ['retention.linkClickDays', '-30'],
    ]) {
      assertErrorEnvelope(await put({ [key]: value }), invalid(key));
    }
    assert.equal((await as(admin, '/api/settings')).body.settings['retention.textDays'], '2190');

    for (const value of ['30', '3650']) {
      const saved = await put({ 'retention.textDays': value });
      assert.equal(saved.response.status, 200, JSON.stringify(saved.body));
      assert.equal((await as(admin, '/api/settings')).body.settings['retention.textDays'], value);
    }
  });
});
