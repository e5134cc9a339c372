// Browser acceptance test of the Admin page's agent accounts: an admin adds Kim, who signs in in a
// browser of her own; a new role signs her out and applies at her next sign-in; a password reset
// ends the old password; a deactivation (confirmed first) stops her signing in at all. And an
// admin cannot deactivate themselves: the refusal is shown at Active. The real binary, by role,
// accessible name and visible text only; the states with something new are scanned with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo,
  assertNoPageScroll,
  assertNoSeriousA11yViolations,
  LAPTOP_VIEWPORT,
  openBrowser,
  signIn,
} from '../support/browser.mjs';
import { login } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const viewport = LAPTOP_VIEWPORT;
const KIM = Object.freeze({
  email: 'kim.floor@example.com',
  name: 'Kim Floor',
  password: 'kim-temporary-password-1',
});
const KIM_NEW_PASSWORD = 'kim-second-password-22';

describe('agent accounts: what an admin changes is what the agent may do', () => {
  let server;
  /** The admin's browser and Kim's: separate profiles, so separate sessions. */
  let admin;
  let kim;
  /** Kim's account id, from the server's answer when she is added. */
  let kimId;

  before(async () => {
    server = await startServer();
    admin = await openBrowser({ viewport, screenshotName: 'dialler-admin-agents.png', server });
    kim = await openBrowser({ viewport, screenshotName: 'dialler-admin-agents-kim.png', server });
  });

  after(async () => {
    await kim?.close();
    await admin?.close();
    await server?.stop();
  });

  // The admin's page.
  const accounts = () => admin.page.getByRole('region', { name: 'Agent accounts', exact: true });
  const table = () => accounts().getByRole('table', { name: 'Agent accounts', exact: true });
  const row = (name) =>
    table()
      .getByRole('row')
      .filter({ has: admin.page.getByRole('rowheader', { name, exact: true }) });
  const adding = () => accounts().getByRole('form', { name: 'Add agent', exact: true });
  const notice = (text) => accounts().getByRole('status').filter({ hasText: text });
  const editButton = (name) =>
    accounts().getByRole('button', { name: `Edit ${name}`, exact: true });
  const editDialog = (name) =>
    admin.page.getByRole('dialog', { name: `Edit ${name}`, exact: true });
  const details = (name) =>
    editDialog(name).getByRole('form', { name: 'Account details', exact: true });
  const resetForm = (name) =>
    editDialog(name).getByRole('form', { name: 'Reset password', exact: true });

  // Kim's page.
  const kimNav = () => kim.page.getByRole('navigation', { name: 'Main' });

  /** Opens Kim's (or anyone's) Edit dialog and waits for its first field to have the focus. */
  async function openEdit(name) {
    await editButton(name).click();
    const field = details(name).getByRole('textbox', { name: 'Name', exact: true });
    await admin.page.waitForFunction(
      (input) => document.activeElement === input,
      await field.elementHandle(),
    );
  }

  /** Closes the dialog with Escape; the focus goes back to its Edit button. */
  async function closeEdit(name) {
    await admin.page.keyboard.press('Escape');
    await editDialog(name).waitFor({ state: 'detached' });
    await admin.page.waitForFunction(
      (button) => document.activeElement === button,
      await editButton(name).elementHandle(),
    );
  }

  /** Tries to sign in as Kim with `password`; resolves with the login answer's status. */
  async function kimSignsInWith(password) {
    await kim.page.goto(`${server.url}/login`);
    await kim.page.getByLabel('Email').fill(KIM.email);
    await kim.page.getByLabel('Password').fill(password);
    const response = kim.page.waitForResponse(
      (answer) => new URL(answer.url()).pathname === '/api/auth/login',
    );
    await kim.page.getByRole('button', { name: 'Sign in' }).click();
    return (await response).status();
  }

  /** Kim's sign-in is refused: the page says so and stays on the sign-in page. */
  async function kimIsRefused(password) {
    assert.equal(await kimSignsInWith(password), 401);
    await kim.page.getByRole('alert').waitFor();
    assert.equal(new URL(kim.page.url()).pathname, '/login');
  }

  it('an admin adds Kim Floor, team North, on the callbacks queue only', async () => {
    await admin.step(async () => {
      await signIn(admin.page, server, DEMO_USERS.admin);
      await admin.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Admin', exact: true })
        .click();
      await admin.page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      await accounts().getByRole('heading', { level: 2, name: 'Agent accounts' }).waitFor();
      await row('Demo Agent').waitFor();
      await assertNoPageScroll(admin.page, viewport, 'admin page with the agent accounts');
    });

    await admin.step(async () => {
      await adding().getByRole('textbox', { name: 'Email', exact: true }).fill(KIM.email);
      await adding().getByRole('textbox', { name: 'Name', exact: true }).fill(KIM.name);
      await adding()
        .getByRole('combobox', { name: 'Role', exact: true })
        .selectOption({ label: 'Agent' });
      await adding().getByRole('checkbox', { name: 'Callbacks', exact: true }).check();
      await adding().getByRole('textbox', { name: 'Team', exact: true }).fill('North');
      await adding().getByLabel('Temporary password', { exact: true }).fill(KIM.password);
      const added = await answerTo(
        admin.page,
        'POST',
        '/api/admin/agents',
        () => adding().getByRole('button', { name: 'Add agent', exact: true }).click(),
        201,
      );
      assert.deepEqual(added.request().postDataJSON(), {
        email: KIM.email,
        displayName: KIM.name,
        role: 'agent',
        queues: ['callbacks'],
        team: 'North',
        password: KIM.password,
      });
      kimId = (await added.json()).agent.id;
      await notice(`Added ${KIM.name}`).waitFor();
      const cells = row(KIM.name).getByRole('cell');
      await cells.filter({ hasText: 'Callbacks' }).waitFor();
      assert.deepEqual(await cells.allTextContents(), [
        KIM.email,
        'Agent',
        'Callbacks',
        'North',
        'Active',
        'Edit',
      ]);
      // The form is empty again, ready for the next.
      assert.equal(
        await adding().getByRole('textbox', { name: 'Email', exact: true }).inputValue(),
        '',
      );
      await assertNoSeriousA11yViolations(admin.page, 'admin: an agent added');
    });
  });

  it('Kim signs in with the temporary password and sees the Queue page', async () => {
    await kim.step(async () => {
      await signIn(kim.page, server, { email: KIM.email, password: KIM.password });
      await kim.page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await kimNav().getByRole('link', { name: 'Queue', exact: true }).waitFor();
      assert.equal(
        await kimNav().getByRole('link', { name: 'Supervisor', exact: true }).count(),
        0,
      );
    });
  });

  it('the admin makes Kim a supervisor: she is signed out, and signs in as one', async () => {
    await admin.step(async () => {
      await openEdit(KIM.name);
      await assertNoSeriousA11yViolations(admin.page, 'admin: the Edit dialog');
      await details(KIM.name)
        .getByRole('combobox', { name: 'Role', exact: true })
        .selectOption({ label: 'Supervisor' });
      const saved = await answerTo(admin.page, 'PATCH', `/api/admin/agents/${kimId}`, () =>
        details(KIM.name).getByRole('button', { name: 'Save changes', exact: true }).click(),
      );
      // Only what changed is sent.
      assert.deepEqual(saved.request().postDataJSON(), { role: 'supervisor' });
      await notice(`Saved ${KIM.name}: role Agent → Supervisor.`).waitFor();
      await editDialog(KIM.name).waitFor({ state: 'detached' });
      await row(KIM.name).getByRole('cell', { name: 'Supervisor', exact: true }).waitFor();
    });

    await kim.step(async () => {
      // Her open page's session has ended: its next navigation lands on the sign-in page.
      await kim.page.goto(`${server.url}/callbacks`);
      await kim.page.waitForURL((url) => url.pathname === '/login');
      await kim.page.getByRole('button', { name: 'Sign in' }).waitFor();
    });

    await kim.step(async () => {
      // Signed in again, she is taken back where she was going, now with a supervisor's pages.
      assert.equal(await kimSignsInWith(KIM.password), 200);
      await kim.page.waitForURL((url) => url.pathname === '/callbacks');
      await kimNav().getByRole('link', { name: 'Supervisor', exact: true }).waitFor();
    });
  });

  it('the admin resets Kim’s password: the old one stops working, the new one works', async () => {
    await admin.step(async () => {
      await openEdit(KIM.name);
      const reset = resetForm(KIM.name);
      await reset.getByLabel('New temporary password', { exact: true }).fill(KIM_NEW_PASSWORD);
      const answer = await answerTo(
        admin.page,
        'POST',
        `/api/admin/agents/${kimId}/password`,
        () => reset.getByRole('button', { name: 'Reset password', exact: true }).click(),
      );
      assert.deepEqual(answer.request().postDataJSON(), { password: KIM_NEW_PASSWORD });
      await reset
        .getByRole('status')
        .filter({ hasText: `Password reset; ${KIM.name} is signed out.` })
        .waitFor();
      assert.equal(
        await reset.getByLabel('New temporary password', { exact: true }).inputValue(),
        '',
      );
      await closeEdit(KIM.name);
    });

    await kim.step(async () => {
      await kimIsRefused(KIM.password);
    });

    await kim.step(async () => {
      assert.equal(await kimSignsInWith(KIM_NEW_PASSWORD), 200);
      await kim.page.waitForURL((url) => url.pathname === '/queue');
      await kim.page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    });
  });

  it('the admin deactivates Kim, confirming first: she cannot sign in', async () => {
    await admin.step(async () => {
      await openEdit(KIM.name);
      const form = details(KIM.name);
      await form.getByRole('checkbox', { name: 'Active', exact: true }).uncheck();
      await form.getByRole('button', { name: 'Save changes', exact: true }).click();
      const question = form.getByRole('group', {
        name: `Deactivate ${KIM.name}? They are signed out at once.`,
        exact: true,
      });
      await question.waitFor();
      await assertNoSeriousA11yViolations(admin.page, 'admin: deactivating asks first');
      const saved = await answerTo(admin.page, 'PATCH', `/api/admin/agents/${kimId}`, () =>
        question.getByRole('button', { name: `Deactivate ${KIM.name}`, exact: true }).click(),
      );
      assert.deepEqual(saved.request().postDataJSON(), { active: false });
      await notice(`Saved ${KIM.name}: deactivated.`).waitFor();
      await row(KIM.name).getByRole('cell', { name: 'Deactivated', exact: true }).waitFor();
    });

    await kim.step(async () => {
      await kim.page.goto(`${server.url}/queue`);
      await kim.page.waitForURL((url) => url.pathname === '/login');
      await kimIsRefused(KIM_NEW_PASSWORD);
    });
  });

  it('the admin cannot deactivate themselves: the refusal is shown at Active', async () => {
    /** The admin's own name, as the list shows it. */
    const me = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    assert.equal(me.response.status, 200, JSON.stringify(me.body));
    const name = me.body.agent.displayName;

    await admin.step(async () => {
      await openEdit(name);
      const form = details(name);
      const active = form.getByRole('checkbox', { name: 'Active', exact: true });
      await active.uncheck();
      await form.getByRole('button', { name: 'Save changes', exact: true }).click();
      await answerTo(
        admin.page,
        'PATCH',
        `/api/admin/agents/${me.body.agent.id}`,
        () => form.getByRole('button', { name: `Deactivate ${name}`, exact: true }).click(),
        409,
      );
      await admin.page.waitForFunction(
        (input) => input?.getAttribute('aria-invalid') === 'true',
        await active.elementHandle(),
      );
      const message = form.getByText('You cannot deactivate your own account.', { exact: true });
      const messageId = await message.getAttribute('id');
      const describedBy = (await active.getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy.split(' ').includes(messageId), describedBy);
      await admin.page.waitForFunction(
        (input) => document.activeElement === input,
        await active.elementHandle(),
      );
      await assertNoSeriousA11yViolations(admin.page, 'admin: deactivating oneself refused');
      await closeEdit(name);
      await row(name).getByRole('cell', { name: 'Active', exact: true }).waitFor();
    });
  });
});
