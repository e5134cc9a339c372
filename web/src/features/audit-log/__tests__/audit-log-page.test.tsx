import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { AuditEntry } from '../api/schemas';
import { buildAuditEntry, installAudit } from './fake-audit';

function sampleEntries(): AuditEntry[] {
  return [
    buildAuditEntry(),
    buildAuditEntry({
      id: '815',
      at: '2026-11-04T11:10:00Z',
      actor: { kind: 'system', agentId: null },
      action: 'follow_up.sent',
      subjectType: 'customer',
      subjectId: '1950',
      userId: '1950',
      details: {},
    }),
    buildAuditEntry({
      id: '814',
      at: '2026-11-04T11:05:00Z',
      actor: { kind: 'cli', agentId: null },
      action: 'agent.created',
      subjectType: 'agent',
      subjectId: '4',
      userId: null,
      details: { role: 'agent', queues: ['unsigned', 'outstanding'] },
      requestId: null,
    }),
    buildAuditEntry({
      id: '813',
      at: '2026-11-04T11:04:00Z',
      actor: { kind: 'anonymous', agentId: null },
      action: 'auth.login_failed',
      subjectType: 'session',
      subjectId: '',
      userId: null,
      details: { email: 'nobody@example.com' },
      requestId: '',
    }),
    buildAuditEntry({
      id: '700',
      at: '2026-11-03T16:00:00Z',
      actor: { kind: 'agent', agentId: '9' },
      action: 'call.started',
      subjectType: 'call_session',
      subjectId: '10',
      userId: '1960',
      details: { attemptId: '55' },
    }),
  ];
}

