// Shared set-up of the browser tests: Debian's headless Chromium in a throwaway profile, a step
// helper that leaves a screenshot behind when it fails, and a server made ready to hand out
// customers (queues discovered on a test clock inside the calling window).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { login, request } from './http.mjs';
import { DEMO_USERS } from './server.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const timeout = 15_000;
// Headless and without a sandbox (it runs as root in containers); no GPU, QUIC, first-run UI,
// sync or background traffic, so that nothing but the page under test talks to the network.
const chromiumArgs = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * Launches Chromium (CHROMIUM_PATH, default Debian's /usr/bin/chromium) with a fresh profile in a
 * temp dir, so that no cookies or storage carry over between test files, and waits 15 s at most
 * for any one action. `viewport` is the page size (Playwright's default when not given).
 * Returns { context, page, step, close }: step(fn) runs fn and, when it throws, saves a full-page
 * screenshot as `<tmpdir>/<screenshotName>` and adds its path and the page's URL to the error
 * (with `server` given, also the end of that server's output: what it logged is often the cause)
 * before rethrowing; close() closes the browser and removes the profile.
 */
export async function openBrowser({ viewport, screenshotName, server }) {
  const screenshotPath = path.join(tmpdir(), screenshotName);
  const profileDir = await mkdtemp(path.join(tmpdir(), 'dialler-chromium-'));
  let context;
  let page;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport,
      args: [...chromiumArgs],
    });
    context.setDefaultTimeout(timeout);
    page = context.pages()[0] ?? (await context.newPage());
  } catch (error) {
    await context?.close();
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }

  /** Runs a step; on failure saves a screenshot next to the temp dir and rethrows. */
  async function step(fn) {
    try {
      await fn();
    } catch (error) {
      await page.screenshot({ path: screenshotPath, fullPage: true }).catch(() => {});
      error.message += `\n(screenshot: ${screenshotPath}; url: ${page.url()})`;
      if (server) error.message += `\n--- server output (end) ---\n${server.output().slice(-4000)}`;
      throw error;
    }
  }

  async function close() {
    try {
      await context.close();
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  }

  return { context, page, step, close };
}

/**
 * Makes a server started with ENABLE_TEST_ENDPOINTS ready to hand out customers: signs in as the
 * demo admin, sets the test clock to `now` (pinned there, or running on from it when `running`,
 * for tests that measure time on the server) and runs `discover --full` so that the queues exist
 * at that time. Asserts each step, so a failure says which one.
 */
export async function prepareQueues(server, { now, running }) {
  const admin = await login(server.url, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  assert.equal(admin.response.status, 200, JSON.stringify(admin.body));
  // Sent as given: `running` only when asked for, so a pinned clock is set as it always was.
  const clock = await request(server.url, '/api/testing/clock', {
    method: 'POST',
    json: running === undefined ? { now } : { now, running },
    headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
  });
  assert.equal(
    clock.response.status,
    200,
    `${running ? 'set' : 'pin'} the clock: ${JSON.stringify(clock.body)}`,
  );
  const discovered = await server.runCli(['discover', '--full']);
  assert.equal(discovered.code, 0, `discover --full: ${discovered.stdout}\n${discovered.stderr}`);
}

/** The laptop the screens are designed for (screens.md): everything fits without page scroll. */
export const LAPTOP_VIEWPORT = Object.freeze({ width: 1366, height: 768 });

/** The name the page shows for a customer (web/src labels.ts customerName). */
export function customerName(lead) {
  const name = [lead.customer.firstName, lead.customer.lastName]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' ');
  return name === '' ? `Customer ${lead.userId}` : name;
}

/** Asserts the page fits `viewport` without scrolling (panels scroll inside themselves). */
export async function assertNoPageScroll(page, viewport, label) {
  const { scrollHeight, scrollWidth } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  assert.ok(
    scrollHeight <= viewport.height && scrollWidth <= viewport.width,
    `${label}: the page scrolls (${scrollWidth}x${scrollHeight} in ${viewport.width}x${viewport.height})`,
  );
}
