import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { createFakeMicrophone } from '@/testing/fake-microphone';
import { renderApp } from '@/testing/render-app';
import type { AgentStatusName, Role } from '@/types/api';

type Options = {
  api?: FakeApi;
  role?: Role;
  status?: AgentStatusName;
  reason?: string | null;
  microphone?: ReturnType<typeof createFakeMicrophone>;
};

function renderSignedIn({
  api = createFakeApi(),
  role = 'agent',
  status,
  reason = null,
  microphone,
}: Options = {}) {
  const session = api.signIn(demoAgents[role]);
  if (status) api.setAgentStatus(status, reason);
  return { ...renderApp({ path: '/queue', api, microphone }), session };
}

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const topBar = () => screen.getByRole('banner');
async function statusButton(name: string) {
  const header = await screen.findByRole('banner');
  return within(header).findByRole('button', { name: `Status: ${name}` });
}

/** Opens the status menu from its button and returns the menu. */
async function openMenu(user: ReturnType<typeof renderApp>['user'], current: string) {
  await user.click(await statusButton(current));
  return screen.getByRole('menu', { name: `Status: ${current}` });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the status in the top bar', () => {
  it('shows the status in words and the time in state, counting up', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
    renderSignedIn({ status: 'break', reason: 'lunch' });

    const button = await statusButton('On a break — Lunch');
    expect(button).toHaveTextContent('On a break — Lunch');
    const timer = within(topBar()).getByRole('timer', { name: 'Time in state' });
    expect(timer).toHaveTextContent('0:00');
    expect(timer.parentElement).toHaveTextContent('0:00 in state');

    vi.setSystemTime(new Date('2026-11-24T10:02:14Z'));
    await waitFor(() => expect(timer).toHaveTextContent('2:14'));
    vi.setSystemTime(new Date('2026-11-24T11:02:09Z'));
    await waitFor(() => expect(timer).toHaveTextContent('1:02:09'));
  });

  it.each([
    ['offline', null, 'Offline'],
    ['available', null, 'Available'],
    ['on_call', null, 'On a call'],
    ['wrap_up', null, 'Wrap-up'],
    ['break', 'comfort', 'On a break — Comfort break'],
  ] as const)('names %s (reason %s) in words', async (status, reason, words) => {
    renderSignedIn({ status, reason });

    expect(await statusButton(words)).toHaveAttribute('aria-haspopup', 'menu');
  });

  it('is not shown to an admin, who has no status', async () => {
    const { api } = renderSignedIn({ role: 'admin' });

    await screen.findByRole('heading', { level: 1, name: 'Queue' });
    expect(
      within(topBar()).queryByRole('button', { name: /^Status:/ }),
    ).not.toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/agents/me/status')).toHaveLength(0);
  });

  it('is shown to a supervisor', async () => {
    renderSignedIn({ role: 'supervisor' });

    expect(await statusButton('Available')).toBeInTheDocument();
  });
});

