// Browser test of the subject-access export (the acceptance test "a SAR export holds a seeded
// customer's calls, SMS and links"): an agent calls one customer (signed webhooks, as Twilio
// sends them), texts them, sends them a magic link they open, and saves an outcome, all through
// the API; a supervisor opens that customer's page, presses Download data export and the zip the
// browser saves holds all of it, as JSON and as CSV. An agent is offered no export and the server
// refuses them one. Real binary, built-in stand-in, clock pinned inside the calling window; by
// role and name only.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import { strFromU8, unzipSync } from 'fflate';
import twilio from 'twilio';

import {
  assertNoPageScroll,
  customerName,
  LAPTOP_VIEWPORT,
  openBrowser,
  prepareQueues,
  signIn,
} from '../support/browser.mjs';
import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { holdCustomerWithPhone } from '../support/queue.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';
import { standIn, textedLinkToken } from '../support/stand-in.mjs';

const WEDNESDAY_11 = '2026-11-04T11:00:00Z'; // inside the calling window
const viewport = LAPTOP_VIEWPORT;
const AUTH_TOKEN = 'e2e-browser-subject-access-auth-token';
// A comma and quotes, so that the CSV has to quote it (RFC 4180).
const WORDS = 'Hello Jane, this is "the claims team": we will call you back.';
const CSV_FILES = Object.freeze([
  'calls.csv',
  'recordings.csv',
  'outcomes.csv',
  'texts_sent.csv',
  'texts_received.csv',
  'links.csv',
  'callbacks.csv',
  'suppressions.csv',
  'conversions.csv',
  'follow_ups.csv',
  'contact_attempts.csv',
  'audit.csv',
  'queue_history.csv',
]);

/**
 * Parses RFC 4180 CSV: fields quoted when they hold `"`, `,` or a line break, `""` for a quote,
 * CRLF after every record. A bare CR or LF outside quotes fails, so that the line ends are
 * checked too. Returns the records as arrays of strings.
 */
