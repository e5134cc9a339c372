// `dialler twilio-sim`: the stand-in as a process of its own, and a dialler pointed at it with
// TWILIO_API_BASE_URL (as load tests run them): the call is placed on the stand-in's listener,
// the signed webhooks reach the dialler, and the dialler's REST reads (recording) reach the
// stand-in process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import twilio from 'twilio';

import { eventually, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer, standIn } from '../support/stand-in.mjs';

const AUTH_TOKEN = 'e2e-sim-process-auth-token-0123456789';
const WEDNESDAY_11 = '2026-11-04T11:00:00Z';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

describe('dialler twilio-sim as its own process', () => {
  let sim;
  let simUrl;
  let server;
  let output = '';

  before(async () => {
    const simPort = await freePort();
    simUrl = `http://127.0.0.1:${simPort}`;
    // The stand-in's port is chosen first (the dialler is told of it); it learns the dialler's
    // URL once the dialler is up.
    server = await startServer({
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: simUrl,
      ENABLE_TEST_ENDPOINTS: 'true',
    });
    sim = spawn(
      path.resolve(process.env.DIALLER_BIN),
      // Its clock runs from the same test time as the dialler's, so the tokens it checks are fresh.
      ['twilio-sim', '--port', String(simPort), '--webhook-url', server.url, '--clock-start', WEDNESDAY_11],
      { env: { ...server.env, APP_ENV: 'development' }, cwd: server.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    sim.stdout.on('data', (c) => (output += c));
    sim.stderr.on('data', (c) => (output += c));
    await eventually(async () => (await fetch(`${simUrl}/health`)).status === 200, `stand-in up\n${output}`);
  });

  after(async () => {
    if (sim && sim.exitCode === null) {
      const exited = new Promise((resolve) => sim.once('exit', resolve));
      sim.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
  });

  it('places a call through the stand-in process and reads its recording back', async () => {
    const admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    const post = (user, pathname, json = {}) =>
      request(server.url, pathname, {
        method: 'POST',
        json,
        headers: { Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken },
      });
    assert.equal((await post(admin, '/api/testing/clock', { now: WEDNESDAY_11, running: true })).response.status, 200);
    assert.equal((await server.runCli(['discover', '--full'])).code, 0);
    // The dialler mounts no stand-in of its own when pointed at one (outside /api it only serves
    // the web app's files, which are read, never posted to).
    assert.equal((await request(server.url, '/sim/customers', { method: 'POST', json: {} })).response.status, 405);

    const scripted = await scriptNextCustomer(simUrl, AUTH_TOKEN, {
      behaviour: 'answer',
      ringMs: 200,
      talkMs: 1200,
    });
    assert.equal(scripted.response.status, 200, JSON.stringify(scripted.body));
    const next = await post(agent, '/api/queue/next');
    const started = await post(agent, '/api/call-sessions', { userId: next.body.lead.userId });
    assert.equal(started.response.status, 201, JSON.stringify(started.body));
    const id = started.body.callSession.id;
    const token = (await post(agent, '/api/telephony/token')).body.token;
    const placed = await request(simUrl, '/sim/device/calls', {
      method: 'POST',
      json: { params: { sessionId: id } },
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));

    const done = await eventually(async () => {
      const { body } = await request(server.url, `/api/call-sessions/${id}`, { headers: { Cookie: agent.cookie } });
      return body.callSession?.recording ? body.callSession : undefined;
    }, `call finished\n${output}`);
    assert.equal(done.status, 'completed');
    const audio = await fetch(`${server.url}${done.recording.url}`, { headers: { Cookie: agent.cookie } });
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
  });

  it('a customer calling our number is answered through the signed voice webhook', async () => {
    const placed = await standIn(simUrl, AUTH_TOKEN, '/sim/inbound/calls', { from: '+447700900123' });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));
    const call = await eventually(async () => {
      const { body } = await standIn(simUrl, AUTH_TOKEN, `/sim/inbound/calls/${placed.body.callSid}`);
      return body.status === 'completed' ? body : undefined;
    }, `inbound call answered\n${output}`);
    assert.equal(call.webhookStatus, 200, 'the dialler accepted the signature');
    assert.match(call.answer, /<Say[^>]*>Thank you for calling/);
    assert.match(call.answer, /<Hangup\/>/);
  });
});

// A customer's text, as the stand-in process delivers it, checked by Twilio's own helper library:
// the same signature a real account's webhook would carry.
describe('dialler twilio-sim: a customer texting us', () => {
  let sim;
  let receiver;
  let output = '';
  const received = [];

  before(async () => {
    receiver = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ path: req.url, signature: req.headers['x-twilio-signature'], body });
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end('<Response><Message>Thanks, we will be in touch.</Message></Response>');
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const simPort = await freePort();
    sim = spawn(
      path.resolve(process.env.DIALLER_BIN),
      ['twilio-sim', '--port', String(simPort), '--webhook-url', `http://127.0.0.1:${receiver.address().port}`],
      {
        env: { ...process.env, APP_ENV: 'development', TWILIO_AUTH_TOKEN: AUTH_TOKEN },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    sim.stdout.on('data', (c) => (output += c));
    sim.stderr.on('data', (c) => (output += c));
    sim.url = `http://127.0.0.1:${simPort}`;
    await eventually(async () => (await fetch(`${sim.url}/health`)).status === 200, `stand-in up\n${output}`);
  });

  after(async () => {
    if (sim && sim.exitCode === null) {
      const exited = new Promise((resolve) => sim.once('exit', resolve));
      sim.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('posts the text to the SMS webhook signed as Twilio signs, and STOP is flagged as an opt-out', async () => {
    for (const [words, optOut] of [
      ['Can you call me after 5?', undefined],
      [' stop ', 'STOP'],
    ]) {
      const sent = await standIn(sim.url, AUTH_TOKEN, '/sim/inbound/messages', {
        from: '+447700900123',
        body: words,
      });
      assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
      const record = await eventually(async () => {
        const { body } = await standIn(sim.url, AUTH_TOKEN, `/sim/inbound/messages/${sent.body.messageSid}`);
        return body.webhookStatus === 200 ? body : undefined;
      }, `text delivered\n${output}`);
      assert.equal(record.body, words);

      const hit = received.find((r) => new URLSearchParams(r.body).get('MessageSid') === sent.body.messageSid);
      assert.ok(hit, 'the receiver got the text');
      assert.equal(hit.path, '/api/webhooks/twilio/sms');
      const params = Object.fromEntries(new URLSearchParams(hit.body));
      const url = `http://127.0.0.1:${receiver.address().port}${hit.path}`;
      assert.ok(twilio.validateRequest(AUTH_TOKEN, hit.signature, url, params), 'signature valid');
      assert.equal(twilio.validateRequest(AUTH_TOKEN, hit.signature, url, { ...params, Body: 'x' }), false);
      assert.equal(params.From, '+447700900123');
      assert.equal(params.Body, words);
      assert.equal(params.OptOutType, optOut);
    }
  });
});
