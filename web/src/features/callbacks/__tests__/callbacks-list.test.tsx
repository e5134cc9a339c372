import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { CallbackRow } from '../api/schemas';
import { buildCallback, installCallbacks } from './fake-callbacks';

// Wednesday 2 December 2026, 14:00 in the UK (GMT).
const now = '2026-12-02T14:00:00Z';

function sampleCallbacks(): CallbackRow[] {
  return [
    buildCallback({ id: '5' }),
    buildCallback({
      id: '6',
      userId: '1950',
      customerName: 'Omar Khan',
      scheduledFor: '2026-12-02T13:30:00Z',
      notes: '',
      failedTries: 1,
    }),
    buildCallback({
      id: '7',
      userId: '2001',
      customerName: null,
      agentId: null,
      scheduledFor: '2026-12-03T10:00:00Z',
      notes: 'Team callback',
      createdBy: { kind: 'system', agentId: null },
    }),
    buildCallback({
      id: '8',
      userId: '1960',
      customerName: 'Priya Patel',
      agentId: '4',
      scheduledFor: '2026-12-02T15:00:00Z',
    }),
    buildCallback({
      id: '9',
      userId: '1970',
      customerName: 'Lee Brown',
      agentId: '9',
      scheduledFor: '2026-12-02T09:00:00Z',
    }),
    buildCallback({
      id: '10',
      userId: '1980',
      customerName: 'Ann Gone',
      status: 'cancelled',
      closedReason: 'customer_missing',
      scheduledFor: '2026-11-30T11:00:00Z',
      updatedAt: '2026-11-30T11:05:00Z',
    }),
  ];
}

function renderCallbacks(
  api: FakeApi,
  { role = 'agent', path = '/callbacks' }: { role?: Role; path?: string } = {},
) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const table = () => screen.findByRole('table');
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const tab = (name: string) => screen.getByRole('tab', { name });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the Mine tab', () => {
  it('lists my callbacks soonest first, with when, who, whose, status, notes and tries', async () => {
    const api = createFakeApi();
    const fake = installCallbacks(api, sampleCallbacks());
    renderCallbacks(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Callbacks' })).toBeVisible();
    expect(tab('Mine')).toHaveAttribute('aria-selected', 'true');
    const rows = await bodyRows();
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Mon 30 Nov, 11:00Ann GoneDemo AgentCancelled/),
      expect.stringMatching(/^Wed 2 Dec, 13:30Omar KhanDemo AgentOverdue1/),
      expect.stringMatching(
        /^Wed 2 Dec, 14:30Jane SmithDemo AgentPendingWants to talk after lunch0/,
      ),
    ]);
    const [closed, overdue, jane] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(jane).getByRole('link', { name: 'Jane Smith' })).toHaveAttribute(
      'href',
      '/customers/1940',
    );
    expect(within(closed).getByText('The customer is no longer on the platform')).toBeVisible();
    expect(within(closed).queryByRole('button')).not.toBeInTheDocument();
    // Overdue: highlighted, and said in words, not by the colour alone.
    expect(overdue).toHaveAttribute('data-overdue', 'true');
    expect(overdue).toHaveClass('bg-red-50');
    expect(within(overdue).getByText('Overdue')).toHaveClass('bg-red-100');
    expect(jane).not.toHaveAttribute('data-overdue');
    expect(fake.listReads('mine')).toBeGreaterThan(0);
    // My own pending callbacks: reschedule and cancel, but no reassigning for an agent.
    expect(
      within(jane).getByRole('button', { name: 'Reschedule callback for Jane Smith' }),
    ).toBeVisible();
    expect(
      within(jane).getByRole('button', { name: 'Cancel callback for Jane Smith' }),
    ).toBeVisible();
    expect(within(jane).queryByRole('button', { name: /Reassign/ })).not.toBeInTheDocument();
    // The agent filter belongs to the team's lists.
    expect(screen.queryByRole('combobox', { name: 'Agent' })).not.toBeInTheDocument();
  });

  it("plays a missed caller's voicemail from the server, and shows no player without one", async () => {
    const api = createFakeApi();
    installCallbacks(api, [
      buildCallback({
        id: '11',
        notes: 'Missed call',
        voicemail: { seconds: 75, url: '/api/callbacks/11/voicemail' },
      }),
      buildCallback({ id: '12', userId: '1950', customerName: 'Omar Khan' }),
    ]);
    renderCallbacks(api);

    const player = await screen.findByLabelText('Voicemail from Jane Smith, 1:15');
    expect(player.tagName).toBe('AUDIO');
    expect(player).toHaveAttribute('src', '/api/callbacks/11/voicemail');
    // Nothing is fetched (or audited) until someone presses play.
    expect(player).toHaveAttribute('preload', 'none');
    expect(screen.queryByLabelText(/Voicemail from Omar Khan/)).not.toBeInTheDocument();
  });

  it('says when there are none', async () => {
    const api = createFakeApi();
    installCallbacks(api, []);
    renderCallbacks(api);

    expect(await screen.findByText('No callbacks booked')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    installCallbacks(api, []);
    api.on('GET', '/api/callbacks', () => new Promise<Response>(() => {}));
    renderCallbacks(api);

    expect(await screen.findByText('Loading callbacks…')).toBeVisible();
  });

  it('says when the list cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    installCallbacks(api, sampleCallbacks());
    api.on('GET', '/api/callbacks', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderCallbacks(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The callbacks could not be loaded: The database is unavailable.',
    );
    installCallbacks(api, sampleCallbacks());
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Jane Smith' })).toBeVisible();
  });
});

