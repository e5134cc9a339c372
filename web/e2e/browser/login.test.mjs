// Browser smoke test: the SPA served by the real binary, in Debian's headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openBrowser } from '../support/browser.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

describe('signing in and out in a browser', () => {
  let server;
  let browser;
  let page;
  let step;

  before(async () => {
    server = await startServer();
    browser = await openBrowser({ screenshotName: 'dialler-login.png' });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a supervisor signs in, sees their navigation, and signs out', async () => {
    const user = DEMO_USERS.supervisor;

    await step(async () => {
      await page.goto(`${server.url}/`);
      await page.waitForURL((url) => url.pathname === '/login');
    });

    let displayName;
    await step(async () => {
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      const loginResponse = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/api/auth/login',
      );
      await page.getByRole('button', { name: 'Sign in' }).click();
      const response = await loginResponse;
      assert.equal(response.status(), 200, await response.text());
      displayName = (await response.json()).agent.displayName;
      await page.waitForURL((url) => url.pathname === '/queue');
    });

    await step(async () => {
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.waitFor();
      await nav.getByRole('link', { name: 'Supervisor', exact: true }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Admin', exact: true }).count(), 0);
      await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
      await page.getByRole('banner').getByText(displayName, { exact: true }).waitFor();
    });

    await step(async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    });

    await step(async () => {
      // The session is really gone: a fresh load of a protected page goes back to /login.
      await page.goto(`${server.url}/queue`);
      await page.waitForURL((url) => url.pathname === '/login');
    });
  });
});
