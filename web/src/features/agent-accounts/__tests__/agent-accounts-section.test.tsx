import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { buildAccount, demoAccounts, serveAgentAccounts } from './fake-agent-accounts';

function renderAdmin(api: FakeApi) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

const kim = () =>
  buildAccount({ id: '10', displayName: 'Kim Floor', queues: ['callbacks'], team: 'North' });

const section = () => screen.getByRole('region', { name: 'Agent accounts' });
const findSection = () => screen.findByRole('region', { name: 'Agent accounts' });
const table = async () =>
  within(await findSection()).findByRole('table', { name: 'Agent accounts' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const rowCells = (row: HTMLElement) => [
  within(row).getByRole('rowheader').textContent,
  ...within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent),
];
const addForm = () => within(section()).getByRole('form', { name: 'Add agent' });
const notice = () =>
  within(section())
    .getAllByRole('status')
    .find((element) => element.getAttribute('aria-live') === 'polite');
const requestsTo = (api: FakeApi, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && r.path === path);

async function openEdit(user: ReturnType<typeof renderAdmin>['user'], name: string) {
  await table();
  await user.click(within(section()).getByRole('button', { name: `Edit ${name}` }));
  return screen.getByRole('dialog', { name: `Edit ${name}` });
}
const detailsForm = (dialog: HTMLElement) =>
  within(dialog).getByRole('form', { name: 'Account details' });

beforeEach(() => {
  // Wednesday 4 Nov 2026, 11:00 in the UK (GMT).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the list of accounts', () => {
  it('lists every account by id: name, email, role, queues, team and status in words', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [
      ...demoAccounts(),
      kim(),
      buildAccount({
        id: '11',
        email: 'lee@example.com',
        displayName: 'Lee Gone',
        role: 'supervisor',
        queues: ['unsigned', 'outstanding'],
        team: '',
        active: false,
      }),
    ]);
    renderAdmin(api);

    const rows = await bodyRows();
    expect(rows.map(rowCells)).toEqual([
      ['Demo Agent', 'agent@demo.local', 'Agent', 'Every queue', '—No team', 'Active', 'Edit'],
      [
        'Sam Supervisor',
        'supervisor@demo.local',
        'Supervisor',
        'Every queue',
        '—No team',
        'Active',
        'Edit',
      ],
      ['Ada Admin', 'admin@demo.local', 'Admin', 'Every queue', '—No team', 'Active', 'Edit'],
      ['Kim Floor', 'kim@example.com', 'Agent', 'Callbacks', 'North', 'Active', 'Edit'],
      [
        'Lee Gone',
        'lee@example.com',
        'Supervisor',
        'Unsigned, Outstanding',
        '—No team',
        'Deactivated',
        'Edit',
      ],
    ]);
    expect(within(section()).getByRole('button', { name: 'Edit Lee Gone' })).toBeInTheDocument();
    // The first section after the settings that need attention.
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent('Agent accounts');
  });

  it('says so while loading, and when there are no accounts', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, []);
    // The list is held back until the loading state has been seen.
    let answer: (response: Response) => void = () => {};
    api.on(
      'GET',
      '/api/admin/agents',
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    renderAdmin(api);

    expect(
      await within(await findSection()).findByText('Loading agent accounts…'),
    ).toBeInTheDocument();
    answer(jsonResponse(200, { agents: [] }));
    expect(await within(section()).findByText('No agents yet.')).toBeInTheDocument();
    expect(within(section()).queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when the list cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/admin/agents', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);

    expect(
      await within(await findSection()).findByText(
        'The agent accounts could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    serveAgentAccounts(api, [kim()]);
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await bodyRows()).toHaveLength(1);
  });
});

