// Finding a customer and their page, and the callbacks list, through HTTP only: a phone written
// the way people write it finds the customer stored in E.164; the page holds the customer's
// history with the number masked everywhere; "call now" hands the customer over only to one
// person at a time; callbacks are cancelled with a reason and given to others by supervisors.
// Bad input gets a 400 naming the field and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-customers-auth-token-01234567';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const THURSDAY_14 = '2026-11-05T14:00:00Z';

describe('customers: search, their page, call now, and callbacks', () => {
  let server;
  let agent;
  let supervisor;
  let admin;
  let customer; // { lead, phone } held by nobody once set up

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });
  const search = (user, q, page) =>
    as(user, `/api/customers?q=${encodeURIComponent(q)}${page === undefined ? '' : `&page=${page}`}`);

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN }, { demoUsers: 150 });
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    supervisor = await login(server.url, DEMO_USERS.supervisor.email, DEMO_USERS.supervisor.password);
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 })).response.status, 200);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
    const lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const phone = await numberByTexting(server.url, AUTH_TOKEN, agent, lead.userId, 'Hello from the claims team');
    const released = await post(agent, `/api/queue/leads/${lead.userId}/release`);
    assert.equal(released.response.status, 200, JSON.stringify(released.body));
    customer = { lead, phone };
  });

  after(async () => {
    await server?.stop();
  });

  it('finds the customer by a phone written as 07xxx xxxxxx, and by their number', async () => {
    const { phone, lead } = customer;
    assert.match(phone, /^\+447\d{9}$/);
    const national = `0${phone.slice(3, 7)} ${phone.slice(7)}`;
    for (const written of [national, phone, `+44 (0)${phone.slice(3, 7)}-${phone.slice(7)}`]) {
      const { response, body } = await search(agent, written);
      assert.equal(response.status, 200, JSON.stringify(body));
      const found = body.customers.find((c) => c.userId === lead.userId);
      assert.ok(found, `${written}: ${JSON.stringify(body)}`);
      assert.equal(found.queue, lead.queue);
      assert.equal(found.status, 'callable');
      assert.equal(found.phone.type, 'mobile');
      assert.ok(!JSON.stringify(body).includes(phone.slice(4)), 'the number is masked');
      assert.equal(body.page, 1);
      assert.equal(body.hasMore, false);
    }
    const byId = await search(agent, lead.userId);
    assert.deepEqual(
      byId.body.customers.map((c) => c.userId),
      [lead.userId],
    );
    const byName = await search(agent, lead.customer.lastName ?? lead.customer.firstName);
    assert.equal(byName.response.status, 200);
    assert.ok(byName.body.customers.some((c) => c.userId === lead.userId));
  });

  it('refuses searches it cannot run, naming the field', async () => {
    assertErrorEnvelope(await as(agent, '/api/customers'), { status: 400, code: 'invalid_argument', field: 'q' });
    assertErrorEnvelope(await search(agent, '   '), { status: 400, code: 'invalid_argument', field: 'q' });
    assertErrorEnvelope(await search(agent, 'x'.repeat(201)), { status: 400, code: 'invalid_argument', field: 'q' });
    assertErrorEnvelope(await search(agent, 'smith', 0), { status: 400, code: 'invalid_argument', field: 'page' });
    assertErrorEnvelope(await search(agent, 'smith', 'two'), { status: 400, code: 'invalid_argument', field: 'page' });
    const anonymous = await request(server.url, '/api/customers?q=smith');
    assert.equal(anonymous.response.status, 401);
  });

  it("shows the customer's page with their history, the gate's answer and no full number", async () => {
    const { lead, phone } = customer;
    const { response, body } = await as(supervisor, `/api/customers/${lead.userId}`);
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.lead.userId, lead.userId);
    assert.equal(body.lead.customer.firstName, lead.customer.firstName);
    assert.equal(body.status, 'callable');
    assert.equal(body.heldBy, null);
    assert.equal(body.eligibility.gate.allowed, true, JSON.stringify(body.eligibility.gate));
    const sms = body.timeline.filter((e) => e.kind === 'sms');
    assert.equal(sms.length, 1);
    assert.equal(sms[0].sms.direction, 'outbound');
    assert.equal(sms[0].sms.body, 'Hello from the claims team');
    for (let i = 1; i < body.timeline.length; i += 1) {
      assert.ok(body.timeline[i - 1].at >= body.timeline[i].at, 'newest first');
    }
    assert.ok(!JSON.stringify(body).includes(phone.slice(4)), 'the number is masked');

    assertErrorEnvelope(await as(agent, '/api/customers/99999999'), { status: 404, code: 'not_found' });
    assertErrorEnvelope(await as(agent, '/api/customers/abc'), { status: 400, code: 'invalid_argument', field: 'id' });
  });

  it('call now hands the customer to one person; the outcome books a callback the list names', async () => {
    const { lead } = customer;
    const taken = await post(agent, `/api/queue/leads/${lead.userId}/take`);
    assert.equal(taken.response.status, 200, JSON.stringify(taken.body));
    assert.equal(taken.body.lead.userId, lead.userId);
    const again = await post(agent, '/api/queue/next', {});
    assert.equal(again.body.lead.userId, lead.userId, 'Next customer returns the one taken');

    const seen = await as(supervisor, `/api/customers/${lead.userId}`);
    assert.equal(seen.body.status, 'held');
    assert.equal(seen.body.heldBy, agent.body.agent.id);
    assertErrorEnvelope(await post(supervisor, `/api/queue/leads/${lead.userId}/take`), {
      status: 409,
      code: 'failed_precondition',
    });
    // Holding one, the agent cannot take a second.
    assertErrorEnvelope(await post(agent, '/api/queue/leads/99999999/take'), {
      status: 409,
      code: 'failed_precondition',
    });

    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'call_back',
      callbackAt: THURSDAY_14,
      notes: 'after the school run',
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    const mine = await as(agent, '/api/callbacks?scope=mine');
    assert.equal(mine.body.now, WEDNESDAY_11, 'the server clock, pinned');
    const booked = mine.body.callbacks.find((c) => c.userId === lead.userId);
    assert.ok(booked, JSON.stringify(mine.body));
    assert.equal(booked.agentId, agent.body.agent.id);
    const name = [lead.customer.firstName, lead.customer.lastName].filter(Boolean).join(' ');
    assert.equal(booked.customerName, name || null);

    assertErrorEnvelope(await post(agent, '/api/queue/leads/99999999/take'), { status: 404, code: 'not_found' });
    assertErrorEnvelope(await post(agent, '/api/queue/leads/abc/take'), {
      status: 400,
      code: 'invalid_argument',
      field: 'userId',
    });

    const page = await as(agent, `/api/customers/${lead.userId}`);
    const kinds = new Set(page.body.timeline.map((e) => e.kind));
    assert.ok(kinds.has('outcome') && kinds.has('callback') && kinds.has('sms'), [...kinds].join());
    assert.equal(page.body.status, 'waiting');
    assert.equal(page.body.eligibility.gate.allowed, false);
  });

  it('callbacks: cancelled only with a reason, reassigned only by supervisors to floor staff', async () => {
    const { lead } = customer;
    const mine = await as(agent, '/api/callbacks?scope=mine');
    const booked = mine.body.callbacks.find((c) => c.userId === lead.userId && c.status === 'pending');
    assert.ok(booked);
    const agents = await as(agent, '/api/agents');
    assert.equal(agents.response.status, 200);
    assert.ok(agents.body.agents.every((a) => a.email === undefined), 'no emails for the floor');
    const supervisorId = agents.body.agents.find((a) => a.role === 'supervisor').id;
    const adminId = agents.body.agents.find((a) => a.role === 'admin').id;

    assertErrorEnvelope(await post(agent, `/api/callbacks/${booked.id}/cancel`, {}), {
      status: 400,
      code: 'invalid_argument',
      field: 'reason',
    });
    assertErrorEnvelope(await post(agent, `/api/callbacks/${booked.id}/reassign`, { agentId: supervisorId }), {
      status: 403,
      code: 'permission_denied',
    });
    for (const bad of [{ agentId: adminId }, { agentId: '99999' }, { agentId: 'x' }, {}]) {
      assertErrorEnvelope(await post(supervisor, `/api/callbacks/${booked.id}/reassign`, bad), {
        status: 400,
        code: 'invalid_argument',
        field: 'agentId',
      });
    }
    const unchanged = await as(agent, '/api/callbacks?scope=mine');
    assert.ok(unchanged.body.callbacks.some((c) => c.id === booked.id && c.agentId === agent.body.agent.id));

    const toTeam = await post(supervisor, `/api/callbacks/${booked.id}/reassign`, { agentId: null });
    assert.equal(toTeam.response.status, 200, JSON.stringify(toTeam.body));
    assert.equal(toTeam.body.callback.agentId, null);
    const team = await as(agent, '/api/callbacks?scope=team');
    assert.ok(team.body.callbacks.some((c) => c.id === booked.id && c.agentId === null));
    const back = await post(supervisor, `/api/callbacks/${booked.id}/reassign`, { agentId: agent.body.agent.id });
    assert.equal(back.body.callback.agentId, agent.body.agent.id);

    const cancelled = await post(agent, `/api/callbacks/${booked.id}/cancel`, { reason: 'Customer signed online' });
    assert.equal(cancelled.response.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.callback.status, 'cancelled');
    assert.equal(cancelled.body.callback.closedReason, 'Customer signed online');
    assertErrorEnvelope(await post(agent, `/api/callbacks/${booked.id}/cancel`, { reason: 'again' }), {
      status: 409,
      code: 'failed_precondition',
    });
  });
});
