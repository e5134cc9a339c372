// Texts customers send us, through HTTP only on the built-in stand-in: the stand-in texts our
// number and posts the signed webhook; the text lands in a conversation with its customer,
// unread for the floor; an agent answers it through the outbox; STOP suppresses texts for good
// (the provider's one confirmation, none from us) and START lifts it. Unsigned webhooks get 403,
// bad input a 400 naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting, standIn } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-inbox-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';

describe('conversations: texts from customers, answered under the contact rules', () => {
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
  const phoneTexts = async (to) => (await sim('/sim/messages')).body.messages.filter((m) => m.to === to);

  /** A customer with a mobile the agent holds, and their full number: texted once by the agent. */
  async function customerWithNumber(words) {
    const lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    return { lead, phone: await numberByTexting(server.url, AUTH_TOKEN, agent, lead.userId, words) };
  }

  /** The customer at `from` texts us; resolves when our webhook has answered. */
  async function customerTexts(from, body) {
    const sent = await sim('/sim/inbound/messages', { from, body });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    return eventually(async () => {
      const { body: record } = await sim(`/sim/inbound/messages/${sent.body.messageSid}`);
      return record.webhookStatus ? record : undefined;
    }, 'the webhook answered');
  }

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

  it('keeps a reply in the conversation of its customer, unread until read, and answers it', async () => {
    const { lead, phone } = await customerWithNumber('Hello, any questions about your claim?');
    await post(admin, '/api/testing/clock', { now: '2026-11-04T11:05:00Z' });  // the customer answers later
    const record = await customerTexts(phone, 'Yes - when will I hear back?');
    assert.equal(record.webhookStatus, 200);
    assert.match(record.answer, /<Response\/>/, 'nothing is texted back automatically');

    const listed = await as(agent, '/api/sms/conversations');
    assert.equal(listed.response.status, 200, JSON.stringify(listed.body));
    const conversation = listed.body.conversations.find((c) => c.userId === lead.userId);
    assert.ok(conversation, JSON.stringify(listed.body));
    assert.equal(conversation.unreadCount, 1);
    assert.equal(conversation.status, 'open');
    assert.equal(conversation.lastMessage, 'Yes - when will I hear back?');
    assert.notEqual(conversation.phone, phone, 'the number is masked');
    assert.ok(conversation.customerName, 'the customer is named');
    // The agent texted the number last: the conversation is theirs.
    assert.equal(conversation.assignedAgentId, agent.body.agent.id);
    assert.ok((await as(agent, '/api/sms/unread')).body.unread >= 1);

    // The customer's texts are one step from their record.
    const texts = await as(agent, `/api/sms/messages?userId=${lead.userId}`);
    assert.deepEqual(texts.body.conversation, { id: conversation.id, unreadCount: 1, status: 'open' });
    assert.equal((await as(admin, `/api/sms/messages?userId=${lead.userId}`)).body.conversation, null);

    const thread = await as(agent, `/api/sms/conversations/${conversation.id}/messages`);
    assert.equal(thread.response.status, 200);
    assert.deepEqual(
      thread.body.messages.map((m) => m.direction),
      ['outbound', 'inbound'],
    );
    assert.equal(thread.body.conversation.canReply, true);
    assert.equal(thread.body.conversation.optedOut, false);

    const read = await post(agent, `/api/sms/conversations/${conversation.id}/read`);
    assert.equal(read.body.conversation.unreadCount, 0);

    const reply = await post(agent, `/api/sms/conversations/${conversation.id}/messages`, {
      body: 'Within five working days.',
      idempotencyKey: 'e2e-inbox-reply-1',
    });
    assert.equal(reply.response.status, 201, JSON.stringify(reply.body));
    await eventually(
      async () => (await phoneTexts(phone)).some((m) => m.body === 'Within five working days.'),
      'the reply reaches the customer',
    );
    // Done with them: the next test's customer is another one.
    assert.equal((await post(agent, `/api/queue/leads/${lead.userId}/skip`)).response.status, 200);
  });

  it('turns STOP into a lasting suppression that blocks the next text, and START lifts it', async () => {
    const { lead, phone } = await customerWithNumber('Your documents are ready to sign.');
    const before = (await phoneTexts(phone)).length;
    await customerTexts(phone, ' stop ');
    await customerTexts(phone, 'STOP');

    // One confirmation, the provider's; none of ours.
    const after = await phoneTexts(phone);
    assert.equal(after.length - before, 1, JSON.stringify(after));
    assert.match(after.at(-1).body, /unsubscribed/);

    // Supervisors see the suppression; the next text is refused with the reason.
    const entries = await as(supervisor, `/api/suppressions?userId=${lead.userId}`);
    assert.equal(entries.response.status, 200, JSON.stringify(entries.body));
    const stops = entries.body.suppressions.filter((s) => s.source === 'sms_stop');
    assert.equal(stops.length, 1, JSON.stringify(entries.body));
    assert.equal(stops[0].channel, 'sms');
    const refused = await post(agent, '/api/sms/send', { userId: lead.userId, body: 'One more thing' });
    assert.equal(refused.response.status, 409, JSON.stringify(refused.body));
    assert.ok(refused.body.denials.some((d) => d.code === 'suppressed'), JSON.stringify(refused.body));

    const conversation = (await as(agent, '/api/sms/conversations')).body.conversations.find(
      (c) => c.userId === lead.userId,
    );
    const thread = await as(agent, `/api/sms/conversations/${conversation.id}/messages`);
    assert.equal(thread.body.conversation.optedOut, true);
    assert.equal(thread.body.conversation.canReply, false);
    assert.ok(thread.body.messages.some((m) => m.consent === 'opt_out'), JSON.stringify(thread.body));

    await customerTexts(phone, 'START');
    const lifted = await as(supervisor, `/api/suppressions?userId=${lead.userId}`);
    assert.equal(lifted.body.suppressions.filter((s) => s.source === 'sms_stop').length, 0);
    const allowed = await post(agent, '/api/sms/send', { userId: lead.userId, body: 'Welcome back' });
    assert.equal(allowed.response.status, 201, JSON.stringify(allowed.body));
  });

  it('keeps a text from a number nobody has, which cannot be answered from here', async () => {
    const stranger = '+447700900777';
    await customerTexts(stranger, 'please stop messaging me');
    const listed = await as(supervisor, '/api/sms/conversations');
    const conversation = listed.body.conversations.find((c) => c.userId === null && c.lastMessage.includes('messaging'));
    assert.ok(conversation, JSON.stringify(listed.body));
    assert.equal(conversation.needsAttention, true);
    const reply = await post(supervisor, `/api/sms/conversations/${conversation.id}/messages`, { body: 'Who is this?' });
    assertErrorEnvelope(reply, { status: 409, code: 'failed_precondition' });
    const closed = await post(supervisor, `/api/sms/conversations/${conversation.id}/close`);
    assert.equal(closed.body.conversation.status, 'closed');
    assert.equal(closed.body.conversation.needsAttention, false);
    const closedList = await as(supervisor, '/api/sms/conversations?status=closed');
    assert.ok(closedList.body.conversations.some((c) => c.id === conversation.id));
  });

  it('refuses unsigned webhooks, bad input and what a role may not do, changing nothing', async () => {
    const unsigned = await request(server.url, '/api/webhooks/twilio/sms', {
      method: 'POST',
      body: 'MessageSid=SMforged&From=%2B447700900123&Body=STOP',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(unsigned.response.status, 403);

    assertErrorEnvelope(await as(agent, '/api/sms/conversations?status=everything'), {
      status: 400,
      code: 'invalid_argument',
      field: 'status',
    });
    assertErrorEnvelope(await as(agent, '/api/sms/conversations/abc/messages'), {
      status: 400,
      code: 'invalid_argument',
      field: 'id',
    });
    assertErrorEnvelope(await as(agent, '/api/sms/conversations/999999/messages'), { status: 404, code: 'not_found' });

    await customerTexts('+447700900778', 'Hello?');
    const conversation = (await as(supervisor, '/api/sms/conversations')).body.conversations.find(
      (c) => c.lastMessage === 'Hello?',
    );
    assertErrorEnvelope(await post(agent, `/api/sms/conversations/${conversation.id}/assign`, {}), {
      status: 400,
      code: 'invalid_argument',
      field: 'agentId',
    });
    assertErrorEnvelope(
      await post(agent, `/api/sms/conversations/${conversation.id}/assign`, { agentId: supervisor.body.agent.id }),
      { status: 403, code: 'permission_denied' },
    );
    assertErrorEnvelope(
      await post(supervisor, `/api/sms/conversations/${conversation.id}/assign`, { agentId: '999999' }),
      { status: 400, code: 'invalid_argument', field: 'agentId' },
    );
    assertErrorEnvelope(
      await post(agent, `/api/sms/conversations/${conversation.id}/messages`, { body: '' }),
      { status: 400, code: 'invalid_argument', field: 'body' },
    );
    const unchanged = await as(supervisor, `/api/sms/conversations/${conversation.id}/messages`);
    assert.equal(unchanged.body.conversation.assignedAgentId, null);
    assert.equal(unchanged.body.messages.length, 1);
    // Admins do not work the floor's texts.
    assertErrorEnvelope(await as(admin, '/api/sms/conversations'), { status: 403, code: 'permission_denied' });
  });

  it('sends a template filled in for the customer, keeping its version, and lets only admins change templates', async () => {
    const created = await post(admin, '/api/sms/templates', {
      name: 'E2E check-in',
      kind: 'service',
      body: 'Hi {firstName}, {agentName} here - any questions about your claim?',
    });
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    const template = created.body.template;
    assert.equal(template.version, 1);
    assert.equal(template.active, true);

    const lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const preview = await as(agent, `/api/sms/templates/${template.id}/preview?userId=${lead.userId}`);
    assert.equal(preview.response.status, 200, JSON.stringify(preview.body));
    assert.doesNotMatch(preview.body.body, /\{/, 'every placeholder is filled in');
    assert.match(preview.body.body, /Demo Agent here/);

    const sent = await post(agent, '/api/sms/send', { userId: lead.userId, templateId: template.id });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.sms.body, preview.body.body);
    assert.equal(sent.body.sms.templateId, template.id);
    assert.equal(sent.body.sms.templateVersion, 1);
    await eventually(
      async () => (await sim('/sim/messages')).body.messages.some((m) => m.body === preview.body.body),
      'the customer gets the filled-in text',
    );

    const changed = await as(admin, `/api/sms/templates/${template.id}`, {
      method: 'PUT',
      json: { name: 'E2E check-in', kind: 'marketing', body: 'Hi {firstName}! Reply STOP to opt out', version: 1 },
    });
    assert.equal(changed.response.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.template.version, 2);
    const stale = await as(admin, `/api/sms/templates/${template.id}`, {
      method: 'PUT',
      json: { name: 'E2E check-in', kind: 'service', body: 'Hi', version: 1 },
    });
    assertErrorEnvelope(stale, { status: 409, code: 'failed_precondition', field: 'version' });
    const retired = await post(admin, `/api/sms/templates/${template.id}/retire`);
    assert.equal(retired.body.template.active, false);
    const listed = await as(agent, '/api/sms/templates');
    assert.ok(!listed.body.templates.some((t) => t.id === template.id), 'a retired template is not offered');
    assertErrorEnvelope(await post(agent, '/api/sms/send', { userId: lead.userId, templateId: template.id }), {
      status: 400,
      code: 'invalid_argument',
      field: 'templateId',
    });
    assert.equal((await post(admin, `/api/sms/templates/${template.id}/restore`)).body.template.active, true);
    assert.equal((await post(agent, `/api/queue/leads/${lead.userId}/skip`)).response.status, 200);
  });

  it('refuses a bad template or a bad send naming the field, and a template change from a non-admin', async () => {
    for (const [json, field] of [
      [{ name: 'Offer', kind: 'advert', body: 'Hi' }, 'kind'],
      [{ name: 'Offer', kind: 'marketing', body: 'Great rates!' }, 'body'],
      [{ name: 'Offer', kind: 'service', body: 'Hi {name}' }, 'body'],
      [{ name: '', kind: 'service', body: 'Hi' }, 'name'],
      [{ kind: 'service', body: 'Hi' }, 'name'],
    ]) {
      assertErrorEnvelope(await post(admin, '/api/sms/templates', json), { status: 400, code: 'invalid_argument', field });
    }
    assertErrorEnvelope(await post(admin, '/api/sms/templates', { name: 'Missed call', kind: 'service', body: 'Hi' }), {
      status: 409,
      code: 'already_exists',
      field: 'name',
    });
    assertErrorEnvelope(await post(agent, '/api/sms/templates', { name: 'Mine', kind: 'service', body: 'Hi' }), {
      status: 403,
      code: 'permission_denied',
    });
    const names = (await as(admin, '/api/sms/templates?includeRetired=true')).body.templates.map((t) => t.name);
    assert.ok(!names.includes('Offer') && !names.includes('Mine'), JSON.stringify(names));
    assertErrorEnvelope(await post(agent, '/api/sms/send', { userId: '1', templateId: '1', body: 'x' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'body',
    });
    assertErrorEnvelope(await post(agent, '/api/sms/send', { userId: '1', templateId: 'abc' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'templateId',
    });
  });
});
