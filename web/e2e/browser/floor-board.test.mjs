// Browser test of the Supervisor page's live floor board (the product's acceptance test): a
// supervisor keeps the board open while an agent (through the API, with their own session) goes
// Available and then on a lunch break; the agent's row follows without a reload, moved by the
// live socket alone. Also: the day's figures show, the board fits the laptop screen, and an agent
// is shown neither the Supervisor link nor the page. Real binary, clock running from inside the
// calling window (Wednesday 2026-11-04 11:00 GMT), by role and accessible name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  answerTo as answerToPage,
  assertNoPageScroll,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn as signInPage,
} from '../support/browser.mjs';
import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
const numbers = new Intl.NumberFormat('en-GB');

const isTime = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value) => Number.isInteger(value) && value >= 0;

/** Asserts `board` has the shape of `GET /api/floor`'s `board`, naming the first thing that differs. */
function assertBoardShape(board) {
  const show = (value) => JSON.stringify(value);
  assert.equal(typeof board, 'object', show(board));
  assert.ok(isTime(board.at), `board.at: ${show(board.at)}`);
  assert.ok(isTime(board.since), `board.since: ${show(board.since)}`);
  assert.ok(isCount(board.thresholds?.ringingSeconds), `thresholds: ${show(board.thresholds)}`);
  assert.ok(isCount(board.thresholds?.breakMinutes), `thresholds: ${show(board.thresholds)}`);
  assert.ok(Array.isArray(board.agents), `board.agents: ${show(board.agents)}`);
  for (const agent of board.agents) {
    assert.equal(typeof agent.agentId, 'string', show(agent));
    assert.equal(typeof agent.name, 'string', show(agent));
    assert.ok(['agent', 'supervisor', 'admin'].includes(agent.role), show(agent));
    assert.equal(typeof agent.kind, 'string', show(agent));
    assert.ok(
      ['available', 'on_call', 'wrap_up', 'break', 'offline'].includes(agent.status),
      show(agent),
    );
    assert.ok(agent.reason === null || typeof agent.reason === 'string', show(agent));
    assert.ok(agent.statusSince === null || isTime(agent.statusSince), show(agent));
    if (agent.call !== null) {
      assert.equal(typeof agent.call?.callId, 'string', show(agent));
      assert.equal(typeof agent.call.state, 'string', show(agent));
      assert.ok(['outbound', 'inbound'].includes(agent.call.direction), show(agent));
      assert.ok(isTime(agent.call.startedAt), show(agent));
      assert.ok(agent.call.answeredAt === null || isTime(agent.call.answeredAt), show(agent));
    }
    for (const key of ['calls', 'contacts', 'talkSeconds', 'linksSent', 'conversions']) {
      assert.ok(isCount(agent.today?.[key]), `agent.today.${key}: ${show(agent)}`);
    }
    assert.equal(typeof agent.today.outcomes, 'object', show(agent));
  }
  assert.ok(Array.isArray(board.queues), `board.queues: ${show(board.queues)}`);
  for (const queue of board.queues) {
    assert.equal(typeof queue.queue, 'string', show(queue));
    assert.ok(isCount(queue.total) && isCount(queue.callableNow), show(queue));
    assert.ok(queue.nextCallableAt === null || isTime(queue.nextCallableAt), show(queue));
  }
  assert.deepEqual(
    board.queues.map((queue) => queue.queue),
    ['unsigned', 'outstanding', 'callbacks'],
  );
  const callbacks = board.queues.find((queue) => queue.queue === 'callbacks');
  assert.ok(isCount(callbacks.dueNow) && isCount(callbacks.laterToday), show(callbacks));
  const today = board.today;
  for (const key of [
    'calls',
    'contacts',
    'talkSeconds',
    'conversions',
    'linksSent',
    'linksOpened',
    'unreadSms',
  ]) {
    assert.ok(isCount(today?.[key]), `today.${key}: ${show(today)}`);
  }
  assert.ok(today.contactRate === null || typeof today.contactRate === 'number', show(today));
  assert.equal(typeof today.outcomes, 'object', show(today));
  assert.ok(Array.isArray(board.alerts), `board.alerts: ${show(board.alerts)}`);
  for (const alert of board.alerts) {
    assert.equal(typeof alert.code, 'string', show(alert));
    assert.equal(typeof alert.message, 'string', show(alert));
    assert.ok(alert.subjectId === null || typeof alert.subjectId === 'string', show(alert));
    assert.ok(alert.since === null || isTime(alert.since), show(alert));
  }
}

