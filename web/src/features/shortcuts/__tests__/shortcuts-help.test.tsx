import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import { registerShortcutGroup, useShortcutGroups } from '../registry';

function renderSignedIn(role: Role = 'agent', path = '/queue', api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const helpButton = () =>
  within(screen.getByRole('banner')).getByRole('button', { name: 'Keyboard shortcuts' });
const dialog = () => screen.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** The overlay's rows as "key action" lines, per table (caption first). */
function listed(): string[][] {
  return within(dialog())
    .getAllByRole('table')
    .map((table) => [
      table.querySelector('caption')?.textContent ?? '',
      ...within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent)
            .join(' '),
        ),
    ]);
}

describe('the keyboard shortcuts help', () => {
  it('opens with ? and lists the call screen’s shortcuts', async () => {
    const { user } = renderSignedIn();
    await screen.findByRole('combobox', { name: 'Queue' });

    await user.keyboard('?');

    expect(dialog()).toHaveAttribute('aria-modal', 'true');
    expect(listed()).toEqual([
      ['Everywhere', '? Show the keyboard shortcuts'],
      [
        'Queue (the call screen)',
        'N Next customer',
        'F2 Call the customer',
        'H Hang up (during a call)',
        'M Mute or unmute (during a call)',
        '1–9 Choose the outcome at that place in the list',
        'Enter Save outcome (on the chosen outcome)',
        'A Start or stop auto mode',
        'Esc Pause the auto-mode countdown',
      ],
    ]);
  });

  it('keeps the focus inside, closes on Escape and gives the focus back', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderSignedIn('agent', '/queue', api);
    const next = await screen.findByRole('button', { name: 'Next customer' });
    await waitFor(() => expect(next).toBeEnabled());
    next.focus();

    await user.keyboard('?');
    const close = within(dialog()).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();

    // The page's own keys are asleep behind it.
    await user.keyboard('n');
    expect(api.requests.filter((r) => r.path === '/api/queue/next')).toHaveLength(0);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(next).toHaveFocus();
  });

  it('opens from the top bar button and its Close button gives the focus back to it', async () => {
    const { user } = renderSignedIn();
    await screen.findByRole('combobox', { name: 'Queue' });
    expect(helpButton()).toHaveAttribute('aria-keyshortcuts', '?');

    await user.click(helpButton());
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(helpButton()).toHaveFocus();
  });

  it('does not open while the agent types', async () => {
    const { user } = renderSignedIn();
    await screen.findByRole('combobox', { name: 'Queue' });
    // The queue picker is a field too (a select takes letters).
    await user.click(await screen.findByRole('combobox', { name: 'Queue' }));
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lists only what applies: an admin on the queue page has no call screen keys', async () => {
    const { user } = renderSignedIn('admin');
    await screen.findByRole('heading', { level: 1, name: 'Queue' });
    await user.click(helpButton());
    expect(listed()).toEqual([['Everywhere', '? Show the keyboard shortcuts']]);
  });
});

describe('the shortcut registry', () => {
  it('lists a group while it is registered, once however often', () => {
    const group = { id: 'test', title: 'Test', shortcuts: [{ keys: 'X', action: 'Do X' }] };
    const { result } = renderHook(() => useShortcutGroups());
    let first: () => void = () => {};
    let second: () => void = () => {};
    act(() => {
      first = registerShortcutGroup(group);
      second = registerShortcutGroup(group);
    });
    expect(result.current.filter((g) => g.id === 'test')).toHaveLength(1);
    act(() => first());
    act(() => first());
    expect(result.current.some((g) => g.id === 'test')).toBe(true);
    act(() => second());
    expect(result.current.some((g) => g.id === 'test')).toBe(false);
  });
});
