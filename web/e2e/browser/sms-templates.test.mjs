// Browser test of text templates: an admin adds a marketing template on the Admin page (the
// server refuses it at the Text field until it says how to opt out), then edits it to v2; an
// agent chooses it for the customer on screen, sees it filled in with the customer's first name,
// sends it, and the customer's phone (the stand-in) gets exactly that text.
// Real binary, built-in stand-in, clock pinned inside the calling window; by role and name only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn as signInPage,
} from '../support/browser.mjs';
import { eventually, login } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { standIn } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z';
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-sms-templates-auth-token';

const NAME = 'Claim news';
const FIRST_WORDS = 'Hi {firstName}, there is news about your claim.';
const OPT_OUT = ' Reply STOP to opt out';
const EDITED = 'Hi {firstName}, {agentName} here: there is news about your claim. Reply STOP to opt out';

describe('text templates, from the Admin page to the customer', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-sms-templates.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const templates = () => page.getByRole('region', { name: 'Text templates', exact: true });
  const form = (name) => templates().getByRole('form', { name, exact: true });
  const row = (name) => templates().getByRole('row', { name: new RegExp(`^${name}\\b`) });
  const statusButton = (words) =>
    page.getByRole('banner').getByRole('button', { name: `Status: ${words}`, exact: true });
  const panel = () => page.getByRole('region', { name: 'Links and texts' });

  const signIn = (user) => signInPage(page, server, user);

  /** The words of what describes a field (its error, hints), as a screen reader reads them. */
  function description(locator) {
    return locator.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }

  /** The texts the customers' phones have received so far, oldest first. */
  async function textsReceived() {
    const { response, body } = await standIn(server.url, AUTH_TOKEN, '/sim/messages');
    assert.equal(response.status, 200, JSON.stringify(body));
    return body.messages;
  }

  it('an admin adds and edits a template; an agent sends it to a customer', async () => {
    await step(async () => {
      await signIn(DEMO_USERS.admin);
      await nav().getByRole('link', { name: 'Admin', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
      await row('Missed call').waitFor();
      await assertNoPageScroll(page, viewport, 'admin page');
    });

    await step(async () => {
      // Marketing without an opt-out line: the server refuses it, at the Text field.
      const adding = form('New template');
      await adding.getByRole('textbox', { name: 'Name', exact: true }).fill(NAME);
      await adding.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({
        label: 'Marketing',
      });
      await adding.getByText('Marketing texts must say how to opt out').waitFor();
      const text = adding.getByRole('textbox', { name: 'Text', exact: true });
      await text.fill(FIRST_WORDS);
      await adding.getByRole('button', { name: 'Save template', exact: true }).click();
      await page.waitForFunction(
        (element) => element?.getAttribute('aria-invalid') === 'true',
        await text.elementHandle(),
      );
      const said = await description(text);
      assert.match(said, /The text is marketing and must say how to opt out/, said);
      const name = adding.getByRole('textbox', { name: 'Name', exact: true });
      assert.equal(await name.getAttribute('aria-invalid'), null, 'the name is not blamed');
      assert.equal(await row(NAME).count(), 0, 'nothing was saved');
    });

    await step(async () => {
      const adding = form('New template');
      const text = adding.getByRole('textbox', { name: 'Text', exact: true });
      await text.fill(`${FIRST_WORDS}${OPT_OUT}`);
      await adding.getByRole('button', { name: 'Save template', exact: true }).click();
      await templates().getByRole('status').filter({ hasText: `Added "${NAME}" (v1)` }).waitFor();
      await row(NAME).getByRole('cell', { name: 'v1', exact: true }).waitFor();
      await row(NAME).getByRole('cell', { name: 'Marketing', exact: true }).waitFor();
      await row(NAME).getByRole('cell', { name: 'In use', exact: true }).waitFor();
    });

    await step(async () => {
      await templates().getByRole('button', { name: `Edit ${NAME}`, exact: true }).click();
      const editing = form(`Edit ${NAME}`);
      const text = editing.getByRole('textbox', { name: 'Text', exact: true });
      assert.equal(await text.inputValue(), `${FIRST_WORDS}${OPT_OUT}`);
      await text.fill(EDITED);
      await editing.getByRole('button', { name: 'Save template', exact: true }).click();
      await templates()
        .getByRole('status')
        .filter({ hasText: `Saved "${NAME}" as v2: text changed.` })
        .waitFor();
      await row(NAME).getByRole('cell', { name: 'v2', exact: true }).waitFor();
      await assertNoPageScroll(page, viewport, 'after editing');
    });

    await step(async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
    });

    // The agent holds a customer with a mobile; their screen gets that customer back.
    const agent = DEMO_USERS.agent;
    const api = await login(server.url, agent.email, agent.password);
    assert.equal(api.response.status, 200, JSON.stringify(api.body));
    const lead = await holdCustomerWithPhone(server.url, api, 'mobile');
    const firstName = lead.customer.firstName?.trim();
    assert.ok(firstName, `the customer has a first name: ${JSON.stringify(lead.customer)}`);
    const expected = EDITED.replace('{firstName}', firstName).replace(
      '{agentName}',
      api.body.agent.displayName,
    );

    await step(async () => {
      await signIn(agent);
      await statusButton('Offline').click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Available', exact: true }).click();
      await statusButton('Available').waitFor();
      const next = page.getByRole('button', { name: 'Next customer', exact: true });
      await page.waitForFunction((button) => button && !button.disabled, await next.elementHandle());
      await next.click();
      await page.getByRole('heading', { level: 3, name: customerName(lead) }).waitFor();
    });

    await step(async () => {
      const template = panel().getByRole('combobox', { name: 'Template', exact: true });
      await template.getByRole('option', { name: NAME, exact: true }).waitFor({ state: 'attached' });
      await template.selectOption({ label: NAME });
      const shown = panel().getByRole('textbox', { name: 'Text to send', exact: true });
      await shown.waitFor();
      assert.equal(await shown.inputValue(), expected);
      assert.ok((await shown.inputValue()).includes(`Hi ${firstName},`));
      assert.equal(await shown.getAttribute('readonly'), '', 'the text to send is read-only');
      assert.equal(await panel().getByRole('textbox', { name: 'Text message' }).count(), 0);
      await assertNoPageScroll(page, viewport, 'template chosen');
    });

    await step(async () => {
      await panel().getByRole('button', { name: 'Send text', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Text queued' }).first().waitFor();
      // The customer's phone gets exactly the text the agent was shown.
      const received = await eventually(
        async () => (await textsReceived()).find((text) => text.body === expected),
        'the template reaches the customer',
      );
      assert.equal(received.body, expected);
      await panel()
        .getByRole('list', { name: 'Texts' })
        .getByRole('listitem')
        .filter({ hasText: expected })
        .waitFor();
      const template = panel().getByRole('combobox', { name: 'Template', exact: true });
      assert.equal(await template.inputValue(), '', 'back to Write my own');
    });
  });
});
