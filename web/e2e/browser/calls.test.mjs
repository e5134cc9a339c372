// Browser test of calling from the queue page: the real binary with its Twilio stand-in (the
// simulated voice device and scripted customers), discovered queues and a clock running from
// Wednesday 2026-11-04 11:00 GMT (inside the calling window), driven in Debian's headless Chromium
// by role and accessible name only. Call progress reaches the page over the live socket.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
} from '../support/browser.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { scriptNextCustomer } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
// The auth token the server is given: the stand-in signs with it and checks its REST calls.
const AUTH_TOKEN = 'e2e-browser-calls-auth-token-0123';
/** A call timer past 0:01 ("0:02" … "0:59", "1:00" …). */
const pastOneSecond = /^(?:0:(?:0[2-9]|[1-5]\d)|[1-9]\d*:\d\d)$/;

describe('the agent calls customers from the queue page', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    // Running, not pinned: ring and talk times are measured on the server's clock.
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    // A failing step also shows the end of the server's output.
    browser = await openBrowser({ viewport, screenshotName: 'dialler-calls.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nextCustomer = () => page.getByRole('button', { name: 'Next customer', exact: true });
  const availableHint = () =>
    page.getByText('Set yourself Available to take customers', { exact: true });
  /** The status menu button in the top bar; its name says the status ("Status: On a call"). */
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const softphone = () => page.getByRole('region', { name: 'Softphone' });
  const callStatus = (text) =>
    softphone().getByRole('status', { name: 'Call status' }).filter({ hasText: text });

  /** Tells the stand-in how the next customer dialled behaves. */
  async function scriptNext(script) {
    const { response, text } = await scriptNextCustomer(server.url, AUTH_TOKEN, script);
    assert.ok(
      response.ok,
      `POST /sim/customers ${JSON.stringify(script)}: ${response.status} ${text}`,
    );
  }

  /**
   * Opens the status menu and chooses `item` (a break reason when `breakReason`), checks that the
   * server took it and waits until the top bar says `words`.
   */
  async function chooseStatus(item, words, { breakReason = false } = {}) {
    await page.getByRole('banner').getByRole('button', { name: /^Status: / }).click();
    const menu = page.getByRole('menu');
    const scope = breakReason ? menu.getByRole('group', { name: 'Break', exact: true }) : menu;
    const changed = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/agents/me/status' &&
        response.request().method() === 'PUT',
    );
    await scope.getByRole('menuitem', { name: item, exact: true }).click();
    const response = await changed;
    assert.equal(response.status(), 200, await response.text());
    await statusButton(words).waitFor();
  }

  /** Presses Next customer and returns the customer it loaded. */
  async function takeNext() {
    const answer = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/queue/next' &&
        response.request().method() === 'POST',
    );
    await nextCustomer().click();
    const response = await answer;
    assert.equal(response.status(), 200, await response.text());
    const body = await response.json();
    assert.ok(body.lead, `expected a customer: ${JSON.stringify(body)}`);
    await page.getByRole('heading', { level: 3, name: customerName(body.lead) }).waitFor();
    return body.lead;
  }

  /** Presses Call and returns the call session the server opened for it. */
  async function call() {
    const opened = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/call-sessions' &&
        response.request().method() === 'POST',
    );
    await softphone().getByRole('button', { name: 'Call', exact: true }).click();
    const response = await opened;
    assert.equal(response.status(), 201, await response.text());
    return (await response.json()).callSession;
  }

  /** Chooses `outcome`, saves it and checks it was sent for `session`. */
  async function saveOutcome(lead, session, outcome) {
    const group = page.getByRole('radiogroup', { name: 'Outcome' });
    await group.getByRole('radio', { name: outcome, exact: true }).check();
    const saved = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === `/api/queue/leads/${lead.userId}/outcome`,
    );
    await page.getByRole('button', { name: 'Save outcome', exact: true }).click();
    const response = await saved;
    assert.equal(response.status(), 201, await response.text());
    assert.equal(response.request().postDataJSON().callSessionId, session.id);
    await page.getByRole('status').filter({ hasText: 'Outcome saved' }).waitFor();
  }

  it('signs in offline, the live connection is up, and the agent goes Available', async () => {
    const user = DEMO_USERS.agent;
    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await page
        .getByRole('status', { name: 'Live updates' })
        .filter({ hasText: /^Live$/ })
        .waitFor();
    });

    await step(async () => {
      await statusButton('Offline').waitFor();
      await availableHint().waitFor();
      assert.equal(await nextCustomer().isDisabled(), true, 'Next customer is enabled offline');
      await chooseStatus('Available', 'Available');
      assert.equal(await availableHint().count(), 0, 'the Available hint is still shown');
      assert.equal(await nextCustomer().isDisabled(), false, 'Next customer is off when Available');
    });
  });

  it('a customer who answers: connected, timed, hung up, recorded, outcome saved', async () => {
    let lead;
    let session;
    await step(async () => {
      await scriptNext({ behaviour: 'answer', ringMs: 1000 });
      lead = await takeNext();
      session = await call();
      // The server moves the status itself around a call and says so on the live socket.
      await statusButton('On a call').waitFor();
      await callStatus(/^Connected$/).waitFor();
      await page
        .getByRole('timer', { name: 'Call time' })
        .filter({ hasText: pastOneSecond })
        .waitFor();
      await assertNoPageScroll(page, viewport, 'connected');
      // In a call the customer can be neither handed back nor swapped.
      const release = page.getByRole('button', { name: 'Release', exact: true });
      assert.equal(await release.isDisabled(), true, 'Release is enabled in a call');
      assert.equal(await nextCustomer().isDisabled(), true, 'Next customer is enabled in a call');
    });

    await step(async () => {
      await softphone().getByRole('button', { name: 'Hang up', exact: true }).click();
      await callStatus('Call ended — Completed').waitFor();
      await statusButton('Wrap-up').waitFor();
      // The recording arrives after the call ends; the history shows it once it has.
      await page
        .getByRole('list', { name: 'Calls' })
        .getByLabel(/^Recording of the call at /)
        .first()
        .waitFor();
      await saveOutcome(lead, session, 'Might complete');
      await statusButton('Available').waitFor();
    });

    await step(async () => {
      // The server's record of the call, read as the agent (the page's cookies).
      const listed = await page.request.get(
        `${server.url}/api/call-sessions?userId=${encodeURIComponent(lead.userId)}`,
      );
      assert.equal(listed.status(), 200, await listed.text());
      const done = (await listed.json()).callSessions.find((s) => s.id === session.id);
      assert.ok(done, `the call ${session.id} is not among the customer's calls`);
      assert.equal(done.status, 'completed', JSON.stringify(done));
      assert.ok(done.ringingAt && done.answeredAt && done.endedAt, JSON.stringify(done));
      assert.ok(done.talkSeconds >= 1, `talkSeconds: ${JSON.stringify(done)}`);
      assert.ok(done.recording?.url, `no recording: ${JSON.stringify(done)}`);
      assert.ok(done.outcomeId, `the outcome is not linked to the call: ${JSON.stringify(done)}`);

      const audio = await page.request.get(new URL(done.recording.url, server.url).href);
      assert.equal(audio.status(), 200, `GET ${done.recording.url}`);
      assert.match(audio.headers()['content-type'] ?? '', /^audio\/wav/);
      assert.ok((await audio.body()).length > 44, 'the recording is an empty WAV');
    });
  });

  it('a busy customer: the call ends as Busy and No answer is saved', async () => {
    await step(async () => {
      await scriptNext({ behaviour: 'busy', ringMs: 500 });
      const lead = await takeNext();
      const session = await call();
      await callStatus('Call ended — Busy').waitFor();
      await saveOutcome(lead, session, 'No answer');
    });
  });

  it('a customer who does not answer: the call ends as No answer', async () => {
    await step(async () => {
      await scriptNext({ behaviour: 'no-answer', ringMs: 1500 });
      const lead = await takeNext();
      const session = await call();
      await callStatus('Call ended — No answer').waitFor();
      // Leave nobody held.
      await saveOutcome(lead, session, 'No answer');
    });
  });

  it('takes a lunch break: Next customer is off until the agent is back', async () => {
    await step(async () => {
      await chooseStatus('Lunch', 'On a break — Lunch', { breakReason: true });
      await availableHint().waitFor();
      assert.equal(await nextCustomer().isDisabled(), true, 'Next customer is enabled on a break');
      await assertNoPageScroll(page, viewport, 'on a break');
    });
  });
});
