// Shared set-up of the browser tests: Debian's headless Chromium in a throwaway profile, a step
// helper that leaves a screenshot behind when it fails, and a server made ready to hand out
// customers (queues discovered on a test clock inside the calling window).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

/** Signs `user` ({ email, password }) in through the sign-in page; resolves on the Queue page. */
export async function signIn(page, server, user) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/queue');
}

/** Waits for the response to `method pathname` that `act` causes; asserts its status. */
export async function answerTo(page, method, pathname, act, status = 200) {
  const answer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === pathname && response.request().method() === method,
  );
  await act();
  const response = await answer;
  assert.equal(response.status(), status, await response.text());
  return response;
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

const requireFromHere = createRequire(import.meta.url);
/**
 * axe-core's source, read once. It is evaluated in the page (through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern) rather than added as a script tag, which
 * that policy refuses: the browser keeps enforcing the app's real policy (no bypassCSP).
 */
let axeSource;
async function loadAxeSource() {
  axeSource ??= await readFile(requireFromHere.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** The WCAG 2.0 and 2.1 A and AA rules: what screens.md's conventions ask for. */
const A11Y_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails, naming `label`,
 * when any violation is serious or critical; the message lists each one with its rule id, impact,
 * what it asks for and the selectors of the elements at fault. Moderate and minor ones are
 * returned ({ violations }) but do not fail.
 */
export async function assertNoSeriousA11yViolations(page, label) {
  const source = await loadAxeSource();
  // Once per document: a navigation inside the SPA keeps it, a full load drops it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(source);
  }
  const violations = await page.evaluate(
    async (values) => {
      const results = await window.axe.run(document, {
        runOnly: { type: 'tag', values },
        resultTypes: ['violations'],
      });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          // One selector, or the chain through frames and shadow roots.
          target:
            node.target.length === 1 ? String(node.target[0]) : JSON.stringify(node.target),
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    [...A11Y_TAGS],
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.flatMap((violation) => [
      `- ${violation.id} (${violation.impact}): ${violation.help} [${violation.helpUrl}]`,
      ...violation.nodes.map(
        (node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`,
      ),
    ]);
    assert.fail(
      `${label}: ${serious.length} serious or critical accessibility violation(s) ` +
        `(axe-core, ${A11Y_TAGS.join(', ')}):\n${lines.join('\n')}`,
    );
  }
  return { violations };
}