describe('the Team and Overdue tabs', () => {
  it('lists every pending callback with whose it is, and lets an agent change only theirs', async () => {
    const api = createFakeApi();
    const fake = installCallbacks(api, sampleCallbacks());
    const { user, router } = renderCallbacks(api);
    await table();

    await user.click(tab('Team'));

    expect(tab('Team')).toHaveAttribute('aria-selected', 'true');
    expect(currentUrl(router)).toBe('/callbacks?show=team');
    await screen.findByRole('link', { name: 'Priya Patel' });
    const rows = await bodyRows();
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Wed 2 Dec, 09:00Lee BrownAgent 9Overdue/),
      expect.stringMatching(/^Wed 2 Dec, 13:30Omar KhanDemo AgentOverdue/),
      expect.stringMatching(/^Wed 2 Dec, 14:30Jane SmithDemo AgentPending/),
      expect.stringMatching(/^Wed 2 Dec, 15:00Priya PatelAlice AgentPending/),
      expect.stringMatching(/^Thu 3 Dec, 10:00Customer 2001Anyone on the teamPending/),
    ]);
    const [, , jane, priya, team] = rows as HTMLElement[];
    expect(within(jane!).getAllByRole('button')).toHaveLength(2);
    // Someone else's, or the team's: the server would refuse an agent (403), so no buttons.
    expect(within(priya!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(team!).queryByRole('button')).not.toBeInTheDocument();
    expect(fake.listReads('team')).toBeGreaterThan(0);
  });

  it('moves between the tabs with the arrow keys', async () => {
    const api = createFakeApi();
    const fake = installCallbacks(api, sampleCallbacks());
    const { user, router } = renderCallbacks(api);
    await table();

    tab('Mine').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Team')).toHaveFocus();
    expect(tab('Team')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(tab('Overdue')).toHaveFocus();
    expect(currentUrl(router)).toBe('/callbacks?show=overdue');
    await user.keyboard('{ArrowRight}');
    expect(tab('Mine')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Overdue')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Mine')).toHaveAttribute('tabindex', '-1');

    await screen.findByRole('link', { name: 'Lee Brown' });
    expect(fake.listReads('overdue')).toBeGreaterThan(0);
    const rows = await bodyRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(within(row).getByText('Overdue')).toBeVisible();
  });

  it('says when nothing is overdue', async () => {
    const api = createFakeApi();
    installCallbacks(api, [buildCallback()]);
    renderCallbacks(api, { path: '/callbacks?show=overdue' });

    expect(await screen.findByText('Nothing overdue')).toBeVisible();
    expect(tab('Overdue')).toHaveAttribute('aria-selected', 'true');
  });

  it('names agents it cannot look up "Agent N" when the team cannot be read', async () => {
    const api = createFakeApi();
    installCallbacks(api, sampleCallbacks());
    api.on('GET', '/api/agents', () => errorResponse(403, 'permission_denied', 'not allowed'));
    renderCallbacks(api, { path: '/callbacks?show=team' });

    const priya = (await screen.findByRole('link', { name: 'Priya Patel' })).closest('tr')!;
    expect(priya).toHaveTextContent('Agent 4');
    // The signed-in agent's own name is known from the session.
    const jane = screen.getByRole('link', { name: 'Jane Smith' }).closest('tr')!;
    expect(jane).toHaveTextContent('Demo Agent');
  });
});

