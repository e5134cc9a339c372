// Browser test of links and texts on the queue page: the agent sends a magic link and a text to
// the customer on screen; the stand-in (the customer's phone) receives them; the customer opens
// the link and the agent's screen says so without a reload; the text is followed to delivered.
// Real binary, built-in stand-in, clock pinned inside the calling window; by role and name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
} from '../support/browser.mjs';
import { login } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { textedLinkToken } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-messaging-auth-token';

describe('the agent sends links and texts from the queue page', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-messaging.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const panel = () => page.getByRole('region', { name: 'Links and texts' });

  it('sends a link the customer opens, and a text that is delivered', async () => {
    const user = DEMO_USERS.agent;
    // The agent holds a customer with a mobile; their screen gets that customer back.
    const api = await login(server.url, user.email, user.password);
    const lead = await holdCustomerWithPhone(server.url, api, 'mobile');

    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await statusButton('Offline').click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Available', exact: true }).click();
      await statusButton('Available').waitFor();
      const next = page.getByRole('button', { name: 'Next customer', exact: true });
      await page.waitForFunction((button) => button && !button.disabled, await next.elementHandle());
      await next.click();
      await page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
      await panel().getByText('No links sent yet').waitFor();
      await assertNoPageScroll(page, viewport, 'links and texts shown');
    });

    await step(async () => {
      await panel().getByRole('combobox', { name: 'Link type' }).selectOption({ label: 'Upload documents' });
      await panel().getByRole('button', { name: 'Send link', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Link sent' }).first().waitFor();
      await panel().getByText('Not opened yet').waitFor();
    });

    await step(async () => {
      // The customer's phone gets the text and they tap the link.
      const token = await textedLinkToken(server.url, AUTH_TOKEN);
      const click = await fetch(`${server.url}/l/${token}`, { redirect: 'manual' });
      assert.equal(click.status, 302);
      // The agent's screen says so, without a reload.
      await panel().getByText(/^Opened/).waitFor();
      assert.equal(await panel().getByText('Not opened yet').count(), 0);
    });

    await step(async () => {
      await panel().getByRole('textbox', { name: 'Text message' }).fill('Thanks Jane, speak soon.');
      await panel().getByRole('button', { name: 'Send text', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Text queued' }).first().waitFor();
      const text = panel()
        .getByRole('list', { name: 'Texts' })
        .getByRole('listitem')
        .filter({ hasText: 'Thanks Jane, speak soon.' });
      await text.waitFor();
      // The stand-in reports it sent, then delivered; the list follows.
      await text.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
      await assertNoPageScroll(page, viewport, 'after sending');
    });
  });
});
