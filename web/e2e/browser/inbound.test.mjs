// Browser test of customers calling us: the built-in stand-in rings our number from a customer's
// phone; with the agent Available the call rings on their queue page, they accept it and talk to
// the customer already loaded on screen, hang up and save the outcome; with nobody available the
// call is missed and becomes a callback for the team. Real binary, the clock running from inside
// the calling window (Wednesday 2026-11-04 11:00 GMT), by role and accessible name only.
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
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting, standIn } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
// The auth token the server is given: the stand-in signs with it and checks its REST calls.
const AUTH_TOKEN = 'e2e-browser-inbound-auth-token-01';
/** A call timer past 0:01 ("0:02" … "0:59", "1:00" …). */
const pastOneSecond = /^(?:0:(?:0[2-9]|[1-5]\d)|[1-9]\d*:\d\d)$/;

describe('customers calling us', () => {
  let server;
  let browser;
  let page;
  let step;
  /** The customer who calls while the agent is Available, and their full number. */
  let answered;
  /** The customer who calls while nobody is, and their full number. */
  let missed;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    // Running, not pinned: ring and talk times are measured on the server's clock.
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-inbound.png', server });
    ({ page, step } = browser);

    // Two customers with mobiles. The dialler only ever shows numbers masked: each full number
    // is read off the stand-in (the customer's phone) after texting them. The first is skipped
    // so that the next one held is another customer; the second is given back, so that nobody
    // holds either when they call.
    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    const post = async (pathname) => {
      const answer = await request(server.url, pathname, {
        method: 'POST',
        json: {},
        headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrfToken },
      });
      assert.equal(answer.response.status, 200, `${pathname}: ${JSON.stringify(answer.body)}`);
    };
    const first = await holdCustomerWithPhone(server.url, agent, 'mobile');
    missed = {
      lead: first,
      number: await numberByTexting(server.url, AUTH_TOKEN, agent, first.userId, 'Hello, Jo here.'),
    };
    await post(`/api/queue/leads/${first.userId}/skip`);
    const second = await holdCustomerWithPhone(server.url, agent, 'mobile');
    assert.notEqual(second.userId, first.userId, 'two different customers');
    answered = {
      lead: second,
      number: await numberByTexting(server.url, AUTH_TOKEN, agent, second.userId, 'Hi from us.'),
    };
    await post(`/api/queue/leads/${second.userId}/release`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  /** The status menu button in the top bar; its name says the status ("Status: On a call"). */
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const softphone = () => page.getByRole('region', { name: 'Softphone' });
  const callStatus = (text) =>
    softphone().getByRole('status', { name: 'Call status' }).filter({ hasText: text });
  const ringing = () => page.getByRole('region', { name: 'Incoming call', exact: true });
  const tab = (name) => page.getByRole('tab', { name, exact: true });

  const answerTo = (method, pathname, act, status) =>
    answerToPage(page, method, pathname, act, status);

  /**
   * Opens the status menu and chooses `item` (a break reason when `breakReason`), checks that the
   * server took it and waits until the top bar says `words`.
   */
  async function chooseStatus(item, words, { breakReason = false } = {}) {
    await page.getByRole('banner').getByRole('button', { name: /^Status: / }).click();
    const menu = page.getByRole('menu');
    const scope = breakReason ? menu.getByRole('group', { name: 'Break', exact: true }) : menu;
    await answerTo('PUT', '/api/agents/me/status', () =>
      scope.getByRole('menuitem', { name: item, exact: true }).click(),
    );
    await statusButton(words).waitFor();
  }

  /**
   * The customer's phone calls our number (leaving a message of `voicemailSeconds` if nobody
   * takes it); resolves with the stand-in's SID for the call.
   */
  async function customerCalls(from, voicemailSeconds = 0) {
    const placed = await standIn(server.url, AUTH_TOKEN, '/sim/inbound/calls', { from, voicemailSeconds });
    assert.equal(placed.response.status, 201, `POST /sim/inbound/calls: ${placed.text}`);
    assert.ok(placed.body.callSid, JSON.stringify(placed.body));
    return placed.body.callSid;
  }

  it('an Available agent accepts the call, talks, hangs up and saves the outcome', async () => {
    const name = customerName(answered.lead);
    /** The call's session, as the server answered Accept. */
    let session;

    await step(async () => {
      await signInPage(page, server, DEMO_USERS.agent);
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await page
        .getByRole('status', { name: 'Live updates' })
        .filter({ hasText: /^Live$/ })
        .waitFor();
      await chooseStatus('Available', 'Available');
      await page.getByRole('heading', { name: 'No customer loaded' }).waitFor();
    });

    await step(async () => {
      await customerCalls(answered.number);
      await ringing().getByText(name, { exact: true }).waitFor();
      const accept = ringing().getByRole('button', { name: 'Accept call', exact: true });
      await ringing().getByRole('button', { name: 'Decline call', exact: true }).waitFor();
      // The agent's next move: the keyboard is on Accept already.
      await page.waitForFunction(
        (button) => button === document.activeElement,
        await accept.elementHandle(),
      );
      await assertNoPageScroll(page, viewport, 'a call ringing');
    });

    await step(async () => {
      const answer = page.waitForResponse(
        (response) =>
          /^\/api\/call-sessions\/[^/]+\/answer$/.test(new URL(response.url()).pathname) &&
          response.request().method() === 'POST',
      );
      await ringing().getByRole('button', { name: 'Accept call', exact: true }).click();
      const response = await answer;
      const text = await response.text();
      assert.equal(response.status(), 200, `POST ${new URL(response.url()).pathname}: ${text}`);
      const body = JSON.parse(text);
      assert.equal(body.lead?.userId, answered.lead.userId, text);
      assert.equal(body.callSession?.direction, 'inbound', text);
      session = body.callSession;
    });

    await step(async () => {
      // The caller is on screen as Call now would have loaded them, the call already on.
      await page.getByRole('heading', { level: 3, name, exact: true }).waitFor();
      await page.getByRole('region', { name: 'After the call', exact: true }).waitFor();
      await ringing().waitFor({ state: 'detached' });
      await callStatus(/^Connected$/).waitFor();
      await page
        .getByRole('timer', { name: 'Call time' })
        .filter({ hasText: pastOneSecond })
        .waitFor();
      await statusButton('On a call').waitFor();
      const release = page.getByRole('button', { name: 'Release', exact: true });
      assert.equal(await release.isDisabled(), true, 'Release is enabled in a call');
      await assertNoPageScroll(page, viewport, 'an answered call');
    });

    await step(async () => {
      await softphone().getByRole('button', { name: 'Hang up', exact: true }).click();
      await callStatus(/^Call ended/).waitFor();
      await page
        .getByRole('radiogroup', { name: 'Outcome' })
        .getByRole('radio', { name: 'Might complete', exact: true })
        .check();
      const saved = await answerTo(
        'POST',
        `/api/queue/leads/${answered.lead.userId}/outcome`,
        () => page.getByRole('button', { name: 'Save outcome', exact: true }).click(),
        201,
      );
      assert.equal(saved.request().postDataJSON().callSessionId, session.id);
      await page.getByRole('status').filter({ hasText: 'Outcome saved' }).waitFor();
      await statusButton('Available').waitFor();
    });

    await step(async () => {
      // The server's record of the call, read as the agent (the page's cookies).
      const read = await page.request.get(`${server.url}/api/call-sessions/${session.id}`);
      assert.equal(read.status(), 200, await read.text());
      const { callSession } = await read.json();
      assert.equal(callSession.direction, 'inbound', JSON.stringify(callSession));
      assert.ok(callSession.answeredAt && callSession.endedAt, JSON.stringify(callSession));
      assert.ok(callSession.outcomeId, `no outcome linked: ${JSON.stringify(callSession)}`);
    });
  });

  it('with nobody available the call is missed and waits as a callback for the team', async () => {
    const name = customerName(missed.lead);

    await step(async () => {
      await chooseStatus('Lunch', 'On a break — Lunch', { breakReason: true });
      const sid = await customerCalls(missed.number, 5);
      // The dialler answered the call itself (nobody to put it through to).
      await eventually(async () => {
        const { body } = await standIn(server.url, AUTH_TOKEN, `/sim/inbound/calls/${sid}`);
        return body.webhookStatus !== 0;
      }, 'the dialler answers the call');
      assert.equal(await ringing().count(), 0, 'the call rang on a break');
    });

    await step(async () => {
      await nav().getByRole('link', { name: 'Callbacks', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Callbacks' }).waitFor();
      await tab('Team').click();
      await page.waitForURL((url) => url.search === '?show=team');
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name, exact: true }) });
      await row.getByText('Missed call', { exact: true }).waitFor();
      await row.getByText('Anyone on the team', { exact: true }).waitFor();
      // The message they left plays from the row, fetched from the server only when played.
      const voicemail = row.getByLabel(`Voicemail from ${name}, 0:05`);
      await voicemail.waitFor();
      assert.equal(await voicemail.getAttribute('preload'), 'none');
      const played = await page.evaluate(async (url) => {
        const r = await fetch(url);
        return { status: r.status, type: r.headers.get('content-type') };
      }, await voicemail.getAttribute('src'));
      assert.deepEqual(played, { status: 200, type: 'audio/wav' });
      await assertNoPageScroll(page, viewport, 'callbacks, team, a missed call');
    });
  });
});
