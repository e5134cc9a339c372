import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import { buildEmptyReport, buildStatusRow, installAnalytics } from './fake-analytics';

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
    };
    for (const [title, file] of Object.entries(csv)) {
      const link = screen.getByRole('link', { name: `Download CSV: ${title}` });
      expect(link).toHaveAttribute(
        'href',
        `/api/analytics/${file}.csv?from=2026-11-02&to=2026-11-08`,
      );
      expect(link).toHaveAttribute('download');
    }
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
