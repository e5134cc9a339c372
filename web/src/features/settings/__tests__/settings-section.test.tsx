import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { authKeys } from '@/features/auth/api/auth-keys';
import { buildSession, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { SettingsSection } from '../components/settings-section';
import { defaultSettings, serveSettings } from './fake-settings';

function renderAdmin(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

const section = () => screen.getByRole('region', { name: 'Queue settings' });
const findSection = () => screen.findByRole('region', { name: 'Queue settings' });
const disclosure = (name: string) => within(section()).getByRole('button', { name });
const form = (name: string) => within(section()).getByRole('form', { name });
const findForm = async (name: string) => within(await findSection()).findByRole('form', { name });
const box = (formName: string, name: string) =>
  within(form(formName)).getByRole('textbox', { name });
const status = (formName: string) => within(form(formName)).getByRole('status');
const puts = (api: FakeApi) => api.requests.filter((r) => r.method === 'PUT');

beforeEach(() => {
  // Wednesday 4 Nov 2026, 11:00 in the UK (GMT).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the settings, grouped', () => {
  it('groups the keys into sections by prefix, each behind its heading; calling hours open', async () => {
    const api = createFakeApi();
    serveSettings(api, { ...defaultSettings(), 'queue.somethingNew': 'yes' });
    renderAdmin(api);
    await findForm('Calling hours');

    const headings = within(section()).getAllByRole('heading', { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual([
      '▾Calling hours',
      '▸Contact caps',
      '▸Scoring',
      '▸Lender importance',
      '▸Outcomes',
      '▸Auto mode',
      '▸Customers calling us',
      '▸Other',
    ]);
    expect(disclosure('Calling hours')).toHaveAttribute('aria-expanded', 'true');
    expect(disclosure('Contact caps')).toHaveAttribute('aria-expanded', 'false');
    expect(within(section()).queryByRole('form', { name: 'Contact caps' })).not.toBeInTheDocument();
  });

  it('shows each value with its range and what a change does', async () => {
    const api = createFakeApi();
    serveSettings(api);
    renderAdmin(api);
    await findForm('Calling hours');

    const monday = box('Calling hours', 'Monday');
    expect(monday).toHaveValue('08:00-20:00');
    expect(monday).toHaveAccessibleDescription(
      '08:00-20:00 or closed; within 08:00-21:00. Customers are called on Mondays only between ' +
        'these times; closed: not at all.',
    );
    expect(box('Calling hours', 'Sunday')).toHaveValue('closed');
    expect(box('Calling hours', 'Saturday')).toHaveValue('09:00-17:00');
    expect(
      within(form('Calling hours')).getByRole('combobox', { name: 'Bank holidays' }),
    ).toHaveValue('closed');
    expect(box('Calling hours', 'Extra closed days')).toHaveValue('');
    // The hours as agents get them, from now on.
    expect(
      await within(section()).findByRole('list', { name: /^Open in the next 7 days/ }),
    ).toHaveTextContent('Wed 4 Nov: 11:00–20:00');
  });

  it('lists one row per outcome, by its label, with its score change and wait', async () => {
    const api = createFakeApi();
    serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.click(disclosure('Outcomes'));

    const outcomes = form('Outcomes');
    const rows = within(outcomes).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Completed the form',
      'Going to complete',
      'Might complete',
      'Call back',
      'No answer',
      'Voicemail left',
      'Hung up',
      'Bad number',
      'Not interested',
      'No claim',
      'Do not contact',
    ]);
    expect(within(outcomes).getByRole('textbox', { name: 'No answer: score change' })).toHaveValue(
      '1',
    );
    const wait = within(outcomes).getByRole('textbox', {
      name: 'No answer: wait before the next call (minutes)',
    });
    expect(wait).toHaveValue('240');
    expect(wait).toHaveAccessibleDescription(
      'Wait before the next call (minutes): At least 30; empty for no wait, except where the ' +
        'outcome always waits. How long after the outcome before the customer may be called again.',
    );
  });

  it('names lenders, and shows a key it has no words for under its own name in Other', async () => {
    const api = createFakeApi();
    serveSettings(api, { ...defaultSettings(), 'queue.somethingNew': 'yes' });
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.click(disclosure('Lender importance'));
    expect(box('Lender importance', 'VW Finance')).toHaveValue('1');
    expect(box('Lender importance', 'Black Horse')).toHaveValue('0');
    expect(
      within(form('Lender importance'))
        .getAllByRole('textbox')
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['0', '3', '1']);

    await user.click(disclosure('Other'));
    expect(box('Other', 'Hold time (seconds)')).toHaveValue('120');
    expect(box('Other', 'queue.somethingNew')).toHaveValue('yes');
    expect(box('Other', 'queue.somethingNew')).toHaveAccessibleDescription(
      'A setting this screen has no description for; the server checks the value.',
    );
  });
});

describe('saving a section', () => {
  it('sends only the key that changed and says what changed', async () => {
    const api = createFakeApi();
    const server = serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.clear(box('Calling hours', 'Monday'));
    await user.type(box('Calling hours', 'Monday'), '10:00-12:00');
    expect(within(form('Calling hours')).getByText('1 unsaved change')).toBeInTheDocument();
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Save calling hours' }),
    );

    await waitFor(() =>
      expect(status('Calling hours')).toHaveTextContent(
        'Saved. Monday: 08:00-20:00 → 10:00-12:00.',
      ),
    );
    expect(puts(api).map((request) => request.body)).toEqual([
      { settings: { 'window.mon': '10:00-12:00' } },
    ]);
    expect(puts(api)[0]?.path).toBe('/api/settings');
    expect(server.current['window.mon']).toBe('10:00-12:00');
    expect(box('Calling hours', 'Monday')).toHaveValue('10:00-12:00');
    expect(within(form('Calling hours')).getByText('No unsaved changes')).toBeInTheDocument();
  });

  it('sends nothing when nothing changed', async () => {
    const api = createFakeApi();
    serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    // Typed back to what it was: no change either.
    await user.clear(box('Calling hours', 'Friday'));
    await user.type(box('Calling hours', 'Friday'), '08:00-20:00');
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Save calling hours' }),
    );

    expect(status('Calling hours')).toHaveTextContent('No changes: nothing to save.');
    expect(puts(api)).toHaveLength(0);
  });

  it('keeps each section to itself: saving one leaves the other’s typing alone', async () => {
    const api = createFakeApi();
    serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');
    await user.click(disclosure('Contact caps'));

    await user.clear(box('Contact caps', 'Calls a day'));
    await user.type(box('Contact caps', 'Calls a day'), '2');
    await user.clear(box('Calling hours', 'Saturday'));
    await user.type(box('Calling hours', 'Saturday'), 'closed');
    await user.click(
      within(form('Contact caps')).getByRole('button', { name: 'Save contact caps' }),
    );

    await waitFor(() =>
      expect(status('Contact caps')).toHaveTextContent('Saved. Calls a day: 3 → 2.'),
    );
    expect(puts(api).map((request) => request.body)).toEqual([
      { settings: { 'caps.callsPerDay': '2' } },
    ]);
    expect(box('Calling hours', 'Saturday')).toHaveValue('closed');
    expect(box('Calling hours', 'Saturday')).toHaveAccessibleDescription(
      /Not saved yet; saved value: 09:00-17:00$/,
    );
  });

  it('marks the field the server refuses, keeps what was typed, and changes nothing', async () => {
    const api = createFakeApi();
    const server = serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.clear(box('Calling hours', 'Wednesday'));
    await user.type(box('Calling hours', 'Wednesday'), '25:00-26:00');
    await user.clear(box('Calling hours', 'Thursday'));
    await user.type(box('Calling hours', 'Thursday'), '09:00-17:00');
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Save calling hours' }),
    );

    const wednesday = box('Calling hours', 'Wednesday');
    await waitFor(() => expect(wednesday).toHaveAttribute('aria-invalid', 'true'));
    expect(wednesday).toHaveAccessibleDescription(
      /^Wednesday must be HH:MM-HH:MM \(opening before closing\) or closed /,
    );
    await waitFor(() => expect(wednesday).toHaveFocus());
    expect(wednesday).toHaveValue('25:00-26:00');
    expect(box('Calling hours', 'Thursday')).toHaveValue('09:00-17:00');
    expect(box('Calling hours', 'Thursday')).not.toHaveAttribute('aria-invalid');
    expect(status('Calling hours')).toHaveTextContent(
      'Nothing was saved. Correct the marked setting and save again.',
    );
    expect(server.current['window.wed']).toBe('08:00-20:00');
    expect(server.current['window.thu']).toBe('08:00-20:00');

    // Corrected: both go, and both are reported.
    await user.clear(wednesday);
    expect(wednesday).not.toHaveAttribute('aria-invalid');
    await user.type(wednesday, '14:00-20:00');
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Save calling hours' }),
    );
    await waitFor(() =>
      expect(status('Calling hours')).toHaveTextContent(
        'Saved. Wednesday: 08:00-20:00 → 14:00-20:00; Thursday: 08:00-20:00 → 09:00-17:00.',
      ),
    );
    expect(puts(api).at(-1)?.body).toEqual({
      settings: { 'window.wed': '14:00-20:00', 'window.thu': '09:00-17:00' },
    });
  });

  it('names another key a refusal mentions by its label', async () => {
    const api = createFakeApi();
    serveSettings(api);
    api.on('PUT', '/api/settings', () =>
      errorResponse(
        400,
        'invalid_argument',
        'caps.callsPer7Days must be at least caps.callsPerDay',
        {
          field: 'caps.callsPer7Days',
        },
      ),
    );
    const { user } = renderAdmin(api);
    await findForm('Calling hours');
    await user.click(disclosure('Contact caps'));

    await user.clear(box('Contact caps', 'Calls in 7 days'));
    await user.type(box('Contact caps', 'Calls in 7 days'), '1');
    await user.click(
      within(form('Contact caps')).getByRole('button', { name: 'Save contact caps' }),
    );

    await waitFor(() =>
      expect(box('Contact caps', 'Calls in 7 days')).toHaveAccessibleDescription(
        /^Calls in 7 days must be at least “Calls a day” /,
      ),
    );
  });

  it('says so when the save fails for another reason, and keeps the typing', async () => {
    const api = createFakeApi();
    serveSettings(api);
    api.on('PUT', '/api/settings', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.clear(box('Calling hours', 'Monday'));
    await user.type(box('Calling hours', 'Monday'), '09:00-17:00');
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Save calling hours' }),
    );

    expect(await within(form('Calling hours')).findByRole('alert')).toHaveTextContent(
      'Nothing was saved: The database is unavailable.',
    );
    expect(box('Calling hours', 'Monday')).toHaveValue('09:00-17:00');
  });

  it('discards the typed changes on request', async () => {
    const api = createFakeApi();
    serveSettings(api);
    const { user } = renderAdmin(api);
    await findForm('Calling hours');

    await user.clear(box('Calling hours', 'Monday'));
    await user.type(box('Calling hours', 'Monday'), 'closed');
    await user.click(
      within(form('Calling hours')).getByRole('button', { name: 'Discard changes' }),
    );

    expect(box('Calling hours', 'Monday')).toHaveValue('08:00-20:00');
    expect(puts(api)).toHaveLength(0);
  });
});