describe('floor board: a supervisor watches an agent go Available, then to lunch, live', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true' });
    await prepareQueues(server, { now: WEDNESDAY_11, running: true });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-floor-board.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }

  async function signIn(user) {
    await signInPage(page, server, user);
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  }

  async function signOut() {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
  }

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  it('an agent is shown neither the Supervisor link nor the page, and the API refuses them', async () => {
    await step(async () => {
      await signIn(DEMO_USERS.agent);
      await nav().getByRole('link', { name: 'Queue', exact: true }).waitFor();
      assert.equal(await nav().getByRole('link', { name: 'Supervisor', exact: true }).count(), 0);
      await page.goto(`${server.url}/supervisor`);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1, name: 'Floor' }).count(), 0);
      await signOut();
    });

    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    assertErrorEnvelope(await as(agent, '/api/floor'), {
      status: 403,
      code: 'permission_denied',
    });
  });

  it('the supervisor’s board follows the agent to Available and to lunch without a reload', async () => {
    const agent = await login(server.url, DEMO_USERS.agent.email, DEMO_USERS.agent.password);
    assert.equal(agent.response.status, 200, JSON.stringify(agent.body));
    const agentName = agent.body.agent.displayName;
    const supervisor = await login(
      server.url,
      DEMO_USERS.supervisor.email,
      DEMO_USERS.supervisor.password,
    );
    assert.equal(supervisor.response.status, 200, JSON.stringify(supervisor.body));

    // The contract the page is built on, read as the supervisor.
    const read = await as(supervisor, '/api/floor');
    assert.equal(read.response.status, 200, JSON.stringify(read.body));
    assertBoardShape(read.body.board);
    const listed = read.body.board.agents.find((a) => a.agentId === agent.body.agent.id);
    assert.ok(listed, `the agent is not on the board: ${JSON.stringify(read.body.board.agents)}`);
    assert.equal(listed.name, agentName, JSON.stringify(listed));

    const agents = () => page.getByRole('table', { name: 'Agents' });
    const agentRow = () =>
      agents()
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: agentName, exact: true }) });

    await step(async () => {
      await signIn(DEMO_USERS.supervisor);
      const response = await answerToPage(page, 'GET', '/api/floor', () =>
        nav().getByRole('link', { name: 'Supervisor', exact: true }).click(),
      );
      assertBoardShape((await response.json()).board);
      await page.waitForURL((url) => url.pathname === '/supervisor');
      await page.getByRole('heading', { level: 1, name: 'Floor' }).waitFor();
      await agentRow().waitFor();
      await page
        .getByRole('status', { name: 'Live updates' })
        .getByText('Live', { exact: true })
        .waitFor();
    });

    await step(async () => {
      // The day's figures, each under its label.
      const today = page.getByRole('region', { name: 'Today', exact: true });
      for (const label of [
        'Calls',
        'Contacts',
        'Contact rate',
        'Talk time',
        'Conversions',
        'Links sent / opened',
        'Unread SMS',
      ]) {
        await today.getByRole('term').filter({ hasText: label }).first().waitFor();
      }
      assert.equal(await today.getByRole('definition').count(), 7);
      const calls = today.getByRole('term').filter({ hasText: /^Calls$/ });
      assert.equal(await calls.count(), 1);
      const figure = await calls.evaluate((term) => term.nextElementSibling?.textContent);
      assert.equal(figure, numbers.format(read.body.board.today.calls));

      const queues = page.getByRole('region', { name: 'Queues', exact: true });
      for (const name of ['Unsigned', 'Outstanding documents', 'Callbacks']) {
        await queues.getByRole('group', { name, exact: true }).waitFor();
      }
      await page.getByRole('region', { name: 'Alerts', exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'floor board');
    });

    // Marks this document: were the page loaded again, the mark would be gone.
    await page.evaluate(() => {
      window.floorBoardNotReloaded = true;
    });

    const available = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(available.response.status, 200, JSON.stringify(available.body));
    await step(async () => {
      await agentRow().getByRole('cell').getByText('Available', { exact: true }).waitFor();
    });

    const lunch = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'break', reason: 'lunch' },
    });
    assert.equal(lunch.response.status, 200, JSON.stringify(lunch.body));
    await step(async () => {
      await agentRow().getByRole('cell').getByText('Break (lunch)', { exact: true }).waitFor();
      // Time on the break, counted on the page.
      await agentRow().getByRole('timer').first().waitFor();
      assert.equal(await page.evaluate(() => window.floorBoardNotReloaded), true, 'reloaded');
      assert.equal(new URL(page.url()).pathname, '/supervisor');
      await assertNoPageScroll(page, viewport, 'floor board, after the changes');
    });

    await step(async () => {
      await signOut();
    });
  });
});
