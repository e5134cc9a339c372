// Browser smoke test of the agent's call screen: the real binary with discovered queues and its
// clock pinned inside the calling window (Wednesday 2026-11-04 11:00 GMT, as e2e/api/queue.test.mjs
// does), driven in Debian's headless Chromium by role and accessible name only.
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

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;

describe('the agent works a customer on the queue page', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-queue.png' });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nextCustomer = () => page.getByRole('button', { name: 'Next customer', exact: true });
  /** The status menu button in the top bar; its name says the status ("Status: Offline"). */
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });

  /** Waits until the locator's element has the keyboard focus. */
  async function waitForFocus(locator) {
    const handle = await locator.elementHandle();
    await page.waitForFunction((element) => document.activeElement === element, handle);
  }

  /** Presses `press` and returns the parsed body of the POST /api/queue/next it causes. */
  async function takeNext(press) {
    const answer = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/queue/next' &&
        response.request().method() === 'POST',
    );
    await press();
    const response = await answer;
    assert.equal(response.status(), 200, await response.text());
    const body = await response.json();
    assert.ok(body.lead, `expected a customer: ${JSON.stringify(body)}`);
    return body.lead;
  }

  it('takes the next customer, records No answer and is back on Next customer', async () => {
    const user = DEMO_USERS.agent;

    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await page.getByRole('heading', { name: 'No customer loaded' }).waitFor();
      await page.getByRole('combobox', { name: 'Queue' }).waitFor();
      await assertNoPageScroll(page, viewport, 'no customer');
    });

    await step(async () => {
      // Signing in leaves the agent offline: no customers until they say they are available.
      await statusButton('Offline').waitFor();
      await page.getByText('Set yourself Available to take customers', { exact: true }).waitFor();
      assert.equal(await nextCustomer().isDisabled(), true, 'Next customer is enabled offline');

      await statusButton('Offline').click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Available', exact: true }).click();
      await statusButton('Available').waitFor();
      await page.waitForFunction(
        (button) => button && !button.disabled,
        await nextCustomer().elementHandle(),
      );
    });

    let lead;
    await step(async () => {
      lead = await takeNext(() => nextCustomer().click());
      await page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
      if (lead.claims.length > 0) {
        const claims = page.getByRole('list', { name: 'Claims' });
        await claims.waitFor();
        const lender = lead.claims.find((claim) => claim.lender)?.lender;
        if (lender) await claims.getByText(lender).first().waitFor();
      }
      await assertNoPageScroll(page, viewport, 'customer loaded');
    });

    await step(async () => {
      const outcome = page.getByRole('radiogroup', { name: 'Outcome' });
      await outcome.getByRole('radio', { name: 'No answer', exact: true }).check();
      const saved = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === `/api/queue/leads/${lead.userId}/outcome`,
      );
      await page.getByRole('button', { name: 'Save outcome', exact: true }).click();
      const response = await saved;
      assert.equal(response.status(), 201, await response.text());

      await page.getByRole('status').filter({ hasText: 'Outcome saved' }).waitFor();
      await waitForFocus(nextCustomer());
      assert.equal(
        await page.getByRole('heading', { level: 3, name: customerName(lead) }).count(),
        0,
        'the customer is still shown after saving',
      );
    });

    await step(async () => {
      // One key away: N (focus is on the button, not in a text field) takes the next customer.
      const second = await takeNext(() => page.keyboard.press('n'));
      assert.notEqual(second.userId, lead.userId, 'the saved customer came straight back');
      await page.getByRole('heading', { level: 3, name: customerName(second) }).waitFor();

      // Leave nobody held.
      await page.getByRole('button', { name: 'Release', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Customer released' }).waitFor();
      await waitForFocus(nextCustomer());
    });
  });

  it('books a call back only inside the calling hours', async () => {
    let lead;
    await step(async () => {
      // The agent is still available from the first test: one press takes the next customer.
      lead = await takeNext(() => nextCustomer().click());
      await page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
      await page
        .getByRole('radiogroup', { name: 'Outcome' })
        .getByRole('radio', { name: 'Call back', exact: true })
        .check();
    });

    await step(async () => {
      const day = page.getByRole('combobox', { name: 'Callback day', exact: true });
      const time = page.getByRole('combobox', { name: 'Callback time', exact: true });
      await day.waitFor();
      const labels = (select) => select.getByRole('option').allTextContents();
      // Wednesday 11:00 on the server's clock: today from 11:15, no Sunday (closed).
      const days = await labels(day);
      assert.equal(days[0], 'Wed 4 Nov', days.join(', '));
      assert.ok(days.includes('Sat 7 Nov') && days.includes('Mon 9 Nov'), days.join(', '));
      assert.ok(!days.includes('Sun 8 Nov'), `Sunday is offered: ${days.join(', ')}`);
      const today = await labels(time);
      assert.deepEqual(today.slice(0, 2), ['Choose a time', '11:15']);
      assert.equal(today.at(-1), '19:45');

      // Saturday's hours are shorter: 09:00 to 17:00.
      await day.selectOption({ label: 'Sat 7 Nov' });
      const saturday = await labels(time);
      assert.equal(saturday[1], '09:00');
      assert.equal(saturday.at(-1), '16:45');
      await time.selectOption({ label: '16:30' });
      await assertNoPageScroll(page, viewport, 'call back chosen');
    });

    await step(async () => {
      const saved = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === `/api/queue/leads/${lead.userId}/outcome`,
      );
      await page.getByRole('button', { name: 'Save outcome', exact: true }).click();
      const response = await saved;
      assert.equal(response.status(), 201, await response.text());
      assert.equal(response.request().postDataJSON().callbackAt, '2026-11-07T16:30:00Z');
      await page.getByRole('status').filter({ hasText: 'Outcome saved' }).waitFor();
      await waitForFocus(nextCustomer());
    });
  });

  it("follows another agent's work in the queue counts, live", async () => {
    const picker = () => page.getByRole('combobox', { name: 'Queue' });
    const unsigned = (count) =>
      picker().getByRole('option', { name: `Unsigned (${count})`, exact: true });
    let before;
    await step(async () => {
      const text = await picker()
        .getByRole('option', { name: /^Unsigned \(\d+\)$/ })
        .textContent();
      before = Number(/\((\d+)\)/.exec(text)[1]);
      assert.ok(before > 0, `nobody callable in the unsigned queue: ${text}`);
    });

    // Someone else takes a customer and gives them back, through the API: the page learns of it
    // only from the live socket (nothing on the page is pressed, nothing polls).
    const supervisor = await login(
      server.url,
      DEMO_USERS.supervisor.email,
      DEMO_USERS.supervisor.password,
    );
    assert.equal(supervisor.response.status, 200, JSON.stringify(supervisor.body));
    const asSupervisor = { Cookie: supervisor.cookie, 'X-CSRF-Token': supervisor.csrfToken };
    let taken;
    await step(async () => {
      const next = await request(server.url, '/api/queue/next', {
        method: 'POST',
        json: { queue: 'unsigned' },
        headers: asSupervisor,
      });
      assert.equal(next.response.status, 200, JSON.stringify(next.body));
      taken = next.body.lead;
      assert.ok(taken, `expected a customer: ${JSON.stringify(next.body)}`);
      await unsigned(before - 1).waitFor({ state: 'attached' });
    });

    await step(async () => {
      const released = await request(
        server.url,
        `/api/queue/leads/${encodeURIComponent(taken.userId)}/release`,
        { method: 'POST', headers: asSupervisor },
      );
      assert.equal(released.response.status, 200, JSON.stringify(released.body));
      await unsigned(before).waitFor({ state: 'attached' });
    });
  });
});
