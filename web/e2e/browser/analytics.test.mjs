// Browser test of the Analytics page (the product's acceptance test): "the analytics page renders
// charts for a seeded week of activity and its CSV equals the API's numbers". An agent works a
// week by hand through the API (Mon 2 to Fri 6 November 2026, the clock pinned inside the calling
// window; November is GMT, so UK time is UTC), with webhooks signed as Twilio signs them: some
// calls answered with talk time, some not, each with an outcome. Then, on Sunday 8 November, a
// supervisor opens Analytics for 2 to 8 November: every chart is drawn, the tables show the
// seeded numbers, and each table's CSV (downloaded through the page's link) holds exactly the
// API's rows; the file of every call holds one record per call of the week. Every lead enters its
// queue on Monday (discovery runs on the pinned clock), so the conversion funnel and the time to
// first call have rows: they are checked against the API (their figures are checked by hand in
// the API test). An agent has neither the link nor the figures. Real binary, by role and name.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';

import twilio from 'twilio';

import {
  answerTo as answerToPage,
  assertNoPageScroll,
  LAPTOP_VIEWPORT,
  openBrowser,
  signIn as signInPage,
} from '../support/browser.mjs';
import { assertErrorEnvelope, login, request } from '../support/http.mjs';
import { DEMO_USERS, startServer } from '../support/server.mjs';

const AUTH_TOKEN = 'e2e-browser-analytics-auth-token';
const viewport = LAPTOP_VIEWPORT;
const FROM = '2026-11-02';
const TO = '2026-11-08';
const SUNDAY_NOON = '2026-11-08T12:00:00Z';

/**
 * The week worked: when each call starts, the outcome saved, and its talk time in seconds (null:
 * it rang and nobody answered). After Tuesday's first call the agent takes a 30-minute lunch.
 */
const CALLS = Object.freeze([
  { start: '2026-11-02T10:00:00Z', outcome: 'going_to_complete', talk: 120 },
  { start: '2026-11-02T14:00:00Z', outcome: 'no_answer', talk: null },
  { start: '2026-11-03T10:00:00Z', outcome: 'might_complete', talk: 60, lunchAfter: true },
  { start: '2026-11-03T14:00:00Z', outcome: 'not_interested', talk: 30 },
  { start: '2026-11-04T10:00:00Z', outcome: 'no_answer', talk: null },
  { start: '2026-11-05T14:00:00Z', outcome: 'completed_form', talk: 300 },
  { start: '2026-11-06T10:00:00Z', outcome: 'voicemail_left', talk: null },
  { start: '2026-11-06T14:00:00Z', outcome: 'hung_up', talk: 45 },
]);

/** What the week adds up to, day by day (UK days = UTC days in November). */
const SEEDED_DAYS = Object.freeze({
  '2026-11-02': { calls: 2, contacts: 1, talkSeconds: 120, contactRate: 0.5 },
  '2026-11-03': { calls: 2, contacts: 2, talkSeconds: 90, contactRate: 1 },
  '2026-11-04': { calls: 1, contacts: 0, talkSeconds: 0, contactRate: 0 },
  '2026-11-05': { calls: 1, contacts: 1, talkSeconds: 300, contactRate: 1 },
  '2026-11-06': { calls: 2, contacts: 1, talkSeconds: 45, contactRate: 0.5 },
  '2026-11-07': { calls: 0, contacts: 0, talkSeconds: 0, contactRate: null },
  '2026-11-08': { calls: 0, contacts: 0, talkSeconds: 0, contactRate: null },
});

const isoAt = (start, seconds) =>
  new Date(Date.parse(start) + seconds * 1000).toISOString().replace('.000Z', 'Z');
/** The provider's Timestamp parameter (RFC 2822). */
const rfc2822 = (at) => new Date(at).toUTCString().replace('GMT', '+0000');