describe('the filters', () => {
  it('filters by the customer, by name or customer number', async () => {
    const api = createFakeApi();
    installCallbacks(api, sampleCallbacks());
    const { user } = renderCallbacks(api, { path: '/callbacks?show=team' });
    await screen.findByRole('link', { name: 'Priya Patel' });

    const filter = screen.getByRole('searchbox', { name: 'Filter by customer' });
    await user.type(filter, 'jane');
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Jane Smith'),
    ]);

    await user.clear(filter);
    await user.type(filter, '2001');
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Customer 2001'),
    ]);

    await user.clear(filter);
    await user.type(filter, 'nobody');
    expect(screen.getByText('No callbacks match the filters')).toBeVisible();
  });

  it('filters the team lists by agent, the team included', async () => {
    const api = createFakeApi();
    installCallbacks(api, sampleCallbacks());
    const { user } = renderCallbacks(api, { role: 'supervisor', path: '/callbacks?show=team' });
    await screen.findByRole('link', { name: 'Priya Patel' });

    const agentSelect = screen.getByRole('combobox', { name: 'Agent' });
    await waitFor(() =>
      expect(
        within(agentSelect)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([
        'All',
        'Anyone on the team',
        'Agent 9',
        'Alice Agent',
        'Demo Agent',
        'Sam Supervisor',
      ]),
    );

    await user.selectOptions(agentSelect, 'Anyone on the team');
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Customer 2001'),
    ]);

    await user.selectOptions(agentSelect, 'Alice Agent');
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Priya Patel'),
    ]);

    // Kept on the Overdue tab, where Alice has none.
    await user.click(tab('Overdue'));
    expect(await screen.findByText('No callbacks match the filters')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'All');
    expect(await screen.findByRole('link', { name: 'Lee Brown' })).toBeVisible();
  });
});

describe('overdue, on the server clock', () => {
  it("judges overdue by the server's clock, not the PC's", async () => {
    const api = createFakeApi();
    installCallbacks(api, [buildCallback({ id: '5', scheduledFor: '2026-12-02T14:30:00Z' })]);
    // The PC says 14:00; the server says it is already 14:45.
    api.on('GET', '/api/calling-hours', () =>
      jsonResponse(200, { timeZone: 'Europe/London', now: '2026-12-02T14:45:00Z', hours: [] }),
    );
    renderCallbacks(api);

    const jane = (await screen.findByRole('link', { name: 'Jane Smith' })).closest('tr')!;
    await waitFor(() => expect(jane).toHaveAttribute('data-overdue', 'true'));
    expect(jane).toHaveTextContent('Overdue');
  });

  it("prefers the list's own now when the server sends one", async () => {
    const api = createFakeApi();
    installCallbacks(api, [buildCallback({ id: '5', scheduledFor: '2026-12-02T14:30:00Z' })], {
      serverNow: '2026-12-02T15:00:00Z',
    });
    renderCallbacks(api);

    const jane = (await screen.findByRole('link', { name: 'Jane Smith' })).closest('tr')!;
    expect(jane).toHaveAttribute('data-overdue', 'true');
  });
});