function parseCsv(text, label) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"') {
      assert.equal(field, '', `${label}: a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      assert.ok(c !== '\r' && c !== '\n', `${label}: a line end that is not CRLF at ${i}`);
      field += c;
    }
  }
  assert.equal(quoted, false, `${label}: a quoted field is not closed`);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A CSV of the export as { header, rows }, each row an object by column name. */
function csvTable(files, name) {
  const records = parseCsv(strFromU8(files[name]), name);
  assert.ok(records.length > 0, `${name} has no header row`);
  const [header, ...body] = records;
  for (const [n, record] of body.entries()) {
    assert.equal(record.length, header.length, `${name} row ${n + 1}: ${JSON.stringify(record)}`);
  }
  const rows = body.map((record) => Object.fromEntries(header.map((h, i) => [h, record[i]])));
  return { header, rows };
}

describe("a subject-access export holds a seeded customer's calls, texts and links", () => {
  let server;
  let browser;
  let page;
  let step;
  /** The agent who works the customer, and the supervisor who exports them (logins). */
  let agent;
  let supervisor;
  /** What the agent did: the customer, the call, the number texted, the link, the outcome. */
  let lead;
  let call;
  let number;
  let link;
  let outcome;

  before(async () => {
    server = await startServer({ ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    await prepareQueues(server, { now: WEDNESDAY_11 });
    browser = await openBrowser({ viewport, screenshotName: 'dialler-subject-access.png', server });
    ({ page, step } = browser);
    [agent, supervisor] = await Promise.all(
      [DEMO_USERS.agent, DEMO_USERS.supervisor].map(async ({ email, password }) => {
        const result = await login(server.url, email, password);
        assert.equal(result.response.status, 200, JSON.stringify(result.body));
        return { ...result, agent: result.body.agent };
      }),
    );
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
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  /** A provider callback, signed as Twilio signs it. */
  function webhook(pathname, params) {
    const signature = twilio.getExpectedTwilioSignature(
      AUTH_TOKEN,
      `${server.url}${pathname}`,
      params,
    );
    return request(server.url, pathname, {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': signature,
      },
    });
  }

  /** The customer's leg of the browser's call `parent` reports `status` (5 s per step). */
  async function legStatus(parent, status, sequence) {
    const r = await webhook('/api/webhooks/twilio/status', {
      CallSid: `CAchild${parent}`,
      ParentCallSid: parent,
      CallStatus: status,
      SequenceNumber: String(sequence),
      Timestamp: new Date(Date.parse(WEDNESDAY_11) + sequence * 5000)
        .toUTCString()
        .replace('GMT', '+0000'),
    });
    assert.equal(r.response.status, 204, `${status}: ${r.text}`);
  }

  const exportPath = () => `/api/customers/${lead.userId}/export`;
  const exportLink = () => page.getByRole('link', { name: 'Download data export', exact: true });

  it('the agent calls a customer, texts them, sends a link and saves an outcome', async () => {
    const available = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(available.response.status, 200, JSON.stringify(available.body));
    lead = await holdCustomerWithPhone(server.url, agent, 'mobile');

    // The call: a session, the browser's leg asking the voice webhook, the customer's leg
    // answered and ended.
    const opened = await post(agent, '/api/call-sessions', { userId: lead.userId });
    assert.equal(opened.response.status, 201, JSON.stringify(opened.body));
    call = opened.body.callSession;
    const voiceToken = await post(agent, '/api/telephony/token');
    assert.equal(voiceToken.response.status, 200, JSON.stringify(voiceToken.body));
    const voice = await webhook('/api/webhooks/twilio/voice', {
      CallSid: 'CAsar1',
      From: `client:${voiceToken.body.identity}`,
      To: '',
      sessionId: call.id,
    });
    assert.equal(voice.response.status, 200, voice.text);
    for (const [status, sequence] of [
      ['initiated', 0],
      ['ringing', 1],
      ['answered', 2],
      ['completed', 3],
    ]) {
      await legStatus('CAsar1', status, sequence);
    }

    // The text; the customer's phone (the stand-in) gets it, which tells the test their number.
    const sent = await post(agent, '/api/sms/send', { userId: lead.userId, body: WORDS });
    assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.sms.body, WORDS);

    // The link, texted to them too; they open it.
    const linked = await post(agent, '/api/magic-links', {
      userId: lead.userId,
      type: 'documentUpload',
      callSessionId: call.id,
    });
    assert.equal(linked.response.status, 201, JSON.stringify(linked.body));
    link = linked.body.magicLink;
    const token = await textedLinkToken(server.url, AUTH_TOKEN);
    const click = await fetch(`${server.url}/l/${token}`, { redirect: 'manual' });
    assert.equal(click.status, 302);
    const { body: phone } = await standIn(server.url, AUTH_TOKEN, '/sim/messages');
    number = phone.messages.find((m) => m.body === WORDS)?.to;
    assert.match(number ?? '', /^\+447\d{9}$/, JSON.stringify(phone));

    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome: 'might_complete',
      callSessionId: call.id,
    });
    assert.equal(saved.response.status, 201, JSON.stringify(saved.body));
    outcome = saved.body.outcome;
  });

  it('a supervisor downloads the export from the customer page; it holds all of that', async () => {
    assert.ok(outcome, 'the seeding of the first test');
    const name = customerName(lead);

    await step(async () => {
      await signIn(page, server, DEMO_USERS.supervisor);
      await page.goto(`${server.url}/customers/${lead.userId}`);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      const timeline = page.getByRole('list', { name: 'Customer timeline', exact: true });
      await timeline.getByText(`“${WORDS}”`).waitFor();
      await exportLink().waitFor();
      assert.equal(await exportLink().getAttribute('href'), exportPath());
      await assertNoPageScroll(page, viewport, 'customer page with the data export');
    });

    let files;
    await step(async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        exportLink().click(),
      ]);
      assert.equal(await download.failure(), null, 'the download failed');
      assert.equal(
        download.suggestedFilename(),
        `customer-${lead.userId}-export-2026-11-04.zip`,
        'the file is named by the server (Content-Disposition), dated by its clock',
      );
      const saved = await download.path();
      files = unzipSync(new Uint8Array(await readFile(saved)));
      // The page is still there: a download, not a navigation.
      assert.equal(new URL(page.url()).pathname, `/customers/${lead.userId}`);
    });

    const names = Object.keys(files);
    for (const expected of ['customer.json', 'README.txt', ...CSV_FILES]) {
      assert.ok(names.includes(expected), `${expected} is in the zip: ${names.join(', ')}`);
    }
    assert.ok(strFromU8(files['README.txt']).trim().length > 0, 'README.txt says something');

    // customer.json: the customer, their number, and each kind of record.
    const held = JSON.parse(strFromU8(files['customer.json']));
    assert.equal(held.userId, lead.userId);
    assert.equal(held.customer?.userId, lead.userId, JSON.stringify(held.customer));
    assert.ok(typeof held.exportedAt === 'string', JSON.stringify(held.exportedAt));
    assert.ok(held.phoneNumbersHeld?.includes(number), JSON.stringify(held.phoneNumbersHeld));
    // When they entered the queue they were called from.
    assert.ok(
      held.queueHistory?.some((e) => ['unsigned', 'outstanding'].includes(e.queue) && e.enteredAt),
      JSON.stringify(held.queueHistory),
    );
    assert.ok(
      held.calls?.some((c) => c.id === call.id),
      `the call ${call.id} in calls: ${JSON.stringify(held.calls)}`,
    );
    assert.ok(
      held.textsSent?.some((t) => t.body === WORDS),
      `the text in textsSent: ${JSON.stringify(held.textsSent)}`,
    );
    assert.ok(
      held.links?.some((l) => l.id === link.id),
      `the link ${link.id} in links: ${JSON.stringify(held.links)}`,
    );
    assert.ok(
      held.outcomes?.some((o) => o.id === outcome.id),
      `the outcome ${outcome.id} in outcomes: ${JSON.stringify(held.outcomes)}`,
    );
    const viewed = (e) =>
      e.action === 'customer.viewed' && e.actor?.agentId === supervisor.agent.id;
    assert.ok(
      held.audit?.some(viewed),
      `the supervisor's view in audit: ${JSON.stringify(held.audit)}`,
    );

    // The same records as CSV.
    const calls = csvTable(files, 'calls.csv');
    assert.ok(calls.header.includes('id'), `calls.csv header: ${calls.header}`);
    assert.ok(
      calls.rows.some((row) => row.id === call.id),
      `calls.csv has the call ${call.id}: ${JSON.stringify(calls.rows)}`,
    );
    const texts = csvTable(files, 'texts_sent.csv');
    assert.ok(
      texts.rows.some((row) => row.body === WORDS),
      `texts_sent.csv has the text: ${JSON.stringify(texts.rows)}`,
    );
    const links = csvTable(files, 'links.csv');
    assert.ok(
      links.rows.some((row) => row.id === link.id),
      `links.csv has the link ${link.id}: ${JSON.stringify(links.rows)}`,
    );
    const audit = csvTable(files, 'audit.csv');
    assert.ok(
      audit.rows.some(
        (row) => row.action === 'customer.viewed' && row['actor.agentId'] === supervisor.agent.id,
      ),
      `audit.csv has the supervisor's view (header ${audit.header}): ${JSON.stringify(audit.rows)}`,
    );
    // Every table has its file, even with no rows (e.g. texts received: the customer sent none).
    for (const file of CSV_FILES) {
      const text = strFromU8(files[file]);
      if (text !== '') parseCsv(text, file);
    }

    // The export itself is in the audit log, by the supervisor and about that customer.
    const logged = await as(supervisor, '/api/audit?action=customer.exported');
    assert.equal(logged.response.status, 200, JSON.stringify(logged.body));
    assert.ok(
      logged.body.entries?.some(
        (e) => e.userId === lead.userId && e.actor?.agentId === supervisor.agent.id,
      ),
      `the export in the audit log: ${JSON.stringify(logged.body)}`,
    );
  });

  it('the server sends the export as a dated zip attachment', async () => {
    assert.ok(lead, 'the seeding of the first test');
    const response = await fetch(`${server.url}${exportPath()}`, {
      headers: { Cookie: supervisor.cookie },
    });
    await response.arrayBuffer();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/zip\b/);
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="customer-${lead.userId}-export-2026-11-04.zip"`,
    );
  });

  it('an agent is offered no export, and the server refuses them one', async () => {
    assert.ok(lead, 'the seeding of the first test');
    assertErrorEnvelope(await as(agent, exportPath()), {
      status: 403,
      code: 'permission_denied',
    });

    await step(async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await signIn(page, server, DEMO_USERS.agent);
      await page.goto(`${server.url}/customers/${lead.userId}`);
      const name = customerName(lead);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await page.getByRole('link', { name: 'Back to search', exact: true }).waitFor();
      assert.equal(await exportLink().count(), 0, 'no Download data export for an agent');
      assert.equal(await page.getByText(/subject access request/).count(), 0);
    });
  });
});
