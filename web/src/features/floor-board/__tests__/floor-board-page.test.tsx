import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { createFakeLive, type FakeLive } from '@/testing/fake-live-socket';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { FloorBoard } from '../api/schemas';
import { buildFloorAgent, buildFloorBoard, installFloorBoard } from './fake-floor';

// The PC's clock is an hour and a bit behind the server's: times on the board are counted from
// the snapshot's `at` (10:15:00), not from the PC's clock.
const pcNow = new Date('2026-12-02T09:02:30Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: pcNow });
});

afterEach(() => {
  vi.useRealTimers();
});

function sampleBoard(): FloorBoard {
  return buildFloorBoard({
    agents: [
      buildFloorAgent({
        agentId: '4',
        name: 'Alice Agent',
        status: 'on_call',
        statusSince: '2026-12-02T10:14:30Z',
        call: {
          callId: '12',
          state: 'in-progress',
          direction: 'outbound',
          startedAt: '2026-12-02T10:14:00Z',
          answeredAt: '2026-12-02T10:14:20Z',
        },
      }),
      buildFloorAgent({
        agentId: '1',
        name: 'Demo Agent',
        status: 'break',
        reason: 'lunch',
        statusSince: '2026-12-02T10:01:00Z',
        today: {
          calls: 12,
          contacts: 5,
          talkSeconds: 3_725,
          linksSent: 2,
          conversions: 1,
          outcomes: {},
        },
      }),
      buildFloorAgent({
        agentId: '5',
        name: 'Olive Oldhand',
        status: 'offline',
        statusSince: '2026-12-02T08:00:00Z',
        today: {
          calls: 0,
          contacts: 0,
          talkSeconds: 0,
          linksSent: 0,
          conversions: 0,
          outcomes: {},
        },
      }),
      buildFloorAgent({
        agentId: '2',
        name: 'Sam Supervisor',
        role: 'supervisor',
        status: 'available',
        statusSince: '2026-12-02T10:10:00Z',
        call: {
          callId: '13',
          state: 'ringing',
          direction: 'inbound',
          startedAt: '2026-12-02T10:14:50Z',
          answeredAt: null,
        },
      }),
      buildFloorAgent({ agentId: '9', name: 'Ben Newstart', status: 'wrap_up', statusSince: null }),
    ],
  });
}

function renderBoard(
  api: FakeApi,
  { role = 'supervisor', live = createFakeLive() }: { role?: Role; live?: FakeLive } = {},
) {
  api.signIn(demoAgents[role]);
  return renderApp({ path: '/supervisor', api, live });
}

const table = async () =>
  (await screen.findByRole('table', { name: 'Agents' })) as HTMLTableElement;
/** Each body row as its cells' text. */
const rowTexts = async () =>
  Array.from((await table()).tBodies[0]?.rows ?? []).map((row) =>
    Array.from(row.cells).map((cell) => cell.textContent),
  );
const rowOf = async (name: string) =>
  within(await table())
    .getByRole('rowheader', { name })
    .closest('tr')!;
