import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { buildSuppression, serveSuppressions } from './fake-suppressions';

function renderAdmin(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

const section = () => screen.getByRole('region', { name: 'Do not contact' });
const findSection = () => screen.findByRole('region', { name: 'Do not contact' });
const table = async () =>
  within(await findSection()).findByRole('table', { name: 'Do-not-contact entries' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const addForm = () => within(section()).getByRole('form', { name: 'Add to the list' });
const notice = () =>
  within(section())
    .getAllByRole('status')
    .find((element) => element.getAttribute('aria-live') === 'polite');
const posts = (api: FakeApi, path: string) =>
  api.requests.filter((r) => r.method === 'POST' && r.path === path);

beforeEach(() => {
  // Wednesday 4 Nov 2026, 11:00 in the UK (GMT).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the list', () => {
  it('lists every entry, removed ones too, newest first, with who added it and why', async () => {
    const api = createFakeApi();
    serveSuppressions(api, [
      buildSuppression({ id: '7', userId: '1940', channel: 'call' }),
      buildSuppression({
        id: '8',
        userId: null,
        phone: '+44 •••• ••• 942',
        channel: 'sms',
        reason: 'STOP',
        source: 'sms_stop',
        createdBy: { kind: 'system', agentId: null },
        createdAt: '2026-11-03T09:00:00Z',
      }),
      buildSuppression({
        id: '9',
        userId: '2001',
        createdBy: { kind: 'agent', agentId: '3' },
        source: 'admin',
        createdAt: '2026-10-20T14:30:00Z', // 15:30 BST
        removedAt: '2026-11-01T16:00:00Z',
        removedReason: 'Added by mistake.',
      }),
    ]);
    renderAdmin(api);

    const rows = await bodyRows();
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '+44 •••• ••• 942+44 number ending 942',
      'Customer 1940',
      'Customer 2001',
    ]);
    expect(cellsOf(rows[0] as HTMLElement)).toEqual([
      'Texts only',
      'STOP',
      'Tue 3 Nov, 09:00The dialler · Customer texted STOP',
      'In force',
      'Remove',
    ]);
    expect(cellsOf(rows[1] as HTMLElement)).toEqual([
      'Calls only',
      'Asked on the phone not to be called again.',
      'Mon 2 Nov, 10:15Demo Agent · Added by an agent',
      'In force',
      'Remove',
    ]);
    expect(cellsOf(rows[2] as HTMLElement)).toEqual([
      'Calls and texts',
      'Asked on the phone not to be called again.',
      'Tue 20 Oct, 15:30Ada Admin · Added by a supervisor or admin',
      'RemovedSun 1 Nov, 16:00Added by mistake.',
      '',
    ]);
    expect(
      within(rows[1] as HTMLElement).getByRole('link', { name: 'Customer 1940' }),
    ).toHaveAttribute('href', '/customers/1940');
    expect(api.requests.some((r) => r.path === '/api/suppressions?includeRemoved=true')).toBe(true);
  });

  it('shows one customer’s entries, and only those in force when asked', async () => {
    const api = createFakeApi();
    serveSuppressions(api, [
      buildSuppression({ id: '7', userId: '1940' }),
      buildSuppression({ id: '8', userId: '2001' }),
      buildSuppression({ id: '9', userId: '1940', removedAt: '2026-11-01T16:00:00Z' }),
    ]);
    const { user } = renderAdmin(api);
    await table();
    const filter = within(section()).getByRole('search', { name: 'Filter the entries' });

    await user.type(within(filter).getByRole('textbox', { name: 'Customer number' }), '1940');
    await user.click(within(filter).getByRole('button', { name: 'Show entries' }));
    await waitFor(async () => expect(await bodyRows()).toHaveLength(2));
    expect(api.requests.at(-1)?.path).toBe('/api/suppressions?userId=1940&includeRemoved=true');

    await user.click(within(filter).getByRole('checkbox', { name: 'Include removed entries' }));
    await waitFor(async () => expect(await bodyRows()).toHaveLength(1));
    expect(api.requests.at(-1)?.path).toBe('/api/suppressions?userId=1940');

    await user.click(within(filter).getByRole('button', { name: 'Show every customer' }));
    await waitFor(async () => expect(await bodyRows()).toHaveLength(2));
  });

  it('says when nobody is on the list', async () => {
    const api = createFakeApi();
    serveSuppressions(api, []);
    renderAdmin(api);

    expect(
      await within(await findSection()).findByText('Nobody is on the do-not-contact list.'),
    ).toBeInTheDocument();
  });

  it('says when the list cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    serveSuppressions(api, [buildSuppression()]);
    api.on('GET', '/api/suppressions', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);

    expect(
      await within(await findSection()).findByText(
        'The do-not-contact list could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    serveSuppressions(api, [buildSuppression()]);
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await bodyRows()).toHaveLength(1);
  });
});

describe('adding an entry', () => {
  it('adds a customer for one channel, with the reason, and lists them at once', async () => {
    const api = createFakeApi();
    serveSuppressions(api, []);
    const { user } = renderAdmin(api);
    await within(await findSection()).findByText('Nobody is on the do-not-contact list.');

    await user.type(within(addForm()).getByRole('textbox', { name: 'Customer number' }), '1940');
    await user.selectOptions(
      within(addForm()).getByRole('combobox', { name: 'Channel' }),
      'Calls only',
    );
    await user.type(
      within(addForm()).getByRole('textbox', { name: 'Reason' }),
      'Asked not to be called.',
    );
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'Added Customer 1940 (calls only) to the do-not-contact list.',
      ),
    );
    expect(posts(api, '/api/suppressions').map((r) => r.body)).toEqual([
      { userId: '1940', channel: 'call', reason: 'Asked not to be called.' },
    ]);
    const rows = await bodyRows();
    expect(rows).toHaveLength(1);
    expect(cellsOf(rows[0] as HTMLElement).slice(0, 2)).toEqual([
      'Calls only',
      'Asked not to be called.',
    ]);
    expect(within(addForm()).getByRole('textbox', { name: 'Customer number' })).toHaveValue('');
  });

  it('adds a phone number', async () => {
    const api = createFakeApi();
    serveSuppressions(api, []);
    const { user } = renderAdmin(api);
    await within(await findSection()).findByText('Nobody is on the do-not-contact list.');

    await user.click(within(addForm()).getByRole('radio', { name: 'A phone number' }));
    await user.type(
      within(addForm()).getByRole('textbox', { name: 'Phone number' }),
      '07400 123456',
    );
    await user.type(within(addForm()).getByRole('textbox', { name: 'Reason' }), 'Wrong person.');
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'Added number ending 456 (calls and texts) to the do-not-contact list.',
      ),
    );
    expect(posts(api, '/api/suppressions').map((r) => r.body)).toEqual([
      { phone: '07400 123456', channel: 'all', reason: 'Wrong person.' },
    ]);
  });

  it('asks for the customer and the reason before sending anything', async () => {
    const api = createFakeApi();
    serveSuppressions(api, []);
    const { user } = renderAdmin(api);
    await within(await findSection()).findByText('Nobody is on the do-not-contact list.');

    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    const customer = within(addForm()).getByRole('textbox', { name: 'Customer number' });
    await waitFor(() => expect(customer).toHaveFocus());
    expect(customer).toHaveAttribute('aria-invalid', 'true');
    expect(customer).toHaveAccessibleDescription(/^Give the customer number\./);
    expect(within(addForm()).getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(
      /^Say why they must not be contacted\./,
    );
    expect(posts(api, '/api/suppressions')).toHaveLength(0);
  });

  it('shows the server’s refusal at the field it names', async () => {
    const api = createFakeApi();
    serveSuppressions(api, []);
    const { user } = renderAdmin(api);
    await within(await findSection()).findByText('Nobody is on the do-not-contact list.');

    await user.type(within(addForm()).getByRole('textbox', { name: 'Customer number' }), '9999');
    await user.type(within(addForm()).getByRole('textbox', { name: 'Reason' }), 'Asked.');
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));

    const customer = within(addForm()).getByRole('textbox', { name: 'Customer number' });
    await waitFor(() =>
      expect(customer).toHaveAccessibleDescription(/^No customer 9999 is known to the dialler /),
    );
    expect(customer).toHaveValue('9999');

    await user.click(within(addForm()).getByRole('radio', { name: 'A phone number' }));
    await user.type(within(addForm()).getByRole('textbox', { name: 'Phone number' }), '12345');
    await user.click(within(addForm()).getByRole('button', { name: 'Add to the list' }));
    await waitFor(() =>
      expect(
        within(addForm()).getByRole('textbox', { name: 'Phone number' }),
      ).toHaveAccessibleDescription(/^The phone number is not a valid phone number /),
    );
    expect(within(addForm()).getByRole('textbox', { name: 'Reason' })).toHaveValue('Asked.');
  });
});

