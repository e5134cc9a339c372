// Browser smoke test of the agent's call screen: the real binary with discovered queues and its
// clock pinned inside the calling window (Wednesday 2026-11-04 11:00 GMT, as e2e/api/queue.test.mjs
// does), driven in Debian's headless Chromium by role and accessible name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openBrowser, prepareQueues } from '../support/browser.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
// The laptop the screen is designed for (docs: screens.md): everything fits without page scroll.
const viewport = { width: 1366, height: 768 };

/** The name the page shows for a customer (labels.ts customerName). */
function customerName(lead) {
  const name = [lead.customer.firstName, lead.customer.lastName]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' ');
  return name === '' ? `Customer ${lead.userId}` : name;
}

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

  /** Waits until the locator's element has the keyboard focus. */
  async function waitForFocus(locator) {
    const handle = await locator.elementHandle();
    await page.waitForFunction((element) => document.activeElement === element, handle);
  }

  async function assertNoPageScroll(label) {
    const { scrollHeight, scrollWidth } = await page.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(
      scrollHeight <= viewport.height && scrollWidth <= viewport.width,
      `${label}: the page scrolls (${scrollWidth}x${scrollHeight} in ${viewport.width}x${viewport.height})`,
    );
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
      await assertNoPageScroll('no customer');
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
      await assertNoPageScroll('customer loaded');
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
});
