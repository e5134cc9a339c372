import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  buildAccount,
  demoAccounts,
  serveAgentAccounts,
} from '@/features/agent-accounts/__tests__/fake-agent-accounts';
import type { AgentAccount } from '@/features/agent-accounts/api/schemas';
import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { buildApiKey, serveApiKeys } from './fake-api-keys';

const claimsBot = (overrides: Partial<AgentAccount> = {}) =>
  buildAccount({
    id: '20',
    email: 'claims-bot@example.com',
    displayName: 'Claims bot',
    kind: 'machine',
    queues: ['unsigned', 'callbacks'],
    team: '',
    passwordChangedAt: null,
    ...overrides,
  });

/** The admin page with the demo accounts and Claims bot, and its keys. */
function renderWithKeys(keys = [buildApiKey()], bot = claimsBot()) {
  const api = createFakeApi();
  const accounts = serveAgentAccounts(api, [...demoAccounts(), bot]);
  const server = serveApiKeys(api, accounts.accounts, keys);
  api.signIn(demoAgents.admin);
  return { ...renderApp({ path: '/admin', api }), server };
}

const section = () => screen.getByRole('region', { name: 'Agent accounts' });
const dialog = () => screen.getByRole('dialog', { name: 'API keys for Claims bot' });
const keysButton = () =>
  within(section()).getByRole('button', { name: 'API keys for Claims bot' });
const keyTable = () => within(dialog()).findByRole('table', { name: 'API keys' });
const keyRows = async () =>
  within(await keyTable())
    .getAllByRole('row')
    .slice(1);
const rowCells = (row: HTMLElement) => [
  within(row).getByRole('rowheader').textContent,
  ...within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent),
];
const createForm = () => within(dialog()).getByRole('form', { name: 'Create API key' });
const listNotice = () =>
  within(within(dialog()).getByRole('region', { name: 'Keys' }))
    .getAllByRole('status')
    .find((element) => element.getAttribute('aria-live') === 'polite');
const requestsTo = (api: FakeApi, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && r.path === path);

async function openKeys(user: ReturnType<typeof renderWithKeys>['user']) {
  await within(await screen.findByRole('region', { name: 'Agent accounts' })).findByRole(
    'button',
    { name: 'API keys for Claims bot' },
  );
  await user.click(keysButton());
  return dialog();
}