describe('adding an account', () => {
  it('adds an agent with a team and one queue, announces it and empties the form', async () => {
    const api = createFakeApi();
    const server = serveAgentAccounts(api);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    expect(within(form).getByRole('group', { name: 'Queues' })).toHaveAccessibleDescription(
      'None ticked: every queue.',
    );
    expect(within(form).getByLabelText('Temporary password')).toHaveAccessibleDescription(
      'At least 12 characters. Give it to them in person; they sign in with it.',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'Kim@Example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Floor');
    expect(within(form).getByRole('combobox', { name: 'Role' })).toHaveValue('agent');
    await user.click(within(form).getByRole('checkbox', { name: 'Callbacks' }));
    await user.type(within(form).getByRole('textbox', { name: 'Team' }), 'North');
    await user.type(within(form).getByLabelText('Temporary password'), 'kim-temporary-1');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    await waitFor(() => expect(notice()).toHaveTextContent(/^Added Kim Floor \(agent\)\./));
    expect(requestsTo(api, 'POST', '/api/admin/agents').map((r) => r.body)).toEqual([
      {
        email: 'Kim@Example.com',
        displayName: 'Kim Floor',
        role: 'agent',
        queues: ['callbacks'],
        team: 'North',
        password: 'kim-temporary-1',
      },
    ]);
    expect(server.passwords.get('101')).toBe('kim-temporary-1');
    await waitFor(async () => expect(await bodyRows()).toHaveLength(4));
    expect(rowCells((await bodyRows())[3] as HTMLElement)).toEqual([
      'Kim Floor',
      'kim@example.com',
      'Agent',
      'Callbacks',
      'North',
      'Active',
      'Edit',
    ]);
    expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveValue('');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(within(form).getByRole('checkbox', { name: 'Callbacks' })).not.toBeChecked();
    expect(within(form).getByRole('textbox', { name: 'Team' })).toHaveValue('');
    expect(within(form).getByLabelText('Temporary password')).toHaveValue('');
  });

  it('sends no queues for every queue, and the role chosen', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sue@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Sue Lead');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Supervisor');
    await user.type(within(form).getByLabelText('Temporary password'), 'a-long-password');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    await waitFor(() => expect(notice()).toHaveTextContent(/^Added Sue Lead \(supervisor\)\./));
    expect(requestsTo(api, 'POST', '/api/admin/agents')[0]?.body).toEqual({
      email: 'sue@example.com',
      displayName: 'Sue Lead',
      role: 'supervisor',
      queues: [],
      team: '',
      password: 'a-long-password',
    });
  });

  it('asks for what is missing, and a long enough password, before sending anything', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByLabelText('Temporary password'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    const email = within(form).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Give their email address: they sign in with it.');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
      'Give their name.',
    );
    expect(within(form).getByLabelText('Temporary password')).toHaveAccessibleDescription(
      /^The password must be at least 12 characters\. At least 12 characters\./,
    );
    expect(requestsTo(api, 'POST', '/api/admin/agents')).toHaveLength(0);
  });

  it('shows a 400 at the field the server names, keeping what was typed', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'kim-at-example');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Floor');
    await user.type(within(form).getByLabelText('Temporary password'), 'kim-temporary-1');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    const email = within(form).getByRole('textbox', { name: 'Email' });
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('The email must be an email address.'),
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveValue('kim-at-example');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Kim Floor');
    expect(within(form).getByLabelText('Temporary password')).toHaveValue('kim-temporary-1');
    expect(notice()).toHaveTextContent('');

    // Typing again clears the message.
    await user.type(email, '@');
    expect(email).not.toHaveAttribute('aria-invalid');
  });

  it('shows a 400 naming the password at the password', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    api.on('POST', '/api/admin/agents', () =>
      errorResponse(400, 'invalid_argument', 'password must be at most 1024 characters', {
        field: 'password',
      }),
    );
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'kim@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Floor');
    await user.type(within(form).getByLabelText('Temporary password'), 'kim-temporary-1');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    const password = within(form).getByLabelText('Temporary password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(
      /^The password must be at most 1024 characters\. At least 12 characters\./,
    );
  });

  it('shows a taken email (409) at the email', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'KIM@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Again');
    await user.type(within(form).getByLabelText('Temporary password'), 'kim-temporary-1');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    const email = within(form).getByRole('textbox', { name: 'Email' });
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('An agent with this email already exists.'),
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('KIM@example.com');
    expect(await bodyRows()).toHaveLength(4);
  });

  it('says so when the server fails without naming a field', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    api.on('POST', '/api/admin/agents', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'kim@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Floor');
    await user.type(within(form).getByLabelText('Temporary password'), 'kim-temporary-1');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Nobody was added: The database is unavailable.',
    );
  });
});

