import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import {
  buildEmptyReport,
  buildStatusRow,
  buildWeekReport,
  installAnalytics,
} from './fake-analytics';

const week = '/analytics?from=2026-11-02&to=2026-11-08';

function renderAnalytics(
  api: FakeApi,
  { role = 'supervisor', path = week }: { role?: Role; path?: string } = {},
) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

afterEach(() => {
  vi.useRealTimers();
});

const table = (name: string) => screen.findByRole('table', { name });
/** A table's rows as text, one array of cells (header cells included) per row. */
async function rowsOf(name: string): Promise<string[][]> {
  return within(await table(name))
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}
const form = () => screen.getByRole('form', { name: 'Date range' });
const field = (name: string) => within(form()).getByLabelText(name);
/** Sets a date input as a date picker would. */
const pickDate = (name: string, value: string) =>
  fireEvent.change(field(name), { target: { value } });

describe('the Analytics page', () => {
  it('shows the totals and every table of the report, shares as percentages', async () => {
    const api = createFakeApi();
    const fake = installAnalytics(api);
    renderAnalytics(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    // The heading is there before the report is asked for (the page's chunk loads first).
    expect(await screen.findByText('2 Nov 2026 to 8 Nov 2026, UK days')).toBeVisible();
    expect(fake.lastQuery()).toEqual({ from: '2026-11-02', to: '2026-11-08' });

    const totals = screen.getByRole('region', { name: 'Totals' });
    const figure = (term: string) =>
      within(totals).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(figure('Calls')).toBe('40');
    expect(figure('Contacts')).toBe('12');
    expect(figure('Contact rate')).toBe('30%');
    expect(figure('Talk time')).toBe('55:00');
    expect(figure('Conversions')).toBe('2');

    expect(await rowsOf('Calls by day')).toEqual([
      ['Day', 'Calls', 'Contacts', 'Contact rate', 'Talk time', 'Conversions'],
      ['Mon 2 Nov', '8', '3', '37.5%', '10:00', '0'],
      ['Tue 3 Nov', '10', '4', '40%', '20:00', '1'],
      ['Wed 4 Nov', '12', '3', '25%', '15:00', '0'],
      ['Thu 5 Nov', '6', '2', '33.3%', '10:00', '1'],
      ['Fri 6 Nov', '4', '0', '0%', '0:00', '0'],
      // No calls: no rate at all, rather than 0%.
      ['Sat 7 Nov', '0', '0', '—', '0:00', '0'],
      ['Sun 8 Nov', '0', '0', '—', '0:00', '0'],
    ]);

    const hours = await rowsOf('Calls by hour');
    expect(hours).toHaveLength(25);
    expect(hours[0]).toEqual(['Hour (UK)', 'Calls', 'Contacts', 'Contact rate']);
    expect(hours[1]).toEqual(['00:00', '0', '0', '—']);
    expect(hours[11]).toEqual(['10:00', '25', '8', '32%']);
    expect(hours[15]).toEqual(['14:00', '15', '4', '26.7%']);

    const outcomes = await rowsOf('Outcomes');
    expect(outcomes[0]).toEqual(['Outcome', 'Calls']);
    expect(outcomes).toContainEqual(['Completed the form', '2']);
    expect(outcomes).toContainEqual(['No answer', '28']);
    expect(outcomes).toContainEqual(['Do not contact', '0']);
    // A code added on the server later, in words.
    expect(outcomes.at(-1)).toEqual(['Wrong person', '1']);

    expect(await rowsOf('Agents')).toEqual([
      [
        'Agent',
        'Calls',
        'Contacts',
        'Talk time',
        'Signed in',
        'Busy',
        'Calls per hour',
        'Talk %',
        'Average gap',
        'Utilisation',
        'Conversions',
      ],
      ['Demo Agent', '20', '6', '30:00', '8:00:00', '2:00:00', '2.5', '6.3%', '1:36', '25%', '1'],
      // Never signed in: no ratios.
      ['Alice Agent', '20', '6', '25:00', '0:00', '0:00', '—', '—', '—', '—', '1'],
    ]);

    expect(await rowsOf('Time in each status')).toEqual([
      ['Agent', 'Logins', 'Available', 'On a call', 'Wrap-up', 'Break'],
      ['Demo Agent', '5', '16:40', '33:20', '5:00', '15:00'],
      ['Alice Agent', '0', '0:00', '0:00', '0:00', '0:00'],
    ]);
  });

  it('shows the funnel, the time to first call and the score-band mix of the range', async () => {
    const api = createFakeApi();
    installAnalytics(api);
    renderAnalytics(api);

    // Each step counted on its own: links sent and a conversion in a queue nobody called.
    expect(await rowsOf('Conversion funnel')).toEqual([
      ['Queue', 'In queue', 'Called', 'Contacted', 'Link sent', 'Link opened', 'Converted'],
      ['Unsigned', '1,204', '967', '412', '305', '188', '71'],
      ['Outstanding documents', '5', '0', '0', '2', '1', '1'],
    ]);
    expect(await rowsOf('Time to first call')).toEqual([
      [
        'Queue',
        'New leads',
        'Called',
        'Called within a day',
        'Within a day %',
        'Median time to first call',
      ],
      ['Unsigned', '1,204', '967', '903', '75%', '1:30:30'],
      // Nobody called: no median.
      ['Outstanding documents', '5', '0', '0', '0%', '—'],
    ]);
    expect(await rowsOf('Score-band mix')).toEqual([
      ['Score band', 'Calls', 'Contacts', 'Contact rate'],
      ['0–19', '9', '4', '44.4%'],
      ['20–39', '11', '3', '27.3%'],
      ['40–59', '6', '2', '33.3%'],
      ['60–79', '4', '1', '25%'],
      ['80–99', '2', '0', '0%'],
      ['100 and over', '0', '0', '—'],
      ['No score (customers’ calls to us)', '8', '2', '25%'],
    ]);

    // Each under its own heading, with its chart.
    for (const [section, chart] of [
      ['Conversion funnel', 'Conversion funnel by queue'],
      ['Time to first call', 'Time to first call for new leads'],
      ['Score-band mix', 'Calls and contacts by score band'],
    ] as const) {
      const region = screen.getByRole('region', { name: section });
      expect(within(region).getByRole('figure', { name: chart })).toBeVisible();
      expect(within(region).getByRole('table', { name: section })).toBeVisible();
    }
  });

  it('shows queues and score bands the page has no words for yet', async () => {
    const api = createFakeApi();
    installAnalytics(api, (range) => {
      const report = buildWeekReport(range);
      const [unsigned] = report.funnel;
      const [first] = report.firstCall;
      if (unsigned) report.funnel.push({ ...unsigned, queue: 'second_chance' });
      if (first) report.firstCall.push({ ...first, queue: 'second_chance' });
      report.scoreBands.push({ band: '120-139', calls: 1, contacts: 0, contactRate: 0 });
      report.scoreBands.push({ band: '200+', calls: 1, contacts: 1, contactRate: 1 });
      return report;
    });
    renderAnalytics(api);

    expect((await rowsOf('Conversion funnel')).at(-1)?.[0]).toBe('Second chance');
    expect((await rowsOf('Time to first call')).at(-1)?.[0]).toBe('Second chance');
    expect((await rowsOf('Score-band mix')).slice(-2)).toEqual([
      ['120–139', '1', '0', '0%'],
      ['200 and over', '1', '1', '100%'],
    ]);
  });

  it('says when nobody entered a queue, and still offers the file', async () => {
    const api = createFakeApi();
    installAnalytics(api, (range) => {
      const report = buildWeekReport(range);
      const empty = buildEmptyReport(range);
      return { ...report, funnel: empty.funnel, firstCall: empty.firstCall };
    });
    renderAnalytics(api);
    await table('Calls by day');

    for (const [section, chart] of [
      ['Conversion funnel', 'Conversion funnel by queue'],
      ['Time to first call', 'Time to first call for new leads'],
    ] as const) {
      const region = screen.getByRole('region', { name: section });
      expect(
        within(region).getByText('No customers entered a queue in this range.'),
      ).toBeVisible();
      expect(within(region).queryByRole('table')).not.toBeInTheDocument();
      expect(within(region).queryByRole('figure', { name: chart })).not.toBeInTheDocument();
      expect(within(region).getByRole('link', { name: `Download CSV: ${section}` })).toBeVisible();
    }
    // The calls are still shown by score band.
    expect(await table('Score-band mix')).toBeVisible();
  });

  it('draws one chart per figure, each named, with its definition one click away', async () => {
    const api = createFakeApi();
    installAnalytics(api);
    const { user } = renderAnalytics(api);
    await table('Calls by day');

    const charts = [
      'Calls and contacts by day',
      'Contact rate by day',
      'Calls by UK hour',
      'Outcome mix',
      'Calls per hour, talk % and utilisation by agent',
      'Time in each status by agent',
      'Calls and contacts by score band',
      'Conversion funnel by queue',
      'Time to first call for new leads',
    ];
    for (const name of charts) {
      const figure = screen.getByRole('figure', { name });
      const drawing = within(figure).getByRole('img');
      expect(drawing).toHaveAccessibleName(
        expect.stringMatching(/^(Bar|Line|Grouped bar|Stacked bar) chart of /),
      );
      expect(drawing.querySelector('svg')).not.toBeNull();
    }
    expect(
      within(screen.getByRole('figure', { name: 'Calls and contacts by day' })).getByRole('img'),
    ).toHaveAccessibleName(
      'Bar chart of calls and contacts by day, 2 Nov 2026 to 8 Nov 2026. ' +
        'The numbers are in the table “Calls by day”.',
    );

    const agents = screen.getByRole('figure', {
      name: 'Calls per hour, talk % and utilisation by agent',
    });
    const what = within(agents).getByRole('button', {
      name: 'What is this? Calls per hour, talk % and utilisation by agent',
    });
    expect(what).toHaveAttribute('aria-expanded', 'false');
    expect(within(agents).queryByText(/^Busy time ÷ signed-in time/)).not.toBeVisible();
    await user.click(what);
    expect(what).toHaveAttribute('aria-expanded', 'true');
    expect(within(agents).getByText(/^Busy time ÷ signed-in time/)).toBeVisible();
    expect(within(agents).getByText(/docs\/metrics\.md/)).toBeVisible();

    const funnel = screen.getByRole('figure', { name: 'Conversion funnel by queue' });
    await user.click(
      within(funnel).getByRole('button', { name: 'What is this? Conversion funnel by queue' }),
    );
    expect(within(funnel).getByText(/^Each step is counted on its own/)).toBeVisible();
    expect(
      within(screen.getByRole('figure', { name: 'Conversion funnel by queue' })).getByRole('img'),
    ).toHaveAccessibleName(
      'Grouped bar chart of each queue’s customers at each step of the funnel, ' +
        '2 Nov 2026 to 8 Nov 2026. The numbers are in the table “Conversion funnel”.',
    );

    const bands = screen.getByRole('figure', { name: 'Calls and contacts by score band' });
    await user.click(
      within(bands).getByRole('button', {
        name: 'What is this? Calls and contacts by score band',
      }),
    );
    expect(within(bands).getByText(/lower is hotter/)).toBeVisible();
  });

  it('links each table to its CSV download for the range shown', async () => {
    const api = createFakeApi();
    installAnalytics(api);
    renderAnalytics(api);
    await table('Calls by day');

    const csv = {
      'Calls by day': 'days',
      'Calls by hour': 'hours',
      Outcomes: 'outcomes',
      Agents: 'agents',
      'Time in each status': 'status-time',
      'Conversion funnel': 'funnel',
      'Time to first call': 'first-call',
      'Score-band mix': 'score-bands',
    };
    for (const [title, file] of Object.entries(csv)) {
      const link = screen.getByRole('link', { name: `Download CSV: ${title}` });
      expect(link).toHaveAttribute(
        'href',
        `/api/analytics/${file}.csv?from=2026-11-02&to=2026-11-08`,
      );
      expect(link).toHaveAttribute('download');
    }
    // Every call of the range, one link for the whole page.
    const calls = screen.getByRole('link', { name: 'Download every call (CSV)' });
    expect(calls).toHaveAttribute('href', '/api/analytics/calls.csv?from=2026-11-02&to=2026-11-08');
    expect(calls).toHaveAttribute('download');
    // Only the page's report is fetched: the files are the browser's to download.
    expect(api.requests.some((r) => r.path.includes('.csv'))).toBe(false);
  });

  it('shows the last 7 UK days ending today when the address names none', async () => {
    // 00:30 on 2 July in the UK (BST): already the 2nd there.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-07-01T23:30:00Z') });
    const api = createFakeApi();
    const fake = installAnalytics(api);
    renderAnalytics(api, { path: '/analytics' });

    await table('Calls by day');
    expect(fake.lastQuery()).toEqual({ from: '2027-06-26', to: '2027-07-02' });
    expect(field('From')).toHaveValue('2027-06-26');
    expect(field('To')).toHaveValue('2027-07-02');
    expect((await rowsOf('Calls by day')).slice(1).map((row) => row[0])).toEqual([
      'Sat 26 Jun',
      'Sun 27 Jun',
      'Mon 28 Jun',
      'Tue 29 Jun',
      'Wed 30 Jun',
      'Thu 1 Jul',
      'Fri 2 Jul',
    ]);
  });

  it('keeps the range in the address: Apply shows the new days, Back the old ones', async () => {
    const api = createFakeApi();
    const fake = installAnalytics(api);
    const { user, router } = renderAnalytics(api);
    await table('Calls by day');
    expect(field('From')).toHaveValue('2026-11-02');
    expect(field('To')).toHaveValue('2026-11-08');

    pickDate('From', '2026-11-09');
    pickDate('To', '2026-11-10');
    await user.click(within(form()).getByRole('button', { name: 'Apply' }));

    await waitFor(() =>
      expect(currentUrl(router)).toBe('/analytics?from=2026-11-09&to=2026-11-10'),
    );
    await waitFor(() => expect(fake.lastQuery()).toEqual({ from: '2026-11-09', to: '2026-11-10' }));
    await waitFor(async () =>
      expect((await rowsOf('Calls by day')).slice(1).map((row) => row[0])).toEqual([
        'Mon 9 Nov',
        'Tue 10 Nov',
      ]),
    );
    expect(screen.getByRole('link', { name: 'Download CSV: Agents' })).toHaveAttribute(
      'href',
      '/api/analytics/agents.csv?from=2026-11-09&to=2026-11-10',
    );
    expect(screen.getByRole('link', { name: 'Download every call (CSV)' })).toHaveAttribute(
      'href',
      '/api/analytics/calls.csv?from=2026-11-09&to=2026-11-10',
    );

    await router.navigate(-1);
    await waitFor(() => expect(field('From')).toHaveValue('2026-11-02'));
    expect(field('To')).toHaveValue('2026-11-08');
  });

  it('reads the same range afresh on Apply, without a new history entry', async () => {
    const api = createFakeApi();
    const fake = installAnalytics(api);
    const { user, router } = renderAnalytics(api);
    await table('Calls by day');
    const before = fake.reads().length;

    await user.click(within(form()).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(fake.reads().length).toBe(before + 1));
    expect(currentUrl(router)).toBe(week);
    expect(router.state.historyAction).not.toBe('PUSH');
  });

  it('shows the server’s refusal at the day it names, and a slip it can see at once', async () => {
    const api = createFakeApi();
    const fake = installAnalytics(api);
    const { user } = renderAnalytics(api);
    await table('Calls by day');

    // More than 92 days: the server says so, at To.
    pickDate('From', '2026-01-01');
    await user.click(within(form()).getByRole('button', { name: 'Apply' }));

    const to = field('To');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('the range is longer than 92 days');
    expect(to).toHaveFocus();
    expect(field('From')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(/correct the day marked above/)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    // Changed, the message goes: it was about what was asked.
    pickDate('To', '2026-01-31');
    expect(to).not.toHaveAttribute('aria-invalid');

    // A To before the From is said at once, and not sent.
    const asked = fake.reads().length;
    pickDate('To', '2025-12-31');
    await user.click(within(form()).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(to).toHaveAccessibleDescription('The To date is before the From date.'),
    );
    expect(to).toHaveFocus();
    // An empty day too.
    pickDate('From', '');
    await user.click(within(form()).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(field('From')).toHaveAccessibleDescription('Choose the first day.'));
    expect(field('From')).toHaveFocus();
    expect(fake.reads().length).toBe(asked);
  });

  it('shows a refusal of a hand-edited address at the day it names', async () => {
    const api = createFakeApi();
    installAnalytics(api);
    renderAnalytics(api, { path: '/analytics?from=2026-11-31&to=2026-12-02' });

    await screen.findByRole('form', { name: 'Date range' });
    const from = field('From');
    await waitFor(() => expect(from).toHaveAttribute('aria-invalid', 'true'));
    expect(from).toHaveAccessibleDescription('from must be a date (YYYY-MM-DD)');
    expect(from).toHaveFocus();
  });

  it('says when the range has no calls', async () => {
    const api = createFakeApi();
    installAnalytics(api, (range) => buildEmptyReport(range));
    renderAnalytics(api);

    expect(await screen.findByText('No calls in this range.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Conversion funnel' })).getByText(
        'No customers entered a queue in this range.',
      ),
    ).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Totals' }))
        .getByText('Contact rate', { selector: 'dt' })
        .nextElementSibling,
    ).toHaveTextContent('—');
  });

  it('still shows the time in each status of a range with no calls', async () => {
    const api = createFakeApi();
    installAnalytics(api, (range) => ({
      ...buildEmptyReport(range),
      statusTime: [buildStatusRow()],
    }));
    renderAnalytics(api);

    expect(await screen.findByText('No calls in this range.')).toBeVisible();
    expect(await rowsOf('Time in each status')).toHaveLength(2);
    expect(screen.queryByRole('table', { name: 'Calls by day' })).not.toBeInTheDocument();
  });

  it('still shows the funnel of a range with no calls, if anyone entered a queue', async () => {
    const api = createFakeApi();
    installAnalytics(api, (range) => {
      const week = buildWeekReport(range);
      return { ...buildEmptyReport(range), funnel: week.funnel, firstCall: week.firstCall };
    });
    renderAnalytics(api);

    expect(await screen.findByText('No calls in this range.')).toBeVisible();
    expect(await rowsOf('Conversion funnel')).toHaveLength(3);
    expect(await rowsOf('Time to first call')).toHaveLength(3);
    expect(screen.queryByRole('table', { name: 'Score-band mix' })).not.toBeInTheDocument();
  });

  it('says when the figures cannot be loaded, and loads them on Retry', async () => {
    const api = createFakeApi();
    installAnalytics(api);
    api.on('GET', '/api/analytics', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAnalytics(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The figures could not be loaded: The database is unavailable.',
    );
    installAnalytics(api);
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await table('Calls by day')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not for agents', async () => {
    const api = createFakeApi();
    const fake = installAnalytics(api);
    renderAnalytics(api, { role: 'agent' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    expect(fake.reads()).toHaveLength(0);
  });
});