beforeEach(() => {
  // Wednesday 4 Nov 2026, 11:00 in the UK (GMT).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a machine agent’s API keys', () => {
  it('lists each key: its start, what it allows, queues, when made and used, and status', async () => {
    const { user } = renderWithKeys([
      buildApiKey({
        actions: ['next_lead', 'outcome'],
        lastUsedAt: '2026-11-04T10:42:00Z',
      }),
      buildApiKey({
        id: '8',
        prefix: 'rmc_z9y8x7w6',
        actions: ['sms'],
        queues: ['callbacks'],
        active: false,
        revokedAt: '2026-11-03T16:05:00Z',
        revokedBy: '3',
      }),
    ]);

    await openKeys(user);
    expect(dialog()).toHaveAccessibleDescription('claims-bot@example.com');
    expect((await keyRows()).map(rowCells)).toEqual([
      [
        'rmc_k7a1b2c3…',
        'Take customers from the queueSave call outcomes',
        'Every queue it works',
        'Mon 2 Nov, 10:15',
        'Wed 4 Nov, 10:42',
        'Active',
        'Revoke',
      ],
      [
        'rmc_z9y8x7w6…',
        'Send texts',
        'Callbacks',
        'Mon 2 Nov, 10:15',
        'Never',
        'RevokedTue 3 Nov, 16:05',
        '',
      ],
    ]);
    // Only a working key can be revoked; the key itself is never listed.
    expect(within(dialog()).getAllByRole('button', { name: /^Revoke key/ })).toHaveLength(1);
    expect(within(dialog()).queryByLabelText('New API key')).not.toBeInTheDocument();
  });

  it('says so while loading, when there are none, and when they cannot be read', async () => {
    const { user, api } = renderWithKeys([]);
    let answer: (response: Response) => void = () => {};
    api.on(
      'GET',
      '/api/admin/agents/20/api-keys',
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );

    await openKeys(user);
    expect(within(dialog()).getByText('Loading API keys…')).toBeInTheDocument();
    answer(errorResponse(503, 'unavailable', 'The database is unavailable.'));
    expect(
      await within(dialog()).findByText(
        'The API keys could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();

    api.on('GET', '/api/admin/agents/20/api-keys', () => jsonResponse(200, { keys: [] }));
    await user.click(within(dialog()).getByRole('button', { name: 'Try again' }));
    expect(
      await within(dialog()).findByText('This machine agent has no API keys.'),
    ).toBeInTheDocument();
    expect(within(dialog()).queryByRole('table')).not.toBeInTheDocument();
  });

  it('makes a key and shows it once: read-only, to copy, gone when the dialog closes', async () => {
    const { user, api, server } = renderWithKeys([]);
    await openKeys(user);
    await within(dialog()).findByText('This machine agent has no API keys.');
    const form = createForm();

    // The agent's own queues only; none ticked is all of them.
    expect(
      within(within(form).getByRole('group', { name: 'Queues' }))
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Unsigned', 'Callbacks']);
    expect(within(form).getByRole('group', { name: 'Queues' })).toHaveAccessibleDescription(
      'None ticked: every queue Claims bot works, now and later.',
    );

    // Nothing allowed: asked for before anything is sent.
    await user.click(within(form).getByRole('button', { name: 'Create API key' }));
    const allows = within(form).getByRole('group', { name: 'Allows' });
    expect(allows).toHaveAccessibleDescription('Tick at least one thing the key allows.');
    const first = within(allows).getByRole('checkbox', { name: 'Take customers from the queue' });
    await waitFor(() => expect(first).toHaveFocus());
    expect(requestsTo(api, 'POST', '/api/admin/agents/20/api-keys')).toHaveLength(0);

    await user.click(within(allows).getByRole('checkbox', { name: 'Save call outcomes' }));
    expect(allows).not.toHaveAccessibleDescription();
    await user.click(first);
    await user.click(within(form).getByRole('checkbox', { name: 'Callbacks' }));
    await user.click(within(form).getByRole('button', { name: 'Create API key' }));

    const secretField = await within(dialog()).findByLabelText('New API key');
    const secret = server.secrets.get('41');
    expect(secret).toMatch(/^rmc_/);
    expect(secretField).toHaveValue(secret);
    expect(secretField).toHaveAttribute('readonly');
    expect(secretField).toHaveFocus();
    expect(secretField).toHaveAccessibleDescription(
      'Copy it now and keep it safe: it will not be shown again, here or anywhere, once this ' +
        'dialog is closed.',
    );
    // In the server's order, whatever order they were ticked in.
    expect(requestsTo(api, 'POST', '/api/admin/agents/20/api-keys').map((r) => r.body)).toEqual([
      { actions: ['next_lead', 'outcome'], queues: ['callbacks'] },
    ]);
    await waitFor(async () =>
      expect((await keyRows()).map((row) => rowCells(row).slice(0, 3))).toEqual([
        [
          `${secret?.slice(0, 12)}…`,
          'Take customers from the queueSave call outcomes',
          'Callbacks',
        ],
      ]),
    );
    // The form is empty again.
    expect(within(form).getByRole('checkbox', { name: 'Save call outcomes' })).not.toBeChecked();

    await user.click(within(dialog()).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(within(dialog()).getByText('Copied.')).toHaveAttribute('role', 'status');

    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(keysButton()).toHaveFocus());

    await user.click(keysButton());
    expect(await keyRows()).toHaveLength(1);
    expect(within(dialog()).queryByLabelText('New API key')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(secret);
    expect(
      Array.from(document.querySelectorAll('input')).some((input) => input.value === secret),
    ).toBe(false);
  });

  it('shows a refusal at the field the server names, and an inactive agent’s refusal', async () => {
    const { user, api } = renderWithKeys([]);
    await openKeys(user);
    const form = createForm();
    api.on('POST', '/api/admin/agents/20/api-keys', () =>
      errorResponse(400, 'invalid_argument', 'queues must be queues the machine agent may work', {
        field: 'queues',
      }),
    );

    await user.click(within(form).getByRole('checkbox', { name: 'Send texts' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Unsigned' }));
    await user.click(within(form).getByRole('button', { name: 'Create API key' }));

    const queues = within(form).getByRole('group', { name: 'Queues' });
    await waitFor(() =>
      expect(queues).toHaveAccessibleDescription(
        /^The queues must be queues the machine agent may work\. None ticked/,
      ),
    );
    const unsigned = within(queues).getByRole('checkbox', { name: 'Unsigned' });
    expect(unsigned).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(unsigned).toHaveFocus());
    // What was ticked stays; no key is shown.
    expect(unsigned).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Send texts' })).toBeChecked();
    expect(within(dialog()).queryByLabelText('New API key')).not.toBeInTheDocument();

    api.on('POST', '/api/admin/agents/20/api-keys', () =>
      errorResponse(409, 'failed_precondition', 'API keys are only for active machine agents', {
        field: 'agentId',
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Create API key' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'No key was made: keys work only for an active machine agent. Reactivate Claims bot first.',
    );
  });

  it('revokes a key only once confirmed, and marks it revoked', async () => {
    const { user, api, server } = renderWithKeys();
    await openKeys(user);
    const revokeButton = await within(dialog()).findByRole('button', {
      name: 'Revoke key rmc_k7a1b2c3…',
    });

    await user.click(revokeButton);
    const question = within(dialog()).getByRole('group', {
      name:
        'Revoke key rmc_k7a1b2c3…? Claims bot can no longer use it, from its next request; ' +
        'this cannot be undone.',
    });
    await waitFor(() =>
      expect(within(question).getByRole('button', { name: 'Go back' })).toHaveFocus(),
    );
    await user.click(within(question).getByRole('button', { name: 'Go back' }));
    expect(within(dialog()).queryByRole('group', { name: /^Revoke key/ })).not.toBeInTheDocument();
    await waitFor(() => expect(revokeButton).toHaveFocus());
    expect(requestsTo(api, 'POST', '/api/admin/api-keys/7/revoke')).toHaveLength(0);

    await user.click(revokeButton);
    await user.click(within(dialog()).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() =>
      expect(listNotice()).toHaveTextContent(
        "Key rmc_k7a1b2c3… revoked: Claims bot's requests with it are refused from now on.",
      ),
    );
    expect(requestsTo(api, 'POST', '/api/admin/api-keys/7/revoke')).toHaveLength(1);
    expect(server.keys[0]?.active).toBe(false);
    await waitFor(async () =>
      expect(rowCells((await keyRows())[0] as HTMLElement)[5]).toBe('RevokedWed 4 Nov, 11:00'),
    );
    expect(within(dialog()).queryByRole('button', { name: /^Revoke key/ })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(dialog()).getByRole('heading', { name: 'Keys' })).toHaveFocus(),
    );
  });

  it('says when the key had been revoked already', async () => {
    const { user, api } = renderWithKeys();
    await openKeys(user);
    await user.click(
      await within(dialog()).findByRole('button', { name: 'Revoke key rmc_k7a1b2c3…' }),
    );
    api.on('POST', '/api/admin/api-keys/7/revoke', () =>
      errorResponse(404, 'not_found', 'no active API key 7'),
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() =>
      expect(listNotice()).toHaveTextContent('Key rmc_k7a1b2c3… had already been revoked.'),
    );
    expect(within(dialog()).queryByRole('group', { name: /^Revoke key/ })).not.toBeInTheDocument();
  });
});
