// Browser accessibility scan: every page an agent and a supervisor can open (and the admin's own
// page), in its main states (a customer's call ringing among them), checked with axe-core against
// the WCAG 2.0/2.1 A and AA rules at the laptop size the screens are designed for (screens.md:
// every control named, status colours paired with text, …). A serious or critical violation fails the test; the scan carries on
// through the remaining states first, so that one run lists every page at fault. Real binary with
// its Twilio stand-in, the clock running from inside the calling window (Wednesday 2026-11-04
// 11:00 GMT), by role and name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo as answerToPage,
  assertNoSeriousA11yViolations,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn as signInPage,
} from '../support/browser.mjs';
import { login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { numberByTexting, scriptNextCustomer, standIn } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const FOUR_MINUTES_BEFORE = '2026-11-04T11:26:00Z'; // the callback below is due soon
const AFTER_THE_CALLBACK = '2026-11-04T11:45:00Z'; // …and then overdue
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-accessibility-auth-token';

/** "+447400123456" as people write it: "07400 123456". */
function nationalFormat(e164) {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

describe('accessibility: every page and state agents, supervisors and admins see', () => {
  let server;
  let browser;
  let page;
  let step;
  /**
   * The customer the agent works: a mobile, texted, who texted back; called, then booked for a
   * call back that becomes overdue.
   */
  let lead;
  /** Their full number, as their phone (the stand-in) knows it. */
  let number;

  before(async () => {
    // The clock jumps ahead below: long idle sessions keep the browser signed in.
    server = await startServer({
      ENABLE_TEST_ENDPOINTS: 'true',
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      SESSION_IDLE_MINUTES: '600',
    });
    // Running, not pinned: the call's ring and talk are measured on the server's clock.
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-accessibility.png', server });
    ({ page, step } = browser);

    // A conversation in the SMS inbox: the agent texts a customer, who texts back.
    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    lead = await holdCustomerWithPhone(server.url, agent, 'mobile');
    number = await numberByTexting(
      server.url,
      AUTH_TOKEN,
      agent,
      lead.userId,
      'Hello from the claims team.',
    );
    await customerTexts('Hello, is my claim ok?');
    // Still held by the agent: the browser's Next customer gets them back.
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const navLink = (name) => nav().getByRole('link', { name, exact: true });
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const nextCustomer = () => page.getByRole('button', { name: 'Next customer', exact: true });
  const softphone = () => page.getByRole('region', { name: 'Softphone' });
  const callStatus = (text) =>
    softphone().getByRole('status', { name: 'Call status' }).filter({ hasText: text });
  const tab = (name) => page.getByRole('tab', { name, exact: true });
  const dialog = (name) => page.getByRole('dialog', { name });
  const links = () => page.getByRole('region', { name: 'Links and texts' });
  /** The customer's row in the SMS inbox's list, found by the end of their number. */
  const conversationRow = () => {
    const ending = /(\d+)\s*$/.exec(lead.customer.phone.masked)?.[1];
    return page
      .getByRole('list', { name: 'Conversations', exact: true })
      .getByRole('button', { name: new RegExp(`number ending ${ending}\\b`) });
  };

  /**
   * The scan of the page as it is now. A violation is kept, not thrown, so that the remaining
   * states are scanned too: scanning(fn) runs a test's steps and then fails with every one found
   * (or, when a step fails for another reason, adds those found so far to its error).
   */
  let failures = [];
  async function scan(label) {
    try {
      await assertNoSeriousA11yViolations(page, label);
    } catch (error) {
      if (!(error instanceof assert.AssertionError)) throw error;
      failures.push(error.message);
    }
  }
  async function scanning(fn) {
    failures = [];
    try {
      await fn();
    } catch (error) {
      if (failures.length > 0) {
        error.message +=
          `\n--- accessibility violations found before that ---\n${failures.join('\n\n')}`;
      }
      throw error;
    }
    assert.equal(failures.length, 0, `\n${failures.join('\n\n')}`);
  }

  /** Admin-only test hooks (the clock, the jobs), through the API. */
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

  /** A text from the customer's phone to us, through the stand-in. */
  async function customerTexts(body) {
    const sent = await standIn(server.url, AUTH_TOKEN, '/sim/inbound/messages', {
      from: number,
      body,
    });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
  }

  async function signIn(user) {
    await signInPage(page, server, user);
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  }

  async function signOut() {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
  }

  const answerTo = (method, pathname, act, status) =>
    answerToPage(page, method, pathname, act, status);

  async function goAvailable() {
    await page.getByRole('banner').getByRole('button', { name: /^Status: / }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Available', exact: true }).click();
    await statusButton('Available').waitFor();
    await page.waitForFunction(
      (button) => button && !button.disabled,
      await nextCustomer().elementHandle(),
    );
  }

  async function takeNext() {
    const response = await answerTo('POST', '/api/queue/next', () => nextCustomer().click());
    const body = await response.json();
    assert.ok(body.lead, `expected a customer: ${JSON.stringify(body)}`);
    await page.getByRole('heading', { level: 3, name: customerName(body.lead) }).waitFor();
    return body.lead;
  }

  /**
   * The keyboard shortcuts help (`?`, screens.md), where the page has one: true when a dialog
   * opened and was scanned (it must close again on Escape).
   */
  async function scanHelpOverlay(label) {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog');
    const opened = await help
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) return false;
    await scan(label);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    return true;
  }

  async function scanCallbackTabs(who) {
    await navLink('Callbacks').click();
    await page.getByRole('heading', { level: 1, name: 'Callbacks' }).waitFor();
    for (const name of ['Mine', 'Team', 'Overdue']) {
      await tab(name).click();
      await page.waitForFunction(
        (element) => element.getAttribute('aria-selected') === 'true',
        await tab(name).elementHandle(),
      );
      await page.getByRole('region', { name: `${name} callbacks`, exact: true }).waitFor();
      await page.getByText(/^Loading callbacks/).waitFor({ state: 'detached' });
      await scan(`${who}: callbacks, ${name}`);
    }
    await tab('Team').click();
    await page.getByRole('link', { name: customerName(lead), exact: true }).waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter by customer', exact: true });
    await filter.fill('zzzz-nobody');
    await page.getByText('No callbacks match the filters', { exact: true }).waitFor();
    await scan(`${who}: callbacks, nothing matches the filter`);
    await filter.fill('');
  }

  async function scanSms(who) {
    await nav().getByRole('link', { name: /^SMS/ }).click();
    await page.waitForURL((url) => url.pathname === '/sms');
    await conversationRow().waitFor();
    await scan(`${who}: SMS, list`);
    await conversationRow().click();
    const thread = page.getByRole('region', { name: 'Conversation', exact: true });
    await thread
      .getByRole('list', { name: 'Messages', exact: true })
      .getByText('Hello, is my claim ok?', { exact: true })
      .waitFor();
    await scan(`${who}: SMS, conversation open`);
    return thread;
  }

  async function scanCustomers(who) {
    await navLink('Customers').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    const box = page.getByRole('searchbox', { name: 'Search customers', exact: true });
    await box.waitFor();
    await scan(`${who}: customers, no search yet`);
    const typed = nationalFormat(number);
    await box.fill(typed);
    await box.press('Enter');
    const results = page.getByRole('region', { name: 'Results', exact: true });
    const open = results.getByRole('link', { name: `Open ${customerName(lead)}`, exact: true });
    await open.waitFor();
    await scan(`${who}: customers, search results`);

    await box.fill('zzzz-nobody-is-called-this');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'zzzz-nobody-is-called-this');
    await open.waitFor({ state: 'detached' });
    await page.getByText(/^Searching/).waitFor({ state: 'detached' });
    await scan(`${who}: customers, no results`);
    await page.goBack();
    await open.click();
    await page.waitForURL((url) => url.pathname === `/customers/${lead.userId}`);
    await page.getByRole('heading', { level: 1, name: customerName(lead), exact: true }).waitFor();
    await page.getByRole('list', { name: 'Customer timeline', exact: true }).waitFor();
    await scan(`${who}: a customer's page`);

    await page.goto(`${server.url}/customers/999999999`);
    await page
      .getByRole('heading', { level: 1, name: 'No customer with number 999999999' })
      .waitFor();
    await scan(`${who}: a customer who does not exist`);
    await page.goto(`${server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await scan(`${who}: page not found`);
  }

  it('the sign-in page, empty and refusing a wrong password', async () => {
    await scanning(async () => {
      await step(async () => {
        await page.goto(`${server.url}/login`);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        await scan('sign-in page');
        await page.getByLabel('Email').fill(DEMO_USERS.agent.email);
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
        assert.equal(new URL(page.url()).pathname, '/login');
        await scan('sign-in page, wrong password');
      });
    });
  });

  it('an admin: the queue counts and the Admin page with its template form', async () => {
    await scanning(async () => {
      await step(async () => {
        await signIn(DEMO_USERS.admin);
        await scan('admin: queue (counts only)');
        await navLink('Admin').click();
        await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
        const templates = page.getByRole('region', { name: 'Text templates', exact: true });
        await templates.getByRole('row', { name: /^Missed call\b/ }).waitFor();
        await page.getByRole('form', { name: 'Calling hours', exact: true }).waitFor();
        const accounts = page.getByRole('region', { name: 'Agent accounts', exact: true });
        await accounts.getByRole('row', { name: /^Demo Agent\b/ }).waitFor();
        await scan('admin: admin page');

        await accounts.getByRole('button', { name: 'Edit Demo Agent', exact: true }).click();
        await dialog('Edit Demo Agent')
          .getByRole('form', { name: 'Account details', exact: true })
          .waitFor();
        await scan('admin: admin page, editing an agent account');
        await page.keyboard.press('Escape');
        await dialog('Edit Demo Agent').waitFor({ state: 'detached' });

        const adding = templates.getByRole('form', { name: 'New template', exact: true });
        await adding.getByRole('textbox', { name: 'Name', exact: true }).fill('Claim news');
        await adding
          .getByRole('combobox', { name: 'Kind', exact: true })
          .selectOption({ label: 'Marketing' });
        const text = adding.getByRole('textbox', { name: 'Text', exact: true });
        await text.fill('Hi {firstName}, there is news about your claim.');
        await adding.getByRole('button', { name: 'Save template', exact: true }).click();
        await page.waitForFunction(
          (element) => element?.getAttribute('aria-invalid') === 'true',
          await text.elementHandle(),
        );
        await scan('admin: admin page, a template refused');
        await text.fill('Hi {firstName}, there is news about your claim. Reply STOP to opt out');
        await adding.getByRole('button', { name: 'Save template', exact: true }).click();
        await templates
          .getByRole('status')
          .filter({ hasText: 'Added "Claim news" (v1)' })
          .waitFor();
        await templates.getByRole('button', { name: 'Edit Claim news', exact: true }).click();
        await templates.getByRole('form', { name: 'Edit Claim news', exact: true }).waitFor();
        await scan('admin: admin page, editing a template');
        await templates.getByRole('button', { name: 'Retire Claim news', exact: true }).click();
        await templates.getByRole('button', { name: 'Restore Claim news', exact: true }).waitFor();
        await scan('admin: admin page, a retired template');
        await signOut();
      });
    });
  });

  it('an agent: queue, a call and its wrap-up, callbacks, SMS and customers', async (t) => {
    await scanning(async () => {
      await step(async () => {
        await signIn(DEMO_USERS.agent);
        await statusButton('Offline').waitFor();
        await page.getByRole('heading', { name: 'No customer loaded' }).waitFor();
        await scan('agent: queue, offline, no customer');
        await statusButton('Offline').click();
        await page.getByRole('menu').waitFor();
        await scan('agent: queue, status menu open');
        await page.keyboard.press('Escape');
        await page.getByRole('menu').waitFor({ state: 'detached' });
        await goAvailable();
        await scan('agent: queue, available, no customer');
        if (!(await scanHelpOverlay('agent: queue, shortcuts help'))) {
          t.diagnostic('no shortcuts help opened on "?": not scanned');
        }
      });

      await step(async () => {
        const loaded = await takeNext();
        assert.equal(loaded.userId, lead.userId, 'the held customer comes back');
        await page.getByRole('region', { name: 'After the call', exact: true }).waitFor();
        await links().getByRole('list', { name: 'Texts' }).getByRole('listitem').first().waitFor();
        await scan('agent: queue, customer loaded');
      });

      await step(async () => {
        // The links and texts panel: its errors, a link sent, a template chosen.
        await links().getByRole('button', { name: 'Send link', exact: true }).click();
        await links().getByText('Choose the link to send.', { exact: true }).waitFor();
        await links().getByRole('button', { name: 'Send text', exact: true }).click();
        await links().getByText('Write the text first.', { exact: true }).waitFor();
        await scan('agent: queue, link and text forms refusing to send nothing');
        await links().getByRole('combobox', { name: 'Link type', exact: true }).selectOption({
          index: 1,
        });
        await links().getByRole('button', { name: 'Send link', exact: true }).click();
        await links().getByRole('status').filter({ hasText: 'Link sent' }).waitFor();
        await links()
          .getByRole('list', { name: 'Links sent' })
          .getByRole('listitem')
          .first()
          .waitFor();
        const template = links().getByRole('combobox', { name: 'Template', exact: true });
        await template.getByRole('option', { name: 'Missed call' }).waitFor({ state: 'attached' });
        await template.selectOption({ label: 'Missed call' });
        await links().getByRole('textbox', { name: 'Text to send', exact: true }).waitFor();
        await scan('agent: queue, a link sent and a template chosen');
        await template.selectOption({ label: 'Write my own' });
      });

      await step(async () => {
        // A short answered call, hung up by the agent: then the outcome form is all that is left.
        const scripted = await scriptNextCustomer(server.url, AUTH_TOKEN, {
          behaviour: 'answer',
          ringMs: 500,
        });
        assert.ok(scripted.response.ok, `POST /sim/customers: ${scripted.text}`);
        await answerTo(
          'POST',
          '/api/call-sessions',
          () => softphone().getByRole('button', { name: 'Call', exact: true }).click(),
          201,
        );
        await callStatus(/^Connected$/).waitFor();
        await scan('agent: queue, in a call');
        await softphone().getByRole('button', { name: 'Hang up', exact: true }).click();
        await callStatus('Call ended — Completed').waitFor();
        await statusButton('Wrap-up').waitFor();
        await scan('agent: queue, wrap-up (outcome form after a call)');
      });

      await step(async () => {
        // Leaving before the outcome is saved asks to record it first.
        await navLink('Callbacks').click();
        await page.getByRole('alertdialog', { name: 'Record the outcome first' }).waitFor();
        await scan('agent: queue, "record the outcome first" dialog');
        await page.getByRole('button', { name: 'Back to the outcome', exact: true }).click();

        await page
          .getByRole('radiogroup', { name: 'Outcome' })
          .getByRole('radio', { name: 'Call back', exact: true })
          .check();
        await page
          .getByRole('combobox', { name: 'Callback day', exact: true })
          .selectOption({ label: 'Wed 4 Nov' });
        await page
          .getByRole('combobox', { name: 'Callback time', exact: true })
          .selectOption({ label: '11:30' });
        await scan('agent: queue, wrap-up with a callback time chosen');
        await answerTo(
          'POST',
          `/api/queue/leads/${lead.userId}/outcome`,
          () => page.getByRole('button', { name: 'Save outcome', exact: true }).click(),
          201,
        );
        await page.getByRole('status').filter({ hasText: 'Outcome saved' }).waitFor();
        await scan('agent: queue, outcome saved');
      });

      await step(async () => {
        // A few minutes before the callback the reminder shows on every page.
        await asAdmin('/api/testing/clock', { now: FOUR_MINUTES_BEFORE, running: true });
        const job = await asAdmin('/api/testing/jobs/callbacks.reminders');
        assert.equal(job.result, 1, JSON.stringify(job));
        await page
          .getByRole('status', { name: 'Callback reminders', exact: true })
          .getByText(`Callback due soon: ${customerName(lead)} at 11:30`, { exact: true })
          .waitFor();
        await scan('agent: queue, with a callback reminder');
        await page
          .getByRole('button', { name: `Dismiss reminder for ${customerName(lead)}` })
          .click();
      });

      await step(async () => {
        await scanCallbackTabs('agent');
        const name = customerName(lead);
        await tab('Mine').click();
        await page.getByRole('button', { name: `Reschedule callback for ${name}` }).click();
        await dialog(`Reschedule callback for ${name}`).waitFor();
        await scan('agent: callbacks, reschedule dialog');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: `Cancel callback for ${name}` }).click();
        await dialog(`Cancel callback for ${name}`).waitFor();
        await scan('agent: callbacks, cancel dialog');
        await page.keyboard.press('Escape');
        await dialog(`Cancel callback for ${name}`).waitFor({ state: 'detached' });

        // Once it is overdue, it is marked so in both lists.
        await asAdmin('/api/testing/clock', { now: AFTER_THE_CALLBACK, running: true });
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Callbacks' }).waitFor();
        await page.getByRole('link', { name, exact: true }).waitFor();
        await scan('agent: callbacks, Mine, with an overdue callback');
        await tab('Overdue').click();
        await page
          .getByRole('region', { name: 'Overdue callbacks', exact: true })
          .getByRole('link', { name, exact: true })
          .waitFor();
        await scan('agent: callbacks, Overdue, with an overdue callback');
      });

      await step(async () => {
        const thread = await scanSms('agent');
        // Texting the customer gave the conversation to the agent: unassigned, then taken back.
        await thread.getByRole('button', { name: 'Unassign', exact: true }).click();
        await thread.getByRole('button', { name: 'Assign to me', exact: true }).waitFor();
        await scan('agent: SMS, an unassigned conversation');
        await thread.getByRole('button', { name: 'Assign to me', exact: true }).click();
        await thread.getByRole('button', { name: 'Unassign', exact: true }).waitFor();
        const reply = 'Thanks for asking, your claim is going well.';
        await thread.getByRole('textbox', { name: 'Reply', exact: true }).fill(reply);
        await thread.getByRole('button', { name: 'Send reply', exact: true }).click();
        // Delivered, or refused by the contact rules when the day's texts are used up (the
        // customer has had a text, a link and maybe a confirmation of the callback already).
        const delivered = thread
          .getByRole('listitem')
          .filter({ hasText: reply })
          .getByText('Delivered', { exact: true });
        const refused = thread.getByText('This customer cannot be texted now.', { exact: true });
        await delivered.or(refused).waitFor();
        await scan('agent: SMS, assigned, a reply delivered or refused');
        await customerTexts('Please stop calling me at work');
        await thread.getByText(/^Needs attention: a message mentions stop/).waitFor();
        await scan('agent: SMS, a text that mentions stop');
        await customerTexts('STOP');
        await thread.getByRole('status').filter({ hasText: 'opted out of texts' }).waitFor();
        await scan('agent: SMS, the customer opted out');
        await thread.getByRole('button', { name: 'Close conversation', exact: true }).click();
        await thread.getByRole('button', { name: 'Reopen conversation', exact: true }).waitFor();
        await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('closed');
        await conversationRow().waitFor();
        await scan('agent: SMS, closed conversations');
        await thread.getByRole('button', { name: 'Reopen conversation', exact: true }).click();
        await thread.getByRole('button', { name: 'Close conversation', exact: true }).waitFor();
        await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('open');
      });

      await step(async () => {
        await scanCustomers('agent');
      });

      await step(async () => {
        await navLink('Queue').click();
        await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
        await takeNext();
        await scan('agent: queue, second customer loaded');
        await page.getByRole('button', { name: 'Release', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Customer released' }).waitFor();
      });

      await step(async () => {
        // The customer calls us: it rings on the queue page, and as a notice on the others.
        const placed = await standIn(server.url, AUTH_TOKEN, '/sim/inbound/calls', {
          from: number,
        });
        assert.equal(placed.response.status, 201, `POST /sim/inbound/calls: ${placed.text}`);
        const ringing = page.getByRole('region', { name: 'Incoming call', exact: true });
        await ringing.getByRole('button', { name: 'Accept call', exact: true }).waitFor();
        await scan('agent: queue, a customer calling');
        await navLink('Callbacks').click();
        await page.getByRole('heading', { level: 1, name: 'Callbacks' }).waitFor();
        const notices = page.getByRole('status', { name: 'Calls for you', exact: true });
        await notices.getByText(`Incoming call: ${customerName(lead)}`, { exact: true }).waitFor();
        await scan('agent: callbacks, a customer calling');
        await notices.getByRole('link', { name: 'Answer on the calls page', exact: true }).click();
        await ringing.getByRole('button', { name: 'Decline call', exact: true }).click();
        await ringing.waitFor({ state: 'detached' });
        await signOut();
      });
    });
  });

  it('a supervisor: every page they may open, in its main states', async () => {
    await scanning(async () => {
      await step(async () => {
        await signIn(DEMO_USERS.supervisor);
        await page.getByRole('heading', { name: 'No customer loaded' }).waitFor();
        await scan('supervisor: queue, no customer');
        await goAvailable();
        await takeNext();
        await scan('supervisor: queue, customer loaded');
        await page.getByRole('button', { name: 'Release', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Customer released' }).waitFor();
      });

      await step(async () => {
        await scanCallbackTabs('supervisor');
        const name = customerName(lead);
        await tab('Team').click();
        await page.getByRole('button', { name: `Reassign callback for ${name}` }).click();
        await dialog(`Reassign callback for ${name}`).waitFor();
        await scan('supervisor: callbacks, reassign dialog');
        await page.keyboard.press('Escape');
      });

      await step(async () => {
        await scanSms('supervisor');
      });

      await step(async () => {
        await scanCustomers('supervisor');
      });

      await step(async () => {
        // The agent's call above was recorded, so Recordings lists it with its player.
        await navLink('Recordings').click();
        await page.getByRole('heading', { level: 1, name: 'Recordings' }).waitFor();
        await page.getByLabel(/^Recording of the call with /).first().waitFor();
        await scan('supervisor: recordings');
        const recordings = page.getByRole('search', { name: 'Recordings', exact: true });
        const number = recordings.getByRole('textbox', { name: 'Customer number', exact: true });
        await number.fill('not a number');
        await recordings.getByRole('button', { name: 'Search', exact: true }).click();
        await page.waitForFunction(
          (element) => element?.getAttribute('aria-invalid') === 'true',
          await number.elementHandle(),
        );
        await scan('supervisor: recordings, a filter refused');
        await number.fill('999999999');
        await recordings.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByText('No recorded calls match these filters.', { exact: true }).waitFor();
        await scan('supervisor: recordings, nothing matches');
      });

      await step(async () => {
        await navLink('Audit log').click();
        await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
        await page.getByRole('table', { name: 'Audit log entries, newest first' }).waitFor();
        await scan('supervisor: audit log');
        const audit = page.getByRole('search', { name: 'Audit log', exact: true });
        await audit
          .getByRole('textbox', { name: 'Customer number', exact: true })
          .fill('999999999');
        await audit.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByText('No entries match these filters.', { exact: true }).waitFor();
        await scan('supervisor: audit log, nothing matches');
      });

      await step(async () => {
        // The week of the agent's call above: its charts and tables, and a range refused.
        await navLink('Analytics').click();
        await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
        const range = page.getByRole('form', { name: 'Date range', exact: true });
        await range.getByLabel('From', { exact: true }).fill('2026-11-02');
        await range.getByLabel('To', { exact: true }).fill('2026-11-08');
        await range.getByRole('button', { name: 'Apply', exact: true }).click();
        await page.getByText('2 Nov 2026 to 8 Nov 2026, UK days', { exact: true }).waitFor();
        await page
          .getByRole('table', { name: 'Calls by day', exact: true })
          .or(page.getByText('No calls in this range.', { exact: true }))
          .waitFor();
        await scan('supervisor: analytics');
        await range.getByLabel('To', { exact: true }).fill('2026-11-01');
        await range.getByRole('button', { name: 'Apply', exact: true }).click();
        await page.waitForFunction(
          (element) => element?.getAttribute('aria-invalid') === 'true',
          await range.getByLabel('To', { exact: true }).elementHandle(),
        );
        await scan('supervisor: analytics, a range refused');
      });

      await step(async () => {
        await navLink('Supervisor').click();
        await page.getByRole('heading', { level: 1, name: 'Floor' }).waitFor();
        await page.getByRole('table', { name: 'Agents' }).getByRole('row').nth(1).waitFor();
        await scan('supervisor: supervisor page (the floor board)');
        await page
          .getByRole('table', { name: 'Agents' })
          .getByRole('button', { name: 'Status', exact: true })
          .click();
        await page
          .getByRole('columnheader', { name: 'Status' })
          .and(page.locator('[aria-sort="ascending"]'))
          .waitFor();
        await scan('supervisor: supervisor page, sorted by status');
        await signOut();
      });
    });
  });
});