describe('editing an account', () => {
  it('opens a dialog on the name; sends only what changed; says what changed', async () => {
    const api = createFakeApi();
    const server = serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Kim Floor');
    const form = detailsForm(dialog);
    expect(dialog).toHaveAccessibleDescription('kim@example.com');
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Kim Floor');
    expect(within(form).getByRole('combobox', { name: 'Role' })).toHaveValue('agent');
    expect(within(form).getByRole('checkbox', { name: 'Callbacks' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Unsigned' })).not.toBeChecked();
    expect(within(form).getByRole('textbox', { name: 'Team' })).toHaveValue('North');
    expect(within(form).getByRole('checkbox', { name: 'Active' })).toBeChecked();
    // Next to the controls that sign the agent out: say so.
    expect(within(form).getByRole('combobox', { name: 'Role' })).toHaveAccessibleDescription(
      /A new role or queues signs Kim Floor out everywhere/,
    );
    expect(within(form).getByRole('group', { name: 'Queues' })).toHaveAccessibleDescription(
      /A new role or queues signs Kim Floor out everywhere/,
    );
    expect(within(form).getByRole('checkbox', { name: 'Active' })).toHaveAccessibleDescription(
      /Deactivating signs Kim Floor out at once\./,
    );

    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Supervisor');
    await user.clear(within(form).getByRole('textbox', { name: 'Team' }));
    await user.type(within(form).getByRole('textbox', { name: 'Team' }), 'South');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'Saved Kim Floor: role Agent → Supervisor; team North → South. Kim Floor is signed ' +
          'out everywhere; the new rights apply when they sign in again.',
      ),
    );
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10').map((r) => r.body)).toEqual([
      { role: 'supervisor', team: 'South' },
    ]);
    expect(server.accounts[3]?.role).toBe('supervisor');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(section()).getByRole('button', { name: 'Edit Kim Floor' })).toHaveFocus(),
    );
    await waitFor(async () =>
      expect(rowCells((await bodyRows())[3] as HTMLElement)).toEqual([
        'Kim Floor',
        'kim@example.com',
        'Supervisor',
        'Callbacks',
        'South',
        'Active',
        'Edit',
      ]),
    );
  });

  it('sends a new name and queues alone; none ticked is every queue', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    let form = detailsForm(await openEdit(user, 'Kim Floor'));
    await user.click(within(form).getByRole('checkbox', { name: 'Callbacks' }));
    await user.clear(within(form).getByRole('textbox', { name: 'Name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Kim Flor');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        /^Saved Kim Flor: name Kim Floor → Kim Flor; queues Callbacks → Every queue\. /,
      ),
    );
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10').map((r) => r.body)).toEqual([
      { displayName: 'Kim Flor', queues: [] },
    ]);

    // All three ticked is every queue too: nothing to send.
    form = detailsForm(await openEdit(user, 'Kim Flor'));
    for (const name of ['Unsigned', 'Outstanding', 'Callbacks']) {
      expect(within(form).getByRole('checkbox', { name })).toBeChecked();
    }
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(within(form).getByText('Nothing has changed, so nothing was saved.')).toBeVisible();
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10')).toHaveLength(1);
  });

  it('closes on Escape and on Cancel, saving nothing; the focus goes back to Edit', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    let form = detailsForm(await openEdit(user, 'Kim Floor'));
    await user.type(within(form).getByRole('textbox', { name: 'Team' }), ' East');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(section()).getByRole('button', { name: 'Edit Kim Floor' })).toHaveFocus(),
    );

    form = detailsForm(await openEdit(user, 'Kim Floor'));
    expect(within(form).getByRole('textbox', { name: 'Team' })).toHaveValue('North');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(section()).getByRole('button', { name: 'Edit Kim Floor' })).toHaveFocus(),
    );
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10')).toHaveLength(0);
  });

  it('keeps the keyboard inside the dialog: Tab from the last control wraps', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Kim Floor');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    const reset = within(dialog).getByRole('button', { name: 'Reset password' });
    reset.focus();
    await user.tab();
    expect(name).toHaveFocus();
    await user.tab({ shift: true });
    expect(reset).toHaveFocus();
  });

  it('asks before deactivating, and deactivates only once confirmed', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Kim Floor');
    const form = detailsForm(dialog);
    const active = within(form).getByRole('checkbox', { name: 'Active' });
    await user.click(active);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    const question = within(form).getByRole('group', {
      name: 'Deactivate Kim Floor? They are signed out at once.',
    });
    await waitFor(() =>
      expect(within(question).getByRole('button', { name: 'Go back' })).toHaveFocus(),
    );
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10')).toHaveLength(0);

    await user.click(within(question).getByRole('button', { name: 'Go back' }));
    expect(within(form).queryByRole('group', { name: /^Deactivate/ })).not.toBeInTheDocument();
    await waitFor(() => expect(active).toHaveFocus());
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10')).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await user.click(within(form).getByRole('button', { name: 'Deactivate Kim Floor' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'Saved Kim Floor: deactivated. Kim Floor is signed out and can no longer sign in.',
      ),
    );
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10').map((r) => r.body)).toEqual([
      { active: false },
    ]);
    await waitFor(async () =>
      expect(rowCells((await bodyRows())[3] as HTMLElement)[5]).toBe('Deactivated'),
    );
  });

  it('reactivates without asking', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), buildAccount({ active: false })]);
    const { user } = renderAdmin(api);

    const form = detailsForm(await openEdit(user, 'Kim Floor'));
    await user.click(within(form).getByRole('checkbox', { name: 'Active' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(notice()).toHaveTextContent('Saved Kim Floor: reactivated.'));
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10').map((r) => r.body)).toEqual([
      { active: true },
    ]);
  });

  it('shows an admin locking themselves out (409) at the field, and keeps the dialog', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Ada Admin');
    const form = detailsForm(dialog);
    const active = within(form).getByRole('checkbox', { name: 'Active' });
    await user.click(active);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await user.click(within(form).getByRole('button', { name: 'Deactivate Ada Admin' }));

    await waitFor(() => expect(active).toHaveAttribute('aria-invalid', 'true'));
    expect(active).toHaveAccessibleDescription(
      /^You cannot deactivate your own account\. Only active accounts can sign in\./,
    );
    await waitFor(() => expect(active).toHaveFocus());
    expect(screen.getByRole('dialog', { name: 'Edit Ada Admin' })).toBeInTheDocument();

    // Giving up their own admin role: refused at Role.
    await user.click(active);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'Agent');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const role = within(form).getByRole('combobox', { name: 'Role' });
    await waitFor(() => expect(role).toHaveAttribute('aria-invalid', 'true'));
    expect(role).toHaveAccessibleDescription(/^You cannot take away your own admin role\. /);
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/3').map((r) => r.body)).toEqual([
      { active: false },
      { role: 'agent' },
    ]);
    expect(notice()).toHaveTextContent('');
  });

  it('shows a 400 at the field it names, and says when the account has gone', async () => {
    const api = createFakeApi();
    const server = serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    const form = detailsForm(await openEdit(user, 'Kim Floor'));
    api.on('PATCH', '/api/admin/agents/10', () =>
      errorResponse(400, 'invalid_argument', 'team must be at most 60 characters', {
        field: 'team',
      }),
    );
    await user.type(within(form).getByRole('textbox', { name: 'Team' }), ' East');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const team = within(form).getByRole('textbox', { name: 'Team' });
    await waitFor(() =>
      expect(team).toHaveAccessibleDescription('The team must be at most 60 characters.'),
    );
    expect(team).toHaveValue('North East');

    api.on('PATCH', '/api/admin/agents/10', () => errorResponse(404, 'not_found', 'no agent 10'));
    server.accounts.splice(3, 1);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'This account no longer exists: nothing was saved.',
    );
  });
});

