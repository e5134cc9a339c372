// Browser acceptance test of machine agents: an admin adds "Claims bot" as a machine agent (no
// password asked) and makes it an API key that may take customers and save outcomes, reading the
// key off the screen the one time it is shown. The bot then works through the API with that key
// alone (goes Available, takes a customer, saves an outcome) and is refused what the key does not
// allow (a text). A supervisor sees it on the floor board, marked as a machine. The admin revokes
// the key (confirming first): the bot's next request is refused, and the dialog, reopened, shows
// the key revoked and never the key itself again. The real binary, clock pinned inside the calling
// window (Wednesday 2026-11-04 11:00 GMT), by role and accessible name only; the new states are
// scanned with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo,
  assertNoPageScroll,
  assertNoSeriousA11yViolations,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn,
} from '../support/browser.mjs';
import { assertErrorEnvelope, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
const BOT = Object.freeze({ email: 'claims-bot@example.com', name: 'Claims bot' });

describe('machine agents: an admin makes one a key; it works the queue with it until revoked', () => {
  let server;
  /** The admin's browser and the supervisor's: separate profiles, so separate sessions. */
  let admin;
  let supervisor;
  /** From the server's answers as the admin works. */
  let botId;
  let keyId;
  /** The key as read off the admin's screen, the one time it is shown. */
  let secret;
  /** The customer the bot took. */
  let lead;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    admin = await openBrowser({ viewport, screenshotName: 'dialler-machine-agents.png', server });
    supervisor = await openBrowser({
      viewport,
      screenshotName: 'dialler-machine-agents-supervisor.png',
      server,
    });
  });

  after(async () => {
    await supervisor?.close();
    await admin?.close();
    await server?.stop();
  });

  /** The bot's own requests: its key and nothing else (no cookie, no CSRF header). */
  function asBot(pathname, { method = 'GET', json } = {}) {
    return request(server.url, pathname, {
      method,
      json,
      headers: { Authorization: `Bearer ${secret}` },
    });
  }

  // The admin's page.
  const accounts = () => admin.page.getByRole('region', { name: 'Agent accounts', exact: true });
  const table = () => accounts().getByRole('table', { name: 'Agent accounts', exact: true });
  const row = (name) =>
    table()
      .getByRole('row')
      .filter({ has: admin.page.getByRole('rowheader', { name }) });
  const adding = () => accounts().getByRole('form', { name: 'Add agent', exact: true });
  const notice = (text) => accounts().getByRole('status').filter({ hasText: text });
  const keysButton = () =>
    accounts().getByRole('button', { name: `API keys for ${BOT.name}`, exact: true });
  const keysDialog = () =>
    admin.page.getByRole('dialog', { name: `API keys for ${BOT.name}`, exact: true });
  const keyTable = () => keysDialog().getByRole('table', { name: 'API keys', exact: true });
  const creating = () => keysDialog().getByRole('form', { name: 'Create API key', exact: true });
  const secretField = () =>
    keysDialog().getByRole('textbox', { name: 'New API key', exact: true });
  /** The bot's name in the list, marked as a machine agent. */
  const botRowHeader = /^Claims bot\s+Machine$/;

  /** Opens the bot's API keys and waits for its first control to have the focus. */
  async function openKeys() {
    await keysButton().click();
    await keysDialog().waitFor();
    await admin.page.waitForFunction(
      (dialog) => dialog?.contains(document.activeElement),
      await keysDialog().elementHandle(),
    );
  }

  it('an admin adds Claims bot as a machine agent: no password, always an agent', async () => {
    await admin.step(async () => {
      await signIn(admin.page, server, DEMO_USERS.admin);
      await admin.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Admin', exact: true })
        .click();
      await admin.page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      await row('Demo Agent').waitFor();
      await assertNoPageScroll(admin.page, viewport, 'admin page with the agent accounts');
    });

    await admin.step(async () => {
      const kinds = adding().getByRole('group', { name: 'Account for', exact: true });
      await kinds.getByRole('radio', { name: 'Machine agent (API key)', exact: true }).check();
      // No password to give, and no role to choose.
      await adding()
        .getByLabel('Temporary password', { exact: true })
        .waitFor({ state: 'detached' });
      assert.equal(await adding().getByRole('combobox', { name: 'Role', exact: true }).count(), 0);
      await adding().getByRole('textbox', { name: 'Email', exact: true }).fill(BOT.email);
      await adding().getByRole('textbox', { name: 'Name', exact: true }).fill(BOT.name);
      const added = await answerTo(
        admin.page,
        'POST',
        '/api/admin/agents',
        () => adding().getByRole('button', { name: 'Add agent', exact: true }).click(),
        201,
      );
      assert.deepEqual(added.request().postDataJSON(), {
        email: BOT.email,
        displayName: BOT.name,
        role: 'agent',
        queues: [],
        team: '',
        kind: 'machine',
      });
      const { agent } = await added.json();
      assert.equal(agent.kind, 'machine', JSON.stringify(agent));
      assert.equal(agent.role, 'agent', JSON.stringify(agent));
      botId = agent.id;
      await notice(`Added ${BOT.name} (machine agent).`).waitFor();
      const cells = row(botRowHeader).getByRole('cell');
      await cells.first().waitFor();
      assert.deepEqual(await cells.allTextContents(), [
        BOT.email,
        'Agent',
        'Every queue',
        '—No team',
        'Active',
        'EditAPI keys',
      ]);
      await assertNoSeriousA11yViolations(admin.page, 'admin: a machine agent added');
    });
  });

  it('the admin makes it a key to take customers and save outcomes, shown once', async () => {
    await admin.step(async () => {
      await openKeys();
      await keysDialog()
        .getByText('This machine agent has no API keys.', { exact: true })
        .waitFor();
      const allows = creating().getByRole('group', { name: 'Allows', exact: true });
      for (const name of ['Take customers from the queue', 'Save call outcomes']) {
        await allows.getByRole('checkbox', { name, exact: true }).check();
      }
      const created = await answerTo(
        admin.page,
        'POST',
        `/api/admin/agents/${botId}/api-keys`,
        () => creating().getByRole('button', { name: 'Create API key', exact: true }).click(),
        201,
      );
      assert.deepEqual(created.request().postDataJSON(), {
        actions: ['next_lead', 'outcome'],
        queues: [],
      });
      keyId = (await created.json()).key.id;

      // Read off the screen: what the admin would copy to the bot's operators.
      await secretField().waitFor();
      secret = await secretField().inputValue();
      assert.match(secret, /^rmc_./);
      assert.equal(await secretField().getAttribute('readonly'), '');
      await keysDialog()
        .getByText(/it will not be shown again/)
        .waitFor();
      await keysDialog().getByRole('button', { name: 'Copy key', exact: true }).waitFor();

      const keyRow = keyTable()
        .getByRole('row')
        .filter({ has: admin.page.getByRole('rowheader', { name: `${secret.slice(0, 12)}…` }) });
      await keyRow.waitFor();
      const cells = await keyRow.getByRole('cell').allTextContents();
      assert.deepEqual(cells.slice(0, 2), [
        'Take customers from the queueSave call outcomes',
        'Every queue it works',
      ]);
      assert.equal(cells[3], 'Never');
      assert.equal(cells[4], 'Active');
      await assertNoPageScroll(admin.page, viewport, 'the API keys dialog with a new key');
      await assertNoSeriousA11yViolations(admin.page, 'admin: a new API key shown');
    });
  });

  it('with that key alone the bot goes Available, takes a customer and saves an outcome', async () => {
    const available = await asBot('/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(available.response.status, 200, JSON.stringify(available.body));
    assert.equal(available.body.status.agentId, botId, JSON.stringify(available.body));
    assert.equal(available.body.status.status, 'available', JSON.stringify(available.body));

    const next = await asBot('/api/queue/next', { method: 'POST', json: {} });
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    assert.ok(next.body.lead, `no customer handed out: ${JSON.stringify(next.body)}`);
    lead = next.body.lead;
    assert.equal(typeof lead.userId, 'string', JSON.stringify(lead));

    const saved = await asBot(`/api/queue/leads/${lead.userId}/outcome`, {
      method: 'POST',
      json: { outcome: 'might_complete' },
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));

    // Texts are not among what the key allows.
    assertErrorEnvelope(
      await asBot('/api/sms/send', {
        method: 'POST',
        json: { userId: lead.userId, body: 'Hello from Claims bot' },
      }),
      { status: 403, code: 'permission_denied' },
    );
  });

  it('a supervisor sees Claims bot on the floor board, marked as a machine', async () => {
    await supervisor.step(async () => {
      await signIn(supervisor.page, server, DEMO_USERS.supervisor);
      const floor = await answerTo(supervisor.page, 'GET', '/api/floor', () =>
        supervisor.page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Supervisor', exact: true })
          .click(),
      );
      const listed = (await floor.json()).board.agents.find((a) => a.agentId === botId);
      assert.equal(listed?.kind, 'machine', JSON.stringify(listed));
      await supervisor.page.getByRole('heading', { level: 1, name: 'Floor' }).waitFor();
      const botRow = supervisor.page
        .getByRole('table', { name: 'Agents' })
        .getByRole('row')
        .filter({ has: supervisor.page.getByRole('rowheader', { name: botRowHeader }) });
      await botRow.getByRole('rowheader').getByText('Machine', { exact: true }).waitFor();
      await assertNoPageScroll(supervisor.page, viewport, 'floor board with a machine agent');
    });
  });

  it('the admin revokes the key, confirming first: the bot is refused from then on', async () => {
    const revokeButton = () =>
      keyTable().getByRole('button', { name: `Revoke key ${secret.slice(0, 12)}…`, exact: true });
    await admin.step(async () => {
      await revokeButton().click();
      const question = keysDialog().getByRole('group', { name: /^Revoke key rmc_/ });
      await question.waitFor();
      await assertNoSeriousA11yViolations(admin.page, 'admin: revoking a key asks first');
      await answerTo(admin.page, 'POST', `/api/admin/api-keys/${keyId}/revoke`, () =>
        question.getByRole('button', { name: 'Revoke key', exact: true }).click(),
      );
      await keysDialog()
        .getByRole('status')
        .filter({ hasText: `Key ${secret.slice(0, 12)}… revoked` })
        .waitFor();
      await revokeButton().waitFor({ state: 'detached' });
    });

    assertErrorEnvelope(await asBot('/api/queue/next', { method: 'POST', json: {} }), {
      status: 401,
      code: 'unauthenticated',
    });

    await admin.step(async () => {
      await keysDialog().getByRole('button', { name: 'Close', exact: true }).click();
      await keysDialog().waitFor({ state: 'detached' });
      await openKeys();
      const keyRow = keyTable().getByRole('row').nth(1);
      await keyRow.getByText('Revoked', { exact: true }).waitFor();
      assert.equal(await keyTable().getByRole('row').count(), 2);
      // Used by the bot: no longer "Never" (to the minute, on the server's pinned clock).
      assert.equal((await keyRow.getByRole('cell').allTextContents())[3], 'Wed 4 Nov, 11:00');
      // The key itself is gone from the page for good.
      assert.equal(await secretField().count(), 0);
      assert.equal((await admin.page.content()).includes(secret), false);
      const values = await admin.page.evaluate(() =>
        Array.from(document.querySelectorAll('input')).map((input) => input.value),
      );
      assert.equal(values.includes(secret), false);
      await assertNoPageScroll(admin.page, viewport, 'the API keys dialog, key revoked');
    });
  });
});
