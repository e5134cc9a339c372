// Texts and magic links through HTTP only, on the built-in stand-in: the gate queues a text (or
// refuses it with every reason), the sender hands it to the provider, and the signed delivery
// reports the stand-in sends move it to delivered; unsigned reports get 403, bad input a 400
// naming the field. A magic link arrives in a text; its click redirects with a JWT that the test
// verifies as the platform would (jsonwebtoken), and a forged or expired one is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import jwt from 'jsonwebtoken';
import twilio from 'twilio';

import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { textedLinkToken } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-sms-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const LINK_SECRET = 'e2e-magic-link-secret-0123456789abcdef';
const PLATFORM = 'https://claims.example.test';

describe('texts and magic links: the gate, the outbox, signed reports, verifiable assertions', () => {
  let server;
  let agent;
  let admin;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  /** Has the agent hold a customer whose number is of `type`. */
  const holdCustomerWith = (type) => holdCustomerWithPhone(server.url, agent, type);


  before(async () => {
    server = await startServer(
      {
        ENABLE_TEST_ENDPOINTS: 'true',
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        MAGIC_LINK_SECRET: LINK_SECRET,
        MAIN_APP_URL: PLATFORM,
      },
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

  it('has no settings for an admin to change on the defaults', async () => {
    const { response, body } = await as(admin, '/api/admin/warnings');
    assert.equal(response.status, 200);
    assert.deepEqual(body.warnings, []);
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

  it('sends a magic link whose click lands on the platform with an assertion it can verify', async () => {
    const lead = await holdCustomerWith('mobile');
    const created = await post(agent, '/api/magic-links', { userId: lead.userId, type: 'documentUpload' });
    assert.equal(created.response.status, 201, JSON.stringify(created.body));
    const link = created.body.magicLink;
    assert.equal(link.status, 'active');
    assert.equal(link.clickCount, 0);

    // The customer's phone: the stand-in's copy of the text.
    const prefix = `${server.url}/l/`;
    const token = await textedLinkToken(server.url, AUTH_TOKEN);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);

    const click = await fetch(`${prefix}${token}`, { redirect: 'manual', headers: { 'User-Agent': 'e2e-phone' } });
    assert.equal(click.status, 302);
    const location = new URL(click.headers.get('location'));
    assert.equal(`${location.origin}${location.pathname}`, `${PLATFORM}/documents`);
    const assertion = location.searchParams.get('assertion');
    // As the platform verifies it: the shared secret, HS256 only, on its clock (the server's
    // clock is pinned to the test's Wednesday).
    const at = Date.parse(WEDNESDAY_11) / 1000;
    const verify = (token, secret = LINK_SECRET, clockTimestamp = at) =>
      jwt.verify(token, secret, { algorithms: ['HS256'], clockTimestamp });
    const claims = verify(assertion);
    assert.equal(claims.iat, at);
    assert.equal(claims.sub, lead.userId);
    assert.equal(claims.typ, 'documentUpload');
    assert.equal(claims.exp - claims.iat, 300);
    assert.match(claims.jti, /^[A-Za-z0-9_-]{43}$/);
    assert.throws(() => verify(assertion, `${LINK_SECRET}x`), /invalid signature/);
    const [header, , signature] = assertion.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${signature}`;
    assert.throws(() => verify(forged), /invalid signature/);
    assert.throws(() => verify(assertion, LINK_SECRET, claims.exp + 1), /jwt expired/);

    const listed = await as(agent, `/api/magic-links?userId=${lead.userId}`);
    const opened = listed.body.magicLinks.find((l) => l.id === link.id);
    assert.equal(opened.clickCount, 1);
    assert.ok(opened.firstOpenedAt);

    const revoked = await post(agent, `/api/magic-links/${link.id}/revoke`);
    assert.equal(revoked.response.status, 200, JSON.stringify(revoked.body));
    assert.equal(revoked.body.magicLink.status, 'revoked');
    const late = await fetch(`${prefix}${token}`, { redirect: 'manual' });
    assert.equal(late.status, 410);
    assert.equal(late.headers.get('location'), null);
    assert.match(late.headers.get('content-type'), /text\/html/);
    assert.match(await late.text(), /no longer active/);
    const unknown = await fetch(`${prefix}${'A'.repeat(43)}`, { redirect: 'manual' });
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /could not find this link/);

    assertErrorEnvelope(await post(agent, '/api/magic-links', { userId: lead.userId, type: 'portal' }), {
      status: 400,
      code: 'invalid_argument',
      field: 'type',
    });
  });
});
