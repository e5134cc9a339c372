// Browser test of the SMS inbox: a customer texts in through the stand-in; the agent, on another
// page, sees the SMS entry count it without a reload, opens the conversation (the count clears),
// replies, and the reply reaches the customer's phone. Then the customer texts STOP: the thread
// says they opted out and blocks sending, and their phone gets exactly one confirmation.
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
import { eventually, login } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting, standIn } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-sms-inbox-auth-token';

describe('the agent answers texts in the SMS inbox', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-sms-inbox.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const smsLink = (name) => nav().getByRole('link', { name, exact: true });
  const thread = () => page.getByRole('region', { name: 'Conversation', exact: true });
  const messages = () => thread().getByRole('list', { name: 'Messages', exact: true });
  const sendReply = () => thread().getByRole('button', { name: 'Send reply', exact: true });

  /** Texts the customer texts us, as the stand-in (their phone) sends them. */
  async function customerTexts(from, body) {
    const sent = await standIn(server.url, AUTH_TOKEN, '/sim/inbound/messages', { from, body });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    return sent.body.messageSid;
  }

  /** The texts the customer's phone has received so far, oldest first. */
  async function textsTo(number) {
    const { response, body } = await standIn(server.url, AUTH_TOKEN, '/sim/messages');
    assert.equal(response.status, 200, JSON.stringify(body));
    return body.messages.filter((message) => message.to === number);
  }

  it('shows an incoming text, sends a reply, and blocks replies after STOP', async () => {
    const user = DEMO_USERS.agent;
    // A customer with a mobile, held by the agent, who has texted them (as after a call).
    const api = await login(server.url, user.email, user.password);
    const lead = await holdCustomerWithPhone(server.url, api, 'mobile');
    const number = await numberByTexting(
      server.url,
      AUTH_TOKEN,
      api,
      lead.userId,
      'Hello from the claims team.',
    );
    const ending = /(\d+)\s*$/.exec(lead.customer.phone.masked)?.[1];
    assert.ok(ending, `masked number ${lead.customer.phone.masked}`);
    const reply = 'Thanks for asking, your claim is going well.';

    await step(async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/queue');
      await smsLink('SMS').waitFor();
      // Gone if the page reloads: the count must arrive over the live socket.
      await page.evaluate(() => {
        window.noReloadMarker = true;
      });
    });

    await step(async () => {
      await customerTexts(number, 'Hello, is my claim ok?');
      await smsLink('SMS, 1 unread').waitFor();
      assert.equal(await page.evaluate(() => window.noReloadMarker), true, 'the page reloaded');
      assert.equal(new URL(page.url()).pathname, '/queue');
    });

    await step(async () => {
      await smsLink('SMS, 1 unread').click();
      await page.waitForURL((url) => url.pathname === '/sms');
      const row = page
        .getByRole('list', { name: 'Conversations', exact: true })
        .getByRole('button', { name: new RegExp(`number ending ${ending}\\b`) });
      await row.getByText('1 unread', { exact: true }).waitFor();
      const rowText = (await row.textContent()) ?? '';
      assert.ok(
        rowText.toLowerCase().includes(customerName(lead).toLowerCase()),
        `the row names the customer: ${rowText}`,
      );
      await row.click();
      await messages().getByText('Hello, is my claim ok?', { exact: true }).waitFor();
      // Opening it reads it: the count clears.
      await smsLink('SMS').waitFor();
      await assertNoPageScroll(page, viewport, 'conversation open');
    });

    await step(async () => {
      await thread().getByRole('textbox', { name: 'Reply', exact: true }).fill(reply);
      await sendReply().click();
      const sent = messages().getByRole('listitem').filter({ hasText: reply });
      await sent.waitFor();
      // The customer's phone gets it, and the thread follows it to delivered.
      await eventually(
        async () => (await textsTo(number)).some((text) => text.body === reply),
        'the reply reaches the customer',
      );
      await sent.getByText('Delivered', { exact: true }).waitFor({ timeout: 15_000 });
    });

    await step(async () => {
      const before = (await textsTo(number)).length;
      const stop = await customerTexts(number, 'STOP');
      await messages().getByText('STOP', { exact: true }).waitFor();
      await thread()
        .getByRole('status')
        .filter({ hasText: 'This customer has opted out of texts' })
        .waitFor();
      assert.equal(await sendReply().isDisabled(), true, 'Send reply is disabled');
      // The conversation is on screen, so the new text is read at once: no count comes back.
      await smsLink('SMS').waitFor();
      // Once the dialler has taken the STOP (its webhook answered), the phone holds exactly one
      // confirmation: opting out is confirmed once, never by a second text from us.
      await eventually(async () => {
        const { body } = await standIn(server.url, AUTH_TOKEN, `/sim/inbound/messages/${stop}`);
        return body.webhookStatus === 200;
      }, 'the STOP is answered');
      const after = await eventually(async () => {
        const texts = await textsTo(number);
        return texts.length > before ? texts : undefined;
      }, 'the customer gets a confirmation');
      assert.equal(after.length, before + 1, JSON.stringify(after.slice(before)));
      await assertNoPageScroll(page, viewport, 'opted out');
    });
  });
});