const today = () => screen.getByRole('region', { name: 'Today' });
/** The figure under `label` in a list of figures. */
const figure = (container: HTMLElement, label: string) =>
  within(container).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('the floor board', () => {
  it('shows the day, every agent with their status, time in it and call, and the queues', async () => {
    const api = createFakeApi();
    installFloorBoard(api, sampleBoard());
    renderBoard(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Floor' })).toBeVisible();
    expect(await rowTexts()).toEqual([
      // Working first by name, the offline last; times from the snapshot's 10:15:00.
      ['Alice Agent', 'On a call', '0:30', 'Talking 1:00', '3', '1', '1:05', '1', '0'],
      ['Ben Newstart', 'Wrap-up', '—', '—', '3', '1', '1:05', '1', '0'],
      ['Demo Agent', 'Break (lunch)', '14:00', '—', '12', '5', '1:02:05', '2', '1'],
      [
        'Sam Supervisor',
        'Available',
        '5:00',
        'Ringing, a customer calling in, 0:10',
        '3',
        '1',
        '1:05',
        '1',
        '0',
      ],
      ['Olive Oldhand', 'Offline', '2:15:00', '—', '0', '0', '0:00', '0', '0'],
    ]);

    expect(figure(today(), 'Calls')).toBe('1,204');
    expect(figure(today(), 'Contacts')).toBe('5');
    expect(figure(today(), 'Contact rate')).toBe('42%');
    expect(figure(today(), 'Talk time')).toBe('1:02:05');
    expect(figure(today(), 'Conversions')).toBe('2');
    expect(figure(today(), 'Links sent / opened')).toBe('4 / 1');
    expect(figure(today(), 'Unread SMS')).toBe('3');

    const queues = screen.getByRole('region', { name: 'Queues' });
    const queue = (name: string) => within(queues).getByRole('group', { name });
    expect(figure(queue('Unsigned'), 'In queue')).toBe('388');
    expect(figure(queue('Unsigned'), 'Callable now')).toBe('310');
    expect(figure(queue('Outstanding documents'), 'In queue')).toBe('12');
    expect(figure(queue('Outstanding documents'), 'Callable now')).toBe('0');
    expect(figure(queue('Outstanding documents'), 'Next callable')).toBe('14:00 Wed');
    expect(figure(queue('Callbacks'), 'In queue')).toBe('5');
    expect(figure(queue('Callbacks'), 'Callable now')).toBe('2');
    expect(figure(queue('Callbacks'), 'Due now')).toBe('2');
    expect(figure(queue('Callbacks'), 'Later today')).toBe('3');

    expect(
      within(screen.getByRole('region', { name: 'Alerts' })).getByText('No alerts'),
    ).toBeVisible();
  });

  it('marks a machine agent in words, and no one else', async () => {
    const api = createFakeApi();
    const board = sampleBoard();
    installFloorBoard(api, {
      ...board,
      agents: [
        ...board.agents,
        buildFloorAgent({ agentId: '20', name: 'Claims bot', kind: 'machine' }),
      ],
    });
    renderBoard(api);

    const bot = await rowOf('Claims bot Machine');
    expect(within(bot).getByText('Machine')).toBeVisible();
    expect(bot.cells[1]).toHaveTextContent('Available');
    expect(within(await table()).getAllByText('Machine')).toHaveLength(1);
    expect(within(await rowOf('Alice Agent')).queryByText('Machine')).not.toBeInTheDocument();
  });

  it('counts the times in state and on a call up every second', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: pcNow });
    const api = createFakeApi();
    const fake = installFloorBoard(api, sampleBoard());
    renderBoard(api);
    const alice = await rowOf('Alice Agent');
    const timers = () =>
      within(alice)
        .getAllByRole('timer')
        .map((t) => t.textContent);
    expect(timers()).toEqual(['0:30', '1:00']);
    const reads = fake.reads().length;

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(timers()).toEqual(['0:32', '1:02']);
    await act(() => vi.advanceTimersByTimeAsync(60 * 60_000));
    expect(timers()).toEqual(['1:00:32', '1:01:02']);
    // Counted here: an hour on, the board has not been read again (no polling).
    expect(fake.reads()).toHaveLength(reads);
  });

  it('says when there is nobody yet, and no alerts', async () => {
    const api = createFakeApi();
    installFloorBoard(api, buildFloorBoard({ agents: [], alerts: [] }));
    renderBoard(api);

    expect(await screen.findByText('No agents yet')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No alerts')).toBeVisible();
  });

  it('shows a contact rate of "—" before the first call', async () => {
    const api = createFakeApi();
    const board = buildFloorBoard();
    installFloorBoard(api, { ...board, today: { ...board.today, contactRate: null } });
    renderBoard(api);
    await table();
    expect(figure(today(), 'Contact rate')).toBe('—');
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/floor', () => new Promise<Response>(() => {}));
    renderBoard(api);
    expect(await screen.findByText('Loading the floor…')).toBeVisible();
  });

  it('says when the board cannot be read, and reads it again on Retry', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/floor', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderBoard(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The floor could not be loaded: The database is unavailable.',
    );
    installFloorBoard(api, sampleBoard());
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await rowOf('Alice Agent')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists the alerts with since when, and marks the agents they are about', async () => {
    const api = createFakeApi();
    const board = sampleBoard();
    installFloorBoard(api, {
      ...board,
      alerts: [
        {
          code: 'call_ringing_long',
          message: 'Sam Supervisor has had a call ringing for over a minute',
          subjectId: '2',
          since: '2026-12-02T10:13:50Z',
        },
        {
          code: 'break_long',
          message: 'Demo Agent has been on a break for over 30 minutes',
          subjectId: '1',
          since: '2026-12-02T10:01:00Z',
        },
        {
          code: 'queue_empty',
          message: 'Nobody is callable now in Outstanding documents',
          subjectId: null,
          since: null,
        },
      ],
    });
    renderBoard(api);

    const alerts = await screen.findByRole('region', { name: 'Alerts' });
    await waitFor(() =>
      expect(
        within(alerts)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        'Sam Supervisor has had a call ringing for over a minutesince 10:13',
        'Demo Agent has been on a break for over 30 minutessince 10:01',
        'Nobody is callable now in Outstanding documents',
      ]),
    );
    const sam = await rowOf('Sam Supervisor');
    expect(sam).toHaveAttribute('data-alert', 'true');
    // Besides the tint, a sign by the call that has rung too long, and words for screen readers.
    expect(sam.cells[3]).toHaveTextContent(
      'ringing too long: Ringing, a customer calling in, 0:10',
    );
    expect(sam.cells[3]).toHaveAttribute(
      'title',
      'Sam Supervisor has had a call ringing for over a minute',
    );
    const demo = await rowOf('Demo Agent');
    expect(demo).toHaveAttribute('data-alert', 'true');
    expect(demo.cells[2]).toHaveTextContent('break too long: 14:00');
    expect(await rowOf('Alice Agent')).not.toHaveAttribute('data-alert');
  });

  it('sorts by name and by status from the column headers, the offline always last', async () => {
    const api = createFakeApi();
    installFloorBoard(api, sampleBoard());
    const { user } = renderBoard(api);
    const names = async () => (await rowTexts()).map((cells) => cells[0]);
    const header = (name: string) => screen.getByRole('columnheader', { name });
    await table();

    expect(header('Agent')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Status')).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: 'Agent' }));
    expect(header('Agent')).toHaveAttribute('aria-sort', 'descending');
    expect(await names()).toEqual([
      'Sam Supervisor',
      'Demo Agent',
      'Ben Newstart',
      'Alice Agent',
      'Olive Oldhand',
    ]);

    await user.click(screen.getByRole('button', { name: 'Status' }));
    expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Agent')).not.toHaveAttribute('aria-sort');
    expect(await names()).toEqual([
      'Alice Agent', // on a call
      'Ben Newstart', // wrap-up
      'Sam Supervisor', // available
      'Demo Agent', // break
      'Olive Oldhand',
    ]);

    // From the keyboard too.
    screen.getByRole('button', { name: 'Status' }).focus();
    await user.keyboard('{Enter}');
    expect(header('Status')).toHaveAttribute('aria-sort', 'descending');
    expect(await names()).toEqual([
      'Demo Agent',
      'Sam Supervisor',
      'Ben Newstart',
      'Alice Agent',
      'Olive Oldhand',
    ]);
  });

  it('shows one team at a time when asked, and everyone again', async () => {
    const api = createFakeApi();
    const board = sampleBoard();
    const teams: Record<string, string> = {
      'Alice Agent': 'North',
      'Ben Newstart': 'South',
      'Demo Agent': 'North',
    };
    installFloorBoard(api, {
      ...board,
      agents: board.agents.map((a) => ({ ...a, team: teams[a.name] ?? '' })),
    });
    const { user } = renderBoard(api);
    const names = async () => (await rowTexts()).map((cells) => cells[0]);
    await table();
    const team = screen.getByRole('combobox', { name: 'Team' });
    expect(
      within(team)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All teams', 'North', 'South', 'No team']);
    expect(team).toHaveDisplayValue('All teams');

    await user.selectOptions(team, 'North');
    expect(await names()).toEqual(['Alice Agent', 'Demo Agent']);
    await user.selectOptions(team, 'No team');
    expect(await names()).toEqual(['Sam Supervisor', 'Olive Oldhand']);
    await user.selectOptions(team, 'All teams');
    expect(await names()).toHaveLength(5);
  });

  it('offers no team choice when nobody is in a team', async () => {
    const api = createFakeApi();
    installFloorBoard(api, sampleBoard());
    renderBoard(api);

    await table();
    expect(screen.queryByRole('combobox', { name: 'Team' })).not.toBeInTheDocument();
  });

  it('is not open to agents, and asks the server nothing for them', async () => {
    const api = createFakeApi();
    const fake = installFloorBoard(api, sampleBoard());
    renderBoard(api, { role: 'agent' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Supervisor' })).not.toBeInTheDocument();
    expect(fake.reads()).toHaveLength(0);
  });

  it('opens for an admin', async () => {
    const api = createFakeApi();
    installFloorBoard(api, sampleBoard());
    renderBoard(api, { role: 'admin' });
    expect(await rowOf('Alice Agent')).toBeVisible();
  });
});

/** Lets whatever the page started finish (the fake server answers at once). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('the floor board, live', () => {
  async function renderLive(board: FloorBoard = sampleBoard()) {
    const api = createFakeApi();
    const fake = installFloorBoard(api, board);
    const rendered = renderBoard(api);
    await table();
    await settle();
    // (Read twice as it opened, in development: StrictMode mounts the page twice.)
    const opened = fake.reads().length;
    act(() => rendered.live.current.accept('2'));
    // The socket's greeting is followed by a read: a change made before it would be missed.
    await waitFor(() => expect(fake.reads()).toHaveLength(opened + 1));
    await settle();
    const first = fake.reads().length;
    /** The reads since the socket's greeting was answered. */
    const readsSince = () => fake.reads().length - first;
    return { ...rendered, fake, readsSince };
  }

  function withAgent(
    board: FloorBoard,
    agentId: string,
    changes: Partial<FloorBoard['agents'][0]>,
  ) {
    return {
      ...board,
      at: '2026-12-02T10:15:05Z',
      agents: board.agents.map((agent) =>
        agent.agentId === agentId ? { ...agent, ...changes } : agent,
      ),
    };
  }

  it('reads the board again when an agent’s status moves, and marks the row that changed', async () => {
    const { live, fake, readsSince } = await renderLive();
    expect(screen.getByRole('status', { name: 'Live updates' })).toHaveTextContent('Live');
    expect((await rowOf('Sam Supervisor')).cells[1]).toHaveTextContent('Available');
    expect(await rowOf('Sam Supervisor')).not.toHaveAttribute('data-changed');

    fake.setBoard(
      withAgent(sampleBoard(), '2', {
        status: 'break',
        reason: 'lunch',
        statusSince: '2026-12-02T10:15:04Z',
        call: null,
      }),
    );
    act(() => live.agentStatusChanged('break', '2'));

    await waitFor(async () =>
      expect((await rowOf('Sam Supervisor')).cells[1]).toHaveTextContent('Break (lunch)'),
    );
    expect(readsSince()).toBe(1);
    const sam = await rowOf('Sam Supervisor');
    expect(sam).toHaveAttribute('data-changed', 'true');
    expect(sam.cells[2]).toHaveTextContent('0:01');
    expect(await rowOf('Alice Agent')).not.toHaveAttribute('data-changed');
  });

  it('reads it again on any other event too, such as new alerts', async () => {
    const { live, fake, readsSince } = await renderLive();
    fake.setBoard({
      ...sampleBoard(),
      alerts: [
        {
          code: 'discovery_late',
          message: 'The queues have not been refreshed since 08:00',
          subjectId: null,
          since: '2026-12-02T09:00:00Z',
        },
      ],
    });
    act(() => live.current.send({ type: 'floor.alerts', at: '2026-12-02T10:15:05Z' }));
    expect(await screen.findByText('The queues have not been refreshed since 08:00')).toBeVisible();
    expect(readsSince()).toBe(1);
  });

  it('folds a burst of events into one read now and one after it', async () => {
    const { live, fake, readsSince } = await renderLive();
    fake.setBoard(withAgent(sampleBoard(), '1', { status: 'available', reason: null }));

    act(() => {
      live.agentStatusChanged('available', '1');
      live.callChanged('12', 'completed', '4');
      live.leadChanged('1940', 'done', '4');
      live.agentStatusChanged('wrap_up', '4');
      live.smsChanged('7001', 'delivered', '4');
    });

    await waitFor(async () =>
      expect((await rowOf('Demo Agent')).cells[1]).toHaveTextContent('Available'),
    );
    await waitFor(() => expect(readsSince()).toBe(2));
    // Settled: nothing more is read without another event.
    await settle();
    expect(readsSince()).toBe(2);
  });

  it('reads it again when the live socket is back after a drop', async () => {
    const { live, fake, readsSince } = await renderLive();
    act(() => live.current.drop());
    expect(screen.getByRole('status', { name: 'Live updates' })).toHaveTextContent('Reconnecting…');
    fake.setBoard(withAgent(sampleBoard(), '5', { status: 'available', statusSince: null }));

    await waitFor(() => expect(live.sockets.filter((s) => !s.closed)).toHaveLength(1), {
      timeout: 2_500,
    });
    act(() => live.current.accept('2'));

    await waitFor(async () =>
      expect((await rowOf('Olive Oldhand')).cells[1]).toHaveTextContent('Available'),
    );
    // The reopening and the greeting that follows it: one read, and one more after it.
    await waitFor(() => expect(readsSince()).toBe(2));
    await settle();
    expect(readsSince()).toBe(2);
    expect(screen.getByRole('status', { name: 'Live updates' })).toHaveTextContent('Live');
  });

  it('keeps the board when a later read fails, says so, and reads again on Retry', async () => {
    const { live, api, user, readsSince } = await renderLive();
    api.on('GET', '/api/floor', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    act(() => live.agentStatusChanged('available', '1'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The board could not be brought up to date: The database is unavailable.',
    );
    expect(await rowOf('Demo Agent')).toBeVisible();

    installFloorBoard(api, withAgent(sampleBoard(), '1', { status: 'available', reason: null }));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(async () =>
      expect((await rowOf('Demo Agent')).cells[1]).toHaveTextContent('Available'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(readsSince()).toBe(2);
  });
});
