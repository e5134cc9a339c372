// Browser test of the Customers page: the agent finds a customer by their phone number typed the
// way people say it (national format, with a space), opens their page, reads why they would be
// called and what has happened with them, presses Call now and lands on the queue page with that
// customer loaded. Real binary, built-in stand-in, clock pinned inside the calling window; by
// role and name only.
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
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-customers-auth-token';

/** "+447400123456" as people write it: "07400 123456". */
function nationalFormat(e164) {
  assert.match(e164, /^\+44\d{10}$/, `a UK number: ${e164}`);
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

describe('the agent finds a customer and calls them from their page', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-customers.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const results = () => page.getByRole('region', { name: 'Results', exact: true });
  const whyNow = () => page.getByRole('region', { name: 'Why now', exact: true });
  const timeline = () => page.getByRole('list', { name: 'Customer timeline', exact: true });

  it('searches by phone, opens the customer and takes them with Call now', async () => {
    const user = DEMO_USERS.agent;
    // A customer with a mobile. The dialler only ever shows numbers masked: the full one is read
    // off the stand-in (the customer's phone) after texting them, which also puts a text on
    // their timeline. Then the customer is given back, so that nobody holds them.
    const api = await login(server.url, user.email, user.password);
    const lead = await holdCustomerWithPhone(server.url, api, 'mobile');
    const words = 'Hello from the claims team, we will call you shortly.';
    const number = await numberByTexting(server.url, AUTH_TOKEN, api, lead.userId, words);
    const released = await request(server.url, `/api/queue/leads/${lead.userId}/release`, {
      method: 'POST',
      json: {},
      headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrfToken },
    });
    assert.equal(released.response.status, 200, JSON.stringify(released.body));
    const name = customerName(lead);
    const typed = nationalFormat(number);

    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await nav().getByRole('link', { name: 'Customers', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/customers');
    });

    await step(async () => {
      const box = page.getByRole('searchbox', { name: 'Search customers', exact: true });
      await box.fill(typed);
      await box.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === typed);
      const open = results().getByRole('link', { name: /^Open / });
      await open.first().waitFor();
      assert.equal(await open.count(), 1, 'exactly one customer has that number');
      assert.equal(await open.getAttribute('aria-label'), `Open ${name}`);
      const row = results()
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: `Open ${name}`, exact: true }) });
      const rowText = (await row.textContent()) ?? '';
      assert.ok(rowText.includes(lead.customer.phone.masked), `the masked number: ${rowText}`);
      await assertNoPageScroll(page, viewport, 'search results');
    });

    await step(async () => {
      await results().getByRole('link', { name: `Open ${name}`, exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/customers/${lead.userId}`);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Timeline', exact: true }).waitFor();
      await timeline().getByText(`“${words}”`).waitFor();
      await timeline().getByText('Text sent', { exact: true }).first().waitFor();
      await whyNow().getByText('Can be called now', { exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'customer page');
    });

    await step(async () => {
      await whyNow().getByRole('button', { name: 'Call now', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      const loaded = page.getByRole('heading', { level: 3, name, exact: true });
      await loaded.waitFor();
      assert.equal(
        await loaded.evaluate((element) => element === document.activeElement),
        true,
        'the customer is announced',
      );
      await page.getByRole('region', { name: 'After the call', exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'queue page with the customer');
    });

    await step(async () => {
      // The agent holds them now: the server hands the same customer back to Next customer.
      const next = await request(server.url, '/api/queue/next', {
        method: 'POST',
        json: {},
        headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrfToken },
      });
      assert.equal(next.response.status, 200, JSON.stringify(next.body));
      assert.equal(next.body.lead?.userId, lead.userId);
    });
  });
});