function renderAudit(
  api: FakeApi,
  { role = 'supervisor', path = '/audit' }: { role?: Role; path?: string } = {},
) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const table = () => screen.findByRole('table', { name: 'Audit log entries, newest first' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const form = () => screen.getByRole('search', { name: 'Audit log' });
const field = (name: string) => within(form()).getByLabelText(name);
/** Sets a date input as a date picker would. */
const pickDate = (name: string, value: string) =>
  fireEvent.change(field(name), { target: { value } });

describe('the Audit log page', () => {
  it('lists the entries newest first: when, who, action, what about and the details', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries());
    renderAudit(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const rows = await bodyRows();
    expect(rows.map((row) => row.textContent)).toEqual([
      'Wed 4 Nov, 11:10The systemfollow_up.sentCustomer 1950—None',
      'Wed 4 Nov, 11:05Command lineagent.createdAlice Agent' +
        'role: agentqueues: ["unsigned","outstanding"]',
      'Wed 4 Nov, 11:04Not signed inauth.login_failedSign-inemail: nobody@example.com',
      'Wed 4 Nov, 11:02Sam Supervisorcall.recording_playedCall 12Customer 96' +
        'recordingSid: RE0123456789abcdef0123456789abcdef',
      'Tue 3 Nov, 16:00Agent 9call.startedCall 10Customer 1960attemptId: 55',
    ]);
    const played = rows[3]!;
    expect(within(played).getByRole('link', { name: 'Customer 96' })).toHaveAttribute(
      'href',
      '/customers/96',
    );
    expect(within(played).getByText('call.recording_played').tagName).toBe('CODE');
    // A customer as the subject is linked once, not named twice.
    expect(within(rows[0]!).getAllByText(/Customer 1950/)).toHaveLength(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Customer 1950' })).toBeVisible();
    expect(fake.lastQuery()).toEqual({});
  });

  it('searches with the filters: in the address, and sent as UK day boundaries', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries());
    const { user, router } = renderAudit(api);
    await bodyRows();

    const who = field('Who');
    await waitFor(() =>
      expect(within(who).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Anyone',
        'Ada Admin',
        'Alice Agent',
        'Demo Agent',
        'Sam Supervisor',
      ]),
    );
    await user.selectOptions(who, 'Sam Supervisor');
    const action = field('Action');
    expect(action).toHaveAccessibleDescription(
      'e.g. call.recording_played, or call. for every call action',
    );
    await user.type(action, 'call.');
    await user.type(field('Customer number'), '96');
    pickDate('From', '2026-11-04');
    pickDate('To', '2026-11-04');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));

    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        '/audit?agent=2&action=call.&customer=96&from=2026-11-04&to=2026-11-04',
      ),
    );
    await waitFor(() =>
      expect(fake.lastQuery()).toEqual({
        agentId: '2',
        action: 'call.',
        userId: '96',
        from: '2026-11-04T00:00:00Z',
        to: '2026-11-05T00:00:00Z',
      }),
    );
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('call.recording_played'),
    ]);
  });

  it('opens with the filters of a link', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries());
    renderAudit(api, { path: '/audit?action=call.recording_played&customer=96' });

    expect(await screen.findByRole('link', { name: 'Customer 96' })).toBeVisible();
    expect(fake.lastQuery()).toEqual({ action: 'call.recording_played', userId: '96' });
    expect(field('Action')).toHaveValue('call.recording_played');
    expect(field('Customer number')).toHaveValue('96');
    expect(field('Who')).toHaveDisplayValue('Anyone');
  });

  it('loads more with the last entry as `before`, and moves the focus to the first new row', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries(), { pageSize: 3 });
    const { user } = renderAudit(api);
    expect(await bodyRows()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(async () => expect(await bodyRows()).toHaveLength(5));
    expect(fake.lastQuery()).toEqual({ before: '813' });
    const rows = await bodyRows();
    await waitFor(() => expect(rows[3]).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows the server’s message at the Action it refused, with the hint', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries());
    const { user } = renderAudit(api);
    await bodyRows();

    await user.type(field('Action'), 'Call Played');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));

    const action = field('Action');
    await waitFor(() => expect(action).toHaveAttribute('aria-invalid', 'true'));
    expect(fake.lastQuery()).toEqual({ action: 'Call Played' });
    expect(action).toHaveAccessibleDescription(
      'e.g. call.recording_played, or call. for every call action ' +
        'action must be an action such as call.started, or a prefix such as call.',
    );
    expect(action).toHaveFocus();
    expect(screen.getByText(/correct the filter marked above/)).toBeVisible();

    await user.clear(action);
    await user.type(action, 'call.started');
    expect(action).not.toHaveAttribute('aria-invalid');
    await user.click(within(form()).getByRole('button', { name: 'Search' }));
    expect((await bodyRows()).map((row) => row.textContent)).toEqual([
      expect.stringContaining('call.started'),
    ]);
  });

  it('says when nothing matches the filters', async () => {
    const api = createFakeApi();
    installAudit(api, sampleEntries());
    renderAudit(api, { path: '/audit?action=sms.' });
    expect(await screen.findByText('No entries match these filters.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when nothing has been recorded', async () => {
    const api = createFakeApi();
    installAudit(api, []);
    renderAudit(api);
    expect(await screen.findByText('Nothing has been recorded yet.')).toBeVisible();
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    installAudit(api, []);
    api.on('GET', '/api/audit', () => new Promise<Response>(() => {}));
    renderAudit(api);
    expect(await screen.findByText('Loading the audit log…')).toBeVisible();
  });

  it('says when the log cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    installAudit(api, sampleEntries());
    api.on('GET', '/api/audit', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAudit(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The audit log could not be loaded: The database is unavailable.',
    );
    installAudit(api, sampleEntries());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Customer 96' })).toBeVisible();
  });

  it('opens for an admin', async () => {
    const api = createFakeApi();
    installAudit(api, sampleEntries());
    renderAudit(api, { role: 'admin' });
    expect(await screen.findByRole('link', { name: 'Customer 96' })).toBeVisible();
  });

  it('is not open to agents, and asks the server nothing for them', async () => {
    const api = createFakeApi();
    const fake = installAudit(api, sampleEntries());
    renderAudit(api, { role: 'agent' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(fake.reads()).toHaveLength(0);
  });
});