describe('resetting a password', () => {
  it('sets a new temporary password in the dialog and says the agent is signed out', async () => {
    const api = createFakeApi();
    const server = serveAgentAccounts(api, [...demoAccounts(), kim()]);
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Kim Floor');
    const reset = within(dialog).getByRole('form', { name: 'Reset password' });
    expect(within(reset).getByText(/^Last set/)).toHaveTextContent(
      'Last set Mon 2 Nov 2026, 10:15. A new one signs Kim Floor out everywhere.',
    );
    const password = within(reset).getByLabelText('New temporary password');

    await user.type(password, 'too-short');
    await user.click(within(reset).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(
      'The password must be at least 12 characters. At least 12 characters. Give it to them in ' +
        'person; they sign in with it.',
    );
    expect(requestsTo(api, 'POST', '/api/admin/agents/10/password')).toHaveLength(0);

    await user.clear(password);
    await user.type(password, 'kim-second-password');
    await user.click(within(reset).getByRole('button', { name: 'Reset password' }));

    expect(
      await within(reset).findByText('Password reset; Kim Floor is signed out.'),
    ).toHaveAttribute('role', 'status');
    expect(requestsTo(api, 'POST', '/api/admin/agents/10/password').map((r) => r.body)).toEqual([
      { password: 'kim-second-password' },
    ]);
    expect(server.passwords.get('10')).toBe('kim-second-password');
    expect(password).toHaveValue('');
    expect(password).not.toHaveAttribute('aria-invalid');
    // The dialog stays open, and shows when the password was last set.
    await waitFor(() =>
      expect(within(reset).getByText(/^Last set/)).toHaveTextContent(
        'Last set Wed 4 Nov 2026, 11:00.',
      ),
    );
    // Nothing else was changed.
    expect(requestsTo(api, 'PATCH', '/api/admin/agents/10')).toHaveLength(0);
  });

  it('shows the server refusing the password at the field', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim()]);
    api.on('POST', '/api/admin/agents/10/password', () =>
      errorResponse(400, 'invalid_argument', 'password must be at most 1024 characters', {
        field: 'password',
      }),
    );
    const { user } = renderAdmin(api);

    const dialog = await openEdit(user, 'Kim Floor');
    const reset = within(dialog).getByRole('form', { name: 'Reset password' });
    const password = within(reset).getByLabelText('New temporary password');
    await user.type(password, 'kim-second-password');
    await user.click(within(reset).getByRole('button', { name: 'Reset password' }));

    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(
        /^The password must be at most 1024 characters\. /,
      ),
    );
    expect(password).toHaveValue('kim-second-password');
  });
});

