// Browser test of the Callbacks page: the agent books a call back from the queue page's outcome
// form, finds it under Mine, is reminded of it on the Queue page a few minutes before it is due
// (the server's reminder job, run at once through its admin test hook on the test clock),
// reschedules it and cancels it with a reason; then a supervisor gives a team callback to anyone
// on the team. Real binary, clock pinned inside the calling window (Wednesday 2026-11-04, GMT),
// by role and accessible name only.
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
import { login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const CALLBACK_AT = '2026-11-04T11:30:00Z';
const FOUR_MINUTES_BEFORE = '2026-11-04T11:26:00Z';
const viewport = LAPTOP_VIEWPORT;

describe('callbacks: booked, reminded, rescheduled, cancelled and reassigned', () => {
  let server;
  let browser;
  let page;
  let step;
  let lead;
  /** The callback the agent books in the first test. */
  let callbackId;

  before(async () => {
    // The test clock jumps ahead 26 minutes: long idle sessions keep the browser signed in.
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', SESSION_IDLE_MINUTES: '600' });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-callbacks.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const nextCustomer = () => page.getByRole('button', { name: 'Next customer', exact: true });
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const tab = (name) => page.getByRole('tab', { name, exact: true });
  const pageNotice = (text) => page.getByRole('status').filter({ hasText: text });
  const reminders = () => page.getByRole('status', { name: 'Callback reminders', exact: true });
  const rowOf = (name) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  const signIn = (user) => signInPage(page, server, user);

  const answerTo = (method, pathname, act, status) =>
    answerToPage(page, method, pathname, act, status);

  /** A POST to an admin-only test hook; asserts it answered 200 and returns its body. */
  async function asAdmin(pathname, json) {
    const admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    assert.equal(admin.response.status, 200, JSON.stringify(admin.body));
    const answer = await request(server.url, pathname, {
      method: 'POST',
      json,
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    });
    assert.equal(answer.response.status, 200, `${pathname}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function pinClock(now) {
    await asAdmin('/api/testing/clock', { now });
  }

  /**
   * Runs the server's reminder job now (it runs once a minute by itself) and returns how many
   * callbacks it announced.
   */
  async function runReminderJob() {
    const answer = await asAdmin('/api/testing/jobs/callbacks.reminders');
    assert.equal(answer.job, 'callbacks.reminders', JSON.stringify(answer));
    return answer.result;
  }

  it('the agent books a call back from the outcome form and finds it under Mine', async () => {
    await step(async () => {
      await signIn(DEMO_USERS.agent);
      await statusButton('Offline').click();
      await page
        .getByRole('menu')
        .getByRole('menuitem', { name: 'Available', exact: true })
        .click();
      await statusButton('Available').waitFor();
      await page.waitForFunction(
        (button) => button && !button.disabled,
        await nextCustomer().elementHandle(),
      );
      const response = await answerTo('POST', '/api/queue/next', () => nextCustomer().click());
      ({ lead } = await response.json());
      assert.ok(lead, 'expected a customer');
      await page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
    });

    await step(async () => {
      // No call needed: Call back can be saved straight from the outcome form.
      await page
        .getByRole('radiogroup', { name: 'Outcome' })
        .getByRole('radio', { name: 'Call back', exact: true })
        .check();
      const day = page.getByRole('combobox', { name: 'Callback day', exact: true });
      await day.selectOption({ label: 'Wed 4 Nov' });
      await page
        .getByRole('combobox', { name: 'Callback time', exact: true })
        .selectOption({ label: '11:30' });
      const saved = await answerTo(
        'POST',
        `/api/queue/leads/${lead.userId}/outcome`,
        () => page.getByRole('button', { name: 'Save outcome', exact: true }).click(),
        201,
      );
      assert.equal(saved.request().postDataJSON().callbackAt, CALLBACK_AT);
      await pageNotice('Outcome saved').waitFor();
    });

    await step(async () => {
      const listed = await answerTo('GET', '/api/callbacks', () =>
        nav().getByRole('link', { name: 'Callbacks', exact: true }).click(),
      );
      const { callbacks } = await listed.json();
      const booked = callbacks.find((callback) => callback.userId === lead.userId);
      assert.ok(booked, `the new callback is not listed: ${JSON.stringify(callbacks)}`);
      assert.equal(booked.scheduledFor, CALLBACK_AT);
      callbackId = booked.id;
      await page.getByRole('heading', { level: 1, name: 'Callbacks' }).waitFor();
      assert.equal(await tab('Mine').getAttribute('aria-selected'), 'true');
      const row = rowOf(customerName(lead));
      await row.waitFor();
      await row.getByText('Wed 4 Nov, 11:30', { exact: true }).waitFor();
      await row.getByText('Pending', { exact: true }).waitFor();
      const link = row.getByRole('link', { name: customerName(lead), exact: true });
      assert.equal(await link.getAttribute('href'), `/customers/${lead.userId}`);
      await assertNoPageScroll(page, viewport, 'callbacks, mine');
    });
  });

  it('reminds the agent on the Queue page a few minutes before it is due', async () => {
    await step(async () => {
      await nav().getByRole('link', { name: 'Queue', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await pinClock(FOUR_MINUTES_BEFORE);
      // The job's own round, rather than waiting up to a minute for it: it announces this one
      // callback, and the page shows it.
      assert.equal(await runReminderJob(), 1, 'callbacks announced');
      await reminders()
        .getByText(`Callback due soon: ${customerName(lead)} at 11:30`, { exact: true })
        .waitFor();
      await assertNoPageScroll(page, viewport, 'queue, with a reminder');
    });

    await step(async () => {
      await reminders().getByRole('link', { name: 'Open Callbacks', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/callbacks');
      await rowOf(customerName(lead)).waitFor();
      // Followed, so it goes.
      assert.equal(await reminders().getByText('Callback due soon').count(), 0);
    });
  });

  it('the agent reschedules the callback, then cancels it with a reason', async () => {
    const name = customerName(lead);
    await step(async () => {
      await page
        .getByRole('button', { name: `Reschedule callback for ${name}`, exact: true })
        .click();
      const dialog = page.getByRole('dialog', { name: `Reschedule callback for ${name}` });
      await dialog
        .getByRole('combobox', { name: 'Callback day' })
        .selectOption({ label: 'Thu 5 Nov' });
      await dialog
        .getByRole('combobox', { name: 'Callback time' })
        .selectOption({ label: '10:00' });
      await assertNoPageScroll(page, viewport, 'reschedule dialog');
      const response = await answerTo('POST', `/api/callbacks/${callbackId}/reschedule`, () =>
        dialog.getByRole('button', { name: 'Save new time', exact: true }).click(),
      );
      assert.equal(response.request().postDataJSON().scheduledFor, '2026-11-05T10:00:00Z');
      await pageNotice(`Callback for ${name} moved to Thu 5 Nov, 10:00`).waitFor();
      await rowOf(name).getByText('Thu 5 Nov, 10:00', { exact: true }).waitFor();
    });

    await step(async () => {
      await page.getByRole('button', { name: `Cancel callback for ${name}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Cancel callback for ${name}` });
      await dialog
        .getByRole('textbox', { name: 'Reason for cancelling' })
        .fill('Customer signed online; no call needed');
      await answerTo('POST', `/api/callbacks/${callbackId}/cancel`, () =>
        dialog.getByRole('button', { name: 'Cancel callback', exact: true }).click(),
      );
      await pageNotice(`Callback for ${name} cancelled`).waitFor();
      await page
        .getByRole('button', { name: `Reschedule callback for ${name}`, exact: true })
        .waitFor({ state: 'detached' });
    });
  });

  it('a supervisor gives a team callback to anyone on the team', async () => {
    const name = customerName(lead);
    await step(async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
    });

    // The agent books another callback for the same customer, through the API.
    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    const booked = await request(server.url, '/api/callbacks', {
      method: 'POST',
      json: { userId: lead.userId, scheduledFor: '2026-11-05T12:00:00Z', notes: 'After lunch' },
      headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrfToken },
    });
    assert.equal(booked.response.status, 201, JSON.stringify(booked.body));
    const teamCallbackId = booked.body.callback.id;

    await step(async () => {
      await signIn(DEMO_USERS.supervisor);
      await nav().getByRole('link', { name: 'Callbacks', exact: true }).click();
      await tab('Team').click();
      await page.waitForURL((url) => url.search === '?show=team');
      await rowOf(name).getByText('Thu 5 Nov, 12:00', { exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'callbacks, team');
    });

    await step(async () => {
      await page
        .getByRole('button', { name: `Reassign callback for ${name}`, exact: true })
        .click();
      const dialog = page.getByRole('dialog', { name: `Reassign callback for ${name}` });
      await dialog
        .getByRole('combobox', { name: 'Give the callback to' })
        .selectOption({ label: 'Anyone on the team' });
      const response = await answerTo('POST', `/api/callbacks/${teamCallbackId}/reassign`, () =>
        dialog.getByRole('button', { name: 'Reassign', exact: true }).click(),
      );
      assert.deepEqual(response.request().postDataJSON(), { agentId: null });
      await pageNotice(`Callback for ${name} given to anyone on the team`).waitFor();
      await rowOf(name).getByText('Anyone on the team', { exact: true }).waitFor();
    });
  });
});
