// Browser test of auto mode (power dialling) on the call screen: the real binary with its Twilio
// stand-in (the simulated voice device and scripted customers), discovered queues and a clock
// running from Wednesday 2026-11-04 11:00 GMT (inside the calling window), driven in Debian's
// headless Chromium by role and accessible name only. An admin first shortens the countdown to
// 3 s (`autoDial.countdownSeconds`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
} from '../support/browser.mjs';
import { login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-auto-dial-auth-token-01';
const COUNTDOWN_SECONDS = 3;

describe('auto mode: the next customer is loaded and dialled after a countdown', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    // Running, not pinned: ring and talk times are measured on the server's clock.
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    const admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    assert.equal(admin.response.status, 200, JSON.stringify(admin.body));
    const set = await request(server.url, '/api/settings', {
      method: 'PUT',
      json: { settings: { 'autoDial.countdownSeconds': String(COUNTDOWN_SECONDS) } },
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    });
    assert.equal(set.response.status, 200, `set the countdown: ${JSON.stringify(set.body)}`);
    browser = await openBrowser({ viewport, screenshotName: 'dialler-auto-dial.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const banner = () => page.getByRole('banner');
  const statusButton = (words) =>
    banner().getByRole('button', { name: `Status: ${words}`, exact: true });
  const autoBar = () => page.getByRole('region', { name: 'Auto mode', exact: true });
  const autoButton = (name) => autoBar().getByRole('button', { name, exact: true });
  const countdown = () => page.getByRole('timer', { name: 'Auto-dial countdown', exact: true });
  const softphone = () => page.getByRole('region', { name: 'Softphone' });
  const callStatus = (text) =>
    softphone().getByRole('status', { name: 'Call status' }).filter({ hasText: text });
  const dayCounters = () => banner().getByRole('group', { name: 'Today so far', exact: true });

  /** Tells the stand-in how the next customer dialled behaves. */
  async function scriptNext(script) {
    const { response, text } = await scriptNextCustomer(server.url, AUTH_TOKEN, script);
    assert.ok(response.ok, `POST /sim/customers ${JSON.stringify(script)}: ${response.status} ${text}`);
  }

  /** Resolves with the next response to `method pathname` (start waiting before the action). */
  function responseTo(method, pathname) {
    return page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === pathname && response.request().method() === method,
    );
  }

  /** The customer a POST /api/queue/next response handed out (asserting it did). */
  async function leadFrom(responsePromise) {
    const response = await responsePromise;
    assert.equal(response.status(), 200, await response.text());
    const body = await response.json();
    assert.ok(body.lead, `expected a customer: ${JSON.stringify(body)}`);
    return body.lead;
  }

  /** The call session a POST /api/call-sessions response opened (asserting it did). */
  async function sessionFrom(responsePromise) {
    const response = await responsePromise;
    assert.equal(response.status(), 201, await response.text());
    return (await response.json()).callSession;
  }

  /** The agent's calls to `lead`, as the server lists them (the page's cookies). */
  async function callsTo(lead) {
    const listed = await page.request.get(
      `${server.url}/api/call-sessions?userId=${encodeURIComponent(lead.userId)}`,
    );
    assert.equal(listed.status(), 200, await listed.text());
    return (await listed.json()).callSessions;
  }

  const countdownText = (lead) =>
    new RegExp(`^Dialling ${customerName(lead)} in [1-${COUNTDOWN_SECONDS}] s$`);

  it('signs in and goes Available', async () => {
    const user = DEMO_USERS.agent;
    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await page
        .getByRole('status', { name: 'Live updates' })
        .filter({ hasText: /^Live$/ })
        .waitFor();
      await dayCounters().filter({ hasText: 'Calls 0' }).waitFor();

      await statusButton('Offline').click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Available', exact: true }).click();
      await statusButton('Available').waitFor();
    });
  });

  let first;
  let second;

  it('starts auto mode: the first customer loads, counts down and is called', async () => {
    let session;
    await step(async () => {
      await scriptNext({ behaviour: 'answer', ringMs: 500 });
      const start = autoButton('Start auto mode');
      await page.waitForFunction((button) => button && !button.disabled, await start.elementHandle());
      const taken = responseTo('POST', '/api/queue/next');
      const dialled = responseTo('POST', '/api/call-sessions');
      await start.click();

      first = await leadFrom(taken);
      await page.getByRole('heading', { level: 3, name: customerName(first) }).waitFor();
      await autoBar().getByText('Auto on', { exact: true }).waitFor();
      await countdown().filter({ hasText: countdownText(first) }).waitFor();
      await assertNoPageScroll(page, viewport, 'auto countdown');

      // The countdown runs out and the call goes through the Call button's own path.
      session = await sessionFrom(dialled);
      assert.equal(session.userId, first.userId);
      await callStatus(/^Connected$/).waitFor();
      await autoBar()
        .getByText(/calls this session/)
        .filter({ hasText: /^1 \/ \d+ calls this session$/ })
        .waitFor();
    });

    await step(async () => {
      // H hangs up (the focus is on the customer, not in a field).
      await page.keyboard.press('h');
      await callStatus('Call ended — Completed').waitFor();
      // The call's end reaches the top bar over the live socket.
      await dayCounters().filter({ hasText: /Calls 1\b/ }).waitFor();
      await dayCounters().filter({ hasText: /Contacts 1\b/ }).waitFor();
    });

    await step(async () => {
      await scriptNext({ behaviour: 'answer', ringMs: 500 });
      const group = page.getByRole('radiogroup', { name: 'Outcome' });
      await group.getByRole('radio', { name: 'No answer', exact: true }).check();
      const saved = responseTo('POST', `/api/queue/leads/${first.userId}/outcome`);
      const taken = responseTo('POST', '/api/queue/next');
      await page.getByRole('button', { name: 'Save outcome', exact: true }).click();
      const response = await saved;
      assert.equal(response.status(), 201, await response.text());
      assert.equal(response.request().postDataJSON().callSessionId, session.id);

      // Auto mode takes the next customer itself and counts down again.
      second = await leadFrom(taken);
      assert.notEqual(second.userId, first.userId, 'the saved customer came straight back');
      await page.getByRole('heading', { level: 3, name: customerName(second) }).waitFor();
      await countdown().filter({ hasText: countdownText(second) }).waitFor();
    });
  });

  it('pauses with a reason: no call, the agent on a training break; Resume runs it again', async () => {
    await step(async () => {
      const pausedAt = Date.now();
      await autoButton('Pause').click();
      // The countdown stops as soon as the reason is asked for.
      await countdown().waitFor({ state: 'detached' });
      await page
        .getByRole('combobox', { name: 'Pause reason', exact: true })
        .selectOption({ label: 'Training' });
      const changed = responseTo('PUT', '/api/agents/me/status');
      await autoButton('Pause auto mode').click();
      const response = await changed;
      assert.equal(response.status(), 200, await response.text());
      assert.deepEqual(response.request().postDataJSON(), { status: 'break', reason: 'training' });
      await statusButton('On a break — Training').waitFor();
      await autoBar().getByText('Auto mode paused: you are on a break.', { exact: true }).waitFor();

      const status = await page.request.get(`${server.url}/api/agents/me/status`);
      assert.equal(status.status(), 200, await status.text());
      const { status: now } = await status.json();
      assert.equal(now.status, 'break', JSON.stringify(now));
      assert.equal(now.reason, 'training', JSON.stringify(now));

      // Once the countdown would have run out (plus a second's grace), still no call: asked once.
      const wouldHaveDialledBy = pausedAt + (COUNTDOWN_SECONDS + 1) * 1000;
      await page.waitForTimeout(Math.max(0, wouldHaveDialledBy - Date.now()));
      assert.deepEqual(await callsTo(second), [], 'a call was placed while paused');
      assert.equal(await countdown().count(), 0, 'the countdown is back while paused');
    });

    await step(async () => {
      const changed = responseTo('PUT', '/api/agents/me/status');
      const dialled = responseTo('POST', '/api/call-sessions');
      await autoButton('Resume auto mode').click();
      const response = await changed;
      assert.equal(response.status(), 200, await response.text());
      assert.deepEqual(response.request().postDataJSON(), { status: 'available' });
      await countdown().filter({ hasText: countdownText(second) }).waitFor();

      const session = await sessionFrom(dialled);
      assert.equal(session.userId, second.userId);
      await callStatus(/^Connected$/).waitFor();
    });

    await step(async () => {
      // Leave nobody held and nothing dialling: stop, hang up, save.
      await autoButton('Stop auto mode').click();
      await autoBar().getByText('Auto off', { exact: true }).waitFor();
      await softphone().getByRole('button', { name: 'Hang up', exact: true }).click();
      await callStatus(/^Call ended/).waitFor();
      await page
        .getByRole('radiogroup', { name: 'Outcome' })
        .getByRole('radio', { name: 'No answer', exact: true })
        .check();
      const saved = responseTo('POST', `/api/queue/leads/${second.userId}/outcome`);
      await page.getByRole('button', { name: 'Save outcome', exact: true }).click();
      assert.equal((await saved).status(), 201);
      await page.getByRole('heading', { name: 'No customer loaded' }).waitFor();
      await dayCounters().filter({ hasText: /Calls 2\b/ }).waitFor();
    });
  });

  it('? opens the keyboard shortcuts, which list Hang up on H', async () => {
    await step(async () => {
      await page.locator('body').press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts', exact: true });
      await help.waitFor();
      const hangUp = help.getByRole('row').filter({ hasText: 'Hang up' });
      assert.equal(await hangUp.count(), 1);
      assert.equal((await hangUp.getByRole('cell').first().textContent()).trim(), 'H');
      assert.equal(await help.getByRole('row').filter({ hasText: 'Start or stop auto mode' }).count(), 1);
      await assertNoPageScroll(page, viewport, 'shortcuts help');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
    });
  });
});
