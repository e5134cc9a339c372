// Browser test of the Recordings and Audit log pages: an agent makes one answered call on the
// built-in stand-in (through the API, as the browser's simulated device would) and saves its
// outcome; then a supervisor finds the call on Recordings by its agent, plays the recording in
// the page through the server's audited proxy, and finds that play on the Audit log, by them and
// about that customer. Real binary, clock running from inside the calling window (Wednesday
// 2026-11-04 11:00 GMT), by role and accessible name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo as answerToPage,
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn as signInPage,
} from '../support/browser.mjs';
import { eventually, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-recordings-auth-token';

describe('recordings: found by agent, played in the page, the play in the audit log', () => {
  let server;
  let browser;
  let page;
  let step;
  /** The agent who made the call, and the supervisor who plays it (logins from http.mjs). */
  let agent;
  let supervisor;
  /** The customer called, and the call's session once its recording has arrived. */
  let lead;
  let call;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    // Running, not pinned: the call's ring and talk are measured on the server's clock.
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-recordings.png', server });
    ({ page, step } = browser);
    [agent, supervisor] = await Promise.all([
      login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password),
      login(server.url, DEMO_USERS.supervisor.email, DEMO_USERS.supervisor.password),
    ]);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    assert.equal(supervisor.response.status, 200, JSON.stringify(supervisor.body));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const answerTo = (method, pathname, act, status) =>
    answerToPage(page, method, pathname, act, status);

  it('the agent makes an answered, recorded call and saves its outcome', async () => {
    const available = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(available.response.status, 200, JSON.stringify(available.body));
    const scripted = await scriptNextCustomer(server.url, AUTH_TOKEN, {
      behaviour: 'answer',
      ringMs: 500,
      talkMs: 1500,
    });
    assert.equal(scripted.response.status, 200, `POST /sim/customers: ${scripted.text}`);

    const next = await post(agent, '/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    ({ lead } = next.body);
    assert.ok(lead, `expected a customer: ${JSON.stringify(next.body)}`);
    const opened = await post(agent, '/api/call-sessions', { userId: lead.userId });
    assert.equal(opened.response.status, 201, JSON.stringify(opened.body));
    const session = opened.body.callSession;

    // The browser's simulated device places the call with the agent's voice token.
    const voice = await post(agent, '/api/telephony/token');
    assert.equal(voice.response.status, 200, JSON.stringify(voice.body));
    const placed = await request(server.url, '/sim/device/calls', {
      method: 'POST',
      json: { params: { sessionId: session.id } },
      headers: { Authorization: `Bearer ${voice.body.token}` },
    });
    assert.equal(placed.response.status, 201, JSON.stringify(placed.body));

    call = await eventually(async () => {
      const { body } = await as(agent, `/api/call-sessions/${session.id}`);
      return body.callSession?.recording ? body.callSession : undefined;
    }, 'the call ends with its recording');
    assert.equal(call.status, 'completed', JSON.stringify(call));

    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'going_to_complete',
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
  });

  it('a supervisor finds the call on Recordings by its agent and plays it', async () => {
    assert.ok(call, 'the call of the first test');
    const agentName = agent.body.agent.displayName;
    const name = customerName(lead);

    await step(async () => {
      await signInPage(page, server, DEMO_USERS.supervisor);
      await answerTo('GET', '/api/recordings', () =>
        nav().getByRole('link', { name: 'Recordings', exact: true }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/recordings');
      await page.getByRole('heading', { level: 1, name: 'Recordings' }).waitFor();
    });

    let listed;
    await step(async () => {
      const form = page.getByRole('search', { name: 'Recordings' });
      const who = form.getByRole('combobox', { name: 'Agent', exact: true });
      await who
        .getByRole('option', { name: agentName, exact: true })
        .waitFor({ state: 'attached' });
      await who.selectOption({ label: agentName });
      const response = await answerTo('GET', '/api/recordings', () =>
        form.getByRole('button', { name: 'Search', exact: true }).click(),
      );
      const asked = new URL(response.url()).searchParams;
      assert.equal(asked.get('agentId'), agent.body.agent.id);
      await page.waitForURL((url) => url.searchParams.get('agent') === agent.body.agent.id);
      const body = await response.json();
      listed = body.recordings?.find((r) => r.callSessionId === call.id);
      assert.ok(listed, `the call ${call.id} is not listed: ${JSON.stringify(body)}`);
      assert.equal(listed.agentId, agent.body.agent.id, JSON.stringify(listed));
      assert.equal(listed.userId, lead.userId, JSON.stringify(listed));
      assert.equal(listed.outcome, 'going_to_complete', JSON.stringify(listed));
      assert.deepEqual(listed.recording, call.recording, JSON.stringify(listed));
      assert.equal(listed.customerName ?? `Customer ${lead.userId}`, name, JSON.stringify(listed));
    });

    await step(async () => {
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name, exact: true }) });
      await row.waitFor();
      await row.getByText(agentName, { exact: true }).waitFor();
      await row.getByText('Call to the customer', { exact: true }).waitFor();
      await row.getByText('Going to complete', { exact: true }).waitFor();
      const link = row.getByRole('link', { name, exact: true });
      assert.equal(await link.getAttribute('href'), `/customers/${lead.userId}`);
      const audio = row.getByLabel(new RegExp(`^Recording of the call with ${name} on `));
      assert.equal(await audio.getAttribute('preload'), 'none');
      assert.equal(await audio.getAttribute('src'), call.recording.url);
      await assertNoPageScroll(page, viewport, 'recordings');

      // Played as a person would (evaluate counts as a user gesture): only now is it fetched,
      // through the server, which writes the play to the audit log.
      const fetched = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === call.recording.url &&
          response.request().method() === 'GET',
      );
      const played = await audio.evaluate((element) =>
        element.play().then(
          () => 'playing',
          (error) => `${error.name}: ${error.message}`,
        ),
      );
      assert.ok(!played.startsWith('NotAllowedError'), `play() was refused: ${played}`);
      const response = await fetched;
      assert.ok(
        [200, 206].includes(response.status()),
        `GET ${call.recording.url}: ${response.status()}`,
      );
      assert.match(response.headers()['content-type'] ?? '', /^audio\//);
      await audio.evaluate((element) => element.pause());
    });

    await step(async () => {
      // The filters are in the address: a reload shows the same search.
      await page.reload();
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name, exact: true }) })
        .waitFor();
      const who = page.getByRole('combobox', { name: 'Agent', exact: true });
      assert.equal(await who.inputValue(), agent.body.agent.id);
    });
  });

  it('the play is on the Audit log, by the supervisor and about that customer', async () => {
    assert.ok(call, 'the call of the first test');
    const supervisorName = supervisor.body.agent.displayName;

    await step(async () => {
      await answerTo('GET', '/api/audit', () =>
        nav().getByRole('link', { name: 'Audit log', exact: true }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/audit');
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    });

    await step(async () => {
      const form = page.getByRole('search', { name: 'Audit log' });
      await form
        .getByRole('textbox', { name: 'Action', exact: true })
        .fill('call.recording_played');
      const response = await answerTo('GET', '/api/audit', () =>
        form.getByRole('button', { name: 'Search', exact: true }).click(),
      );
      assert.equal(new URL(response.url()).searchParams.get('action'), 'call.recording_played');
      await page.waitForURL((url) => url.searchParams.get('action') === 'call.recording_played');
      const body = await response.json();
      const entry = body.entries?.find(
        (e) => e.action === 'call.recording_played' && e.subjectId === call.id,
      );
      assert.ok(entry, `no play of call ${call.id} in the audit log: ${JSON.stringify(body)}`);
      assert.deepEqual(entry.actor, { kind: 'agent', agentId: supervisor.body.agent.id });
      assert.equal(entry.subjectType, 'call_session', JSON.stringify(entry));
      assert.equal(entry.userId, lead.userId, JSON.stringify(entry));
      assert.ok(
        body.entries.every((e) => e.action === 'call.recording_played'),
        `other actions listed: ${JSON.stringify(body.entries.map((e) => e.action))}`,
      );
    });

    await step(async () => {
      const about = page.getByRole('link', { name: `Customer ${lead.userId}`, exact: true });
      const row = page
        .getByRole('row')
        .filter({ has: about })
        .filter({ hasText: `Call ${call.id}` });
      await row.first().waitFor();
      await row.first().getByText(supervisorName, { exact: true }).waitFor();
      await row.first().getByText('call.recording_played', { exact: true }).waitFor();
      assert.equal(
        await row.first().getByRole('link').getAttribute('href'),
        `/customers/${lead.userId}`,
      );
      await assertNoPageScroll(page, viewport, 'audit log');
      await row.first().getByRole('link', { name: `Customer ${lead.userId}` }).click();
      await page.waitForURL((url) => url.pathname === `/customers/${lead.userId}`);
      await page
        .getByRole('heading', { level: 1, name: customerName(lead), exact: true })
        .waitFor();
    });
  });

  it("shows the server's refusal of a filter at that filter", async () => {
    await step(async () => {
      // A hand-edited address: the page sends it as it is, and the server names the field.
      const response = await answerTo(
        'GET',
        '/api/audit',
        () => page.goto(`${server.url}/audit?customer=abc`),
        400,
      );
      const body = await response.json();
      assert.equal(body.error?.code, 'invalid_argument', JSON.stringify(body));
      assert.equal(body.error?.field, 'userId', JSON.stringify(body));
      const customer = page
        .getByRole('search', { name: 'Audit log' })
        .getByRole('textbox', { name: 'Customer number', exact: true });
      await page.waitForFunction(
        (element) => element?.getAttribute('aria-invalid') === 'true',
        await customer.elementHandle(),
      );
      await page.getByText(body.error.message, { exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'audit log, a filter refused');
    });
  });
});