describe('loading, empty and failing', () => {
  it('shows that it is loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/settings', () => new Promise<Response>(() => {}));
    renderAdmin(api);

    expect(await within(await findSection()).findByText('Loading settings…')).toBeInTheDocument();
  });

  it('says when there are no settings', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/settings', () => jsonResponse(200, { settings: {} }));
    renderAdmin(api);

    expect(
      await within(await findSection()).findByText('The server has no settings to show.'),
    ).toBeInTheDocument();
  });

  it('says when they cannot be read, and reads them again on Try again', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/settings', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);

    expect(
      await within(await findSection()).findByText(
        'The settings could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    serveSettings(api);
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await findForm('Calling hours')).toBeInTheDocument();
  });
});

describe('a supervisor', () => {
  it('reads the settings but cannot change them', async () => {
    const api = createFakeApi();
    const session = api.signIn(demoAgents.supervisor);
    serveSettings(api);
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(authKeys.me(), buildSession(demoAgents.supervisor));
    expect(session.agent.role).toBe('supervisor');
    render(
      <QueryClientProvider client={queryClient}>
        <SettingsSection />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();

    await findForm('Calling hours');
    expect(section()).toHaveTextContent(
      'Only admins can change these settings; you can read them.',
    );
    expect(box('Calling hours', 'Monday')).toHaveAttribute('readonly');
    expect(within(form('Calling hours')).queryByRole('button')).not.toBeInTheDocument();
    await user.type(box('Calling hours', 'Monday'), 'x');
    expect(box('Calling hours', 'Monday')).toHaveValue('08:00-20:00');
    expect(puts(api)).toHaveLength(0);
  });
});
