// Browser acceptance test of legal holds and data retention: an agent texts two customers (over
// the API, on the built-in stand-in, the clock pinned inside the calling window); an admin, in
// the browser, places a legal hold on the first (after the refusals: no reason, a customer the
// dialler does not know, a second hold on the same customer) and sets texts to be kept 30 days.
// 33 days later the retention job runs: the second customer's text has lost its words, the
// held customer's text has kept them, and the run is in the audit log. The admin then releases
// the hold with a reason and finds it among the released holds. An agent has no way in, and the
// server refuses them. Real binary, by role, accessible name and visible text only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo,
  assertNoPageScroll,
  assertNoSeriousA11yViolations,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn,
} from '../support/browser.mjs';
import { assertErrorEnvelope, eventually, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const MONDAY_33_DAYS_LATER = '2026-12-07T11:00:00Z'; // past a 30-day period for texts
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-legal-holds-auth-token';
const HELD_WORDS = 'Your complaint file stays with us while the ombudsman looks at it.';
const CLEARED_WORDS = 'Please send us your finance agreement by Friday.';
const HOLD_REASON = 'Complaint to the ombudsman';
const RELEASE_REASON = 'Complaint closed by the ombudsman';

describe('legal holds: a held customer keeps their texts when retention clears others', () => {
  let server;
  let browser;
  let page;
  let step;
  /** Logins over the API (http.mjs): the agent who texts, the admin who moves the clock. */
  let agent;
  let admin;
  /** The customer put under a hold, and the one who is not. */
  let held;
  let other;
  /** The hold the admin places. */
  let holdId;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-legal-holds.png', server });
    ({ page, step } = browser);
    [agent, admin] = await Promise.all([DEMO_USERS.agent, DEMO_USERS.admin].map(signInOverApi));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInOverApi({ email, password }) {
    const session = await login(server.url, email, password);
    assert.equal(session.response.status, 200, JSON.stringify(session.body));
    return session;
  }

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  /** The agent takes the next customer with a mobile, texts them `words`, and skips them. */
  async function textNextCustomer(words) {
    const lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    const sent = await post(agent, '/api/sms/send', { userId: lead.userId, body: words });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    // Skipped rather than released, so that the next customer handed out is another one.
    const skipped = await post(agent, `/api/queue/leads/${lead.userId}/skip`);
    assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
    // The job leaves texts still on their way alone: wait until the stand-in has it.
    await eventually(async () => {
      const { body } = await as(agent, `/api/sms/messages?userId=${lead.userId}`);
      const text = body.messages?.find((m) => m.id === sent.body.sms.id);
      return text && !['queued', 'sending'].includes(text.status);
    }, `the text to customer ${lead.userId} is sent`);
    return lead;
  }

  // The admin's Admin page.
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const holds = () => page.getByRole('region', { name: 'Legal holds', exact: true });
  const placing = () => holds().getByRole('form', { name: 'Place a legal hold', exact: true });
  const customerId = () => placing().getByRole('textbox', { name: 'Customer id', exact: true });
  const reason = () => placing().getByRole('textbox', { name: 'Reason', exact: true });
  const placeButton = () =>
    placing().getByRole('button', { name: 'Place legal hold', exact: true });
  const holdList = () => holds().getByRole('table', { name: 'Legal holds', exact: true });
  const holdNotice = (text) => holds().getByRole('status').filter({ hasText: text });
  const releaseButton = () =>
    holdList().getByRole('button', {
      name: `Release the legal hold on Customer ${held.userId}`,
      exact: true,
    });

  /** Asserts `field` is marked invalid, described by `message`, and has the focus. */
  async function assertRefusedAt(field, message) {
    await page.waitForFunction(
      (input) => input?.getAttribute('aria-invalid') === 'true',
      await field.elementHandle(),
    );
    const shown = placing().getByText(message, { exact: true });
    await shown.waitFor();
    const messageId = await shown.getAttribute('id');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes(messageId), `${message}: ${describedBy}`);
    await page.waitForFunction(
      (input) => document.activeElement === input,
      await field.elementHandle(),
    );
  }

  /**
   * Signs `user` in and waits for the Queue page to be drawn: by then its files are all loaded.
   * A full page load while they still download has been seen to stop `dialler serve` (SIGPIPE).
   */
  async function signInAs(user) {
    await signIn(page, server, user);
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  }

  /** Opens a customer's page and returns their timeline. */
  async function openCustomer(lead) {
    await page.goto(`${server.url}/customers/${lead.userId}`);
    await page.getByRole('heading', { level: 1, name: customerName(lead), exact: true }).waitFor();
    return page.getByRole('list', { name: 'Customer timeline', exact: true });
  }

  it('the agent texts two customers', async () => {
    held = await textNextCustomer(HELD_WORDS);
    other = await textNextCustomer(CLEARED_WORDS);
    assert.notEqual(held.userId, other.userId);
  });

  it('the admin places a hold on the first, after three refusals at their fields', async () => {
    assert.ok(other, 'the texts of the first test');
    const requested = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/admin/legal-holds') {
        requested.push(r.postDataJSON());
      }
    });

    await step(async () => {
      await signInAs(DEMO_USERS.admin);
      await nav().getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      await holds().getByRole('heading', { level: 2, name: 'Legal holds' }).waitFor();
      await holds().getByText('No customer is under a legal hold.', { exact: true }).waitFor();
    });

    await step(async () => {
      // No reason: refused before anything is sent.
      await customerId().fill(held.userId);
      await placeButton().click();
      await assertRefusedAt(reason(), 'Say why this customer’s records must be kept.');
      assert.deepEqual(requested, [], 'a hold without a reason was sent');
    });

    await step(async () => {
      await customerId().fill('999999999');
      await reason().fill(HOLD_REASON);
      await answerTo(page, 'POST', '/api/admin/legal-holds', () => placeButton().click(), 404);
      await assertRefusedAt(customerId(), 'No customer 999999999 is known to the dialler');
      assert.equal(await reason().getAttribute('aria-invalid'), null);
      await assertNoSeriousA11yViolations(page, 'admin: a legal hold refused');
    });

    await step(async () => {
      await customerId().fill(held.userId);
      const placed = await answerTo(
        page,
        'POST',
        '/api/admin/legal-holds',
        () => placeButton().click(),
        201,
      );
      assert.deepEqual(placed.request().postDataJSON(), {
        userId: held.userId,
        reason: HOLD_REASON,
      });
      holdId = (await placed.json()).hold.id;
      await holdNotice(`Customer ${held.userId} is now under a legal hold.`).waitFor();
      const row = holdList().getByRole('row').filter({ hasText: HOLD_REASON });
      await row.getByRole('link', { name: `Customer ${held.userId}`, exact: true }).waitFor();
      await row.getByText(`by ${admin.body.agent.displayName}`, { exact: true }).waitFor();
      await row.getByText('On hold', { exact: true }).waitFor();
      assert.equal(await customerId().inputValue(), '');
      await assertNoPageScroll(page, viewport, 'admin page with a legal hold');
    });

    await step(async () => {
      await customerId().fill(held.userId);
      await reason().fill('The same complaint, again');
      await answerTo(page, 'POST', '/api/admin/legal-holds', () => placeButton().click(), 409);
      await assertRefusedAt(
        customerId(),
        `Customer ${held.userId} is already under a legal hold`,
      );
      assert.equal(await holdList().getByRole('row').count(), 2, 'a header and the one hold');
    });
  });

  it('the admin keeps texts for 30 days on the settings screen', async () => {
    const settings = () => page.getByRole('region', { name: 'Queue settings', exact: true });
    const retention = () => settings().getByRole('form', { name: 'Data retention', exact: true });
    const textDays = () =>
      retention().getByRole('textbox', { name: 'Texts kept (days)', exact: true });

    await step(async () => {
      await settings().getByRole('button', { name: 'Data retention', exact: true }).click();
      assert.equal(await textDays().inputValue(), '2190');
      await textDays().fill('30');
      const saved = await answerTo(page, 'PUT', '/api/settings', () =>
        retention().getByRole('button', { name: 'Save data retention', exact: true }).click(),
      );
      assert.deepEqual(saved.request().postDataJSON(), {
        settings: { 'retention.textDays': '30' },
      });
      await retention()
        .getByRole('status')
        .filter({ hasText: 'Saved. Texts kept (days): 2190 → 30.' })
        .waitFor();
      await assertNoSeriousA11yViolations(page, 'admin: data retention saved');
    });
  });

  it('33 days later the job clears the other text and keeps the held one', async () => {
    assert.ok(holdId, 'the hold of the test before');
    const pinned = await post(admin, '/api/testing/clock', { now: MONDAY_33_DAYS_LATER });
    assert.equal(pinned.response.status, 200, JSON.stringify(pinned.body));
    // Every session is older than the longest a session lasts on the new date: sign in again.
    admin = await signInOverApi(DEMO_USERS.admin);
    const run = await post(admin, '/api/testing/jobs/retention.apply');
    assert.equal(run.response.status, 200, JSON.stringify(run.body));
    assert.ok(run.body.result > 0, `the job cleared nothing: ${JSON.stringify(run.body)}`);

    await step(async () => {
      await signInAs(DEMO_USERS.admin);
      const timeline = await openCustomer(other);
      const text = timeline.getByRole('listitem').filter({ hasText: 'Text sent' });
      await text.waitFor();
      assert.match((await text.textContent()) ?? '', /“”/, 'the text is listed, without words');
      assert.equal(await page.getByText(CLEARED_WORDS).count(), 0, 'the words are still shown');
    });

    await step(async () => {
      const timeline = await openCustomer(held);
      await timeline.getByText(`“${HELD_WORDS}”`, { exact: true }).waitFor();
    });

    await step(async () => {
      await nav().getByRole('link', { name: 'Audit log', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      const form = page.getByRole('search', { name: 'Audit log' });
      await form.getByRole('textbox', { name: 'Action', exact: true }).fill('retention.applied');
      await answerTo(page, 'GET', '/api/audit', () =>
        form.getByRole('button', { name: 'Search', exact: true }).click(),
      );
      // One text cleared (the held customer's was left), with the period in force.
      const entry = page
        .getByRole('row')
        .filter({ hasText: 'retention.applied' })
        .filter({ hasText: 'textsSent: 1' })
        .filter({ hasText: 'textDays: 30' });
      await entry.getByText('The system', { exact: true }).waitFor();
    });
  });

  it('the admin releases the hold with a reason and finds it among the released', async () => {
    assert.ok(holdId, 'the hold of the second test');

    await step(async () => {
      await nav().getByRole('link', { name: 'Admin', exact: true }).click();
      await releaseButton().click();
      const dialog = page.getByRole('dialog', {
        name: `Release the legal hold on Customer ${held.userId}`,
        exact: true,
      });
      const why = dialog.getByRole('textbox', { name: 'Reason for releasing', exact: true });
      await why.waitFor();
      await assertNoSeriousA11yViolations(page, 'admin: releasing a legal hold');
      await why.fill(RELEASE_REASON);
      const released = await answerTo(
        page,
        'POST',
        `/api/admin/legal-holds/${holdId}/release`,
        () => dialog.getByRole('button', { name: 'Release hold', exact: true }).click(),
      );
      assert.deepEqual(released.request().postDataJSON(), { reason: RELEASE_REASON });
      await holdNotice(`Released the legal hold on Customer ${held.userId}.`).waitFor();
      await holds().getByText('No customer is under a legal hold.', { exact: true }).waitFor();
    });

    await step(async () => {
      await answerTo(page, 'GET', '/api/admin/legal-holds', () =>
        holds().getByRole('checkbox', { name: 'Show released holds', exact: true }).check(),
      );
      const row = holdList().getByRole('row').filter({ hasText: HOLD_REASON });
      await row.getByText('Released', { exact: true }).waitFor();
      await row.getByText(RELEASE_REASON, { exact: true }).waitFor();
      assert.equal(
        await row.getByText(`by ${admin.body.agent.displayName}`, { exact: true }).count(),
        2,
        'placed and released by the admin',
      );
      assert.equal(await releaseButton().count(), 0, 'a released hold can be released again');
      await assertNoPageScroll(page, viewport, 'admin page with a released legal hold');
      await assertNoSeriousA11yViolations(page, 'admin: a released legal hold');
    });
  });

  it('an agent has no way to the legal holds, and the server refuses them', async () => {
    agent = await signInOverApi(DEMO_USERS.agent);
    assertErrorEnvelope(await as(agent, '/api/admin/legal-holds'), {
      status: 403,
      code: 'permission_denied',
    });
    assertErrorEnvelope(
      await post(agent, '/api/admin/legal-holds', { userId: other.userId, reason: 'Mine' }),
      { status: 403, code: 'permission_denied' },
    );

    await step(async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await signInAs(DEMO_USERS.agent);
      await nav().getByRole('link', { name: 'Queue', exact: true }).waitFor();
      assert.equal(await nav().getByRole('link', { name: 'Admin', exact: true }).count(), 0);
      assert.equal(await page.getByRole('link', { name: /legal hold/i }).count(), 0);
      await page.goto(`${server.url}/admin`);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
      assert.equal(await holds().count(), 0, 'the legal holds are shown to an agent');
    });
  });
});
