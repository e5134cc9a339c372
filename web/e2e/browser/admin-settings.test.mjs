// Browser acceptance test of the Admin page's settings: an admin narrows the calling window and a
// call outside it is then refused. The real binary with its Twilio stand-in, queues discovered on
// a clock pinned inside the calling window (Wednesday 2026-11-04 11:00 GMT), an admin and an agent
// each in a browser of their own, by role, accessible name and visible text only. Also: a value
// the server refuses is shown at its field, and nothing is saved; and the do-not-contact list,
// where an entry is added and removed with a reason. Each state is scanned with axe-core.
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
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the default hours (08:00-20:00)
const viewport = LAPTOP_VIEWPORT;

describe('admin settings: the calling hours an admin saves are the hours agents may call', () => {
  let server;
  /** The admin's browser and the agent's: separate profiles, so separate sessions. */
  let admin;
  let agent;
  /** The customer the agent holds when the window narrows. */
  let held;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    admin = await openBrowser({ viewport, screenshotName: 'dialler-admin-settings.png', server });
    agent = await openBrowser({
      viewport,
      screenshotName: 'dialler-admin-settings-agent.png',
      server,
    });
  });

  after(async () => {
    await agent?.close();
    await admin?.close();
    await server?.stop();
  });

  // The admin's page.
  const settings = () => admin.page.getByRole('region', { name: 'Queue settings', exact: true });
  const callingHours = () => settings().getByRole('form', { name: 'Calling hours', exact: true });
  const wednesday = () => callingHours().getByRole('textbox', { name: 'Wednesday', exact: true });
  const saveHours = () =>
    callingHours().getByRole('button', { name: 'Save calling hours', exact: true });
  const hoursNotice = (text) => callingHours().getByRole('status').filter({ hasText: text });
  const openingTimes = () => settings().getByRole('list', { name: /^Open in the next 7 days/ });

  // The agent's page.
  const nextCustomer = () => agent.page.getByRole('button', { name: 'Next customer', exact: true });
  const softphone = () => agent.page.getByRole('region', { name: 'Softphone' });
  const statusButton = (words) =>
    agent.page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });

  /** Types `hours` for Wednesday, saves, and returns the body the page sent. */
  async function saveWednesday(hours, status = 200) {
    await wednesday().fill(hours);
    const response = await answerTo(
      admin.page,
      'PUT',
      '/api/settings',
      () => saveHours().click(),
      status,
    );
    return response.request().postDataJSON();
  }

  /** Presses Next customer; returns the answer of POST /api/queue/next. */
  async function pressNext() {
    const response = await answerTo(agent.page, 'POST', '/api/queue/next', () =>
      nextCustomer().click(),
    );
    return response.json();
  }

  it('the agent holds a customer while the calling window is open', async () => {
    await agent.step(async () => {
      await signIn(agent.page, server, DEMO_USERS.agent);
      await statusButton('Offline').click();
      await agent.page
        .getByRole('menu')
        .getByRole('menuitem', { name: 'Available', exact: true })
        .click();
      await statusButton('Available').waitFor();
      ({ lead: held } = await pressNext());
      assert.ok(held, 'expected a customer inside the calling window');
      await agent.page.getByRole('heading', { level: 3, name: customerName(held) }).waitFor();
    });
  });

  it("an admin narrows Wednesday's calling hours to 14:00-20:00 and sees the change", async () => {
    await admin.step(async () => {
      await signIn(admin.page, server, DEMO_USERS.admin);
      await admin.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Admin', exact: true })
        .click();
      await admin.page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      await settings().getByRole('heading', { level: 2, name: 'Queue settings' }).waitFor();
      assert.equal(await wednesday().inputValue(), '08:00-20:00');
      await openingTimes().getByText('Wed 4 Nov: 11:00–20:00').waitFor();
    });

    await admin.step(async () => {
      const sent = await saveWednesday('14:00-20:00');
      // Only what changed is sent.
      assert.deepEqual(sent, { settings: { 'window.wed': '14:00-20:00' } });
      await hoursNotice('Saved. Wednesday: 08:00-20:00 → 14:00-20:00.').waitFor();
      // The opening times as agents now get them.
      await openingTimes().getByText('Wed 4 Nov: 14:00–20:00').waitFor();
      await assertNoPageScroll(admin.page, viewport, 'admin page after saving');
    });
  });

  it('the agent’s call is then refused, with the calling hours as the reason', async () => {
    await agent.step(async () => {
      await answerTo(
        agent.page,
        'POST',
        '/api/call-sessions',
        () => softphone().getByRole('button', { name: 'Call', exact: true }).click(),
        409,
      );
      const refusal = softphone()
        .getByRole('alert')
        .filter({ hasText: 'This customer cannot be called now.' });
      await refusal.getByText('Outside the calling window: before 14:00.').waitFor();
    });

    await agent.step(async () => {
      // Given back, the next-lead path has nobody to hand out until the window opens.
      await agent.page.getByRole('button', { name: 'Release', exact: true }).click();
      await agent.page.getByRole('status').filter({ hasText: 'Customer released' }).waitFor();
      const answer = await pressNext();
      assert.equal(answer.lead, null, JSON.stringify(answer));
      assert.equal(answer.reason, 'outside_calling_window', JSON.stringify(answer));
      await agent.page
        .getByRole('heading', { level: 3, name: /^Nothing to call until 14:00 Wed\b/ })
        .waitFor();
      await agent.page
        .getByText('Calls can be made again when the calling window opens.', { exact: true })
        .waitFor();
    });
  });

  it('the admin sets the hours back, and the agent can call again', async () => {
    await admin.step(async () => {
      await saveWednesday('08:00-20:00');
      await hoursNotice('Saved. Wednesday: 14:00-20:00 → 08:00-20:00.').waitFor();
    });

    await agent.step(async () => {
      const { lead } = await pressNext();
      assert.ok(lead, 'expected a customer once the window is open again');
      await agent.page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
      await answerTo(
        agent.page,
        'POST',
        '/api/call-sessions',
        () => softphone().getByRole('button', { name: 'Call', exact: true }).click(),
        201,
      );
      assert.equal(
        await softphone().getByText('Outside the calling window', { exact: false }).count(),
        0,
        'the refusal is still shown',
      );
    });
  });

  it('an invalid value is refused at its field, and the saved value stays', async () => {
    await admin.step(async () => {
      await saveWednesday('25:00-26:00', 400);
      await admin.page.waitForFunction(
        (input) => input?.getAttribute('aria-invalid') === 'true',
        await wednesday().elementHandle(),
      );
      const message = callingHours().getByText(/^Wednesday must be HH:MM-HH:MM/);
      await message.waitFor();
      // The message is the field's description, and the field has the focus.
      const messageId = await message.getAttribute('id');
      const describedBy = (await wednesday().getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy.split(' ').includes(messageId), describedBy);
      await admin.page.waitForFunction(
        (input) => document.activeElement === input,
        await wednesday().elementHandle(),
      );
      await hoursNotice('Nothing was saved.').waitFor();
      assert.equal(await wednesday().inputValue(), '25:00-26:00', 'the typed value was lost');
      await assertNoSeriousA11yViolations(admin.page, 'admin: a calling hour refused');
    });

    await admin.step(async () => {
      await admin.page.reload();
      await callingHours().waitFor();
      assert.equal(await wednesday().inputValue(), '08:00-20:00');
      assert.equal(await wednesday().getAttribute('aria-invalid'), null);
    });

    await admin.step(async () => {
      // Every section open: each one's fields are named and described.
      for (const name of ['Contact caps', 'Scoring', 'Lender importance', 'Outcomes']) {
        const heading = settings().getByRole('button', { name, exact: true });
        await heading.click();
        assert.equal(await heading.getAttribute('aria-expanded'), 'true', name);
      }
      await settings()
        .getByRole('form', { name: 'Outcomes', exact: true })
        .getByRole('textbox', { name: 'No answer: score change', exact: true })
        .waitFor();
      await assertNoSeriousA11yViolations(admin.page, 'admin: settings sections open');
    });
  });

  it('the do-not-contact list: an entry is added, then removed with a reason', async () => {
    const list = () => admin.page.getByRole('region', { name: 'Do not contact', exact: true });
    const adding = () => list().getByRole('form', { name: 'Add to the list', exact: true });
    const notice = (text) => list().getByRole('status').filter({ hasText: text });
    const entries = () =>
      list().getByRole('table', { name: 'Do-not-contact entries', exact: true });
    const remove = () =>
      entries().getByRole('button', {
        name: `Remove the entry for Customer ${held.userId}`,
        exact: true,
      });

    /** The entry the admin adds. */
    let entryId;
    await admin.step(async () => {
      await adding()
        .getByRole('textbox', { name: 'Customer number', exact: true })
        .fill(held.userId);
      await adding()
        .getByRole('combobox', { name: 'Channel', exact: true })
        .selectOption({ label: 'Calls only' });
      await adding()
        .getByRole('textbox', { name: 'Reason', exact: true })
        .fill('Asked on the phone not to be called again.');
      const added = await answerTo(
        admin.page,
        'POST',
        '/api/suppressions',
        () => adding().getByRole('button', { name: 'Add to the list', exact: true }).click(),
        201,
      );
      assert.deepEqual(added.request().postDataJSON(), {
        userId: held.userId,
        channel: 'call',
        reason: 'Asked on the phone not to be called again.',
      });
      entryId = (await added.json()).suppression.id;
      await notice(`Added Customer ${held.userId} (calls only)`).waitFor();
      await remove().waitFor();
    });

    await admin.step(async () => {
      await remove().click();
      const dialog = admin.page.getByRole('dialog', {
        name: `Remove the entry for Customer ${held.userId}`,
        exact: true,
      });
      const reason = dialog.getByRole('textbox', { name: 'Reason for removing', exact: true });
      await reason.waitFor();
      await assertNoSeriousA11yViolations(admin.page, 'admin: removing a do-not-contact entry');
      await reason.fill('Entered for the wrong customer.');
      const removed = await answerTo(
        admin.page,
        'POST',
        `/api/suppressions/${entryId}/remove`,
        () => dialog.getByRole('button', { name: 'Remove entry', exact: true }).click(),
      );
      assert.deepEqual(removed.request().postDataJSON(), {
        reason: 'Entered for the wrong customer.',
      });
      await notice(`Removed the entry for Customer ${held.userId}.`).waitFor();
      await entries().getByText('Entered for the wrong customer.').waitFor();
      assert.equal(await remove().count(), 0, 'the removed entry can still be removed');
      await assertNoSeriousA11yViolations(admin.page, 'admin: a removed do-not-contact entry');
    });
  });
});