describe('machine agents', () => {
  const claimsBot = () =>
    buildAccount({
      id: '20',
      email: 'claims-bot@example.com',
      displayName: 'Claims bot',
      kind: 'machine',
      team: '',
      passwordChangedAt: null,
    });

  it('marks machine agents in the list; only they have API keys, and no password reset', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api, [...demoAccounts(), kim(), claimsBot()]);
    const { user } = renderAdmin(api);

    const rows = await bodyRows();
    expect(rowCells(rows[3] as HTMLElement)[0]).toBe('Kim Floor');
    expect(rowCells(rows[4] as HTMLElement)).toEqual([
      'Claims bot Machine',
      'claims-bot@example.com',
      'Agent',
      'Every queue',
      '—No team',
      'Active',
      'EditAPI keys',
    ]);
    expect(within(section()).getAllByRole('button', { name: /^API keys for / })).toEqual([
      within(section()).getByRole('button', { name: 'API keys for Claims bot' }),
    ]);

    const dialog = await openEdit(user, 'Claims bot');
    expect(within(dialog).queryByRole('form', { name: 'Reset password' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument();
    expect(within(dialog).getByText(/^Agent: a machine agent works the queues only/)).toBeVisible();
    expect(
      within(detailsForm(dialog)).getByRole('checkbox', { name: 'Active' }),
    ).toHaveAccessibleDescription(
      'Only active machine agents can work. Deactivating refuses every API key of Claims bot at ' +
        'once.',
    );
  });

  it('adds a machine agent from the keyboard: no password, always an agent', async () => {
    const api = createFakeApi();
    const server = serveAgentAccounts(api);
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();
    const kinds = within(form).getByRole('group', { name: 'Account for' });
    const person = within(kinds).getByRole('radio', { name: 'Person' });
    expect(person).toBeChecked();
    expect(within(form).getByLabelText('Temporary password')).toBeInTheDocument();

    // Arrow keys move between the choices, as in any radio group.
    person.focus();
    await user.keyboard('{ArrowRight}');
    const machine = within(kinds).getByRole('radio', { name: 'Machine agent (API key)' });
    expect(machine).toBeChecked();
    expect(machine).toHaveFocus();
    expect(kinds).toHaveAccessibleDescription(/^An external AI agent that works the queues/);
    expect(within(form).queryByLabelText('Temporary password')).not.toBeInTheDocument();
    expect(within(form).queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'claims-bot@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Claims bot');
    await user.click(within(form).getByRole('checkbox', { name: 'Unsigned' }));
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    await waitFor(() =>
      expect(notice()).toHaveTextContent(
        'Added Claims bot (machine agent). It works once you create an API key for it: API ' +
          'keys, in its row.',
      ),
    );
    expect(requestsTo(api, 'POST', '/api/admin/agents').map((r) => r.body)).toEqual([
      {
        email: 'claims-bot@example.com',
        displayName: 'Claims bot',
        role: 'agent',
        queues: ['unsigned'],
        team: '',
        kind: 'machine',
      },
    ]);
    expect(server.passwords.has('101')).toBe(false);
    await waitFor(async () =>
      expect(rowCells((await bodyRows())[3] as HTMLElement).slice(0, 3)).toEqual([
        'Claims bot Machine',
        'claims-bot@example.com',
        'Agent',
      ]),
    );
    // Empty again, and back to a person.
    expect(within(kinds).getByRole('radio', { name: 'Person' })).toBeChecked();
    expect(within(form).getByLabelText('Temporary password')).toHaveValue('');
  });

  it('shows a refusal of the kind, or of a field a machine agent has not, at the choice', async () => {
    const api = createFakeApi();
    serveAgentAccounts(api);
    api.on('POST', '/api/admin/agents', () =>
      errorResponse(400, 'invalid_argument', 'role must be agent for a machine agent', {
        field: 'role',
      }),
    );
    const { user } = renderAdmin(api);
    await table();
    const form = addForm();
    const kinds = within(form).getByRole('group', { name: 'Account for' });

    await user.click(within(kinds).getByRole('radio', { name: 'Machine agent (API key)' }));
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'claims-bot@example.com');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Claims bot');
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));

    await waitFor(() =>
      expect(kinds).toHaveAccessibleDescription(/^The role must be agent for a machine agent\. /),
    );
    const machine = within(kinds).getByRole('radio', { name: 'Machine agent (API key)' });
    expect(machine).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(machine).toHaveFocus());
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Claims bot');

    api.on('POST', '/api/admin/agents', () =>
      errorResponse(400, 'invalid_argument', 'kind must be human or machine', { field: 'kind' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add agent' }));
    await waitFor(() =>
      expect(kinds).toHaveAccessibleDescription(
        /^The kind of account must be human or machine\. /,
      ),
    );
  });
});