// The page's formats (web/src/features/analytics/labels.ts), to read the tables with.
const counts = new Intl.NumberFormat('en-GB');
const count = (value) => counts.format(value);
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const rates = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const share = (value) => (value === null ? '—' : percents.format(value));
const rate = (value) => (value === null ? '—' : rates.format(value));
function time(totalSeconds) {
  const seconds = Math.floor(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h === 0 ? `${m}:${s}` : `${h}:${String(m).padStart(2, '0')}:${s}`;
}
const gap = (seconds) => (seconds === null ? '—' : time(Math.round(seconds)));
/** The queues and score bands as the page names them. */
const QUEUE_WORDS = Object.freeze({ unsigned: 'Unsigned', outstanding: 'Outstanding documents' });
const BAND_WORDS = Object.freeze({
  '0-19': '0–19',
  '20-39': '20–39',
  '40-59': '40–59',
  '60-79': '60–79',
  '80-99': '80–99',
  '100+': '100 and over',
  none: 'No score (customers’ calls to us)',
});
const NO_ENTRIES = 'No customers entered a queue in this range.';
const dayLabel = (day) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${day}T12:00:00Z`));

/**
 * Parses RFC 4180 CSV whose records end in CRLF (quoted fields may hold commas, quotes doubled
 * and line breaks); returns the records as arrays of strings. Fails on a bare LF between records.
 */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
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
      assert.notEqual(c, '\n', `a line ends without CR at character ${i}: ${JSON.stringify(text)}`);
      field += c;
    }
  }
  assert.ok(!quoted, 'a quoted field is not closed');
  // The last record ends in CRLF too: nothing is left over.
  assert.ok(
    field === '' && record.length === 0,
    `the last line has no CRLF: ${JSON.stringify(text)}`,
  );
  return records;
}

/**
 * Asserts the CSV `text` holds exactly `rows` (a table of the JSON report): a header of the rows'
 * keys in alphabetical order, then one record per row in order, strings as they are, numbers as
 * numbers (written as JSON writes them) and null as an empty cell.
 */
function assertCsvEqualsRows(text, rows, label) {
  const [header, ...records] = parseCsv(text);
  const keys = Object.keys(rows[0] ?? {}).sort();
  assert.deepEqual(header, keys, `${label}: the header`);
  assert.equal(records.length, rows.length, `${label}: one record per row`);
  rows.forEach((row, index) => {
    const record = records[index];
    assert.equal(record.length, keys.length, `${label}, row ${index}: ${JSON.stringify(record)}`);
    keys.forEach((key, column) => {
      const cell = record[column];
      const value = row[key];
      const where =
        `${label}, row ${index}, ${key}: ` +
        `CSV ${JSON.stringify(cell)}, JSON ${JSON.stringify(value)}`;
      if (value === null) {
        assert.equal(cell, '', where);
      } else if (typeof value === 'number') {
        assert.match(cell, /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/, where);
        assert.equal(Number(cell), value, where);
      } else {
        assert.equal(cell, String(value), where);
      }
    });
  });
}

describe('analytics: a seeded week in charts, tables and CSV files equal to the API', () => {
  let server;
  let browser;
  let page;
  let step;
  /** The agent who worked the week (their login's `agent`). */
  let agentAccount;

  function as(user, pathname, { method = 'GET', json } = {}) {
    const headers = { Cookie: user.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = user.csrfToken;
    return request(server.url, pathname, { method, json, headers });
  }
  const post = (user, pathname, json = {}) => as(user, pathname, { method: 'POST', json });

  async function signedIn({ email, password }) {
    const result = await login(server.url, email, password);
    assert.equal(result.response.status, 200, JSON.stringify(result.body));
    return result;
  }

  /**
   * Pins the server's clock at `now`. A fresh admin session each time: the clock jumps by hours
   * and days, past any session's idle time.
   */
  async function pin(now) {
    const admin = await signedIn(DEMO_USERS.admin);
    const pinned = await post(admin, '/api/testing/clock', { now });
    assert.equal(
      pinned.response.status,
      200,
      `pin the clock at ${now}: ${JSON.stringify(pinned.body)}`,
    );
  }

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

  /** The customer's leg of the browser's call `parent` reports `status` at `at`. */
  async function legStatus(parent, status, sequence, at) {
    const r = await webhook('/api/webhooks/twilio/status', {
      CallSid: `CAchild${parent}`,
      ParentCallSid: parent,
      CallStatus: status,
      SequenceNumber: String(sequence),
      Timestamp: rfc2822(at),
    });
    assert.equal(r.response.status, 204, `${parent} ${status}: ${r.text}`);
  }

  /**
   * One call of the week: the agent signs in at `start` (clock pinned), goes Available, takes
   * the next customer and calls them from the browser's device; the customer's leg rings and is
   * answered for `talk` seconds, or rings out; the outcome is saved, and the agent signs off
   * (a lunch break first, when asked).
   */
  async function workCall({ start, outcome, talk, lunchAfter = false }, index) {
    await pin(start);
    const agent = await signedIn(DEMO_USERS.agent);
    agentAccount = agent.body.agent;
    const available = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'available' },
    });
    assert.equal(available.response.status, 200, JSON.stringify(available.body));

    const next = await post(agent, '/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    const { lead } = next.body;
    assert.ok(lead, `${start}: expected a customer: ${JSON.stringify(next.body)}`);
    const opened = await post(agent, '/api/call-sessions', { userId: lead.userId });
    assert.equal(opened.response.status, 201, `${start}: ${JSON.stringify(opened.body)}`);
    const session = opened.body.callSession;
    const token = await post(agent, '/api/telephony/token');
    assert.equal(token.response.status, 200, JSON.stringify(token.body));
    const browserSid = `CAanalytics${index}`;
    const voice = await webhook('/api/webhooks/twilio/voice', {
      CallSid: browserSid,
      From: `client:${token.body.identity}`,
      To: '',
      sessionId: session.id,
    });
    assert.equal(voice.response.status, 200, voice.text);

    /**
     * Moves the clock on to `until` a minute at a time, the agent's screen keeping the customer
     * held (a hold lasts two minutes without a heartbeat).
     */
    async function holdUntil(until) {
      for (let at = Date.parse(start) + 60_000; ; at += 60_000) {
        const now = Math.min(at, Date.parse(until));
        await pin(isoAt(start, (now - Date.parse(start)) / 1000));
        const beat = await post(agent, `/api/queue/leads/${lead.userId}/heartbeat`);
        assert.equal(beat.response.status, 200, JSON.stringify(beat.body));
        if (now === Date.parse(until)) return;
      }
    }

    await legStatus(browserSid, 'initiated', 0, isoAt(start, 1));
    await legStatus(browserSid, 'ringing', 1, isoAt(start, 3));
    let ended;
    if (talk === null) {
      ended = isoAt(start, 25);
      await holdUntil(ended);
      await legStatus(browserSid, 'no-answer', 2, ended);
    } else {
      await legStatus(browserSid, 'answered', 2, isoAt(start, 10));
      ended = isoAt(start, 10 + talk);
      await holdUntil(ended);
      await legStatus(browserSid, 'completed', 3, ended);
    }

    const saved = await post(agent, `/api/queue/leads/${lead.userId}/outcome`, {
      outcome,
      callSessionId: session.id,
    });
    assert.equal(saved.response.status, 201, `${start} ${outcome}: ${JSON.stringify(saved.body)}`);

    if (lunchAfter) {
      const lunch = await as(agent, '/api/agents/me/status', {
        method: 'PUT',
        json: { status: 'break', reason: 'lunch' },
      });
      assert.equal(lunch.response.status, 200, JSON.stringify(lunch.body));
      await pin(isoAt(ended, 30 * 60));
    }
    const off = await as(agent, '/api/agents/me/status', {
      method: 'PUT',
      json: { status: 'offline' },
    });
    assert.equal(off.response.status, 200, JSON.stringify(off.body));
  }

  before(async () => {
    // The clock jumps on by minutes within a call and a lunch: long idle sessions keep the
    // agent signed in through them (each call starts with a new sign-in anyway).
    server = await startServer(
      { ENABLE_TEST_ENDPOINTS: 'true', TWILIO_AUTH_TOKEN: AUTH_TOKEN, SESSION_IDLE_MINUTES: '600' },
      { demoUsers: 150 },
    );
    await pin(CALLS[0].start);
    // On the pinned clock: every lead enters its queue on Monday, inside the week shown.
    const discovered = await post(await signedIn(DEMO_USERS.admin), '/api/testing/jobs/discovery.full');
    assert.equal(discovered.response.status, 200, JSON.stringify(discovered.body));
    assert.ok(discovered.body.result > 0, JSON.stringify(discovered.body));
    for (const [index, call] of CALLS.entries()) await workCall(call, index);
    await pin(SUNDAY_NOON);
    browser = await openBrowser({ viewport, screenshotName: 'dialler-analytics.png', server });
    ({ page, step } = browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const isWeek = (response) => {
    const url = new URL(response.url());
    return (
      url.pathname === '/api/analytics' &&
      url.searchParams.get('from') === FROM &&
      url.searchParams.get('to') === TO
    );
  };

  /** The body rows of the table named `name`: each row's cells' text, its row header first. */
  async function tableRows(name) {
    const rows = page.getByRole('table', { name, exact: true }).getByRole('row');
    const count = await rows.count();
    const out = [];
    for (let i = 1; i < count; i += 1) {
      const row = rows.nth(i);
      out.push([
        ...(await row.getByRole('rowheader').allTextContents()),
        ...(await row.getByRole('cell').allTextContents()),
      ]);
    }
    return out;
  }

  /** The report as the API gives it now, asked with the page's own session (no new login). */
  async function reportFromApi() {
    const answer = await page.evaluate(async (query) => {
      const response = await fetch(`/api/analytics?${query}`, {
        headers: { Accept: 'application/json' },
      });
      return { status: response.status, body: await response.json() };
    }, new URLSearchParams({ from: FROM, to: TO }).toString());
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.analytics;
  }

  it('a supervisor opens the week: charts drawn, the tables hold the seeded numbers', async () => {
    let shown;
    await step(async () => {
      await signInPage(page, server, DEMO_USERS.supervisor);
      await answerToPage(page, 'GET', '/api/analytics', () =>
        nav().getByRole('link', { name: 'Analytics', exact: true }).click(),
      );
      await page.waitForURL((url) => url.pathname === '/analytics');
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();

      const range = page.getByRole('form', { name: 'Date range' });
      await range.getByLabel('From', { exact: true }).fill(FROM);
      await range.getByLabel('To', { exact: true }).fill(TO);
      const answer = page.waitForResponse(isWeek);
      await range.getByRole('button', { name: 'Apply', exact: true }).click();
      const response = await answer;
      assert.equal(response.status(), 200, await response.text());
      shown = (await response.json()).analytics;
      await page.waitForURL(
        (url) => url.searchParams.get('from') === FROM && url.searchParams.get('to') === TO,
      );
      await page.getByText('2 Nov 2026 to 8 Nov 2026, UK days', { exact: true }).waitFor();
    });

    await step(async () => {
      // The API's report of the week, as the page got it.
      assert.equal(shown.from, FROM);
      assert.equal(shown.to, TO);
      assert.equal(shown.timeZone, 'Europe/London');
      assert.deepEqual(
        shown.days.map(({ day, calls, contacts, talkSeconds, contactRate }) => [
          day,
          { calls, contacts, talkSeconds, contactRate },
        ]),
        Object.entries(SEEDED_DAYS),
      );
      assert.deepEqual(
        { ...shown.totals, conversions: undefined },
        { calls: 8, contacts: 5, contactRate: 0.625, talkSeconds: 555, conversions: undefined },
      );
      assert.equal(shown.hours.length, 24);
      const hour = (h) => shown.hours.find((row) => row.hour === h);
      assert.deepEqual(hour(10), { hour: 10, calls: 4, contacts: 2, contactRate: 0.5 });
      assert.deepEqual(hour(14), { hour: 14, calls: 4, contacts: 3, contactRate: 0.75 });
      assert.equal(
        shown.hours.reduce((sum, row) => sum + row.calls, 0),
        8,
        JSON.stringify(shown.hours),
      );
      const outcomes = Object.fromEntries(shown.outcomes.map((row) => [row.outcome, row.calls]));
      assert.deepEqual(
        Object.fromEntries(Object.entries(outcomes).filter(([, calls]) => calls > 0)),
        {
          completed_form: 1,
          going_to_complete: 1,
          hung_up: 1,
          might_complete: 1,
          no_answer: 2,
          not_interested: 1,
          voicemail_left: 1,
        },
      );
      assert.ok(
        'do_not_contact' in outcomes,
        `every outcome is listed: ${JSON.stringify(outcomes)}`,
      );
      const worked = shown.agents.find((row) => row.agentId === agentAccount.id);
      assert.ok(worked, `the agent is listed: ${JSON.stringify(shown.agents)}`);
      assert.deepEqual(
        { calls: worked.calls, contacts: worked.contacts, talkSeconds: worked.talkSeconds },
        { calls: 8, contacts: 5, talkSeconds: 555 },
      );
      assert.ok(worked.signedInSeconds > 0, JSON.stringify(worked));
      const status = shown.statusTime.find((row) => row.agentId === agentAccount.id);
      assert.ok(status.breakSeconds >= 30 * 60, `the lunch: ${JSON.stringify(status)}`);

      // Both queues, unsigned first, in the funnel and the time to first call (their numbers
      // depend on the queue entries, which the seeding does not decide); every score band, in
      // order, the week's calls and contacts shared out among them.
      const queues = ['unsigned', 'outstanding'];
      assert.deepEqual(shown.funnel.map((row) => row.queue), queues, JSON.stringify(shown.funnel));
      assert.deepEqual(
        shown.firstCall.map((row) => row.queue),
        queues,
        JSON.stringify(shown.firstCall),
      );
      assert.deepEqual(
        shown.scoreBands.map((row) => row.band),
        Object.keys(BAND_WORDS),
        JSON.stringify(shown.scoreBands),
      );
      assert.deepEqual(
        shown.scoreBands.reduce(
          (sum, row) => ({ calls: sum.calls + row.calls, contacts: sum.contacts + row.contacts }),
          { calls: 0, contacts: 0 },
        ),
        { calls: 8, contacts: 5 },
        JSON.stringify(shown.scoreBands),
      );
    });

    await step(async () => {
      // Every chart: named, visible, drawn as an SVG with its bars or its line.
      const charts = [
        ['Calls and contacts by day', '.recharts-bar-rectangle'],
        ['Contact rate by day', '.recharts-line-curve'],
        ['Calls by UK hour', '.recharts-bar-rectangle'],
        ['Outcome mix', '.recharts-bar-rectangle'],
        ['Calls per hour, talk % and utilisation by agent', '.recharts-bar-rectangle'],
        ['Time in each status by agent', '.recharts-bar-rectangle'],
      ];
      for (const [name, mark] of charts) {
        const drawing = page.getByRole('figure', { name, exact: true }).getByRole('img');
        await drawing.waitFor();
        assert.ok(await drawing.isVisible(), `${name}: not visible`);
        assert.match((await drawing.getAttribute('aria-label')) ?? '', /chart of /, name);
        // An SVG, with the bars (or the line) drawn once the library has laid the chart out.
        await drawing.locator('svg.recharts-surface').locator(mark).first().waitFor();
      }
      // The score-band mix, the funnel and the time to first call, each under its heading beside
      // its table (everyone entered a queue on Monday: none is empty).
      assert.ok(shown.funnel.some((row) => row.entered > 0), JSON.stringify(shown.funnel));
      const sections = [
        ['Score-band mix', 'Calls and contacts by score band'],
        ['Conversion funnel', 'Conversion funnel by queue'],
        ['Time to first call', 'Time to first call for new leads'],
      ];
      for (const [title, name] of sections) {
        const section = page.getByRole('region', { name: title, exact: true });
        await section.waitFor();
        assert.equal(await section.getByText(NO_ENTRIES, { exact: true }).count(), 0, title);
        const drawing = section.getByRole('figure', { name, exact: true }).getByRole('img');
        await drawing.waitFor();
        assert.ok(await drawing.isVisible(), `${name}: not visible`);
        assert.match((await drawing.getAttribute('aria-label')) ?? '', /chart of /, name);
        await drawing
          .locator('svg.recharts-surface')
          .locator('.recharts-bar-rectangle')
          .first()
          .waitFor();
        await section.getByRole('table', { name: title, exact: true }).waitFor();
      }
      // The definitions, one click away.
      const rateChart = page.getByRole('figure', { name: 'Contact rate by day', exact: true });
      await rateChart.getByRole('button', { name: /^What is this\?/ }).click();
      await rateChart.getByText(/^Contacts ÷ calls of the same period/).waitFor();
      await assertNoPageScroll(page, viewport, 'analytics');
    });

    await step(async () => {
      // The tables, as the supervisor reads them: the seeded numbers.
      assert.deepEqual(
        await tableRows('Calls by day'),
        shown.days.map((row) => {
          const seeded = SEEDED_DAYS[row.day];
          return [
            dayLabel(row.day),
            String(seeded.calls),
            String(seeded.contacts),
            share(seeded.contactRate),
            time(seeded.talkSeconds),
            String(row.conversions),
          ];
        }),
      );
      assert.deepEqual((await tableRows('Calls by day'))[0].slice(0, 5), [
        'Mon 2 Nov',
        '2',
        '1',
        '50%',
        '2:00',
      ]);
      const hours = await tableRows('Calls by hour');
      assert.equal(hours.length, 24);
      assert.deepEqual(hours[10], ['10:00', '4', '2', '50%']);
      assert.deepEqual(hours[14], ['14:00', '4', '3', '75%']);
      assert.deepEqual(hours[9], ['09:00', '0', '0', '—']);

      const outcomes = await tableRows('Outcomes');
      assert.equal(outcomes.length, shown.outcomes.length);
      for (const expected of [
        ['No answer', '2'],
        ['Going to complete', '1'],
        ['Completed the form', '1'],
        ['Hung up', '1'],
        ['Do not contact', '0'],
      ]) {
        assert.ok(
          outcomes.some((row) => row[0] === expected[0] && row[1] === expected[1]),
          `${expected}: ${JSON.stringify(outcomes)}`,
        );
      }

      const agents = await tableRows('Agents');
      assert.deepEqual(
        agents,
        shown.agents.map((row) => [
          row.name,
          String(row.calls),
          String(row.contacts),
          time(row.talkSeconds),
          time(row.signedInSeconds),
          time(row.busySeconds),
          rate(row.callsPerHour),
          share(row.talkPercent),
          gap(row.averageGapSeconds),
          share(row.utilisation),
          String(row.conversions),
        ]),
      );
      const worked = agents.find((row) => row[0] === agentAccount.displayName);
      assert.deepEqual(worked.slice(0, 4), [agentAccount.displayName, '8', '5', '9:15']);

      assert.deepEqual(
        await tableRows('Time in each status'),
        shown.statusTime.map((row) => [
          row.name,
          String(row.logins),
          time(row.availableSeconds),
          time(row.onCallSeconds),
          time(row.wrapUpSeconds),
          time(row.breakSeconds),
        ]),
      );

      // The funnel and the time to first call, as the API gives them; the score-band mix.
      assert.deepEqual(
        await tableRows('Conversion funnel'),
        shown.funnel.map((row) => [
          QUEUE_WORDS[row.queue],
          count(row.entered),
          count(row.called),
          count(row.contacted),
          count(row.linkSent),
          count(row.linkOpened),
          count(row.converted),
        ]),
      );
      assert.deepEqual(
        await tableRows('Time to first call'),
        shown.firstCall.map((row) => [
          QUEUE_WORDS[row.queue],
          count(row.entered),
          count(row.called),
          count(row.calledWithinDay),
          share(row.calledWithinDayShare),
          gap(row.medianSecondsToFirstCall),
        ]),
      );
      assert.deepEqual(
        await tableRows('Score-band mix'),
        shown.scoreBands.map((row) => [
          BAND_WORDS[row.band],
          count(row.calls),
          count(row.contacts),
          share(row.contactRate),
        ]),
      );

      // The totals strip.
      const totals = page.getByRole('region', { name: 'Totals', exact: true });
      const figure = async (term) =>
        totals
          .getByRole('term')
          .filter({ hasText: new RegExp(`^${term}$`) })
          .evaluate((element) => element.nextElementSibling?.textContent);
      assert.equal(await figure('Calls'), '8');
      assert.equal(await figure('Contacts'), '5');
      assert.equal(await figure('Contact rate'), '62.5%');
      assert.equal(await figure('Talk time'), '9:15');
    });

    await step(async () => {
      // Each table's CSV, downloaded through the page's link, holds the API's rows exactly.
      const report = await reportFromApi();
      assert.deepEqual(report, shown, 'the report is the one the page shows');
      const tables = [
        ['Calls by day', 'days', report.days],
        ['Calls by hour', 'hours', report.hours],
        ['Outcomes', 'outcomes', report.outcomes],
        ['Agents', 'agents', report.agents],
        ['Time in each status', 'status-time', report.statusTime],
        ['Conversion funnel', 'funnel', report.funnel],
        ['Time to first call', 'first-call', report.firstCall],
        ['Score-band mix', 'score-bands', report.scoreBands],
      ];
      for (const [title, file, rows] of tables) {
        const link = page.getByRole('link', { name: `Download CSV: ${title}`, exact: true });
        assert.equal(
          await link.getAttribute('href'),
          `/api/analytics/${file}.csv?from=${FROM}&to=${TO}`,
        );
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), `analytics-${file}-${FROM}-to-${TO}.csv`);
        assert.equal(await download.failure(), null, `${title}: the download failed`);
        const text = await readFile(await download.path(), 'utf8');
        assertCsvEqualsRows(text, rows, title);
      }
      // Still on the page: the downloads did not navigate away.
      assert.equal(new URL(page.url()).pathname, '/analytics');

      // What the server says the files are.
      const headers = await page.evaluate(async (href) => {
        const response = await fetch(href);
        await response.arrayBuffer();
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          disposition: response.headers.get('content-disposition'),
        };
      }, `/api/analytics/days.csv?from=${FROM}&to=${TO}`);
      assert.equal(headers.status, 200, JSON.stringify(headers));
      assert.match(headers.type ?? '', /^text\/csv\b/, JSON.stringify(headers));
      assert.equal(
        headers.disposition,
        `attachment; filename="analytics-days-${FROM}-to-${TO}.csv"`,
        JSON.stringify(headers),
      );

      // Every call of the week in one file: the page's link, and what the server streams for it
      // (asked with the page's own session): a header, then one record per call session.
      const callsHref = `/api/analytics/calls.csv?from=${FROM}&to=${TO}`;
      const everyCall = page.getByRole('link', { name: 'Download every call (CSV)', exact: true });
      assert.equal(await everyCall.getAttribute('href'), callsHref);
      assert.notEqual(await everyCall.getAttribute('download'), null, 'a download link');
      const calls = await page.evaluate(async (href) => {
        const response = await fetch(href);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          text: await response.text(),
        };
      }, callsHref);
      assert.equal(calls.status, 200, calls.text);
      assert.match(calls.type ?? '', /^text\/csv\b/, JSON.stringify(calls.type));
      assert.ok(
        calls.text.startsWith('callId,direction,startedAt'),
        `the header: ${JSON.stringify(calls.text.slice(0, 200))}`,
      );
      const [callsHeader, ...callRecords] = parseCsv(calls.text);
      assert.equal(
        callRecords.length,
        CALLS.length,
        `one record per call of the week: ${JSON.stringify(calls.text)}`,
      );
      callRecords.forEach((record, index) =>
        assert.equal(record.length, callsHeader.length, `call ${index}: ${JSON.stringify(record)}`),
      );
      // Through the link, the same file.
      const [callsDownload] = await Promise.all([page.waitForEvent('download'), everyCall.click()]);
      assert.equal(await callsDownload.failure(), null, 'every call: the download failed');
      const downloaded = parseCsv(await readFile(await callsDownload.path(), 'utf8'));
      assert.deepEqual(downloaded, [callsHeader, ...callRecords], 'every call: the file');
      assert.equal(new URL(page.url()).pathname, '/analytics');
    });

    await step(async () => {
      // A range the server refuses (over 92 days), from a hand-edited address: its message shows
      // at the day it names.
      const response = await answerToPage(
        page,
        'GET',
        '/api/analytics',
        () => page.goto(`${server.url}/analytics?from=2026-01-01&to=${TO}`),
        400,
      );
      const body = await response.json();
      assert.equal(body.error?.code, 'invalid_argument', JSON.stringify(body));
      assert.ok(['from', 'to'].includes(body.error?.field), JSON.stringify(body));
      const day = page
        .getByRole('form', { name: 'Date range' })
        .getByLabel(body.error.field === 'from' ? 'From' : 'To', { exact: true });
      await page.waitForFunction(
        (element) => element?.getAttribute('aria-invalid') === 'true',
        await day.elementHandle(),
      );
      await page.getByText(body.error.message, { exact: true }).waitFor();
      assert.equal(await page.getByRole('table').count(), 0);
      await assertNoPageScroll(page, viewport, 'analytics, a range refused');
    });

    await step(async () => {
      await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
    });
  });

  it('an agent has no Analytics link, is not shown the page, and is refused the API', async () => {
    const agent = await signedIn(DEMO_USERS.agent);
    assertErrorEnvelope(await as(agent, `/api/analytics?from=${FROM}&to=${TO}`), {
      status: 403,
      code: 'permission_denied',
    });
    assertErrorEnvelope(await as(agent, `/api/analytics/days.csv?from=${FROM}&to=${TO}`), {
      status: 403,
      code: 'permission_denied',
    });

    await step(async () => {
      await signInPage(page, server, DEMO_USERS.agent);
      await nav().getByRole('link', { name: 'Queue', exact: true }).waitFor();
      assert.equal(await nav().getByRole('link', { name: 'Analytics', exact: true }).count(), 0);
      await page.goto(`${server.url}/analytics?from=${FROM}&to=${TO}`);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1, name: 'Analytics' }).count(), 0);
      assert.equal(await page.getByRole('table').count(), 0);
    });
  });
});