describe('choosing a status', () => {
  it('offers Available, a break by reason and Offline', async () => {
    const { user } = renderSignedIn();

    const menu = await openMenu(user, 'Available');

    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Available✓',
      'Break',
      'Lunch',
      'Training',
      'Meeting',
      'Admin',
      'Comfort break',
      'Offline',
    ]);
    const reasons = within(menu).getByRole('group', { name: 'Break' });
    expect(within(reasons).getAllByRole('menuitem')).toHaveLength(6);
    await waitFor(() =>
      expect(within(menu).getByRole('menuitem', { name: /^Available/ })).toHaveFocus(),
    );
  });

  it('takes a break with its reason', async () => {
    const { user, api, session } = renderSignedIn();

    const menu = await openMenu(user, 'Available');
    const reasons = within(menu).getByRole('group', { name: 'Break' });
    await user.click(within(reasons).getByRole('menuitem', { name: 'Lunch' }));

    const button = await statusButton('On a break — Lunch');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
    const [sent] = requestsTo(api, 'PUT', '/api/agents/me/status');
    expect(sent?.body).toEqual({ status: 'break', reason: 'lunch' });
    expect(sent?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(api.agentStatus).toMatchObject({ status: 'break', reason: 'lunch' });
  });

  it('goes offline from the keyboard', async () => {
    const { user, api } = renderSignedIn();
    const button = await statusButton('Available');

    button.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu');
    await waitFor(() =>
      expect(within(menu).getByRole('menuitem', { name: /^Available/ })).toHaveFocus(),
    );
    await user.keyboard('{End}');
    expect(within(menu).getByRole('menuitem', { name: 'Offline' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await statusButton('Offline')).toBeInTheDocument();
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')[0]?.body).toEqual({
      status: 'offline',
    });
  });

  it('closes the menu on Escape and gives the focus back to its button', async () => {
    const { user, api } = renderSignedIn();
    const button = await statusButton('Available');

    await user.click(button);
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(0);
  });

  it.each([
    [409, 'failed_precondition', "save the call's outcome first", undefined],
    [400, 'invalid_argument', 'a break needs a reason', 'reason'],
  ] as const)('shows a %i refusal and keeps the status', async (code, kind, message, field) => {
    const api = createFakeApi();
    api.on('PUT', '/api/agents/me/status', () => errorResponse(code, kind, message, { field }));
    const { user } = renderSignedIn({ api });

    const menu = await openMenu(user, 'Available');
    await user.click(within(menu).getByRole('menuitem', { name: 'Offline' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Your status was not changed: ${message}`,
    );
    expect(await statusButton('Available')).toBeInTheDocument();
  });

  it.each([
    ['on_call', 'On a call', 'You are on a call: finish it and save its outcome first.'],
    ['wrap_up', 'Wrap-up', "Save the call's outcome first: that makes you Available again."],
  ] as const)('locks every choice while %s, saying why', async (status, words, why) => {
    const { user, api } = renderSignedIn({ status });

    const menu = await openMenu(user, words);

    expect(menu).toHaveAccessibleDescription(why);
    expect(screen.getByText(why)).toBeVisible();
    const items = within(menu).getAllByRole('menuitem');
    expect(items).toHaveLength(8);
    for (const item of items) expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(menu).getByRole('menuitem', { name: 'Offline' }));
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(0);
  });
});

describe('the status moved by the server', () => {
  it('is read again when the live socket says it changed, and after a reconnect', async () => {
    const { api, live } = renderSignedIn();
    await statusButton('Available');
    act(() => live.current.accept());
    const reads = () => requestsTo(api, 'GET', '/api/agents/me/status').length;
    const before = reads();

    // A supervisor hears about everyone: another agent's change is not theirs.
    act(() => live.agentStatusChanged('on_call', '2'));
    expect(reads()).toBe(before);

    api.setAgentStatus('on_call');
    act(() => live.agentStatusChanged('on_call'));
    expect(await statusButton('On a call')).toBeInTheDocument();
    expect(reads()).toBe(before + 1);

    api.setAgentStatus('wrap_up');
    act(() => live.current.drop());
    await waitFor(() => expect(live.sockets.filter((s) => !s.closed)).toHaveLength(1), {
      timeout: 2_500,
    });
    act(() => live.current.accept());
    expect(await statusButton('Wrap-up')).toBeInTheDocument();
  });
});

describe('the microphone check before going Available', () => {
  it('runs with the real voice service, and a failure keeps the agent as they were', async () => {
    const api = createFakeApi();
    api.setVoiceMode('twilio');
    const microphone = createFakeMicrophone();
    microphone.fail(new Error('no microphone was found (check that the headset is plugged in)'));
    const { user } = renderSignedIn({ api, status: 'offline', microphone });

    let menu = await openMenu(user, 'Offline');
    await user.click(within(menu).getByRole('menuitem', { name: /^Available/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your microphone is not available: no microphone was found (check that the headset is ' +
        'plugged in)',
    );
    expect(microphone.checks).toBe(1);
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(0);
    expect(await statusButton('Offline')).toBeInTheDocument();

    microphone.fail(null);
    menu = await openMenu(user, 'Offline');
    await user.click(within(menu).getByRole('menuitem', { name: /^Available/ }));

    expect(await statusButton('Available')).toBeInTheDocument();
    expect(microphone.checks).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')[0]?.body).toEqual({
      status: 'available',
    });
    // The token fetched to learn the mode is the softphone's: the first call reuses it.
    expect(api.tokensIssued).toBe(1);
  });

  it('is skipped with the simulated voice service, which has no microphone', async () => {
    const microphone = createFakeMicrophone();
    microphone.fail(new Error('no microphone was found'));
    const { user, api } = renderSignedIn({ status: 'offline', microphone });

    const menu = await openMenu(user, 'Offline');
    await user.click(within(menu).getByRole('menuitem', { name: /^Available/ }));

    expect(await statusButton('Available')).toBeInTheDocument();
    expect(microphone.checks).toBe(0);
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(1);
  });

  it('is not needed for a break or going offline', async () => {
    const api = createFakeApi();
    api.setVoiceMode('twilio');
    const microphone = createFakeMicrophone();
    const { user } = renderSignedIn({ api, microphone });

    const menu = await openMenu(user, 'Available');
    await user.click(within(menu).getByRole('menuitem', { name: 'Offline' }));

    expect(await statusButton('Offline')).toBeInTheDocument();
    expect(microphone.checks).toBe(0);
  });
});
