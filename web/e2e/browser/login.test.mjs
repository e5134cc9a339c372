// Browser smoke test: the SPA served by the real binary, in Debian's headless Chromium.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { DEMO_USERS, startServer } from '../support/server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotPath = path.join(tmpdir(), 'dialler-login.png');
const timeout = 15_000;

describe('signing in and out in a browser', () => {
  let server;
  let profileDir;
  let context;
  let page;

  before(async () => {
    server = await startServer();
    profileDir = await mkdtemp(path.join(tmpdir(), 'dialler-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(timeout);
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
    await server?.stop();
  });

  /** Runs a step; on failure saves a screenshot next to the temp dir and rethrows. */
  async function step(fn) {
    try {
      await fn();
    } catch (error) {
      await page?.screenshot({ path: screenshotPath, fullPage: true }).catch(() => {});
      error.message += `\n(screenshot: ${screenshotPath}; url: ${page?.url()})`;
      throw error;
    }
  }

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
