import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { RecordedCall } from '../api/schemas';
import { buildRecordedCall, installRecordings } from './fake-recordings';

function sampleCalls(): RecordedCall[] {
  return [
    buildRecordedCall(),
    buildRecordedCall({
      callSessionId: '14',
      at: '2026-11-04T14:30:00Z',
      agentId: '4',
      userId: '1950',
      customerName: null,
      direction: 'inbound',
      outcome: null,
      talkSeconds: 7,
    }),
    buildRecordedCall({
      callSessionId: '9',
      at: '2026-11-03T09:15:00Z',
      agentId: '9',
      userId: '1960',
      customerName: 'Priya Patel',
      outcome: 'no_answer',
      talkSeconds: 605,
    }),
  ];
}

function renderRecordings(
  api: FakeApi,
  { role = 'supervisor', path = '/recordings' }: { role?: Role; path?: string } = {},
) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const table = () => screen.findByRole('table', { name: 'Calls with a recording, newest first' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const form = () => screen.getByRole('search', { name: 'Recordings' });
const field = (name: string) => within(form()).getByLabelText(name);
/** Sets a date input as a date picker would. */
const pickDate = (name: string, value: string) =>
  fireEvent.change(field(name), { target: { value } });

describe('the Recordings page', () => {
  it('lists the recorded calls newest first: when, agent, customer, direction, outcome, length', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, sampleCalls());
    renderRecordings(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Recordings' })).toBeVisible();
    const rows = await bodyRows();
    expect(rows.map((row) => row.textContent)).toEqual([
      'Wed 4 Nov, 14:30Alice AgentCustomer 1950Call from the customerNo outcome0:07',
      'Wed 4 Nov, 11:00Demo AgentJane SmithCall to the customerGoing to complete1:35',
      // Someone the agent list does not name.
      'Tue 3 Nov, 09:15Agent 9Priya PatelCall to the customerNo answer10:05',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Customer 1950' })).toHaveAttribute(
      'href',
      '/customers/1950',
    );
    expect(within(rows[1]!).getByRole('link', { name: 'Jane Smith' })).toHaveAttribute(
      'href',
      '/customers/96',
    );
    // Nothing filtered: the newest calls.
    expect(fake.lastQuery()).toEqual({});
  });

  it('plays each recording through the server, fetching nothing until it is played', async () => {
    const api = createFakeApi();
    installRecordings(api, sampleCalls());
    renderRecordings(api);

    const player = await screen.findByLabelText(
      'Recording of the call with Jane Smith on Wed 4 Nov, 11:00',
    );
    expect(player.tagName).toBe('AUDIO');
    expect(player).toHaveAttribute('src', '/api/call-sessions/12/recording');
    expect(player).toHaveAttribute('preload', 'none');
    expect(player).toHaveAttribute('controls');
    expect(
      screen.getByLabelText('Recording of the call with Customer 1950 on Wed 4 Nov, 14:30'),
    ).toHaveAttribute('src', '/api/call-sessions/14/recording');
    // The page itself never asks for the audio.
    expect(api.requests.some((r) => r.path.endsWith('/recording'))).toBe(false);
  });

  it('searches with the filters: in the address, and sent as UK day boundaries', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, sampleCalls());
    const { user, router } = renderRecordings(api);
    await bodyRows();

    const agent = field('Agent');
    await waitFor(() =>
      expect(within(agent).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Any agent',
        // Admins take no calls; someone who has left still made calls.
        'Alice Agent',
        'Demo Agent',
        'Olive Oldhand',
        'Sam Supervisor',
      ]),
    );
    await user.selectOptions(agent, 'Demo Agent');
    await user.type(field('Customer number'), '96');
    await user.selectOptions(field('Outcome'), 'Going to complete');
    pickDate('From', '2026-11-02');
    pickDate('To', '2026-11-04');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));

    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        '/recordings?agent=1&customer=96&outcome=going_to_complete&from=2026-11-02&to=2026-11-04',
      ),
    );
    await waitFor(() =>
      expect(fake.lastQuery()).toEqual({
        agentId: '1',
        userId: '96',
        outcome: 'going_to_complete',
        // UK midnight starting the From day, and the one ending the To day.
        from: '2026-11-02T00:00:00Z',
        to: '2026-11-05T00:00:00Z',
      }),
    );
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Jane Smith'),
    ]);
  });

  it('opens with the filters of a link, summer days starting at 23:00 UTC', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, [
      buildRecordedCall({ at: '2027-07-01T23:30:00Z', agentId: '4', outcome: 'no_answer' }),
    ]);
    renderRecordings(api, {
      path: '/recordings?agent=4&outcome=no_answer&from=2027-07-02&to=2027-07-02',
    });

    expect(await screen.findByRole('link', { name: 'Jane Smith' })).toBeVisible();
    expect(fake.lastQuery()).toEqual({
      agentId: '4',
      outcome: 'no_answer',
      from: '2027-07-01T23:00:00Z',
      to: '2027-07-02T23:00:00Z',
    });
    await waitFor(() => expect(field('Agent')).toHaveDisplayValue('Alice Agent'));
    expect(field('Outcome')).toHaveDisplayValue('No answer');
    expect(field('From')).toHaveValue('2027-07-02');
    expect(field('To')).toHaveValue('2027-07-02');
    expect(screen.getByText('Fri 2 Jul, 00:30')).toBeVisible();
  });

  it('reads the same search afresh on Search, without a new history entry', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, sampleCalls());
    const { user, router } = renderRecordings(api, { path: '/recordings?agent=4' });
    await bodyRows();
    const before = fake.reads().length;

    await user.click(within(form()).getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(fake.reads().length).toBe(before + 1));
    expect(currentUrl(router)).toBe('/recordings?agent=4');
    expect(router.state.historyAction).not.toBe('PUSH');
  });

  it('loads more with the last call as `before`, and moves the focus to the first new row', async () => {
    const api = createFakeApi();
    const calls = Array.from({ length: 5 }, (_, index) =>
      buildRecordedCall({
        callSessionId: String(20 + index),
        at: `2026-11-04T1${index}:00:00Z`,
        customerName: `Customer Name ${index}`,
      }),
    );
    const fake = installRecordings(api, calls, { pageSize: 2 });
    const { user } = renderRecordings(api);
    expect(await bodyRows()).toHaveLength(2);
    expect(screen.getByText('2 shown')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(async () => expect(await bodyRows()).toHaveLength(4));
    expect(fake.lastQuery()).toEqual({ before: '23' });
    const rows = await bodyRows();
    await waitFor(() => expect(rows[2]).toHaveFocus());
    expect(rows[2]).toHaveTextContent('Customer Name 2');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(async () => expect(await bodyRows()).toHaveLength(5));
    expect(fake.lastQuery()).toEqual({ before: '21' });
    // The last page: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says when more cannot be loaded, keeping what is listed', async () => {
    const api = createFakeApi();
    const calls = [20, 21, 22].map((n) => buildRecordedCall({ callSessionId: String(n) }));
    installRecordings(api, calls, { pageSize: 2 });
    const { user } = renderRecordings(api);
    expect(await bodyRows()).toHaveLength(2);
    api.on('GET', '/api/recordings', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'More recordings could not be loaded: The database is unavailable.',
    );
    expect(await bodyRows()).toHaveLength(2);
  });

  it('shows the server’s message at the filter it refused, and sends nothing it can see is wrong', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, sampleCalls());
    const { user } = renderRecordings(api, { path: '/recordings?from=2026-11-04&to=2026-11-05' });
    await bodyRows();
    api.on('GET', '/api/recordings', () =>
      errorResponse(400, 'invalid_argument', 'from is too long ago: recordings are kept 2 years', {
        field: 'from',
      }),
    );

    pickDate('From', '2020-01-01');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));

    const from = field('From');
    await waitFor(() => expect(from).toHaveAttribute('aria-invalid', 'true'));
    expect(from).toHaveAccessibleDescription('from is too long ago: recordings are kept 2 years');
    expect(from).toHaveFocus();
    expect(field('To')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(/correct the filter marked above/)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    // Changed, the message goes: it was about what was searched.
    pickDate('From', '2026-11-03');
    expect(from).not.toHaveAttribute('aria-invalid');

    // What the page can see is wrong is said at once, and not sent.
    const asked = fake.reads().length;
    await user.type(field('Customer number'), '96a');
    pickDate('To', '2026-11-01');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));
    const customer = field('Customer number');
    expect(customer).toHaveAttribute('aria-invalid', 'true');
    expect(customer).toHaveAccessibleDescription(
      'A customer number is a whole number from 1 up, such as 1940.',
    );
    await waitFor(() => expect(customer).toHaveFocus());
    expect(field('To')).toHaveAccessibleDescription('The To date is before the From date.');
    expect(fake.reads()).toHaveLength(asked);
  });

  it('says when no call has been recorded', async () => {
    const api = createFakeApi();
    installRecordings(api, []);
    renderRecordings(api);
    expect(await screen.findByText('No calls have been recorded yet.')).toBeVisible();
  });

  it('says when no call matches the filters', async () => {
    const api = createFakeApi();
    installRecordings(api, sampleCalls());
    renderRecordings(api, { path: '/recordings?outcome=do_not_contact' });
    expect(await screen.findByText('No recorded calls match these filters.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    installRecordings(api, []);
    api.on('GET', '/api/recordings', () => new Promise<Response>(() => {}));
    renderRecordings(api);
    expect(await screen.findByText('Loading recordings…')).toBeVisible();
  });

  it('says when the recordings cannot be read, and reads them again on Try again', async () => {
    const api = createFakeApi();
    installRecordings(api, sampleCalls());
    api.on('GET', '/api/recordings', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderRecordings(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The recordings could not be loaded: The database is unavailable.',
    );
    installRecordings(api, sampleCalls());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Jane Smith' })).toBeVisible();
  });

  it('names agents "Agent N" when the agent list cannot be read', async () => {
    const api = createFakeApi();
    installRecordings(api, sampleCalls());
    api.on('GET', '/api/agents', () => errorResponse(503, 'unavailable', 'Not now.'));
    renderRecordings(api, { path: '/recordings?agent=4' });

    const row = (await screen.findByRole('link', { name: 'Customer 1950' })).closest('tr')!;
    expect(row).toHaveTextContent('Agent 4');
    expect(field('Agent')).toHaveDisplayValue('Agent 4');
    expect(await screen.findByText('The list of agents could not be loaded.')).toBeVisible();
  });

  it('opens for an admin', async () => {
    const api = createFakeApi();
    installRecordings(api, sampleCalls());
    renderRecordings(api, { role: 'admin' });
    expect(await screen.findByRole('link', { name: 'Jane Smith' })).toBeVisible();
  });

  it('is not open to agents, and asks the server nothing for them', async () => {
    const api = createFakeApi();
    const fake = installRecordings(api, sampleCalls());
    renderRecordings(api, { role: 'agent' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Recordings' })).not.toBeInTheDocument();
    expect(fake.reads()).toHaveLength(0);
  });
});
