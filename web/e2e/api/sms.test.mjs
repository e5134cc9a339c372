// Texts through HTTP only, on the built-in stand-in: the gate queues a text (or refuses it with
// every reason), the sender hands it to the provider, and the signed delivery reports the
// stand-in sends move it to delivered; unsigned reports get 403, bad input a 400 naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import twilio from 'twilio';

import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const AUTH_TOKEN = 'e2e-sms-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';

describe('texts: the gate, the outbox, signed delivery reports', () => {
  let server;
  let agent;
  let admin;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  /** Takes next customers (skipping the others) until one has a number of `type`. */
  async function holdCustomerWith(type) {
    const seen = [];
    for (let i = 0; i < 40; i += 1) {
      const next = await post(agent, '/api/queue/next');
      assert.equal(next.response.status, 200, JSON.stringify(next.body));
      assert.ok(next.body.lead, JSON.stringify(next.body));
      seen.push(next.body.lead.customer.phone?.type);
      if (next.body.lead.customer.phone?.type === type) return next.body.lead;
      const skipped = await post(agent, `/api/queue/leads/${next.body.lead.userId}/skip`);
      assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
    }
    throw new Error(`no customer with a ${type} number among the first handed out: ${seen}`);
  }

  before(async () => {
    server = await startServer(
      { ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN },
      { demoUsers: 150 },
    );
    admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11 })).response.status, 200);
    const discovered = await server.runCli(['discover', '--full']);
    assert.equal(discovered.code, 0, discovered.stderr);
  });

  after(async () => {
    await server?.stop();
  });

  it('sends a text to a mobile and follows it to delivered', async () => {
    const lead = await holdCustomerWith('mobile');
    const sent = await post(agent, '/api/sms/send', {
      userId: lead.userId,
      body: '  Hello from the claims team  ',
      idempotencyKey: 'e2e-first-text',
    });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.sms.status, 'queued');
    assert.equal(sent.body.sms.body, 'Hello from the claims team');
    assert.doesNotMatch(sent.body.sms.to, /^\+44\d{10}$/, 'the number is masked');

    // The same request again is the same text.
    const again = await post(agent, '/api/sms/send', {
      userId: lead.userId,
      body: 'Hello from the claims team',
      idempotencyKey: 'e2e-first-text',
    });
    assert.equal(again.body.sms.id, sent.body.sms.id);

    const delivered = await eventually(async () => {
      const { body } = await as(agent, `/api/sms/messages?userId=${lead.userId}`);
      const text = body.messages?.find((m) => m.id === sent.body.sms.id);
      return text?.status === 'delivered' ? body.messages : undefined;
    }, 'the text is delivered');
    assert.equal(delivered.length, 1, JSON.stringify(delivered));
  });

  it('refuses a landline with the reason, and bad input naming the field', async () => {
    const lead = await holdCustomerWith('fixed_line');
    const refused = await post(agent, '/api/sms/send', { userId: lead.userId, body: 'Hello' });
    assertErrorEnvelope(refused, { status: 409, code: 'failed_precondition' });
    assert.ok(
      refused.body.denials.some((d) => d.code === 'not_a_mobile'),
      JSON.stringify(refused.body.denials),
    );
    const { body } = await as(agent, `/api/sms/messages?userId=${lead.userId}`);
    assert.deepEqual(body.messages, []);

    for (const [json, field] of [
      [{ body: 'Hello' }, 'userId'],
      [{ userId: lead.userId }, 'body'],
      [{ userId: lead.userId, body: '   ' }, 'body'],
      [{ userId: lead.userId, body: 'x'.repeat(919) }, 'body'],
      [{ userId: lead.userId, body: 'Hello', idempotencyKey: 'has spaces in it' }, 'idempotencyKey'],
      [{ userId: 'abc', body: 'Hello' }, 'userId'],
    ]) {
      assertErrorEnvelope(await post(agent, '/api/sms/send', json), {
        status: 400,
        code: 'invalid_argument',
        field,
      });
    }
    assertErrorEnvelope(await as(agent, '/api/sms/messages'), {
      status: 400,
      code: 'invalid_argument',
      field: 'userId',
    });
    const anonymous = await request(server.url, '/api/sms/send', {
      method: 'POST',
      json: { userId: lead.userId, body: 'Hello' },
    });
    assert.equal(anonymous.response.status, 401);
  });

  it('takes delivery reports only when signed, and never for a text it does not have', async () => {
    const pathname = '/api/webhooks/twilio/sms-status?id=999999';
    const params = { MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'delivered' };
    const post = (signature) =>
      request(server.url, pathname, {
        method: 'POST',
        body: new URLSearchParams(params).toString(),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature,
        },
      });
    assertErrorEnvelope(await post('forged'), { status: 403, code: 'permission_denied' });
    const signed = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${server.url}${pathname}`, params);
    assertErrorEnvelope(await post(signed), { status: 404, code: 'not_found' });
  });
});