describe('removing an entry', () => {
  it('asks for a reason in a dialog, then marks the entry removed', async () => {
    const api = createFakeApi();
    serveSuppressions(api, [buildSuppression({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();

    await user.click(
      within(section()).getByRole('button', { name: 'Remove the entry for Customer 1940' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Remove the entry for Customer 1940' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for removing' });
    expect(reason).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Remove entry' }));
    expect(reason).toHaveAccessibleDescription('Say why the entry is removed.');
    expect(posts(api, '/api/suppressions/7/remove')).toHaveLength(0);

    await user.type(reason, 'The customer asked to hear from us again.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove entry' }));

    await waitFor(() => expect(notice()).toHaveTextContent('Removed the entry for Customer 1940.'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(posts(api, '/api/suppressions/7/remove').map((r) => r.body)).toEqual([
      { reason: 'The customer asked to hear from us again.' },
    ]);
    await waitFor(async () =>
      expect(cellsOf((await bodyRows())[0] as HTMLElement)[3]).toBe(
        'RemovedWed 4 Nov, 11:00The customer asked to hear from us again.',
      ),
    );
    expect(within(section()).getByRole('heading', { name: 'Entries' })).toHaveFocus();
  });

  it('gives up on Escape, and the focus goes back to Remove', async () => {
    const api = createFakeApi();
    serveSuppressions(api, [buildSuppression({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();
    const remove = within(section()).getByRole('button', {
      name: 'Remove the entry for Customer 1940',
    });

    await user.click(remove);
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(section()).getByRole('button', { name: 'Remove the entry for Customer 1940' }),
      ).toHaveFocus(),
    );
    expect(posts(api, '/api/suppressions/7/remove')).toHaveLength(0);
  });

  it('says so when the entry was removed by someone else meanwhile', async () => {
    const api = createFakeApi();
    const server = serveSuppressions(api, [buildSuppression({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();
    server.entries[0] = { ...server.entries[0]!, removedAt: '2026-11-04T10:59:00Z' };

    await user.click(
      within(section()).getByRole('button', { name: 'Remove the entry for Customer 1940' }),
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for removing' }), 'Done.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove entry' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This entry is no longer in force: someone removed it already.',
    );
  });
});
